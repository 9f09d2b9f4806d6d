/**
 * The seminar report's cover lines: the county, the year and the agreement (its title, the document it
 * is and its status, from the agreement file), and the running header the PDF prints on every page
 * (`data-running-header`, read by loaders/pdf.ts).
 */
import {el} from "./dom.js";

export interface CoverReport {
  countyName: string;
  year: number;
  agreement?: {title: string; document: string; status: string} | null;
}

export function runningHeader(r: Pick<CoverReport, "countyName" | "year">): string {
  return `${r.countyName} · ${r.year} · Seminarierapport`;
}

export function SeminarCover(r: CoverReport): HTMLElement {
  return el(
    "div",
    {class: "report-cover-facts", "data-running-header": runningHeader(r)},
    el("p", {class: "report-county"}, `${r.countyName}, ${r.year}`),
    r.agreement
      ? el("p", {class: "report-agreement"}, `Överenskommelse: ${r.agreement.title} (${r.agreement.document}). Status: ${r.agreement.status}`)
      : el("p", {class: "report-agreement"}, `Överenskommelse: ingen avtalsfil för ${r.countyName} i underlaget.`)
  );
}
