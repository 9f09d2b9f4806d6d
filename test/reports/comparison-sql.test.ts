// The comparison archive (loaders/reports/comparison.ts) built both ways on data that exposes its rules:
// the costs summed in DuckDB into the shown categories and "övriga kostnadsslag" (readBoundedCosts), and
// the same costs read as plain ledger lines and summed in JavaScript (boundCosts). Every file of the
// archive must be the same text. The data: the demo folder plus a ledger (kostnader-huvudbok.csv) with
// many accounts for both principals beyond the shown ones, two of them tied at the boundary, credits, and
// lines whose öre leave remainders; a municipality whose population is missing in the structure year;
// the demo's suppressed small enrolment counts; and fixed prices both with every index value and with
// one missing.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openWarehouse, type Warehouse} from "../../loaders/warehouse.ts";
import {queryRows} from "../../loaders/ingest/sql.ts";
import {dec, mul, ratio, roundHalfAway} from "../../loaders/models/exact.ts";
import {shownCostCategories} from "../../loaders/models/cost-categories.ts";
import {comparisonFiles, comparisonReport, type ComparisonInputs, type CostRow} from "../../loaders/reports/comparison.ts";
import {readComparisonInputs} from "../../loaders/reports/comparison.ts";
import {DATA, dataFolder} from "../ingest/helpers.ts";
import {readFileSync} from "node:fs";
import {join} from "node:path";

/** How many category–principal pairs get their own series in this test (the pages show 12). */
const SHOWN = 6;

// Ledger lines for every demo municipality, 2013–2025, two months a year, on accounts konto_a … konto_l
// (konto_c, _f, _i and _l with the region as principal, the rest the municipality). Each line is
// k · 10 000 000 kr plus some öre, so the accounts outweigh the demo's categories and rank by k:
// c 12, d 11, e 10, f 9, g 8, then a and b both 7 with the very same lines (a tie, decided by name: a is
// the sixth shown pair, b the first of the others), then h … l 5 … 1, where every seventh line is a credit.
// The öre (a municipality's, year's and month's own) leave sums that are not whole kronor.
const codes = readFileSync(join(DATA, "kommuner.csv"), "utf8").split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(";")[3]);
const weights: Record<string, number> = {konto_a: 7, konto_b: 7, konto_c: 12, konto_d: 11, konto_e: 10, konto_f: 9, konto_g: 8, konto_h: 5, konto_i: 4, konto_j: 3, konto_k: 2, konto_l: 1};
const accounts = Object.keys(weights);
function ledger(): string {
  const lines = ["kommunkod;år;månad;konto;huvudman;belopp_kr"];
  let n = 0;
  for (const [ci, code] of codes.entries())
    for (let year = 2013; year <= 2025; year++)
      for (const month of [3, 9])
        for (const account of accounts) {
          const principal = ["konto_c", "konto_f", "konto_i", "konto_l"].includes(account) ? "region" : "kommun";
          const k = weights[account];
          const credit = k <= 5 && ++n % 7 === 0;
          const ore = (BigInt(k) * 1_000_000_000n + BigInt(ci * 1009 + (year - 2013) * 17 + month)) * (credit ? -1n : 1n);
          const abs = ore < 0n ? -ore : ore;
          lines.push(`${code};${year};${month};${account};${principal};${ore < 0n ? "-" : ""}${abs / 100n},${String(abs % 100n).padStart(2, "0")}`);
        }
  return lines.join("\n") + "\n";
}

// Bräcke (2305) has no 80+ figure for 2025 (".."): no population that year, the last year of the file.
const population = readFileSync(join(DATA, "befolkning.csv"), "utf8").replace(/^2305;2025;80\+;\d+$/m, "2305;2025;80+;..");

describe("the comparison archive: costs summed in DuckDB or in JavaScript", () => {
  let wh: Warehouse;
  let sql: ComparisonInputs;
  let js: ComparisonInputs;
  beforeAll(async () => {
    wh = await openWarehouse(dataFolder({"kostnader-huvudbok.csv": ledger(), "befolkning.csv": population}));
    sql = await readComparisonInputs(wh, {categoriesShown: SHOWN});
    // The plain lines of cost_summary (kostnader.csv and the ledger summed per key at ingest), each
    // amount in öre, summed by nothing but JavaScript.
    const lines = await queryRows<{code: string; year: number; category: string; principal: string; amount: string}>(
      wh.connection,
      `SELECT municipality_code AS code, year, category, principal, CAST(amount AS VARCHAR) AS amount FROM cost_summary ORDER BY 1, 2, 3, 4`
    );
    const costs: CostRow[] = lines.map((l) => ({code: l.code, year: Number(l.year), category: l.category, principal: l.principal, ore: String(roundHalfAway(mul(dec(l.amount), ratio(100))))}));
    js = {...sql, costs, boundedCosts: undefined};
  });
  afterAll(() => wh?.close());

  const archive = (inputs: ComparisonInputs) => {
    const files = comparisonFiles(comparisonReport(inputs, {categoriesShown: SHOWN}));
    return Object.fromEntries(Object.keys(files).sort().map((name) => [name, JSON.stringify(files[name])]));
  };

  it("the data exposes the rules: categories beyond the shown ones for both principals, a tie at the boundary, öre remainders, a missing population, suppressed counts", () => {
    const pairs = new Set(js.costs.map((r) => `${r.category}|${r.principal}`));
    const shown = shownCostCategories(js.costs, SHOWN);
    expect(pairs.size).toBe(5 + accounts.length);
    expect(new Set(sql.boundedCosts!.others.map((o) => o.principal))).toEqual(new Set(["kommun", "region"]));
    // konto_a and konto_b have the same total; the boundary falls between them, so the name decides.
    const total = (c: string) => js.costs.filter((r) => r.category === c).reduce((s, r) => s + BigInt(r.ore), 0n);
    expect(total("konto_a")).toBe(total("konto_b"));
    expect([shown.has("konto_a|kommun"), shown.has("konto_b|kommun")]).toEqual([true, false]);
    expect([...shown].sort()).toEqual(["konto_a|kommun", "konto_c|region", "konto_d|kommun", "konto_e|kommun", "konto_f|region", "konto_g|kommun"]);
    expect(sql.boundedCosts!.rows.some((r) => BigInt(r.ore) % 100n !== 0n)).toBe(true);
    expect(js.costs.some((r) => BigInt(r.ore) < 0n)).toBe(true);
    const report = comparisonReport(sql, {categoriesShown: SHOWN});
    expect(report.structureYear).toBe(2025);
    expect(report.municipalities.find((m) => m.code === "2305")!.population).toBeNull();
    expect(report.series["inskrivna-korttid"].lopande!.totalt.v.flat()).toContain("..");
    expect(report.prices.available).toBe(true);
  });

  it("the shown pairs are the same, and DuckDB gives JavaScript a bounded number of cost rows", () => {
    expect(sql.costs).toEqual([]);
    const shown = shownCostCategories(js.costs, SHOWN);
    expect(new Set(sql.boundedCosts!.rows.filter((r) => r.category != null).map((r) => `${r.category}|${r.principal}`))).toEqual(shown);
    const cells = new Set(js.costs.map((r) => `${r.code}|${r.year}`)).size;
    expect(sql.boundedCosts!.rows.length).toBeLessThanOrEqual(cells * (SHOWN + 2));
    expect(sql.boundedCosts!.rows.length).toBeLessThan(js.costs.length);
  });

  it("every file of the archive is the same text, in current and fixed prices", () => {
    const a = archive(sql);
    const b = archive(js);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const name of Object.keys(a)) expect(a[name], name).toBe(b[name]);
    expect(a["23/kostnader-fasta.json"].length).toBeGreaterThan(100);
    expect(JSON.parse(a["23/ovriga-kostnadsslag.json"]).rows.length).toBeGreaterThan(0);
  });

  it("and the same with an index value missing (no fixed prices)", () => {
    const drop = (i: ComparisonInputs): ComparisonInputs => ({...i, priceIndex: i.priceIndex.filter((v) => !(v.index === "OPI" && v.year === 2019))});
    const report = comparisonReport(drop(sql), {categoriesShown: SHOWN});
    expect(report.prices.available).toBe(false);
    const a = archive(drop(sql));
    const b = archive(drop(js));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const name of Object.keys(a)) expect(a[name], name).toBe(b[name]);
  });

  it("bounded costs for one number of categories are not used for another", () => {
    expect(() => comparisonReport(sql, {categoriesShown: SHOWN + 1})).toThrow(/6/);
  });
});
