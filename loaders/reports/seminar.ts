/**
 * The annual seminar report (samverkansseminarium): a few sections per county and year, each with
 * one headline sentence made from the data, one chart and one small table. Sections that need other
 * reports (tilläggsbelopp, MT, vaccination, skatteväxling) are added by builders in SECTION_BUILDERS.
 */
import type {Warehouse} from "../warehouse.ts";
import {queryRows} from "../ingest/sql.ts";
import {formatDecimal, formatKronor, formatMnkr, formatPercent} from "../../src/components/format.ts";
import {costSentence, enrolmentSentence, fundsSentence, relativeChange, type Change} from "./seminar-text.ts";
import {findReview, taxSwapReport} from "./tax-swap.ts";
import {seminarSection as vaccinationSection} from "./vaccination.ts";
import {seminarSection as supplementaryAmountSection} from "./supplementary-amount.ts";
import {costCategoryList} from "../labels.ts";

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
  sections: SeminarSection[];
}

export type SectionBuilder = (wh: Warehouse, ctx: SeminarContext) => Promise<SeminarSection | null>;

export interface SeminarContext {
  countyCode: string;
  countyName: string;
  year: number;
  municipalities: {code: string; name: string}[];
}

const signedPercent = (r: number | null) => (r == null ? "–" : `${r > 0 ? "+" : ""}${formatPercent(r)}`);

async function costs(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const categories = wh.parameters.taxSwap.costCategories.map((c) => `'${c.replace(/'/g, "''")}'`).join(", ");
  const rows = await queryRows<{code: string; year: number; ore: string}>(
    wh.connection,
    `SELECT c.municipality_code AS code, c.year, CAST(round(sum(c.amount) * 100) AS BIGINT) AS ore
     FROM cost_summary c JOIN municipalities m USING (municipality_code)
     WHERE m.county_code = '${ctx.countyCode}' AND c.year IN (${ctx.year}, ${ctx.year - 1}) AND c.category IN (${categories})
     GROUP BY ALL`
  );
  if (!rows.some((r) => r.year === ctx.year)) return null;
  const get = (code: string, y: number) => {
    const r = rows.find((x) => x.code === code && x.year === y);
    return r ? Number(r.ore) : null;
  };
  const changes: Change[] = ctx.municipalities.map((m) => ({name: m.name, current: get(m.code, ctx.year), previous: get(m.code, ctx.year - 1)}));
  const total = rows.filter((r) => r.year === ctx.year).reduce((s, r) => s + Number(r.ore), 0);
  const prevRows = rows.filter((r) => r.year === ctx.year - 1);
  const previous = prevRows.length ? prevRows.reduce((s, r) => s + Number(r.ore), 0) : null;
  const withChange = changes.map((c) => ({...c, r: relativeChange(c)}));
  return {
    id: "kostnader",
    title: "Kostnader för hälso- och sjukvård i hemmet",
    headline: costSentence(ctx.countyName, ctx.year, total, previous, changes),
    chart: {
      kind: "bars",
      unit: `Förändring ${ctx.year - 1}–${ctx.year}, %`,
      rows: withChange.filter((c) => c.r != null).map((c) => ({label: c.name, value: c.r! * 100, text: signedPercent(c.r)}))
    },
    table: {
      caption: `Kommunernas kostnader ${ctx.year} och förändring mot ${ctx.year - 1}`,
      columns: ["Kommun", `${ctx.year}`, `${ctx.year - 1}`, "Förändring"],
      numeric: [false, true, true, true],
      rows: [
        ...withChange.map((c) => [c.name, c.current == null ? "–" : formatMnkr(c.current), c.previous == null ? "–" : formatMnkr(c.previous), signedPercent(c.r)]),
        ["Länet", formatMnkr(total), previous == null ? "–" : formatMnkr(previous), signedPercent(relativeChange({current: total, previous}))]
      ]
    },
    method: `Kostnadsslagen ${costCategoryList(wh.parameters.taxSwap.costCategories)} i löpande priser, summerade per kommun (kommunernas kostnadsredovisning och huvudboksrader).`
  };
}

async function enrolment(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const rows = await queryRows<{code: string; period: string; n: string}>(
    wh.connection,
    `SELECT e.municipality_code AS code, e.period, sum(e.enrolled) AS n FROM enrolment e JOIN municipalities m USING (municipality_code)
     WHERE m.county_code = '${ctx.countyCode}' AND e.service = 'hemsjukvard' AND e.period IN ('${ctx.year}', '${ctx.year - 1}') GROUP BY ALL`
  );
  if (!rows.some((r) => r.period === String(ctx.year))) return null;
  const get = (code: string, y: number) => {
    const r = rows.find((x) => x.code === code && x.period === String(y));
    return r ? Number(r.n) : null;
  };
  const changes = ctx.municipalities.map((m) => ({name: m.name, current: get(m.code, ctx.year), previous: get(m.code, ctx.year - 1)}));
  const sum = (y: number) => rows.filter((r) => r.period === String(y)).reduce((s, r) => s + Number(r.n), 0);
  const previous = rows.some((r) => r.period === String(ctx.year - 1)) ? sum(ctx.year - 1) : null;
  const withChange = changes.map((c) => ({...c, r: relativeChange(c)}));
  return {
    id: "inskrivna",
    title: "Inskrivna i hemsjukvården",
    headline: enrolmentSentence(ctx.countyName, ctx.year, sum(ctx.year), previous, changes),
    chart: {kind: "bars", unit: "Inskrivna personer", rows: withChange.filter((c) => c.current != null).map((c) => ({label: c.name, value: c.current!, text: formatDecimal(c.current!, 0)}))},
    table: {
      caption: `Inskrivna i hemsjukvården ${ctx.year} och ${ctx.year - 1}`,
      columns: ["Kommun", `${ctx.year}`, `${ctx.year - 1}`, "Förändring"],
      numeric: [false, true, true, true],
      rows: withChange.map((c) => [c.name, formatDecimal(c.current, 0), formatDecimal(c.previous, 0), signedPercent(c.r)])
    },
    method: "Personer inskrivna under året (en person räknas en gång per år och kommun)."
  };
}

async function funds(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const rows = await queryRows<{project: string; budget: string; spent: string; region: string; municipal: string}>(
    wh.connection,
    `SELECT project, CAST(round(budget * 100) AS BIGINT) AS budget, CAST(round(spent * 100) AS BIGINT) AS spent,
       region_share_percent AS region, municipal_share_percent AS municipal
     FROM development_funds WHERE county_code = '${ctx.countyCode}' AND year = ${ctx.year} ORDER BY project`
  );
  if (!rows.length) return null;
  // Each project's spending is split by its shares (normally 50/50), rounded to whole kronor so
  // that the two parts add up to what was spent.
  const projects = rows.map((r) => {
    const spent = Number(r.spent);
    const region = Math.round((spent / 100) * (Number(r.region) / 100)) * 100;
    return {project: r.project, budgetOre: Number(r.budget), spentOre: spent, regionOre: region, municipalOre: spent - region, region: Number(r.region)};
  });
  const regionTotal = projects.reduce((s, p) => s + p.regionOre, 0);
  const municipalTotal = projects.reduce((s, p) => s + p.municipalOre, 0);
  return {
    id: "utvecklingsmedel",
    title: "Gemensamma utvecklingsmedel",
    headline: fundsSentence(ctx.year, projects, regionTotal, municipalTotal),
    chart: {kind: "bars", unit: "Använd andel av budget, %", rows: projects.map((p) => ({label: p.project, value: p.budgetOre ? (p.spentOre / p.budgetOre) * 100 : 0, text: formatPercent(p.budgetOre ? p.spentOre / p.budgetOre : 0, 0)}))},
    table: {
      caption: `Projekt ${ctx.year}: budget, utfall och finansiering`,
      columns: ["Projekt", "Budget", "Utfall", "Regionen", "Kommunerna"],
      numeric: [false, true, true, true, true],
      rows: [
        ...projects.map((p) => [p.project, formatKronor(p.budgetOre), formatKronor(p.spentOre), formatKronor(p.regionOre), formatKronor(p.municipalOre)]),
        ["Summa", formatKronor(projects.reduce((s, p) => s + p.budgetOre, 0)), formatKronor(projects.reduce((s, p) => s + p.spentOre, 0)), formatKronor(regionTotal), formatKronor(municipalTotal)]
      ]
    },
    method: "Utfallet fördelas per projekt efter finansieringsandelarna (normalt 50 % region, 50 % kommunerna), avrundat till hela kronor så att delarna blir utfallet."
  };
}

/** Per build, the other reports are made once and shared by every county and year of the seminar. */
function memo<T>(make: (wh: Warehouse) => Promise<T>): (wh: Warehouse) => Promise<T> {
  const cache = new WeakMap<Warehouse, Promise<T>>();
  return (wh) => {
    if (!cache.has(wh)) cache.set(wh, make(wh));
    return cache.get(wh)!;
  };
}

const taxSwap = memo(taxSwapReport);

/** In review years (2013 + 4n), the skatteväxling follow-up of the four years before. */
async function taxSwapSection(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const found = findReview(await taxSwap(wh), {countyCode: ctx.countyCode, reviewYear: ctx.year});
  if ("error" in found) return null;
  const {review, view, county} = found;
  const name = (code: string | null) => county.municipalities.find((m) => m.code === code)?.name ?? county.countyName;
  const rows = [...view.window.rows].filter((r) => r.balancePerInhabitantOre != null).sort((a, b) => b.balancePerInhabitantOre! - a.balancePerInhabitantOre!);
  const kr = (ore: number | null) => (ore == null ? "–" : `${ore > 0 ? "+" : ""}${formatKronor(ore)}`);
  return {
    id: "skattevaxling",
    title: `Skatteväxlingens uppföljning ${review.reviewYear}`,
    headline: `${view.headline.sentence} ${view.fit.sentence}`,
    chart: {
      kind: "bars",
      unit: `Saldo per invånare och år ${review.fromYear}–${review.toYear}, kr`,
      rows: rows.map((r) => ({label: name(r.municipalityCode), value: r.balancePerInhabitantOre! / 100, text: kr(r.balancePerInhabitantOre)}))
    },
    table: {
      caption: `Intäkt av växlade öre mot kostnad ${review.fromYear}–${review.toYear} (löpande priser)`,
      columns: ["Kommun", "Intäkt", "Kostnad", "Saldo", "Per invånare och år"],
      numeric: [false, true, true, true, true],
      rows: [
        ...rows.map((r) => [name(r.municipalityCode), formatMnkr(r.revenueOre), formatMnkr(r.costOre), formatMnkr(r.balanceOre), kr(r.balancePerInhabitantOre)]),
        [county.countyName, formatMnkr(view.window.county.revenueOre), formatMnkr(view.window.county.costOre), formatMnkr(view.window.county.balanceOre), kr(view.window.county.balancePerInhabitantOre)]
      ]
    },
    method: view.method
  };
}

/** The sections in report order; other reports add theirs here. */
export const SECTION_BUILDERS: SectionBuilder[] = [costs, enrolment, supplementaryAmountSection, vaccinationSection, funds, taxSwapSection];

export async function seminarReports(wh: Warehouse, years: number[]): Promise<SeminarReport[]> {
  const municipalities = await queryRows<{code: string; name: string; county: string; countyName: string}>(
    wh.connection,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS county, county_name AS "countyName" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  const counties = [...new Map(municipalities.map((m) => [m.county, m.countyName])).entries()].sort();
  const out: SeminarReport[] = [];
  for (const [countyCode, countyName] of counties) {
    for (const year of years) {
      const ctx: SeminarContext = {countyCode, countyName, year, municipalities: municipalities.filter((m) => m.county === countyCode)};
      const sections: SeminarSection[] = [];
      for (const build of SECTION_BUILDERS) {
        const s = await build(wh, ctx);
        if (s) sections.push(s);
      }
      out.push({countyCode, countyName, year, sections});
    }
  }
  return out;
}

/** The years that get a report: the last year of the data and the four before it. */
export function reportYears(years: {from: number; to: number}): number[] {
  const out: number[] = [];
  for (let y = years.to; y >= Math.max(years.from + 1, years.to - 4); y--) out.push(y);
  return out;
}
