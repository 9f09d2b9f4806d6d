/**
 * The agreement's purpose and four principles, and which indicators (the seminar report's sections)
 * follow each. The principles are the agreement's (avtalat); the mapping to indicators is an analyst's
 * choice (antagande): the agreement says the evaluation starts from them, not how they are measured.
 *
 * Both are declared in the agreement file's `principles` field (one entry per principle: id, name,
 * source and `indicators: {value, kind, source}`); this module only reads them.
 */
import type {Agreement} from "../agreements.ts";

export interface ClauseSource {
  document: string;
  section: string;
}

/** A principle as the agreement file declares it (id, name, where it is written, its indicators with their kind). */
export type Principle = NonNullable<Agreement["principles"]>[number];

export interface AgreementPrinciples {
  countyCode: string;
  /** The first year of the agreement: earlier report years are its starting point (utgångsläge). */
  fromYear: number;
  principles: Principle[];
  /** The agreed split of the joint development funds, percent; null unless the agreement states it (avtalat). */
  developmentFunds: {regionPercent: number; municipalPercent: number; source: ClauseSource} | null;
}

/** The seminar's principles from the agreement files: every agreement that declares its principles. */
export function principlesFromAgreements(agreements: readonly Agreement[]): AgreementPrinciples[] {
  return agreements
    .filter((a) => a.principles?.length)
    .map((a) => {
      const region = a.developmentFunds?.regionSharePercent;
      const municipal = a.developmentFunds?.municipalSharePercent;
      const agreedFunds = region?.kind === "avtalat" && municipal?.kind === "avtalat";
      return {
        countyCode: a.countyCode,
        fromYear: Number(a.validFrom.slice(0, 4)),
        principles: a.principles!,
        developmentFunds: agreedFunds ? {regionPercent: Number(region.value), municipalPercent: Number(municipal.value), source: region.source} : null
      };
    });
}
