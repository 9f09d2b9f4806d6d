// The tilläggsbelopp on the demo data (loaders/reports/supplementary-amount.ts): the 2026 reconciliation
// pinned by a hand computation from the demo files (counts, LPIK), the distribution that adds up to the
// krona, the years before the agreement, the sentences that follow the data, the seminar section, and
// `npx samverkan tillaggsbelopp` with and without --json.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {openWarehouse, type Warehouse} from "../../loaders/warehouse.ts";
import {
  findYear,
  reconciliationSentence,
  seminarSection,
  seminarSectionFrom,
  supplementaryAmountReport,
  type SentenceFacts,
  type SupplementaryAmountReport
} from "../../loaders/reports/supplementary-amount.ts";
import {reconcileAndDistribute} from "../../loaders/models/supplementary-amount-year.ts";
import {dataFolder, DATA} from "../ingest/helpers.ts";
import {demoRows} from "../fixtures/demo-rows.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

async function reportFor(dir: string): Promise<SupplementaryAmountReport> {
  const wh = await openWarehouse(dir);
  try {
    return await supplementaryAmountReport(wh);
  } finally {
    wh.close();
  }
}

let report: SupplementaryAmountReport;
beforeAll(async () => {
  report = await reportFor(DATA);
});

const year = (y: number) => report.years.find((x) => x.year === y)!;

describe("the demo figures the reconciliation starts from", () => {
  it("counts 174 connected persons in Jämtland in 2025, and 160, 138, 162, 149, 141, 144 in 2019–2024 (band 129–169)", () => {
    // Summed by hand from inskrivna.csv: the eight municipalities of county 23, service palliativ.
    const sum = (y: string) => demoRows("inskrivna.csv").filter((r) => r[0].startsWith("23") && r[1] === y && r[2] === "palliativ").reduce((s, r) => s + Number(r[3]), 0);
    expect([2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => sum(String(y)))).toEqual([160, 138, 162, 149, 141, 144, 174]);
    expect(report.counts.filter((c) => c.year >= 2019).map((c) => c.count)).toEqual([160, 138, 162, 149, 141, 144, 174]);
    // Mean 894 / 6 = 149; deviations 11, −11, 13, 0, −8, −5; squares sum 500; sample variance 500 / 5 = 100, SD 10.
    const w = report.windows[0];
    expect(w).toMatchObject({validFrom: 2026, validTo: 2028, countFrom: 2025, countTo: 2027, baseFrom: 2019, baseTo: 2024});
    expect(w.band).toMatchObject({mean: 149, sd: 10, lower: 129, upper: 169, n: 6});
    // The recomputed windows move three years at a time and wait for their data.
    expect(report.windows.slice(1).map((x) => [x.validFrom, x.baseFrom, x.baseTo, x.band])).toEqual([
      [2029, 2022, 2027, null],
      [2032, 2025, 2030, null]
    ]);
  });

  it("uses the newest LPIK edition of each year: 2025 outcome 2,8 % (not the 3,2 % forecast), 2026 forecast 3,0 %", () => {
    const lpik = demoRows("prisindex.csv").filter((r) => r[0] === "LPIK" && (r[1] === "2025" || r[1] === "2026"));
    expect(lpik.map((r) => r.slice(1, 5))).toEqual([
      ["2025", "2,8", "2026-03-20", "utfall"],
      ["2025", "3,2", "2024-10-01", "prognos"],
      ["2026", "3,0", "2025-12-15", "prognos"]
    ]);
    const i2025 = report.index.years.find((v) => v.year === 2025)!;
    expect(i2025).toMatchObject({changePercent: "2.8", edition: "2026-03-20", status: "utfall", demo: true, factor: "1.028"});
    expect(i2025.replaced).toEqual([{changePercent: "3.2", edition: "2024-10-01", status: "prognos"}]);
    expect(report.index.years.find((v) => v.year === 2026)).toMatchObject({changePercent: "3.0", status: "prognos", factor: "1.03"});
  });
});

describe("reconciliation 2026 (persons connected in 2025) on the demo data", () => {
  // Hand computation, in whole öre with BigInt so that no float is involved:
  //   factor 2024 → 2026 = (1 + 2.8/100) × (1 + 3.0/100) = 1.028 × 1.03 = 1.05884
  //   tilläggsbelopp 3 735 428 × 1.05884 = 3 955 220.58… → 3 955 221 kr
  //   justeringsbelopp 25 940 × 1.05884 = 27 466.30… → 27 466 kr
  //   174 is above 129–169: beyond-limit 174 − 169 = +5 persons, from-base 174 − 144 = +30 persons
  //   beyond-limit: 3 955 221 + 5 × 27 466 = 3 955 221 + 137 330 = 4 092 551 kr
  //   from-base:    3 955 221 + 30 × 27 466 = 3 955 221 + 823 980 = 4 779 201 kr
  const factorMillionths = 1028n * 1030n; // 1.05884 × 10^6
  const roundKr = (kronor: bigint) => Number((kronor * factorMillionths + 500_000n) / 1_000_000n);
  const supplementary = roundKr(3_735_428n);
  const adjustment = roundKr(25_940n);

  it("is 3 955 221 kr + 5 × 27 466 kr = 4 092 551 kr (default reading), factor 1,058840", () => {
    expect([supplementary, adjustment]).toEqual([3_955_221, 27_466]);
    const y = year(2026);
    expect(y).toMatchObject({year: 2026, countYear: 2025, beforeAgreement: false, count: 174, position: "above", factorYear: 2025});
    expect(y.band).toMatchObject({lower: 129, upper: 169, baseFrom: 2019, baseTo: 2024});
    const r = y.results!["beyond-limit"].reconciliation;
    expect(r.factor).toBe("1.058840");
    expect(r.factorSteps.map((s) => [s.indexYear, s.changePercent, s.edition, s.status, s.factor])).toEqual([
      [2025, "2.8", "2026-03-20", "utfall", "1.028"],
      [2026, "3.0", "2025-12-15", "prognos", "1.03"]
    ]);
    expect(r.supplementaryAmountLevelOre).toBe(373_542_800);
    expect(r.adjustmentAmountLevelOre).toBe(2_594_000);
    expect(r.supplementaryAmountOre).toBe(supplementary * 100);
    expect(r.adjustmentAmountOre).toBe(adjustment * 100);
    expect(r.persons).toBe(174 - 169);
    expect(r.revisionOre).toBe(5 * adjustment * 100);
    expect(r.finalAmountOre).toBe((supplementary + 5 * adjustment) * 100);
    expect(r.finalAmountOre).toBe(409_255_100);
  });

  it("is 3 955 221 kr + 30 × 27 466 kr = 4 779 201 kr when the revision counts from the base count 144", () => {
    const r = year(2026).results!["from-base"].reconciliation;
    expect(r.persons).toBe(174 - 144);
    expect(r.revisionOre).toBe(30 * adjustment * 100);
    expect(r.finalAmountOre).toBe((supplementary + 30 * adjustment) * 100);
    expect(r.finalAmountOre).toBe(477_920_100);
  });

  it("distributes the amount in whole kronor with parts that add up exactly, by the three-factor weights of 2025", () => {
    const y = year(2026);
    for (const reading of ["beyond-limit", "from-base"] as const) {
      const d = y.results![reading].distribution!;
      expect(d.totalOre).toBe(y.results![reading].reconciliation.finalAmountOre);
      expect(d.rows).toHaveLength(8);
      expect(d.rows.every((r) => Number.isInteger(r.amountOre / 100))).toBe(true);
      expect(d.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(d.totalOre);
      expect(d.sumsToTotal).toBe(true);
    }
    // The weights by hand from the demo files (2025): w = 0.5 × share of 80+ + 0.3 × share of P × sparsity + 0.2 × share of P × socio.
    const codes = ["2303", "2305", "2309", "2313", "2321", "2326", "2361", "2380"];
    const pop = demoRows("befolkning.csv").filter((r) => r[1] === "2025" && codes.includes(r[0]));
    const factor = new Map(demoRows("fordelningsfaktorer.csv").filter((r) => r[1] === "2025").map((r) => [r[0], [Number(r[2].replace(",", ".")), Number(r[3].replace(",", "."))]]));
    const P = (c: string) => pop.filter((r) => r[0] === c).reduce((s, r) => s + Number(r[3]), 0);
    const E = (c: string) => Number(pop.find((r) => r[0] === c && r[2] === "80+")![3]);
    const sum = (f: (c: string) => number) => codes.reduce((s, c) => s + f(c), 0);
    const weight = (c: string) =>
      0.5 * (E(c) / sum(E)) + 0.3 * ((P(c) * factor.get(c)![0]) / sum((x) => P(x) * factor.get(x)![0])) + 0.2 * ((P(c) * factor.get(c)![1]) / sum((x) => P(x) * factor.get(x)![1]));
    const d = y.results!["beyond-limit"].distribution!;
    for (const r of d.rows) {
      expect(r.population).toBe(P(r.municipalityCode));
      expect(r.elderly).toBe(E(r.municipalityCode));
      expect(r.weightNumber).toBeCloseTo(weight(r.municipalityCode), 12);
      // Largest remainder: each part is within one krona of its exact share.
      expect(Math.abs(r.amountOre / 100 - weight(r.municipalityCode) * 4_092_551)).toBeLessThan(1);
    }
    expect(d.rows.find((r) => r.municipalityCode === "2380")!.amountOre).toBe(170_183_100);
  });

  it("gives the same figures when the browser's what-if recomputes with the data's own count", () => {
    const y = year(2026);
    const again = reconcileAndDistribute({...report.whatIf, ...y.inputs!}, 174, "beyond-limit");
    expect(again).toEqual(y.results!["beyond-limit"]);
    // Another count: 150 is inside → the uprated amount unchanged; 120 is below → 3 955 221 − 9 × 27 466.
    expect(reconcileAndDistribute({...report.whatIf, ...y.inputs!}, 150, "beyond-limit").reconciliation.finalAmountOre).toBe(395_522_100);
    const below = reconcileAndDistribute({...report.whatIf, ...y.inputs!}, 120, "beyond-limit");
    expect(below.reconciliation.finalAmountOre).toBe((supplementary - 9 * adjustment) * 100);
    expect(below.distribution!.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(below.reconciliation.finalAmountOre);
  });

  it("says it in one sentence, with the reading", () => {
    expect(nb(year(2026).headlines!["beyond-limit"])).toBe(
      "Antalet anslutna 2025 var 174, över normalvariationen 129–169; tilläggsbeloppet 2026 revideras med +5 personer × 27 466 kr till 4 092 551 kr (läsning: antal utöver närmaste gräns)."
    );
    expect(nb(year(2026).headlines!["from-base"])).toContain("+30 personer × 27 466 kr till 4 779 201 kr (läsning: skillnad mot baskantalet 144)");
  });
});

describe("the years before the agreement", () => {
  it("are 2020–2025, against the first band, at 2024 level (no uprating before 2026), marked before the agreement", () => {
    expect(report.years.map((y) => [y.year, y.beforeAgreement])).toEqual([
      [2020, true],
      [2021, true],
      [2022, true],
      [2023, true],
      [2024, true],
      [2025, true],
      [2026, false]
    ]);
    expect(report.defaultYear).toBe(2026);
    for (const y of report.years.filter((x) => x.beforeAgreement)) {
      const r = y.results!["beyond-limit"].reconciliation;
      expect(r.factor).toBe("1.000000");
      expect(r.finalAmountOre).toBe(373_542_800); // every count 2019–2024 is inside 129–169
      expect(y.headlines!["beyond-limit"]).toContain("Avstämningen enligt avtalet börjar 2026");
    }
  });

  it("has no 2027 reconciliation yet (the 2026 count is not in the data)", () => {
    const found = findYear(report, 2027);
    expect("error" in found && found.error).toMatch(/2027 är inget avstämningsår/);
  });
});

describe("reconciliationSentence follows the data", () => {
  const base: SentenceFacts = {
    year: 2026,
    countYear: 2025,
    count: 174,
    band: {lower: 129, upper: 169},
    position: "above",
    persons: 5,
    adjustmentAmountOre: 2_746_600,
    finalAmountOre: 409_255_100,
    readingLabel: "antal utöver närmaste gräns",
    beforeAgreement: false,
    validFrom: 2026,
    levelYear: 2024
  };
  it("above the band: revised upwards", () => {
    expect(nb(reconciliationSentence(base))).toBe(
      "Antalet anslutna 2025 var 174, över normalvariationen 129–169; tilläggsbeloppet 2026 revideras med +5 personer × 27 466 kr till 4 092 551 kr (läsning: antal utöver närmaste gräns)."
    );
  });
  it("inside the band: distributed without adjustment", () => {
    expect(nb(reconciliationSentence({...base, count: 150, position: "inside", persons: 0, finalAmountOre: 395_522_100}))).toBe(
      "Antalet anslutna 2025 var 150, inom normalvariationen 129–169; tilläggsbeloppet 2026 fördelas utan justering: 3 955 221 kr."
    );
  });
  it("below the band: revised downwards, with a minus sign; one person in the singular", () => {
    expect(nb(reconciliationSentence({...base, count: 120, position: "below", persons: -9, finalAmountOre: 370_802_700}))).toBe(
      "Antalet anslutna 2025 var 120, under normalvariationen 129–169; tilläggsbeloppet 2026 revideras med −9 personer × 27 466 kr till 3 708 027 kr (läsning: antal utöver närmaste gräns)."
    );
    expect(nb(reconciliationSentence({...base, count: 170, persons: 1, finalAmountOre: 398_268_700}))).toContain("revideras med +1 person × 27 466 kr");
  });
  it("before the agreement: a comparison, not a reconciliation", () => {
    expect(nb(reconciliationSentence({...base, year: 2025, countYear: 2024, count: 144, position: "inside", persons: 0, finalAmountOre: 373_542_800, beforeAgreement: true}))).toBe(
      "Antalet anslutna 2024 var 144, inom normalvariationen 129–169. Avstämningen enligt avtalet börjar 2026; som jämförelse hade tilläggsbeloppet 2025 fördelats utan justering: 3 735 428 kr i 2024 års nivå."
    );
  });
});

describe("the seminar section", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await openWarehouse(DATA);
  });
  afterAll(() => wh?.close());

  it("2025: the count against the band, the 2026 amount, a bar per municipality and a table that adds up", async () => {
    const municipalities = report.years[0].inputs!.municipalities!.map((m) => ({code: m.municipalityCode, name: m.name!}));
    const s = (await seminarSection(wh, {countyCode: "23", countyName: "Jämtlands län", year: 2025, municipalities}))!;
    expect(s.id).toBe("tillaggsbelopp");
    expect(nb(s.headline)).toMatch(/^Antalet anslutna 2025 var 174, över normalvariationen 129–169; tilläggsbeloppet 2026 revideras med \+5 personer × 27 466 kr till 4 092 551 kr/);
    expect(nb(s.headline)).toContain("Med den andra läsningen (skillnad mot baskantalet 144) blir det 4 779 201 kr.");
    expect(s.chart!.kind).toBe("bars");
    expect(s.chart!.rows).toHaveLength(8);
    expect(s.chart!.rows.reduce((sum, r) => sum + r.value, 0)).toBe(4_092_551);
    expect(nb(s.table.rows.at(-1)!.join("|"))).toBe("Summa|100,0 %|4 092 551 kr");
  });

  it("is null for another county and for a year without a count after it", async () => {
    expect(await seminarSection(wh, {countyCode: "24", countyName: "Västerbottens län", year: 2025, municipalities: []})).toBeNull();
    expect(seminarSectionFrom(report, 2026)).toBeNull();
    // 2023 is before the agreement: a comparison.
    expect(nb(seminarSectionFrom(report, 2023)!.headline)).toContain("Avstämningen enligt avtalet börjar 2026");
  });
});

describe("the figures change with the data", () => {
  it("a lower 2025 count in Östersund puts 2025 inside the band: no revision", async () => {
    const text = readFileSync(join(DATA, "inskrivna.csv"), "utf8").replace(/^2380;2025;palliativ;74$/m, "2380;2025;palliativ;45");
    const r = await reportFor(dataFolder({"inskrivna.csv": text}));
    const y = r.years.find((x) => x.year === 2026)!;
    expect(y.count).toBe(174 - 74 + 45);
    expect(y.position).toBe("inside");
    expect(nb(y.headlines!["beyond-limit"])).toBe("Antalet anslutna 2025 var 145, inom normalvariationen 129–169; tilläggsbeloppet 2026 fördelas utan justering: 3 955 221 kr.");
  });

  it("the agreed band is stored: a changed base-year count leaves the 2026 verdict and amounts as they were, and says so", async () => {
    // Östersund 2019 + 40: the base years then sum to 894 + 40 = 934, mean 155,67; the recomputed band moves.
    const line = readFileSync(join(DATA, "inskrivna.csv"), "utf8").match(/^2380;2019;palliativ;(\d+)$/m)!;
    const text = readFileSync(join(DATA, "inskrivna.csv"), "utf8").replace(line[0], `2380;2019;palliativ;${Number(line[1]) + 40}`);
    const r = await reportFor(dataFolder({"inskrivna.csv": text}));
    const before = year(2026);
    const after = r.years.find((x) => x.year === 2026)!;
    // The verdict uses the band the agreement states, 129–169, not one recomputed from the counts.
    expect(after.band).toMatchObject({lower: 129, upper: 169, baseFrom: 2019, baseTo: 2024});
    expect(after.position).toBe("above");
    expect(after.results!["beyond-limit"].reconciliation).toEqual(before.results!["beyond-limit"].reconciliation);
    expect(after.results!["beyond-limit"].distribution).toEqual(before.results!["beyond-limit"].distribution);
    expect(after.results!["beyond-limit"].reconciliation.finalAmountOre).toBe(409_255_100);
    // The recomputation is shown beside it, as a finding.
    expect(after.proposal?.differs).toBe(true);
    expect(after.proposal?.band?.lower).not.toBe(129);
    expect(r.bandCheck).toMatchObject({agreed: {lower: 129, upper: 169}, differs: true});
    expect(nb(r.bandCheck!.sentence)).toMatch(/ger normalvariationen \d+–\d+ .*men avtalet anger 129–169/);
    // With the demo counts the data agree with the agreement (the hand computation above: 149 ± 2 × 10).
    expect(report.bandCheck).toMatchObject({differs: false, computed: {lower: 129, upper: 169}});
  });

  it("a recomputation point (2029) shows the recomputed band as a proposal beside the agreed one", () => {
    expect(report.windows[1].agreed).toMatchObject({lower: 129, upper: 169, validFrom: 2026});
    expect(nb(report.windows[1].note)).toMatch(/till dess används det avtalade bandet 129–169/i);
    expect(report.windows[0].note).toMatch(/^Avtalat band 129–169/);
  });

  it("without the 2026 LPIK value the year says what is missing instead of guessing", async () => {
    const text = readFileSync(join(DATA, "prisindex.csv"), "utf8").replace(/^LPIK;2026;.*\r?\n/m, "");
    const r = await reportFor(dataFolder({"prisindex.csv": text}));
    const y = r.years.find((x) => x.year === 2026)!;
    expect(y.results).toBeNull();
    expect(y.notes.join(" ")).toMatch(/LPIK saknas för 2026/);
    expect(r.defaultYear).toBe(2026);
  });
});

describe("npx samverkan tillaggsbelopp", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "tillaggsbelopp", ...args], {cwd: ROOT, encoding: "utf8"});

  it("--year 2026 --json gives the figures of the page's data", () => {
    const out = cli("--year", "2026", "--data", DATA, "--json");
    expect(out.status).toBe(0);
    const j = JSON.parse(out.stdout);
    expect(j).toMatchObject({countyCode: "23", year: 2026, countYear: 2025, count: 174, reading: "beyond-limit", factorYear: 2025, whatIf: false});
    expect(j.band).toMatchObject({lower: 129, upper: 169, baseFrom: 2019, baseTo: 2024});
    expect(j.reconciliation).toMatchObject({factor: "1.058840", persons: 5, supplementaryAmountOre: 395_522_100, adjustmentAmountOre: 2_746_600, revisionOre: 13_733_000, finalAmountOre: 409_255_100});
    expect(j.otherReading).toMatchObject({reading: "from-base", persons: 30, finalAmountOre: 477_920_100});
    expect(j.distribution.rows.reduce((s: number, r: {amountOre: number}) => s + r.amountOre, 0)).toBe(409_255_100);
    expect(j.distribution.rows.map((r: {amountOre: number}) => r.amountOre)).toEqual(year(2026).results!["beyond-limit"].distribution!.rows.map((r) => r.amountOre));
    expect(j.index.map((v: {year: number; status: string}) => [v.year, v.status])).toEqual([
      [2025, "utfall"],
      [2026, "prognos"]
    ]);
    expect(nb(j.headline)).toContain("till 4 092 551 kr");
  });

  it("prints the reconciliation, the LPIK steps and the distribution with its check as text", () => {
    const out = cli("--year", "2026", "--data", DATA);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("Antalet anslutna 2025 var 174, över normalvariationen 129–169; tilläggsbeloppet 2026 revideras med +5 personer × 27 466 kr till 4 092 551 kr");
    expect(out.stdout).toMatch(/Belopp att fördela\s+4 092 551 kr/);
    expect(out.stdout).toMatch(/2026\s+3,0 %\s+prognos \(Demodata\)/);
    expect(out.stdout).toContain("ersätter prognosen 3,2 % från 2024-10-01");
    expect(out.stdout).toMatch(/Östersund\s+2380\s+65 239\s+3 732 .* 1 701 831 kr/);
    expect(out.stdout).toContain("Kontroll: delarna summerar exakt till 4 092 551 kr.");
  });

  it("--antal and --lasning recompute the what-if with the same model; a year without data is an error", () => {
    const j = JSON.parse(cli("--year", "2026", "--data", DATA, "--antal", "120", "--lasning", "bas", "--json").stdout);
    expect(j).toMatchObject({whatIf: true, count: 120, dataCount: 174, reading: "from-base"});
    expect(j.reconciliation).toMatchObject({position: "below", persons: -24, finalAmountOre: 395_522_100 - 24 * 2_746_600});
    const bad = cli("--year", "2027", "--data", DATA);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("2027 är inget avstämningsår");
    expect(cli("--year", "tjugo").status).toBe(2);
  });
});
