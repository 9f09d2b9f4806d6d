/**
 * The sentences of the tilläggsbelopp, built from the figures (pure, no I/O): the loader, the CLI, the
 * seminar report and the page's what-if (through loaders/browser/supplementary-amount.ts) all use them,
 * so a sentence changes with the data (inside, above, below; before the agreement).
 */
import type {BandPosition} from "../models/normal-variation.ts";
import {svDecimalText} from "../models/supplementary-amount.ts";
import {formatInteger, formatKronor} from "../format.ts";

export interface SentenceFacts {
  /** The reconciliation year (the amount is for it). */
  year: number;
  /** The year whose connected persons were counted (year − 1). */
  countYear: number;
  count: number;
  band: {lower: number; upper: number};
  position: BandPosition;
  /** Persons the revision counts: + above, − below, 0 inside. */
  persons: number;
  adjustmentAmountOre: number;
  finalAmountOre: number;
  readingLabel: string;
  beforeAgreement: boolean;
  /** First year of the agreement's reconciliations (2026). */
  validFrom: number;
  levelYear: number;
}

export interface IndexYear {
  year: number;
  changePercent: string;
  edition: string;
  status: "utfall" | "prognos" | null;
  demo: boolean;
  /** 1 + change/100 as exact decimal text ("1.028"). */
  factor: string;
  /** Older editions of the same year, replaced by this one. */
  replaced: {changePercent: string; edition: string; status: "utfall" | "prognos" | null}[];
}

const where = (p: BandPosition) => (p === "inside" ? "inom" : p === "above" ? "över" : "under");
const signedInt = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${formatInteger(Math.abs(n))}`;
const persons = (n: number) => `${signedInt(n)} ${Math.abs(n) === 1 ? "person" : "personer"}`;

/**
 * The headline of a reconciliation: "Antalet anslutna 2025 var 174, över normalvariationen 129–169;
 * tilläggsbeloppet 2026 revideras med +5 personer × 27 466 kr till 4 092 551 kr (läsning: antal utöver
 * närmaste gräns)."
 */
export function reconciliationSentence(f: SentenceFacts): string {
  const head = `Antalet anslutna ${f.countYear} var ${formatInteger(f.count)}, ${where(f.position)} normalvariationen ${formatInteger(f.band.lower)}–${formatInteger(f.band.upper)}`;
  if (f.beforeAgreement) {
    const what = f.position === "inside" ? "fördelats utan justering" : `reviderats med ${persons(f.persons)}`;
    return `${head}. Avstämningen enligt avtalet börjar ${f.validFrom}; som jämförelse hade tilläggsbeloppet ${f.year} ${what}: ${formatKronor(f.finalAmountOre)} i ${f.levelYear} års nivå.`;
  }
  const amount =
    f.position === "inside"
      ? `fördelas utan justering: ${formatKronor(f.finalAmountOre)}`
      : `revideras med ${persons(f.persons)} × ${formatKronor(f.adjustmentAmountOre)} till ${formatKronor(f.finalAmountOre)} (läsning: ${f.readingLabel})`;
  return `${head}; tilläggsbeloppet ${f.year} ${amount}.`;
}

/** "2025: 2,8 % (utfall, utgåva 2026-03-20; ersätter prognosen 3,2 % från 2024-10-01)" */
export function indexYearText(v: IndexYear): string {
  const replaced = v.replaced.length
    ? `; ersätter ${v.replaced.map((r) => `${r.status === "prognos" ? "prognosen" : "värdet"} ${svDecimalText(r.changePercent)} % från ${r.edition}`).join(", ")}`
    : "";
  return `${v.year}: ${svDecimalText(v.changePercent)} % (${v.status ?? "status okänd"}, utgåva ${v.edition}${v.demo ? ", Demodata" : ""}${replaced})`;
}
