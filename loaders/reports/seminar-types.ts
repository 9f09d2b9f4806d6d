/**
 * The shapes of the seminar report (samverkansseminarium), apart from its builder: the section modules
 * (vaccination.ts, supplementary-amount.ts, …) import these, and seminar.ts imports the section modules,
 * so no module imports one that imports it back.
 */
import type {Warehouse} from "../warehouse.ts";

export interface SeminarChart {
  /** Horizontal bars with a direct label on each bar (no legend, readable without colour). */
  kind: "bars";
  unit: string;
  rows: {label: string; value: number; text: string}[];
}

export interface SeminarSection {
  id: string;
  title: string;
  headline: string;
  chart: SeminarChart | null;
  table: {caption: string; columns: string[]; numeric: boolean[]; rows: string[][]};
  method: string;
}

export interface SeminarReport {
  countyCode: string;
  countyName: string;
  year: number;
  /** The county's agreement in force that year (or its newest), for the cover: title, document and status. */
  agreement?: SeminarAgreement | null;
  sections: SeminarSection[];
}

export interface SeminarAgreement {
  title: string;
  /** The document as the agreement file names it. */
  document: string;
  /** "Antaget av … 2025-11-20." etc. (agreementStatus). */
  status: string;
}

export type SectionBuilder = (wh: Warehouse, ctx: SeminarContext) => Promise<SeminarSection | null>;

export interface SeminarContext {
  countyCode: string;
  countyName: string;
  year: number;
  municipalities: {code: string; name: string}[];
}
