/**
 * The agreement's purpose and four principles, and which indicators (the seminar report's sections)
 * follow each. The principles are the agreement's (avtalat); the mapping to indicators is an analyst's
 * choice (antagande): the agreement says the evaluation starts from them, not how they are measured.
 *
 * Shaped as the agreement file's `principles` field (one entry per principle: id, name, source and
 * `indicators: {value, kind, source}`), so that `principlesFromParameters` is the one function to
 * replace by reading that field when the agreements are files of their own.
 */
import type {Parameters} from "../schemas/parameters.ts";
import type {County} from "../counties.ts";

export interface ClauseSource {
  document: string;
  section: string;
}

export interface Principle {
  /** Lower-case words with hyphens: "personcentrering". */
  id: string;
  name: string;
  /** Where the principle is written (avtalat). */
  source: ClauseSource;
  /** The seminar sections (ids) that follow the principle: the analyst's choice. */
  indicators: {value: string[]; kind: "antagande"; source: {by: string; reason: string}};
}

export interface AgreementPrinciples {
  countyCode: string;
  /** The first year of the agreement: earlier report years are its starting point (utgångsläge). */
  fromYear: number;
  principles: Principle[];
  /** The agreed split of the joint development funds, percent (avtalat). */
  developmentFunds: {regionPercent: number; municipalPercent: number; source: ClauseSource};
}

const ANALYST = "Analytiker, Samverkan i siffror";
const REASON = "Avtalet anger principerna men inte vilka indikatorer som följer dem; de är valda för seminariet.";

/** The seminar's principles from parametrar.json: the agreement of the tilläggsbelopp's county. */
export function principlesFromParameters(p: Parameters, counties: County[]): AgreementPrinciples[] {
  const county = counties.find((c) => c.code === p.supplementaryAmount.countyCode);
  if (!county) return [];
  const period = `${p.agreement.validFrom.slice(0, 4)}–${p.agreement.validTo.slice(0, 4)}`;
  const document = `Överenskommelse hälso- och sjukvård i hemmet ${period}, ${county.region} och kommunerna`;
  const source = {document, section: "Syfte och principer"};
  const indicators = (value: string[]) => ({value, kind: "antagande" as const, source: {by: ANALYST, reason: REASON}});
  return [
    {
      countyCode: county.code,
      fromYear: Number(p.agreement.validFrom.slice(0, 4)),
      principles: [
        {id: "personcentrering", name: "Personcentrering med patientsäkerhet i fokus", source, indicators: indicators(["inskrivna", "vaccination"])},
        {id: "samhallsekonomi", name: "God samhällsekonomi", source, indicators: indicators(["kostnader", "tillaggsbelopp", "skattevaxling"])},
        {id: "komplettera", name: "Organisationer som kompletterar varandra", source, indicators: indicators(["medicinteknik", "ersattningar"])},
        {id: "gemensam-utveckling", name: "Gemensam utveckling för en långsiktigt hållbar hälso- och sjukvård", source, indicators: indicators(["utvecklingsmedel"])}
      ],
      developmentFunds: {regionPercent: 50, municipalPercent: 50, source: {document, section: "Gemensamma utvecklingsmedel"}}
    }
  ];
}
