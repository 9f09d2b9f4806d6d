/**
 * The tilläggsbelopp model for the page's what-if (bundled by the build to
 * src/components/generated/supplementary-amount.js): the same functions the loader and the CLI call,
 * so a count typed into the page gives the figures the build would give.
 */
export {reconcileAndDistribute} from "../models/supplementary-amount-year.ts";
export {reconcile, upratedAmounts, readingLabel, svDecimalText} from "../models/supplementary-amount.ts";
export {allocate, allocationForJson} from "../models/allocation.ts";
export {classifyAgainstBand} from "../models/normal-variation.ts";
export {reconciliationSentence, indexYearText} from "../reports/supplementary-amount-text.ts";
