/**
 * The vaccination report (page /vaccination, the seminar's vaccination section): coverage per season,
 * target group, vaccine and municipality against the county and the nation, a funnel plot, the change
 * from the season before, and the vaccinations the municipalities' staff performed, priced at the
 * parameter file's rate per dose.
 *
 * Small counts: the coverage tables read the protected tables of the warehouse (protected_vaccination
 * and protected_vaccination_county, made once by loaders/disclosure/ before any report runs), so this
 * page hides exactly the cells that every other page, file and command hides; the browser never
 * receives a hidden count. The volume table (doses per municipality and vaccine in a season, with
 * totals) is suppressed here with the same rule (loaders/models/small-counts.ts).
 */
import type {Warehouse} from "../warehouse.ts";
import {queryRows} from "../ingest/sql.ts";
import {dec} from "../models/exact.ts";
import {formatInteger, formatPercent} from "../format.ts";
import {suppressTable, type Reason} from "../models/small-counts.ts";
import {disclosurePolicy, policyShortText, worstReason, type HiddenReason} from "../disclosure/policy.ts";
import {
  aggregate,
  changePoints,
  classify,
  funnelCurve,
  funnelSentence,
  METHOD_NAMES,
  pointsText,
  previousSeason,
  priceDoses,
  priceTotal,
  rankAmong,
  rankText,
  seasonEndingIn,
  WHO_INFLUENZA_TARGET_65,
  type FunnelStatus,
  type LimitMethod,
  type Ranked
} from "../models/vaccination-coverage.ts";
import type {SeminarContext, SeminarSection} from "./seminar-types.ts";

export const TARGET_GROUPS = [
  {value: "sabo", label: "SÄBO (särskilt boende)", short: "SÄBO"},
  {value: "hemsjukvard", label: "Hemsjukvård", short: "hemsjukvård"},
  {value: "hemtjanst", label: "Hemtjänst", short: "hemtjänst"},
  {value: "lss", label: "LSS", short: "LSS"}
] as const;
export const VACCINES = [
  {value: "covid-19", label: "Covid-19"},
  {value: "influensa", label: "Säsongsinfluensa"}
] as const;

export const LIMIT_METHOD: LimitMethod = "wilson";

/** Fractions in the JSON carry 6 decimals (the page shows 1 decimal of a percent): smaller files. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const r6n = (x: number | null) => (x == null ? null : r6(x));

const reasonWord = (r: Reason | null | undefined) => (r === "primary" ? "primär" : r === "secondary" ? "sekundär" : null);
type ReasonWord = HiddenReason | null;

export interface CoverageRow {
  code: string;
  name: string;
  /** null: suppressed (never the number). */
  vaccinated: number | null;
  unvaccinated: number | null;
  targetSize: number | null;
  coverage: number | null;
  previousCoverage: number | null;
  /** The season before had a row for the municipality but its coverage is suppressed. */
  previousSuppressed: boolean;
  changePoints: number | null;
  /** Why a value of the row is hidden: "primär" (the count is small), "komplement" (target − count is small), "alla-eller-ingen" (0 %/100 % in a small group) or "sekundär" (it would reveal one). */
  suppressed: ReasonWord;
  funnel: {status: FunnelStatus; lower95: number; upper95: number; lower998: number; upper998: number} | null;
  /** The vaccinated count comes from the individual dose records (vaccinationsdoser.csv). */
  fromDoses: boolean;
}

export interface CoverageTotals {
  vaccinated: number | null;
  unvaccinated: number | null;
  targetSize: number | null;
  coverage: number | null;
  previousCoverage: number | null;
  changePoints: number | null;
}

export interface Reference {
  /** Published coverage in percent (vaccination-referens.csv), null where missing. */
  countyPercent: number | null;
  nationPercent: number | null;
  rank: Ranked | null;
  rankText: string;
  counties: number;
}

export interface CoverageTable {
  season: string;
  vaccine: string;
  targetGroup: string;
  rows: CoverageRow[];
  county: CoverageTotals;
  reference: Reference;
  funnel: {
    p0: number;
    method: string;
    curve: {n: number; lower95: number; upper95: number; lower998: number; upper998: number}[];
    sentence: string;
    outside: string[];
    between: string[];
  } | null;
  /** Municipalities whose coverage is not shown (suppressed). */
  hidden: string[];
  /** Hidden cells of the table (municipalities and county: vaccinated, not vaccinated, target group). */
  hiddenCells: number;
  /** Municipalities of the county without a row in the input for this combination. */
  missing: string[];
  sentence: string;
}

export interface VolumeRow {
  code: string;
  name: string;
  /** Doses per vaccine (same order as `vaccines`), null where suppressed or missing. */
  doses: (number | null)[];
  total: number | null;
  costOre: (number | null)[];
  totalCostOre: number | null;
  status: ("visas" | "primär" | "sekundär" | "saknas")[];
  source: string;
}

export interface VolumeTable {
  season: string;
  vaccines: string[];
  rows: VolumeRow[];
  county: {doses: (number | null)[]; total: number | null; costOre: (number | null)[]; totalCostOre: number | null};
}

export interface ReferenceSeries {
  season: string;
  targetGroup: string;
  vaccine: string;
  countyPercent: number | null;
  nationPercent: number | null;
  rank: Ranked | null;
  rankText: string;
}

export interface CountyVaccination {
  countyCode: string;
  countyName: string;
  municipalities: {code: string; name: string}[];
  tables: CoverageTable[];
  volume: VolumeTable[];
  /** The county's published coverage, every season, group (incl. 65+) and vaccine. */
  reference: ReferenceSeries[];
}

export interface VaccinationReport {
  dataset: Warehouse["parameters"]["dataset"];
  threshold: number;
  suppressionRule: string;
  seasons: string[];
  vaccines: {value: string; label: string}[];
  targetGroups: {value: string; label: string; short: string}[];
  pricePerDoseKronor: string;
  pricePerDoseOre: number;
  whoTarget65: number;
  limitMethod: string;
  method: {coverage: string; funnel: string; volume: string; reference: string};
  counties: CountyVaccination[];
  notes: string[];
}

/** A protected row (protected_vaccination): null where the disclosure pass hid the count. */
interface InputRow {
  code: string;
  season: string;
  group: string;
  vaccine: string;
  vaccinated: number | null;
  unvaccinated: number | null;
  target: number | null;
  reason: HiddenReason | null;
  fromDoses: boolean;
}

interface CountyRow {
  county: string;
  season: string;
  group: string;
  vaccine: string;
  vaccinated: number | null;
  unvaccinated: number | null;
  target: number | null;
  hiddenCells: number;
}

const n = (x: string | number | null): number | null => (x == null ? null : Number(x));

export async function readVaccinationInputs(wh: Warehouse) {
  const municipalities = await queryRows<{code: string; name: string; county: string; countyName: string}>(
    wh.connection,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS county, county_name AS "countyName" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  const raw = await queryRows<{code: string; season: string; group: string; vaccine: string; vaccinated: number | null; unvaccinated: number | null; target: number | null; r1: HiddenReason | null; r2: HiddenReason | null; r3: HiddenReason | null; from_doses: boolean}>(
    wh.connection,
    `SELECT municipality_code AS code, season, target_group AS "group", vaccine, vaccinated, unvaccinated, target_size AS target,
       vaccinated_reason AS r1, unvaccinated_reason AS r2, target_reason AS r3, from_doses
     FROM protected_vaccination ORDER BY season, vaccine, target_group, municipality_code`
  );
  const rows: InputRow[] = raw.map((r) => ({
    code: r.code,
    season: r.season,
    group: r.group,
    vaccine: r.vaccine,
    vaccinated: n(r.vaccinated),
    unvaccinated: n(r.unvaccinated),
    target: n(r.target),
    reason: worstReason([r.r1, r.r2, r.r3]),
    fromDoses: r.from_doses
  }));
  const countyRows = (
    await queryRows<{county: string; season: string; group: string; vaccine: string; vaccinated: number | null; unvaccinated: number | null; target: number | null; hidden: number}>(
      wh.connection,
      `SELECT county_code AS county, season, target_group AS "group", vaccine, vaccinated, unvaccinated, target_size AS target, hidden_cells AS hidden FROM protected_vaccination_county`
    )
  ).map((r): CountyRow => ({...r, vaccinated: n(r.vaccinated), unvaccinated: n(r.unvaccinated), target: n(r.target), hiddenCells: Number(r.hidden)}));
  // Dose records that give more vaccinated than the target group: named, without the counts.
  const notes = (
    await queryRows<{code: string; season: string; group: string; vaccine: string}>(
      wh.connection,
      `SELECT v.municipality_code AS code, v.season, v.target_group AS "group", v.vaccine FROM vaccination v JOIN dose_summary d USING (municipality_code, season, target_group, vaccine)
       WHERE d.vaccinated > v.target_size ORDER BY 2, 4, 3, 1`
    )
  ).map((r) => `${r.code} ${r.season} ${r.group} ${r.vaccine}: doserna ger fler vaccinerade än målgruppen; vaccination.csv används.`);
  const reference = await queryRows<{level: string; code: string; name: string; season: string; group: string; vaccine: string; percent: number}>(
    wh.connection,
    `SELECT level, code, name, season, target_group AS "group", vaccine, CAST(coverage_percent AS DOUBLE) AS percent FROM vaccination_reference ORDER BY season, level, code`
  );
  const volume = await queryRows<{code: string; season: string; vaccine: string; doses: string; source: string}>(
    wh.connection,
    `SELECT municipality_code AS code, season, vaccine, doses, 'vaccinationsvolym.csv' AS source FROM vaccination_volume
     UNION ALL
     SELECT d.municipality_code, d.season, d.vaccine, sum(d.doses), 'vaccinationsdoser.csv' FROM dose_summary d
     ANTI JOIN vaccination_volume v USING (municipality_code, season, vaccine) GROUP BY ALL`
  );
  return {municipalities, rows, countyRows, reference, volume: volume.map((v) => ({...v, doses: Number(v.doses)})), notes};
}

const normalise = (code: string) => code.replace(/^0+(?=\d{2}$)/, "").padStart(2, "0");

function referenceFor(ref: Awaited<ReturnType<typeof readVaccinationInputs>>["reference"], countyCode: string, season: string, group: string, vaccine: string): Reference {
  const here = ref.filter((r) => r.season === season && r.group === group && r.vaccine === vaccine);
  const counties = here.filter((r) => r.level === "lan").map((r) => ({code: normalise(r.code), name: r.name, coverage: r.percent}));
  const rank = rankAmong(counties, countyCode);
  return {
    countyPercent: counties.find((c) => c.code === countyCode)?.coverage ?? null,
    nationPercent: here.find((r) => r.level === "riket")?.percent ?? null,
    rank,
    rankText: rankText(rank),
    counties: counties.length
  };
}

function coverageTable(
  inputs: Awaited<ReturnType<typeof readVaccinationInputs>>,
  county: {code: string; name: string; municipalities: {code: string; name: string}[]},
  season: string,
  vaccine: string,
  group: string,
  threshold: number,
  previous: CoverageTable | undefined
): CoverageTable | null {
  const names = new Map(county.municipalities.map((m) => [m.code, m.name]));
  const input = inputs.rows.filter((r) => r.season === season && r.vaccine === vaccine && r.group === group && names.has(r.code));
  if (!input.length) return null;
  input.sort((a, b) => names.get(a.code)!.localeCompare(names.get(b.code)!, "sv"));
  // The protected table (loaders/disclosure/): null where hidden, the same cells on every page.
  const c = inputs.countyRows.find((r) => r.county === county.code && r.season === season && r.vaccine === vaccine && r.group === group);
  const countyVaccinated = c?.vaccinated ?? null;
  const countyTarget = c?.target ?? null;
  const p0 = countyVaccinated != null && countyTarget ? countyVaccinated / countyTarget : null;
  const prevOf = new Map(previous?.rows.map((r) => [r.code, r.coverage]) ?? []);
  const prevHidden = new Set(previous?.rows.filter((r) => r.coverage == null).map((r) => r.code) ?? []);
  const rows: CoverageRow[] = input.map((r) => {
    const {vaccinated, unvaccinated} = r;
    const targetSize = r.target;
    // Coverage only where both its numerator and denominator are published.
    const cov = vaccinated != null && targetSize ? vaccinated / targetSize : null;
    const prev = prevOf.get(r.code) ?? null;
    let funnel: CoverageRow["funnel"] = null;
    if (cov != null && p0 != null && targetSize) {
      const f = classify(vaccinated!, targetSize, p0, LIMIT_METHOD);
      funnel = {status: f.status, lower95: r6(f.limits95.lower), upper95: r6(f.limits95.upper), lower998: r6(f.limits998.lower), upper998: r6(f.limits998.upper)};
    }
    return {code: r.code, name: names.get(r.code)!, vaccinated, unvaccinated, targetSize, coverage: r6n(cov), previousCoverage: prev, previousSuppressed: prevHidden.has(r.code), changePoints: r6n(changePoints(r6n(cov), prev)), suppressed: r.reason, funnel, fromDoses: r.fromDoses};
  });
  const countyCoverage = p0 ?? null;
  const prevCounty = previous?.county.coverage ?? null;
  const shown = rows.filter((r) => r.funnel && r.coverage != null);
  const hidden = rows.filter((r) => r.coverage == null).map((r) => r.name);
  const funnel =
    p0 != null && shown.length
      ? {
          p0: r6(p0),
          method: METHOD_NAMES[LIMIT_METHOD],
          curve: funnelCurve(p0, Math.min(...shown.map((r) => r.targetSize!)), Math.max(...shown.map((r) => r.targetSize!)), LIMIT_METHOD, 32).map((c) => ({
            n: c.n,
            lower95: r6(c.lower95),
            upper95: r6(c.upper95),
            lower998: r6(c.lower998),
            upper998: r6(c.upper998)
          })),
          sentence: funnelSentence(shown.map((r) => ({name: r.name, coverage: r.coverage!, status: r.funnel!.status})), p0, hidden.length),
          outside: shown.filter((r) => r.funnel!.status === "above998" || r.funnel!.status === "below998").map((r) => r.name),
          between: shown.filter((r) => r.funnel!.status === "above95" || r.funnel!.status === "below95").map((r) => r.name)
        }
      : null;
  const reference = referenceFor(inputs.reference, county.code, season, group, vaccine);
  const groupWord = TARGET_GROUPS.find((g) => g.value === group)?.short ?? group;
  const vaccineWord = vaccine === "covid-19" ? "covid-19" : "säsongsinfluensa";
  const change = changePoints(countyCoverage, prevCounty);
  const sentence =
    countyCoverage == null
      ? `Täckningen för ${vaccineWord} i ${groupWord} ${season} kan inte visas för ${county.name}.`
      : `${county.name}: ${formatPercent(countyCoverage)} av personerna i ${groupWord} vaccinerades mot ${vaccineWord} säsongen ${season} (${formatInteger(countyVaccinated)} av ${formatInteger(countyTarget)})` +
        (prevCounty != null ? `, ${pointsText(change)} mot ${previous!.season} (${formatPercent(prevCounty)})` : "") +
        "." +
        (reference.nationPercent != null ? ` Riket enligt publicerad statistik: ${formatPercent(reference.nationPercent / 100)}.` : "") +
        (reference.rank ? ` Länet är på ${rankText(reference.rank)} bland länen (${formatPercent(reference.countyPercent! / 100)} i den publicerade statistiken).` : "");
  return {
    season,
    vaccine,
    targetGroup: group,
    rows,
    county: {
      vaccinated: countyVaccinated,
      unvaccinated: c?.unvaccinated ?? null,
      targetSize: countyTarget,
      coverage: r6n(countyCoverage),
      previousCoverage: prevCounty,
      changePoints: r6n(change)
    },
    reference,
    funnel,
    hidden,
    hiddenCells: c?.hiddenCells ?? 0,
    missing: county.municipalities.filter((m) => !input.some((r) => r.code === m.code)).map((m) => m.name),
    sentence
  };
}

function volumeTable(
  inputs: Awaited<ReturnType<typeof readVaccinationInputs>>,
  county: {code: string; municipalities: {code: string; name: string}[]},
  season: string,
  threshold: number,
  price: ReturnType<typeof dec>
): VolumeTable | null {
  const here = inputs.volume.filter((v) => v.season === season && county.municipalities.some((m) => m.code === v.code));
  if (!here.length) return null;
  const vaccines = VACCINES.map((v) => v.value as string).filter((v) => here.some((h) => h.vaccine === v));
  const munis = county.municipalities.filter((m) => here.some((h) => h.code === m.code));
  const get = (code: string, vaccine: string) => here.find((h) => h.code === code && h.vaccine === vaccine);
  const t = suppressTable(munis.map((m) => vaccines.map((v) => get(m.code, v)?.doses ?? 0)), threshold);
  const cost = (d: number | null) => (d == null ? null : priceDoses(d, price));
  const rows: VolumeRow[] = munis.map((m, i) => {
    const doses = vaccines.map((v, j) => (get(m.code, v) ? t.cells[i][j] : null));
    const status = vaccines.map((v, j) => (!get(m.code, v) ? "saknas" : reasonWord(t.cellReasons[i][j]) ?? "visas") as VolumeRow["status"][number]);
    return {
      code: m.code,
      name: m.name,
      doses,
      total: t.rowTotals[i],
      costOre: doses.map(cost),
      totalCostOre: cost(t.rowTotals[i]),
      status,
      source: [...new Set(here.filter((h) => h.code === m.code).map((h) => h.source))].join(", ")
    };
  });
  return {
    season,
    vaccines,
    rows,
    county: {
      doses: t.colTotals,
      total: t.grandTotal,
      costOre: t.colTotals.map(cost),
      totalCostOre: t.grandTotal == null ? null : priceTotal([t.grandTotal], price)
    }
  };
}

export async function vaccinationReport(wh: Warehouse): Promise<VaccinationReport> {
  const inputs = await readVaccinationInputs(wh);
  const threshold = wh.parameters.suppressionThreshold;
  const policy = disclosurePolicy(wh.parameters);
  const priceText = wh.parameters.vaccination.pricePerDoseKronor;
  const price = dec(priceText);
  const seasons = [...new Set([...inputs.rows.map((r) => r.season), ...inputs.volume.map((v) => v.season)])].sort();
  const byCounty = new Map<string, {code: string; name: string; municipalities: {code: string; name: string}[]}>();
  for (const m of inputs.municipalities) {
    if (!byCounty.has(m.county)) byCounty.set(m.county, {code: m.county, name: m.countyName, municipalities: []});
    byCounty.get(m.county)!.municipalities.push({code: m.code, name: m.name});
  }
  const counties: CountyVaccination[] = [];
  for (const c of [...byCounty.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const tables: CoverageTable[] = [];
    for (const vaccine of VACCINES.map((v) => v.value)) {
      for (const group of TARGET_GROUPS.map((g) => g.value)) {
        let previous: CoverageTable | undefined;
        for (const season of seasons) {
          const before = previous && previous.season === previousSeason(season) ? previous : undefined;
          const table = coverageTable(inputs, c, season, vaccine, group, threshold, before);
          if (table) tables.push(table);
          previous = table ?? undefined;
        }
      }
    }
    const volume = seasons.map((s) => volumeTable(inputs, c, s, threshold, price)).filter((v): v is VolumeTable => v != null);
    const combos = [...new Set(inputs.reference.map((r) => `${r.season}|${r.group}|${r.vaccine}`))].sort();
    const reference = combos
      .map((k) => {
        const [season, group, vaccine] = k.split("|");
        const r = referenceFor(inputs.reference, c.code, season, group, vaccine);
        return {season, targetGroup: group, vaccine, countyPercent: r.countyPercent, nationPercent: r.nationPercent, rank: r.rank, rankText: r.rankText};
      })
      .filter((r) => r.countyPercent != null || r.nationPercent != null);
    if (tables.length || volume.length || reference.some((r) => r.countyPercent != null)) counties.push({countyCode: c.code, countyName: c.name, municipalities: c.municipalities, tables, volume, reference});
  }
  return {
    dataset: wh.parameters.dataset,
    threshold,
    suppressionRule: policyShortText(policy),
    seasons,
    vaccines: VACCINES.map((v) => ({...v})),
    targetGroups: TARGET_GROUPS.map((g) => ({...g})),
    pricePerDoseKronor: priceText,
    pricePerDoseOre: priceDoses(1, price),
    whoTarget65: WHO_INFLUENZA_TARGET_65,
    limitMethod: METHOD_NAMES[LIMIT_METHOD],
    method: {
      coverage:
        "Täckning = vaccinerade / personer i målgruppen, per kommun, säsong (1 juli–30 juni), målgrupp och vaccin (vaccination.csv; vaccinerade räknas från vaccinationsdoser.csv när de finns). Länets täckning = summan av kommunernas vaccinerade / summan av deras målgrupper. Förändring = täckningen minus förra säsongens, i procentenheter.",
      funnel: `Trattdiagram (Spiegelhalter 2005): varje kommuns täckning mot målgruppens storlek n, med gränser runt länets täckning p₀ beräknade med ${METHOD_NAMES[LIMIT_METHOD]}: (p₀ + z²/2n ± z·√(p₀(1−p₀)/n + z²/4n²)) / (1 + z²/n), z = 1,96 för 95 % och z = 3,09 för 99,8 %. En punkt utanför 99,8 %-gränserna är en verklig skillnad; inom 95 % är skillnaden vad slumpen ger i en grupp av den storleken. En punkt på en gräns räknas som innanför.`,
      volume: `Utförda vaccinationer = doser som kommunens personal gett under säsongen (vaccinationsvolym.csv, annars räknat ur vaccinationsdoser.csv). Kostnaden är ett räkneexempel: doser × ${priceText.replace(".", ",")} kr per dos (ett antagande i avtalsfilen; se Avtalen), inte ett avtalat pris.`,
      reference:
        "Länets och rikets täckning och länets plats bland länen kommer från publicerad statistik (vaccination-referens.csv); covid-19 i SÄBO och hemtjänst från länkning av socialtjänstregistret och vaccinationsregistret (minimivärden), influensa 65+ från regionernas egna sammanställningar. Plats: högst täckning = plats 1, lika värden delar plats."
    },
    counties,
    notes: inputs.notes
  };
}

// ——— The seminar section ———

const reportOf = (() => {
  const cache = new WeakMap<Warehouse, Promise<VaccinationReport>>();
  return (wh: Warehouse) => {
    if (!cache.has(wh)) cache.set(wh, vaccinationReport(wh));
    return cache.get(wh)!;
  };
})();

/**
 * The seminar's vaccination section for a report year: covid-19 in SÄBO the season that ended in that
 * year (1 July – 30 June), against the season before and the nation, with the municipalities outside
 * the funnel's limits named. Suppressed municipalities are left out of the chart and named as such.
 */
export async function seminarSection(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const report = await reportOf(wh);
  const county = report.counties.find((c) => c.countyCode === ctx.countyCode);
  const season = seasonEndingIn(ctx.year);
  const table = county?.tables.find((t) => t.season === season && t.vaccine === "covid-19" && t.targetGroup === "sabo");
  if (!county || !table || table.county.coverage == null) return null;
  const shown = table.rows.filter((r) => r.coverage != null);
  const funnelWords = table.funnel
    ? table.funnel.outside.length
      ? ` Utanför trattdiagrammets 99,8 %-gränser: ${table.funnel.outside.join(", ")}.`
      : " Ingen kommun ligger utanför trattdiagrammets 99,8 %-gränser."
    : "";
  const hiddenWords = table.hidden.length ? ` Visas inte (för få personer): ${table.hidden.join(", ")}.` : "";
  return {
    id: "vaccination",
    title: `Vaccination mot covid-19 i SÄBO ${season}`,
    headline: `${table.sentence}${funnelWords}`,
    chart: {
      kind: "bars",
      unit: `Täckning covid-19 i SÄBO ${season}, %${table.hidden.length ? ` (${table.hidden.length} ${table.hidden.length === 1 ? "kommun visas" : "kommuner visas"} inte: för få)` : ""}`,
      rows: shown.map((r) => ({label: r.name, value: r.coverage! * 100, text: formatPercent(r.coverage)}))
    },
    table: {
      caption: `Covid-19 i SÄBO ${season}: vaccinerade, målgrupp och täckning per kommun. ".." = för få för att visas${table.hiddenCells ? ` (${table.hiddenCells} ${table.hiddenCells === 1 ? "cell dold" : "celler dolda"}: små antal, små komplement, 0 %/100 % i små grupper och de som skulle avslöja dem)` : ""}.${hiddenWords}`,
      columns: ["Kommun", "Vaccinerade", "I målgruppen", "Täckning", `Förändring mot ${previousSeason(season)}`],
      numeric: [false, true, true, true, true],
      rows: [
        ...table.rows.map((r) => [
          r.name,
          r.vaccinated == null ? ".." : formatInteger(r.vaccinated),
          r.targetSize == null ? ".." : formatInteger(r.targetSize),
          r.coverage == null ? ".." : formatPercent(r.coverage),
          r.coverage == null || r.previousSuppressed ? ".." : r.previousCoverage == null ? "–" : pointsText(r.changePoints).replace(" procentenheter", " p.e.")
        ]),
        [
          county.countyName,
          table.county.vaccinated == null ? ".." : formatInteger(table.county.vaccinated),
          table.county.targetSize == null ? ".." : formatInteger(table.county.targetSize),
          formatPercent(table.county.coverage),
          pointsText(table.county.changePoints).replace(" procentenheter", " p.e.")
        ]
      ]
    },
    method: `${report.method.coverage} ${report.suppressionRule} Gränserna i trattdiagrammet: ${report.limitMethod}, 95 % och 99,8 %.`
  };
}
