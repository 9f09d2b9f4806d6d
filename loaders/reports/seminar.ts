/**
 * The annual seminar report (samverkansseminarium): a few sections per county and year, each with
 * one headline sentence made from the data, one chart and one small table. Sections that need other
 * reports (tilläggsbelopp, MT, timpriser, vaccination, skatteväxling, kalender) are added by builders in
 * SECTION_BUILDERS; the evaluation per principle (seminar-evaluation.ts) opens the report.
 */
import type {Warehouse} from "../warehouse.ts";
import type {SeminarContext, SeminarReport, SeminarSection, SectionBuilder} from "./seminar-types.ts";
import {queryRows} from "../ingest/sql.ts";
import {formatDecimal, formatKronor, formatMnkr, formatPercent, SUPPRESSED} from "../format.ts";
import {disclosurePolicy, policyShortText} from "../disclosure/policy.ts";
import {costSentence, enrolmentSentence, fundsSentence, relativeChange, type Change} from "./seminar-text.ts";
import {findReview, taxSwapReport} from "./tax-swap.ts";
import {memo} from "./memo.ts";
import {calendarSection, medtechSection, principleSections, principlesFor, ratesSection} from "./seminar-evaluation.ts";
import {seminarSection as vaccinationSection} from "./vaccination.ts";
import {seminarSection as supplementaryAmountSection} from "./supplementary-amount.ts";
import {costCategoryList} from "../labels.ts";
import {agreementFor, agreementsOf, agreementStatus} from "../agreements.ts";

export type {SeminarChart, SeminarContext, SeminarReport, SeminarSection, SectionBuilder} from "./seminar-types.ts";

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
  // Person counts from the protected tables only (loaders/disclosure/): null where hidden, as on every page.
  const rows = await queryRows<{code: string; period: string; n: number | null}>(
    wh.connection,
    `SELECT municipality_code AS code, period, enrolled AS n FROM protected_enrolment
     WHERE county_code = '${ctx.countyCode}' AND service = 'hemsjukvard' AND period IN ('${ctx.year}', '${ctx.year - 1}')`
  );
  const totals = await queryRows<{period: string; n: number | null; complete: boolean; hidden: number}>(
    wh.connection,
    `SELECT period, enrolled AS n, complete, hidden_cells AS hidden FROM protected_enrolment_county
     WHERE county_code = '${ctx.countyCode}' AND service = 'hemsjukvard' AND period IN ('${ctx.year}', '${ctx.year - 1}')`
  );
  if (!rows.some((r) => r.period === String(ctx.year))) return null;
  const get = (code: string, y: number) => {
    const r = rows.find((x) => x.code === code && x.period === String(y));
    return r?.n == null ? null : Number(r.n);
  };
  const hiddenOf = (code: string, y: number) => rows.some((x) => x.code === code && x.period === String(y) && x.n == null);
  const changes = ctx.municipalities.map((m) => ({name: m.name, current: get(m.code, ctx.year), previous: get(m.code, ctx.year - 1)}));
  const total = (y: number) => {
    const t = totals.find((x) => x.period === String(y));
    return t?.n == null ? null : Number(t.n);
  };
  const current = total(ctx.year);
  const previous = total(ctx.year - 1);
  const hiddenCells = rows.filter((r) => r.n == null).length;
  const withChange = changes.map((c) => ({...c, r: relativeChange(c)}));
  const shown = (code: string, y: number, v: number | null) => (hiddenOf(code, y) ? SUPPRESSED : formatDecimal(v, 0));
  return {
    id: "inskrivna",
    title: "Inskrivna i hemsjukvården",
    headline: current == null ? `Antalet inskrivna i hemsjukvården i ${ctx.countyName} ${ctx.year} kan inte visas (för få).` : enrolmentSentence(ctx.countyName, ctx.year, current, previous, changes),
    chart: {kind: "bars", unit: "Inskrivna personer", rows: withChange.filter((c) => c.current != null).map((c) => ({label: c.name, value: c.current!, text: formatDecimal(c.current!, 0)}))},
    table: {
      caption: `Inskrivna i hemsjukvården ${ctx.year} och ${ctx.year - 1}. "${SUPPRESSED}" = för få för att visas${hiddenCells ? ` (${hiddenCells} ${hiddenCells === 1 ? "cell dold" : "celler dolda"}: små antal och de som skulle avslöja dem)` : ""}.`,
      columns: ["Kommun", `${ctx.year}`, `${ctx.year - 1}`, "Förändring"],
      numeric: [false, true, true, true],
      rows: [
        ...ctx.municipalities.map((m, i) => [m.name, shown(m.code, ctx.year, withChange[i].current), shown(m.code, ctx.year - 1, withChange[i].previous), signedPercent(withChange[i].r)]),
        [ctx.countyName, current == null ? SUPPRESSED : formatDecimal(current, 0), previous == null ? SUPPRESSED : formatDecimal(previous, 0), signedPercent(relativeChange({current, previous}))]
      ]
    },
    method: `Personer inskrivna under året (en person räknas en gång per år och kommun). ${policyShortText(disclosurePolicy(wh.parameters))}`
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
  // The agreement's 50/50 follow-up: every project's split against the agreed one.
  const agreed = (await principlesFor(wh, ctx.countyCode))?.developmentFunds ?? null;
  const splitOf = (r: (typeof rows)[number]) => `${formatDecimal(Number(r.region), Number.isInteger(Number(r.region)) ? 0 : 1)}/${formatDecimal(Number(r.municipal), Number.isInteger(Number(r.municipal)) ? 0 : 1)}`;
  const deviates = (r: (typeof rows)[number]) => !!agreed && (Number(r.region) !== agreed.regionPercent || Number(r.municipal) !== agreed.municipalPercent);
  const off = rows.filter(deviates);
  const agreedSplit = agreed ? `${agreed.regionPercent}/${agreed.municipalPercent}` : null;
  const splitSentence = !agreed
    ? ""
    : off.length
      ? ` ${off.map((r) => `${r.project} (${splitOf(r)})`).join(", ")} finansieras inte ${agreedSplit} som överenskommelsen säger.`
      : ` ${rows.length === 1 ? "Projektet" : rows.length === 2 ? "Båda projekten" : `Alla ${rows.length} projekt`} finansieras ${agreedSplit} (region/kommuner) enligt överenskommelsen.`;
  return {
    id: "utvecklingsmedel",
    title: "Gemensamma utvecklingsmedel",
    headline: fundsSentence(ctx.year, projects, regionTotal, municipalTotal) + splitSentence,
    chart: {kind: "bars", unit: "Använd andel av budget, %", rows: projects.map((p) => ({label: p.project, value: p.budgetOre ? (p.spentOre / p.budgetOre) * 100 : 0, text: formatPercent(p.budgetOre ? p.spentOre / p.budgetOre : 0, 0)}))},
    table: {
      caption: `Projekt ${ctx.year}: budget, utfall och finansiering`,
      columns: ["Projekt", "Budget", "Utfall", "Regionen", "Kommunerna", "Andelar region/kommuner (%)"],
      numeric: [false, true, true, true, true, false],
      rows: [
        ...projects.map((p, i) => [p.project, formatKronor(p.budgetOre), formatKronor(p.spentOre), formatKronor(p.regionOre), formatKronor(p.municipalOre), `${splitOf(rows[i])}${deviates(rows[i]) ? ` (avviker från ${agreedSplit})` : ""}`]),
        ["Summa", formatKronor(projects.reduce((s, p) => s + p.budgetOre, 0)), formatKronor(projects.reduce((s, p) => s + p.spentOre, 0)), formatKronor(regionTotal), formatKronor(municipalTotal), ""]
      ]
    },
    method:
      "Utfallet fördelas per projekt efter finansieringsandelarna i utvecklingsmedel.csv, avrundat till hela kronor så att delarna blir utfallet." +
      (agreed
        ? ` Överenskommelsen säger ${agreedSplit} (${agreed.source.document}, avsnitt "${agreed.source.section}", avtalat); ett projekt med andra andelar redovisas som avvikelse.`
        : " Länet har ingen överenskommelse om fördelningen i underlaget.")
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
export const SECTION_BUILDERS: SectionBuilder[] = [costs, enrolment, supplementaryAmountSection, vaccinationSection, medtechSection, ratesSection, funds, taxSwapSection, calendarSection];

/** The reports of the given years, of every county or of one (`county`, for `samverkan rapport`). */
export async function seminarReports(wh: Warehouse, years: number[], county?: string): Promise<SeminarReport[]> {
  const municipalities = await queryRows<{code: string; name: string; county: string; countyName: string}>(
    wh.connection,
    `SELECT municipality_code AS code, municipality_name AS name, county_code AS county, county_name AS "countyName" FROM municipalities ORDER BY municipality_name COLLATE NOCASE`
  );
  const counties = [...new Map(municipalities.map((m) => [m.county, m.countyName])).entries()].sort();
  const out: SeminarReport[] = [];
  for (const [countyCode, countyName] of counties) {
    if (county && countyCode !== county) continue;
    for (const year of years) {
      const ctx: SeminarContext = {countyCode, countyName, year, municipalities: municipalities.filter((m) => m.county === countyCode)};
      const sections: SeminarSection[] = [];
      for (const build of SECTION_BUILDERS) {
        const s = await build(wh, ctx);
        if (s) sections.push(s);
      }
      // The evaluation starts from the agreement's purpose and principles: one section each, first.
      const principles = await principlesFor(wh, countyCode);
      const agreement = agreementFor(wh.agreements, countyCode, year) ?? agreementsOf(wh.agreements, countyCode).at(-1) ?? null;
      const cover = agreement ? {title: agreement.title, document: agreement.termsSource.document, status: agreementStatus(agreement).text} : null;
      out.push({countyCode, countyName, year, agreement: cover, sections: principles ? [...principleSections(principles, sections, ctx), ...sections] : sections});
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
