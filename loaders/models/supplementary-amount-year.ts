/**
 * One reconciliation year of the tilläggsbelopp, from the count to each municipality's krona
 * (Överenskommelse tilläggsbelopp 2026–2027, steps 1–2 and "fördelas mellan kommunerna enligt fastslagen
 * modell"): reconcile() of supplementary-amount.ts, then allocate() of allocation.ts on the final amount.
 *
 * This is the function the loader, the CLI and the page's what-if (bundled to the browser by
 * loaders/browser/supplementary-amount.ts) all call, so a count typed into the page gives exactly the
 * figures the build would give for that count. Its inputs and output are plain JSON (no BigInt, no Ratio).
 */
import {type IndexName, type IndexValue} from "./index-uprating.ts";
import {reconcile, type Reading, type Reconciliation, type ReconciliationAmounts, type ReconciliationBand} from "./supplementary-amount.ts";
import {allocate, allocationForJson, type AllocationJsonRow, type AllocationMunicipality, type AllocationWeights} from "./allocation.ts";

export interface ReconciliationYearInputs {
  /** The reconciliation year (the amount is for this year; persons are counted in year − 1). */
  year: number;
  /** The band in force for the year (integer limits), with its base window. */
  band: ReconciliationBand;
  amounts: ReconciliationAmounts;
  indexSeries: readonly IndexValue[];
  index: IndexName;
  levelYear: number;
  upratingFrom: number;
  lag?: number;
  weights: AllocationWeights;
  /** The municipalities with their allocation factors (null: no distribution, e.g. factors missing). */
  municipalities: readonly AllocationMunicipality[] | null;
}

export interface DistributionJson {
  totalOre: number;
  weights: AllocationWeights;
  rows: AllocationJsonRow[];
  method: string;
  /** The parts were checked to add up to the total (to the krona). */
  sumsToTotal: boolean;
}

export interface ReconciliationYearResult {
  reconciliation: Reconciliation;
  distribution: DistributionJson | null;
  /** Swedish reason when there is no distribution. */
  distributionNote: string | null;
}

/** Reconciles `count` (persons connected in year − 1) under `reading` and distributes the final amount. */
export function reconcileAndDistribute(inputs: ReconciliationYearInputs, count: number, reading: Reading): ReconciliationYearResult {
  const reconciliation = reconcile(inputs.year, count, inputs.band, inputs.amounts, {
    indexSeries: inputs.indexSeries,
    index: inputs.index,
    levelYear: inputs.levelYear,
    upratingFrom: inputs.upratingFrom,
    lag: inputs.lag ?? 0,
    reading
  });
  if (!inputs.municipalities || !inputs.municipalities.length) {
    return {reconciliation, distribution: null, distributionNote: "Fördelningen kan inte räknas: befolkning eller fördelningsfaktorer saknas för kommunerna."};
  }
  if (reconciliation.finalAmountOre < 0) {
    return {reconciliation, distribution: null, distributionNote: "Fördelningen kan inte räknas: det reviderade beloppet är negativt."};
  }
  const a = allocationForJson(allocate(reconciliation.finalAmountOre, inputs.municipalities, inputs.weights));
  const sum = a.rows.reduce((s, r) => s + r.amountOre, 0);
  return {reconciliation, distribution: {...a, sumsToTotal: sum === a.totalOre}, distributionNote: null};
}
