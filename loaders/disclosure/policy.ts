/**
 * The site's one disclosure policy (röjandekontroll): which counts of persons are published, which are
 * hidden and why. Every page, CSV, CLI `--json` and PDF reads the protected tables that
 * loaders/disclosure/tables.ts writes once per warehouse, so they all hide the same cells.
 *
 * The method is the one of Swedish official health statistics and of the standard tools for tabular
 * data: primary suppression of small cells, then secondary (complementary) suppression so that no
 * hidden cell can be recomputed from the margins (Socialstyrelsen, "Statistik om … : sekretess och
 * röjandekontroll", tables with ".." for 1–4 and the cells that would reveal them; SCB, "Röjandekontroll
 * av tabeller" (Statistiska centralbyrån, Metodhandbok); Hundepool et al., Statistical Disclosure
 * Control (Wiley 2012), ch. 4 "Magnitude and frequency tables"; τ-ARGUS and the R package sdcTable
 * (Meindl), which apply a primary rule per cell and then secondary suppression over the table's linear
 * relations, and audit that no hidden cell is determined).
 */
import type {Parameters} from "../schemas/parameters.ts";
import {SUPPRESSED} from "../models/small-counts.ts";

export {SUPPRESSED};

export interface DisclosurePolicy {
  /** Counts 1 … threshold − 1 are hidden (default 5: 1–4 hidden, 0 and 5 shown). */
  threshold: number;
  /** A target group smaller than this with everybody or nobody vaccinated is hidden (0 %/100 % rule); 0 turns the rule off. */
  allOrNoneBelow: number;
  /** Percentages are published with this many decimals, and only from published counts. */
  percentDigits: number;
}

export const DEFAULT_ALL_OR_NONE_BELOW = 50;

export function disclosurePolicy(p: Pick<Parameters, "suppressionThreshold"> & {suppressionAllOrNoneBelow?: number}): DisclosurePolicy {
  return {threshold: p.suppressionThreshold, allOrNoneBelow: p.suppressionAllOrNoneBelow ?? DEFAULT_ALL_OR_NONE_BELOW, percentDigits: 1};
}

/** Why a cell is hidden. */
export type HiddenReason = "primär" | "komplement" | "alla-eller-ingen" | "sekundär";

export const REASON_TEXT: Record<HiddenReason, string> = {
  primär: "litet antal (1 till gränsen − 1)",
  komplement: "litet komplement: målgruppen minus antalet är ett litet antal",
  "alla-eller-ingen": "alla eller ingen i en liten målgrupp (0 % eller 100 %)",
  sekundär: "sekundär maskering: skulle annars kunna räknas fram ur summor"
};

/** The worst reason of several (primary before complement before all-or-none before secondary). */
export function worstReason(reasons: readonly (HiddenReason | null | undefined)[]): HiddenReason | null {
  for (const r of ["primär", "komplement", "alla-eller-ingen", "sekundär"] as const) if (reasons.includes(r)) return r;
  return null;
}

/** The policy as a few Swedish sentences, for method notes under tables. */
export function policyShortText(p: DisclosurePolicy): string {
  const max = p.threshold - 1;
  if (max < 1) return `Inga antal maskeras (gränsen är ${p.threshold}).`;
  return (
    `Antal personer från 1 till ${max} visas som "${SUPPRESSED}", liksom antal där målgruppen minus antalet är 1–${max} (komplement)` +
    (p.allOrNoneBelow > 0 ? `, och 0 % eller 100 % i målgrupper med färre än ${p.allOrNoneBelow} personer` : "") +
    `. Därtill maskeras så många andra celler att ingen dold cell kan räknas fram ur rad-, kolumn- eller länssummor (sekundär maskering). ` +
    `Procent räknas bara ur visade antal. Samma celler är dolda på alla sidor, i CSV-filer, rapporten och kommandoradens --json. Se sidan Sekretess och röjandekontroll.`
  );
}

/** The policy in full, paragraph by paragraph (the method page and data/README.md). */
export function policyParagraphs(p: DisclosurePolicy): string[] {
  const max = p.threshold - 1;
  return [
    `Gränsen är ${p.threshold} (parametrar.json, suppressionThreshold). Ett antal personer från 1 till ${max} publiceras aldrig; det visas som "${SUPPRESSED}". 0 publiceras (ingen att peka ut), liksom ${p.threshold} och uppåt.`,
    `Primär maskering: varje antal personer 1–${max} (vaccinerade, ovaccinerade, målgruppens storlek, inskrivna per kommun och period, länssummor). Komplementet räknas som ett eget antal: om 81 av 84 är vaccinerade är 3 ovaccinerade, så både 81 och 3 döljs.`,
    p.allOrNoneBelow > 0
      ? `0 % och 100 %: i en målgrupp med färre än ${p.allOrNoneBelow} personer döljs täckningen när alla eller ingen är vaccinerade (att "alla 46 är vaccinerade" säger något om var och en). Cellen behandlas som en primär cell.`
      : `0 % och 100 % visas i alla målgrupper (regeln är avstängd, suppressionAllOrNoneBelow = 0).`,
    `Sekundär maskering: varje tabell (kommuner × vaccinerade/ovaccinerade med målgrupp och länssumma, per säsong, målgrupp och vaccin; kommuner × perioder med länssumma, per tjänst) maskeras så att ingen rad, kolumn eller summa har exakt en dold cell, och en exakt kontroll (linjär algebra med exakta bråk) visar att ingen dold cell är entydigt bestämd av de publicerade sambanden. Helst döljs en annan kommuns minsta antal; länssumman hålls exakt och synlig så länge den inte själv är liten.`,
    `En gång för hela webbplatsen: maskeringen görs när datalagret byggs (tabellerna protected_vaccination, protected_enrolment och deras länssummor). Sidorna Vaccination, Jämför kommuner, kommunprofilerna, Normalvariation, Tilläggsbelopp, seminarierapporten (sida och PDF), CSV-nedladdningarna och kommandoradens --json läser bara dessa tabeller, så samma celler är dolda överallt och ingen sida kan avslöja vad en annan döljer.`,
    `Procent och kvoter räknas bara ur publicerade antal: en dold täljare eller nämnare döljer kvoten, förändringen och rangen. Summor över målgrupper (alla målgrupper) visas bara när varje del visas. Länets medel räknas bara på visade kommuner.`,
    `Fakturor mellan parterna har exakta belopp. Syn- och hörselombudens uppdrag visas per dag bara där kommunen har minst ${p.threshold} uppdrag under månaden; annars slås månadens rader ihop till en rad per månad utan datum.`,
    `Metoden följer Socialstyrelsens och SCB:s praxis för kommunal hälso- och vårdstatistik (små tal visas som "${SUPPRESSED}", liksom celler som gör att de kan räknas fram) och primär och sekundär maskering som i τ-ARGUS och sdcTable (Hundepool m.fl., Statistical Disclosure Control, 2012). Det som inte täcks: intervall som går att sluta sig till ur att antal inte kan vara negativa (två dolda celler vars summa är känd ligger var för sig mellan 0 och summan).`
  ];
}
