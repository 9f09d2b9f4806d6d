/**
 * The rate calculator on /ersattningar runs the same model code as the loaders: bundled by the build to
 * src/components/generated/rates.js.
 */
export {rateForYear, startedHours, calculateInvoice, decimalText} from "../models/hourly-rates.ts";
export {MissingIndexError} from "../models/index-uprating.ts";
export {dec} from "../models/exact.ts";
export {kronorToOre} from "../models/money.ts";
