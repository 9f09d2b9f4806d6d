// The skatteväxling follow-up on the demo data (loaders/reports/tax-swap.ts): review years and windows,
// the county as the exact sum of its municipalities, figures checked by hand from the demo files, fixed
// prices, a county without a swap, and `npx samverkan skattevaxling` with and without --json.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {findReview, splitTaxSwapReport, taxSwapReport, taxSwapSettings, type ReviewView, type TaxSwapReport, type YearRow} from "../../loaders/reports/tax-swap.ts";
import {windowMatrix} from "../../loaders/reports/tax-swap-tables.ts";
import {dataFolder, DATA} from "../ingest/helpers.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

async function reportFor(dir: string): Promise<TaxSwapReport> {
  const wh = await openWarehouse(dir);
  try {
    return await taxSwapReport(wh);
  } finally {
    wh.close();
  }
}

function view(report: TaxSwapReport, reviewYear: number, prices: "lopande" | "fasta" = "lopande", countyCode = "24"): ReviewView {
  const found = findReview(report, {countyCode, reviewYear, prices});
  if ("error" in found) throw new Error(found.error);
  return found.view;
}

const row = (v: ReviewView, code: string, year: number): YearRow => v.rows.find((r) => r.municipalityCode === code && r.year === year)!;

/** A line of a demo file, split on ";" (the demo files are UTF-8 with ";"). */
function demoLine(file: string, prefix: string): string[] {
  const line = readFileSync(join(DATA, file), "utf8").split(/\r?\n/).find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`${file}: ingen rad som börjar med ${prefix}`);
  return line.split(";");
}
/** "4031350,60" → 403135060 öre, exactly. */
const oreOf = (text: string) => {
  const [kr, frac = ""] = text.replace(",", ".").split(".");
  return Number(kr) * 100 + Number((frac + "00").slice(0, 2));
};

/** skattevaxling.csv of the demo without Jämtland's (demo) row. */
const withoutJamtland = () =>
  readFileSync(join(DATA, "skattevaxling.csv"), "utf8")
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith("23;"))
    .join("\n") + "\n";

let report: TaxSwapReport;
beforeAll(async () => {
  report = await reportFor(DATA);
});

describe("review years", () => {
  it("are 2013 + 4n with a complete window in the demo data (tax base 2013–2025): 2017, 2021, 2025", () => {
    const swap = report.counties.find((c) => c.countyCode === "24")!.swap!;
    expect(swap.startYear).toBe(2013);
    expect(swap.reviewYears).toEqual([2017, 2021, 2025]);
    expect(swap.lastYear).toBe(2025);
    // 2029 would cover 2025–2028: not complete yet, named as the next review.
    expect(swap.nextReview).toEqual({reviewYear: 2029, fromYear: 2025, toYear: 2028});
  });

  it("review 2025 covers 2021–2024 and uses the years since the swap up to 2024 only", () => {
    const found = findReview(report, {countyCode: "24", reviewYear: 2025});
    if ("error" in found) throw new Error(found.error);
    expect(found.review.windowYears).toEqual([2021, 2022, 2023, 2024]);
    expect([found.review.fromYear, found.review.toYear]).toEqual([2021, 2024]);
    expect(found.view.years).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(Math.max(...found.view.rows.map((r) => r.year))).toBe(2024);
    // 2017 covers the swap's first four years.
    const first = findReview(report, {countyCode: "24", reviewYear: 2017});
    if ("error" in first) throw new Error(first.error);
    expect(first.review.windowYears).toEqual([2013, 2014, 2015, 2016]);
  });

  it("says why a year is not a review year", () => {
    const r = findReview(report, {countyCode: "24", reviewYear: 2024});
    expect("error" in r && r.error).toBe("2024 är inget uppföljningsår med fullständigt underlag i Västerbottens län. Uppföljningsår (2013 + 4 × n): 2017, 2021, 2025.");
  });
});

describe("the county is the sum of its municipalities (demo data)", () => {
  for (const reviewYear of [2017, 2021, 2025]) {
    for (const prices of ["lopande", "fasta"] as const) {
      it(`every year and the window, review ${reviewYear}, ${prices}`, () => {
        const v = view(report, reviewYear, prices);
        expect(new Set(v.rows.map((r) => r.municipalityCode)).size).toBe(15);
        for (const c of v.county) {
          const rows = v.rows.filter((r) => r.year === c.year);
          expect(rows).toHaveLength(15);
          expect(c.missing).toEqual([]);
          for (const f of ["revenueOre", "costOre", "balanceOre", "cumulativeBalanceOre", "population", "population80"] as const) {
            expect(c[f], `${f} ${c.year}`).toBe(rows.reduce((s, r) => s + r[f]!, 0));
          }
          expect(c.revenueOre! - c.costOre!).toBe(c.balanceOre);
        }
        const w = v.window;
        for (const f of ["revenueOre", "costOre", "balanceOre", "cumulativeBalanceOre", "population", "population80"] as const) {
          expect(w.county[f], f).toBe(w.rows.reduce((s, r) => s + r[f]!, 0));
        }
        // The window sums are the sums of the window's years.
        const years = v.county.filter((c) => c.year >= reviewYear - 4);
        expect(w.county.balanceOre).toBe(years.reduce((s, c) => s + c.balanceOre!, 0));
        expect(v.countyIsSum).toBe(true);
        expect(v.headline.plus + v.headline.minus + v.headline.even + v.headline.missing).toBe(15);
      });
    }
  }

  it("pins the county's 2021–2024 sums in current prices", () => {
    const w = view(report, 2025).window.county;
    expect(w.revenueOre).toBe(62_257_233_542); // 622 572 335,42 kr
    expect(w.costOre).toBe(60_805_366_271); // 608 053 662,71 kr
    expect(w.balanceOre).toBe(1_451_867_271); // 622 572 335,42 − 608 053 662,71 = +14 518 672,71 kr
    expect(w.population).toBe(1_097_309); // inhabitant-years 2021–2024
    expect(w.balancePerInhabitantOre).toBe(1_323); // 14 518 672,71 / 1 097 309 = 13,23 kr
  });
});

describe("figures checked by hand from the demo files", () => {
  it("Umeå 2024: 25 öre × 0,0001 × 33 086 704 032 kr = 82 716 760,08 kr", () => {
    const [, , base] = demoLine("skatteunderlag.csv", "2480;2024;");
    expect(base).toBe("33086704032");
    // 25 öre from 2016 (skattevaxling.csv): 0,0025 × 33 086 704 032 = 82 716 760,08 kr exactly.
    expect(row(view(report, 2025), "2480", 2024).ore).toBe("25");
    expect(row(view(report, 2025), "2480", 2024).revenueOre).toBe(8_271_676_008);
  });

  it("Umeå 2013: 20 öre × 0,0001 × 20 298 878 208 kr = 40 597 756,416 kr → 40 597 756,42 kr", () => {
    const [, , base] = demoLine("skatteunderlag.csv", "2480;2013;");
    expect(base).toBe("20298878208");
    const r = row(view(report, 2017), "2480", 2013);
    expect(r.ore).toBe("20");
    expect(r.revenueOre).toBe(4_059_775_642);
  });

  it("Umeå 2024: cost = hemsjukvård ordinärt + SÄBO (kommun) = 38 031 061,58 + 31 116 323,11 = 69 147 384,69 kr; balance +13 569 375,39 kr; +99,76 kr per inhabitant", () => {
    const ordinary = oreOf(demoLine("kostnader.csv", "2480;2024;hemsjukvard_ordinart;kommun;")[4]);
    const sabo = oreOf(demoLine("kostnader.csv", "2480;2024;hemsjukvard_sabo;kommun;")[4]);
    expect(ordinary + sabo).toBe(6_914_738_469);
    const r = row(view(report, 2025), "2480", 2024);
    expect(r.costOre).toBe(6_914_738_469); // hjälpmedel and the region's läkarmedverkan are not counted
    expect(r.balanceOre).toBe(8_271_676_008 - 6_914_738_469); // +13 569 375,39 kr
    // Population 31 Dec 2024: 113 249 + 16 607 + 6 159 = 136 015, of whom 6 159 are 80+.
    expect(r.population).toBe(136_015);
    expect(r.population80).toBe(6_159);
    expect(r.balancePerInhabitantOre).toBe(9_976); // 1 356 937 539 / 136 015 = 9 976,38 öre
    expect(r.balancePerInhabitant80Ore).toBe(220_318); // 1 356 937 539 / 6 159 = 220 317,83 öre
  });

  it("in fixed prices, Umeå 2023 is taken to 2024 level with OPI 2024 = 2,7 % (lag 0)", () => {
    const fixed = view(report, 2025, "fasta");
    expect(fixed.priceLevel).toMatchObject({year: 2024, index: "OPI", lag: 0});
    expect(fixed.priceLevel!.factors.find((f) => f.year === 2023)!.factor).toBe("1.027000");
    expect(fixed.priceLevel!.factors.find((f) => f.year === 2024)!.factor).toBe("1.000000");
    expect(fixed.priceLevel!.values.find((v) => v.year === 2024)).toMatchObject({changePercent: "2.7", edition: "2024-12-15"});
    const [, , base] = demoLine("skatteunderlag.csv", "2480;2023;");
    // Exact: 25 × base(öre) / 10 000 × 1,027, rounded once, half away from zero.
    const exact = (BigInt(base) * 100n * 25n * 1027n * 2n) / (10_000n * 1000n);
    const expected = Number((exact + 1n) / 2n);
    expect(row(fixed, "2480", 2023).revenueOre).toBe(expected);
    // 2024 is the price level: the same in both.
    expect(row(fixed, "2480", 2024).revenueOre).toBe(row(view(report, 2025), "2480", 2024).revenueOre);
  });
});

describe("the elderly share (SOU 2011:55)", () => {
  it("fits one point per municipality over the window, and says it in words", () => {
    const v = view(report, 2025);
    expect(v.fit.n).toBe(15);
    expect(v.fit.slope).toBeLessThan(0);
    expect(v.fit.sentence).toMatch(/^Kommuner med högre andel invånare 80\+ har i genomsnitt lägre saldo per invånare: −\d+ kr per procentenhet \(r² = 0,\d\d, n = 15\)/);
  });
});

describe("what is counted and what is not", () => {
  it("names the cost categories outside the task, and the öre series with its decisions", () => {
    const swap = report.counties.find((c) => c.countyCode === "24")!.swap!;
    expect(swap.counted).toEqual([
      {category: "hemsjukvard_ordinart", principal: "kommun"},
      {category: "hemsjukvard_sabo", principal: "kommun"}
    ]);
    expect(swap.notCounted.map((c) => c.category)).toEqual(["hjalpmedel", "lakarmedverkan"]);
    expect(swap.ore.map((o) => [o.fromYear, o.ore])).toEqual([
      [2013, "20"],
      [2016, "25"]
    ]);
  });
});

describe("a county without a swap, and another county's swap", () => {
  it("a county without a swap (Jämtland with its demo row removed): a plain sentence naming the file and the row that would add one", async () => {
    const other = await reportFor(dataFolder({"skattevaxling.csv": withoutJamtland()}));
    const j = other.counties.find((c) => c.countyCode === "23")!;
    expect(j.swap).toBeNull();
    expect(j.note).toContain("skattevaxling.csv har ingen rad med länskod 23");
    expect(j.addSwap).toEqual({file: "skattevaxling.csv", header: "länskod;från_år;öre;beslut", example: "23;2013;20;Beslut om skatteväxling (ange beslut och datum)"});
    const r = findReview(other, {countyCode: "23", reviewYear: 2025});
    expect("error" in r && r.error).toBe(j.note);
  });

  it("Jämtland's demo swap (23;2014;22) is reviewed by the same method: start 2014 from its first row, reviews 2018, 2022, 2026, labelled demo", () => {
    const j = report.counties.find((c) => c.countyCode === "23")!;
    expect(j.swap!.settings).toMatchObject({startYear: 2014, reviewEvery: 4, costCategories: ["hemsjukvard_ordinart", "hemsjukvard_sabo"], principal: "kommun"});
    expect(j.swap!.settings.note).toContain("Demodata");
    // Tax bases run to 2025, so the window 2022–2025 of the 2026 review is complete; the next is 2030.
    expect(j.swap!.reviewYears).toEqual([2018, 2022, 2026]);
    expect(j.swap!.nextReview).toEqual({reviewYear: 2030, fromYear: 2026, toYear: 2029});
    const v = view(report, 2026, "lopande", "23");
    expect(v.window.rows).toHaveLength(8);
    const [, , base] = demoLine("skatteunderlag.csv", "2380;2025;");
    // Östersund 2025: 22 × base / 10 000 (base in öre), rounded half away to whole öre.
    const exact = (BigInt(base) * 100n * 22n * 2n) / 10_000n;
    expect(row(v, "2380", 2025).revenueOre).toBe(Number((exact + 1n) / 2n));
  });

  it("a swap added for Jämtland is followed up with the same method", async () => {
    const swaps = withoutJamtland() + "23;2013;22;Prov: 22 öre från 2013\n";
    const other = await reportFor(dataFolder({"skattevaxling.csv": swaps}));
    const j = other.counties.find((c) => c.countyCode === "23")!;
    expect(j.swap!.reviewYears).toEqual([2017, 2021, 2025]);
    const v = view(other, 2025, "lopande", "23");
    expect(v.window.rows).toHaveLength(8);
    const [, , base] = demoLine("skatteunderlag.csv", "2380;2024;");
    // Östersund 2024: 22 × base / 10 000, rounded half away to whole öre.
    const exact = (BigInt(base) * 100n * 22n * 2n) / 10_000n;
    expect(row(v, "2380", 2024).revenueOre).toBe(Number((exact + 1n) / 2n));
    expect(v.window.county.balanceOre).toBe(v.window.rows.reduce((s, r) => s + r.balanceOre!, 0));
  });

  it("a missing cost is missing, not zero: the county sums leave the municipality out and say so", async () => {
    const costs = readFileSync(join(DATA, "kostnader.csv"), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("2463;2022;hemsjukvard"))
      .join("\n");
    const other = await reportFor(dataFolder({"kostnader.csv": costs}));
    const v = view(other, 2025);
    const asele = row(v, "2463", 2022);
    expect(asele.costOre).toBeNull();
    expect(asele.balanceOre).toBeNull();
    const c2022 = v.county.find((c) => c.year === 2022)!;
    expect(c2022.missing).toEqual(["2463"]);
    expect(c2022.municipalities).toBe(14);
    expect(v.window.missing).toEqual(["2463"]);
    expect(v.window.rows.find((r) => r.municipalityCode === "2463")!.outcome).toBeNull();
    expect(v.headline.missing).toBe(1);
    expect(v.headline.sentence).toContain("1 saknar underlag för något år");
    expect(v.countyIsSum).toBe(true);
  });

  it("without the OPI value a fixed-price view needs, current prices still work and the reason is given", async () => {
    const index = readFileSync(join(DATA, "prisindex.csv"), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("OPI;2024;"))
      .join("\n");
    const other = await reportFor(dataFolder({"prisindex.csv": index}));
    const found = findReview(other, {countyCode: "24", reviewYear: 2025, prices: "fasta"});
    expect("error" in found && found.error).toBe("Fasta priser kan inte räknas: OPI saknas för 2024: lägg till värdet i prisindex-filen.");
    expect(view(other, 2025, "lopande").window.county.balanceOre).toBe(view(report, 2025).window.county.balanceOre);
  });
});

describe("the period table (years as columns)", () => {
  it("has the four years and the period, with the period's sums", () => {
    const v = view(report, 2025);
    const years = v.county.filter((c) => c.year >= 2021);
    const m = windowMatrix(years, v.window.county, {fromYear: 2021, toYear: 2024});
    expect(m.headers).toEqual(["Mått", "2021", "2022", "2023", "2024", "Perioden 2021–2024"]);
    const revenue = m.rows.find((r) => r.label === "Intäkt (kr)")!;
    expect(revenue.values.at(-1)).toBe(622_572_335.42);
    expect(revenue.texts.at(-1)).toBe("622\u00a0572\u00a0335,42");
    expect(revenue.values.slice(0, 4).reduce((s, x) => s! + x! * 100, 0)).toBeCloseTo(62_257_233_542, 0);
  });
});

describe("npx samverkan skattevaxling", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "skattevaxling", ...args], {cwd: ROOT, encoding: "utf8"});

  it("--review 2025 --json gives the same figures as the page's data", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "skattevaxling", "--review", "2025", "--data", DATA, "--json"], {cwd: ROOT, encoding: "utf8"});
    const j = JSON.parse(out);
    expect(j.countyCode).toBe("24");
    expect(j.reviewYear).toBe(2025);
    expect(j.windowYears).toEqual([2021, 2022, 2023, 2024]);
    expect(j.prices).toBe("lopande");
    expect(j.ore).toEqual([
      {fromYear: 2013, ore: "20", decision: expect.any(String)},
      {fromYear: 2016, ore: "25", decision: expect.any(String)}
    ]);
    expect(j.window).toEqual(view(report, 2025).window);
    expect(j.window.county.balanceOre).toBe(j.window.rows.reduce((s: number, r: {balanceOre: number}) => s + r.balanceOre, 0));
    expect(j.rows.find((r: YearRow) => r.municipalityCode === "2480" && r.year === 2024).revenueOre).toBe(8_271_676_008);
    expect(j.period.headers).toEqual(["Mått", "2021", "2022", "2023", "2024", "Perioden 2021–2024"]);
    expect(j.countyIsSum).toBe(true);
  }, 60_000);

  it("prints the tables as text, fixed prices and one municipality on request", () => {
    const r = cli("--review", "2025", "--priser", "fasta", "--kommun", "2480");
    expect(r.status).toBe(0);
    const fixed = view(report, 2025, "fasta");
    expect(r.stdout).toContain("uppföljning 2025 (åren 2021–2024), fasta priser (2024 års prisnivå, OPI)");
    expect(r.stdout).toContain("Umeå, uppföljning 2025: åren 2021–2024");
    expect(r.stdout).toContain("Västerbottens län (summa)");
    // The county's window balance in kronor with öre, as on the page.
    const kr = (ore: number) => `${ore < 0 ? "−" : ""}${Math.floor(Math.abs(ore) / 100).toLocaleString("sv-SE").replace(/\s/g, " ")},${String(Math.abs(ore) % 100).padStart(2, "0")}`;
    expect(r.stdout).toContain(kr(fixed.window.county.balanceOre!));
    expect(r.stdout).toContain("Inkomstutjämningen");
  }, 60_000);

  it("says why when the year is no review year or the county has no swap (exit 1)", () => {
    const bad = cli("--review", "2024");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("2024 är inget uppföljningsår");
    const none = cli("--review", "2025", "--lan", "23", "--data", dataFolder({"skattevaxling.csv": withoutJamtland()}));
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("Det finns ingen skatteväxling att följa upp i Jämtlands län");
    expect(cli("--review", "tjugo").status).toBe(2);
  }, 180_000);
});

describe("one file per county for the page (splitTaxSwapReport)", () => {
  it("gives each county its follow-up whole with the shared parts, and the entry page its start county", () => {
    const {index, counties} = splitTaxSwapReport(report);
    expect(index).toEqual({countyCode: "24"});
    expect(Object.keys(counties).sort()).toEqual(report.counties.map((c) => c.countyCode).sort());
    for (const county of report.counties) {
      const file = counties[county.countyCode];
      expect(file.county).toEqual(county);
      expect(file.dataset).toEqual(report.dataset);
      expect(file.parameters).toEqual(report.parameters);
      expect(file.sources).toEqual(report.sources);
      // No other county's municipality is in the file; the counties with a follow-up are named for links.
      const others = report.counties.filter((c) => c !== county).flatMap((c) => c.municipalities.map((m) => m.code));
      for (const code of others) expect(JSON.stringify(file)).not.toContain(`"${code}"`);
      expect(file.followedUp).toEqual([{code: "23", name: "Jämtlands län"}, {code: "24", name: "Västerbottens län"}]);
    }
    // The county's review found in its file is the one of the whole report (as the CLI finds it).
    const whole = findReview(report, {countyCode: "24", reviewYear: 2025, prices: "fasta"});
    const one = findReview({...counties["24"], counties: [counties["24"].county]}, {countyCode: "24", reviewYear: 2025, prices: "fasta"});
    expect(one).toEqual(whole);
  });

  it("is pure: the report is left as it was", () => {
    const before = JSON.stringify(report);
    splitTaxSwapReport(report);
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe("review settings per county (taxSwapSettings)", () => {
  const base = {countyCode: "24", startYear: 2013, reviewEvery: 4, costCategories: ["hemsjukvard_ordinart", "hemsjukvard_sabo"], principal: "kommun" as const};
  it("the parameter file's county gets taxSwap as it is", () => {
    expect(taxSwapSettings({taxSwap: base}, "24", 2013)).toMatchObject({startYear: 2013, reviewEvery: 4, source: "avtalet för län 24", note: null});
  });
  it("another county without settings starts with its first swap row and takes the interval and categories of taxSwap", () => {
    expect(taxSwapSettings({taxSwap: base}, "25", 2013)).toMatchObject({startYear: 2013, reviewEvery: 4, costCategories: base.costCategories});
    expect(taxSwapSettings({taxSwap: base}, "23", 2014).startYear).toBe(2014);
  });
  it("a county listed in taxSwap.counties uses its own fields, the rest from taxSwap", () => {
    const ts = {...base, counties: [{countyCode: "23", startYear: 2015, reviewEvery: 3, costCategories: ["hemsjukvard_ordinart"], note: "Prov"}]};
    expect(taxSwapSettings({taxSwap: ts}, "23", 2014)).toMatchObject({startYear: 2015, reviewEvery: 3, costCategories: ["hemsjukvard_ordinart"], principal: "kommun", note: "Prov", source: "uppföljningens inställningar för län 23"});
  });
});

describe("bad input: a clear message with file and line, and the years that can be computed", () => {
  it("a swap row for an unknown county is named with its line and not used", async () => {
    const swaps = readFileSync(join(DATA, "skattevaxling.csv"), "utf8").replace(/\s*$/, "") + "\n99;2013;20;Fel län\n";
    const other = await reportFor(dataFolder({"skattevaxling.csv": swaps}));
    // Header + 3 demo rows: the new row is line 5.
    expect(other.warnings).toEqual(["skattevaxling.csv rad 5: länskod 99 finns inte i kommuner.csv, så raden (20 öre från 2013) används inte. Rätta länskoden eller lägg till länets kommuner i kommuner.csv."]);
    expect(splitTaxSwapReport(other).counties["24"].warnings).toEqual(other.warnings);
  });

  it("a swap year before the data's first year: the message names the row; those years are marked missing, the later reviews still computed", async () => {
    const swaps = withoutJamtland() + "23;2009;22;Prov: före underlaget\n";
    const other = await reportFor(dataFolder({"skattevaxling.csv": swaps}));
    const j = other.counties.find((c) => c.countyCode === "23")!;
    expect(j.warnings[0]).toBe("skattevaxling.csv rad 4: växlingen i Jämtlands län börjar 2009, men skatteunderlag.csv börjar 2013. Åren 2009–2012 saknar skatteunderlag och markeras som saknade; det ackumulerade saldot sedan växlingen kan inte räknas.");
    // Reviews 2013, 2017, 2021, 2025 (2009 + 4n); 2013's window 2009–2012 has no tax base at all.
    expect(j.swap!.reviewYears).toEqual([2013, 2017, 2021, 2025]);
    const v = view(other, 2017, "lopande", "23");
    expect(v.window.rows.every((r) => r.balanceOre != null)).toBe(true);
    expect(v.window.rows.every((r) => r.cumulativeBalanceOre == null)).toBe(true);
    expect(row(v, "2380", 2011).revenueOre).toBeNull();
  });

  it("tax bases missing for a year: the file and the municipality and year are named; that year is marked and left out of the county's sum", async () => {
    const bases = readFileSync(join(DATA, "skatteunderlag.csv"), "utf8")
      .split("\n")
      .filter((l) => !l.startsWith("2401;2022;"))
      .join("\n");
    const other = await reportFor(dataFolder({"skatteunderlag.csv": bases}));
    const v24 = other.counties.find((c) => c.countyCode === "24")!;
    expect(v24.warnings).toEqual(["skatteunderlag.csv saknar Nordmaling (2401) för 2022: de åren markeras som saknade och Nordmaling ingår inte i länets summa för dem."]);
    const v = view(other, 2025);
    expect(row(v, "2401", 2022).revenueOre).toBeNull();
    expect(row(v, "2401", 2023).revenueOre).not.toBeNull();
    expect(v.county.find((c) => c.year === 2022)!.missing).toEqual(["2401"]);
    const e = other.counties.find((c) => c.countyCode === "24")!.swap!.reviews.find((r) => r.reviewYear === 2025)!.equalisation;
    expect(e.years.find((y) => y.municipalityCode === "2401" && y.year === 2022)!.missing).toBe("skatteunderlag");
    expect(e.county.missing).toEqual(["Nordmaling"]);
  });

  it("without medelskattekraft.csv the equalisation asks for it by name and invents nothing", async () => {
    const other = await reportFor(dataFolder({"medelskattekraft.csv": "år;medelskattekraft_kr;källa\n"}));
    const e = other.counties.find((c) => c.countyCode === "24")!.swap!.reviews.find((r) => r.reviewYear === 2025)!.equalisation;
    expect(e.missingInput).toContain("medelskattekraft.csv (år;medelskattekraft_kr;källa)");
    expect(e.missingInput).toContain("2021, 2022, 2023, 2024");
    expect(e.county.effectOre).toBeNull();
  });
});

describe("the income equalisation and the scenarios in the review: municipalities add up to the county", () => {
  it("Umeå 2024 by hand: 25 öre on the equalised base (demo national mean 190 000 × 1,032^11 kr)", () => {
    const e = report.counties.find((c) => c.countyCode === "24")!.swap!.reviews.find((r) => r.reviewYear === 2025)!.equalisation;
    const [, , baseKr] = demoLine("skatteunderlag.csv", "2480;2024;");
    const [, meanKr] = demoLine("medelskattekraft.csv", "2024;");
    const people = ["0-64", "65-79", "80+"].reduce((s, band) => s + Number(demoLine("befolkning.csv", `2480;2024;${band};`)[3]), 0);
    // Below the guarantee: equalised = base + 0,95 × (1,15 × mean × people − base), in kronor; × 25 × 0,0001, in öre.
    const base = BigInt(baseKr);
    expect(115n * BigInt(meanKr) * BigInt(people) > 100n * base).toBe(true); // below the guarantee
    // equalised kr = base + 0,95 × (1,15 × mean × people − base); × 2000: 100 × base + 2185 × mean × people.
    // after (öre) = 25 × equalised kr × 100 / 10 000 = equalised kr / 4 = (100 base + 2185 mean people) / 8000, half away.
    const num = 100n * base + 2185n * BigInt(meanKr) * BigInt(people);
    const after = Number((2n * num + 8000n) / 16000n);
    const y = e.years.find((x) => x.municipalityCode === "2480" && x.year === 2024)!;
    expect(y.position).toBe("bidrag");
    expect(y.afterEqualisationOre).toBe(after);
  });

  for (const code of ["23", "24"]) {
    it(`county ${code}: every review's equalisation and scenario county rows are the sums of the municipalities, to the öre`, () => {
      for (const r of report.counties.find((c) => c.countyCode === code)!.swap!.reviews) {
        const e = r.equalisation;
        for (const f of ["ownOre", "afterEqualisationOre", "effectOre"] as const) expect(e.county[f]).toBe(e.rows.reduce((s, x) => s + x[f]!, 0));
        for (const sc of r.scenarios) {
          const res = sc.result!;
          for (const f of ["baseBalanceOre", "revenueOre", "costOre", "balanceOre", "changeOre"] as const) expect(res.county[f]).toBe(res.rows.reduce((s, x) => s + x[f]!, 0));
          // The base case of every scenario is the review's own balance.
          expect(res.county.baseBalanceOre).toBe(r.current.window.county.balanceOre);
        }
      }
    });
  }
});
