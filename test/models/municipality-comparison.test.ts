// Jämför kommuner (loaders/models/municipality-comparison.ts) on a small hand-made county: per-capita
// measures, the county average total/total and the median, ranks, changes, share of the county, small
// counts kept out of every sum, fixed prices by an index, and the choice of similar municipalities.
import {describe, expect, it} from "vitest";
import {
  atPriceLevel,
  cellKey,
  change,
  commonDenominatorFactors,
  groupSeries,
  isSmallCount,
  measureSeries,
  median,
  plus,
  priceFactors,
  quotient,
  ranks,
  rankQuartile,
  similarMunicipalities,
  similarWithinGroups,
  total,
  zScores,
  type BaseCell,
  type Figure,
  type MeasureInput,
  type PopulationCell
} from "../../loaders/models/municipality-comparison.ts";
import {ratio, toFixed, toNumber, type Ratio} from "../../loaders/models/exact.ts";
import type {IndexValue} from "../../loaders/models/index-uprating.ts";

const KR = 100; // öre per krona
const years = [2013, 2014];
// County 01: A, B, C. County 02: D.
const municipalities = [
  {code: "0101", countyCode: "01"},
  {code: "0102", countyCode: "01"},
  {code: "0103", countyCode: "01"},
  {code: "0201", countyCode: "02"}
];
const pops: Record<string, PopulationCell> = {
  "0101": {total: 1000, age65: 200, age80: 50},
  "0102": {total: 2000, age65: 300, age80: 100},
  "0103": {total: 500, age65: 150, age80: 60},
  "0201": {total: 4000, age65: 800, age80: 200}
};
const population = new Map<string, PopulationCell>(municipalities.flatMap((m) => years.map((y) => [cellKey(m.code, y), pops[m.code]] as const)));
const cost = (kr2013: number, kr2014: number) => [
  [2013, kr2013],
  [2014, kr2014]
] as const;
// Cost in kronor: A 100 000 → 110 000, B 150 000 → 165 000, C 40 000 → 50 000, D 200 000 → 200 000.
const costs: Record<string, ReturnType<typeof cost>> = {
  "0101": cost(100_000, 110_000),
  "0102": cost(150_000, 165_000),
  "0103": cost(40_000, 50_000),
  "0201": cost(200_000, 200_000)
};
const costCells = new Map<string, BaseCell>(Object.entries(costs).flatMap(([code, ys]) => ys.map(([y, kr]) => [cellKey(code, y), {value: ratio(kr * KR)}] as const)));
const costInput: MeasureInput = {municipalities, years, cells: costCells, population};

const kr = (f: Figure | Ratio | null | undefined, digits = 2) => (f == null || f === "suppressed" ? f : toFixed(ratio(f.num, f.den * BigInt(KR)), digits));
const lowest = (f: Figure | undefined) => (f == null || f === "suppressed" ? f : ratio(f.num, f.den));
const pct = (f: Ratio | null | undefined, digits = 2) => (f == null ? f : toFixed(ratio(f.num * 100n, f.den), digits));

describe("per-capita measures and the county figures", () => {
  const s = measureSeries("perInhabitant", costInput);
  it("kronor per inhabitant: A 100 000 kr / 1 000 = 100 kr, B 150 000 / 2 000 = 75 kr, C 40 000 / 500 = 80 kr", () => {
    expect(kr(s.values.get("0101")![0])).toBe("100.00");
    expect(kr(s.values.get("0102")![0])).toBe("75.00");
    expect(kr(s.values.get("0103")![0])).toBe("80.00");
  });
  it("the county average is total/total: 290 000 kr / 3 500 inhabitants = 82.857… kr, not the mean of the ratios (85 kr)", () => {
    expect(kr(s.countyAverage.get("01")![0], 4)).toBe("82.8571");
    expect(kr(s.countyAverage.get("02")![0])).toBe("50.00"); // D alone: 200 000 / 4 000
  });
  it("the median is the middle municipality (80 kr) and the ranks run from the highest (A 1, C 2, B 3)", () => {
    expect(kr(s.countyMedian.get("01")![0])).toBe("80.00");
    expect([s.rank.get("0101")![0], s.rank.get("0103")![0], s.rank.get("0102")![0]]).toEqual([1, 2, 3]);
    expect(s.countyCount.get("01")).toEqual([3, 3]);
  });
  it("per inhabitant 65+ and 80+: A 100 000 / 200 = 500 kr and 100 000 / 50 = 2 000 kr; county 80+ = 290 000 / 210", () => {
    expect(kr(measureSeries("per65", costInput).values.get("0101")![0])).toBe("500.00");
    const s80 = measureSeries("per80", costInput);
    expect(kr(s80.values.get("0101")![0])).toBe("2000.00");
    expect(kr(s80.countyAverage.get("01")![0], 4)).toBe("1380.9524"); // 290 000 / 210
  });
  it("change since the previous year: A 100 → 110 kr per inhabitant is +10 %; C 80 → 100 kr is +25 %", () => {
    expect(pct(s.sincePrevious.get("0101")![1])).toBe("10.00");
    expect(pct(s.sinceFirst.get("0103")![1])).toBe("25.00");
    expect(s.sincePrevious.get("0101")![0]).toBeNull(); // no previous year
  });
  it("the total measure's average is the mean per municipality (290 000 / 3), and the share of the county sums to 100 %", () => {
    const t = measureSeries("total", costInput);
    expect(kr(t.countyAverage.get("01")![0])).toBe("96666.67");
    const sh = measureSeries("share", costInput);
    expect(pct(sh.values.get("0101")![0] as Ratio)).toBe("34.48"); // 100 000 / 290 000
    expect(["0101", "0102", "0103"].map((c) => sh.values.get(c)![0] as Ratio).reduce((a, b) => ratio(a.num * b.den + b.num * a.den, a.den * b.den))).toEqual(ratio(1));
    expect(sh.countyAverage.get("01")![0]).toBeNull();
    // A share changes in percentage points: A 2014 = 110 / 325 = 33.85 %, −0.64 points.
    expect(pct(sh.sincePrevious.get("0101")![1])).toBe("-0.64");
  });
});

describe("small counts of persons", () => {
  // Enrolled: A has 3 (suppressed, threshold 5), B 10, C 20 in 2013; A 6, B 12, C 0 in 2014.
  const enrolled = new Map<string, BaseCell>(
    [
      ["0101", 2013, 3],
      ["0102", 2013, 10],
      ["0103", 2013, 20],
      ["0101", 2014, 6],
      ["0102", 2014, 12],
      ["0103", 2014, 0]
    ].map(([c, y, n]) => [cellKey(c as string, y as number), {value: ratio(n as number), suppressed: isSmallCount(n as number, 5)}])
  );
  const input: MeasureInput = {municipalities, years, cells: enrolled, population};
  it("1 … threshold − 1 is suppressed, 0 and the threshold are not", () => {
    expect([0, 1, 4, 5].map((n) => isSmallCount(n, 5))).toEqual([false, true, true, false]);
  });
  it("the suppressed count and its derived figures are suppressed; the change from it is not computed", () => {
    const s = measureSeries("perInhabitant", input);
    expect(s.values.get("0101")![0]).toBe("suppressed");
    expect(s.rank.get("0101")![0]).toBeNull();
    expect(s.sincePrevious.get("0101")![1]).toBeNull(); // 3 → 6 would reveal the 3
    expect(measureSeries("share", input).values.get("0101")![0]).toBe("suppressed");
  });
  it("the county average and the shares leave it out: (10 + 20) / (2 000 + 500) = 12 per 1 000; B's share 10 / 30", () => {
    const s = measureSeries("perInhabitant", input);
    expect(toFixed(s.countyAverage.get("01")![0]!, 6)).toBe("0.012000");
    expect(s.countyCount.get("01")![0]).toBe(2);
    // The model's figures are exact but not normalised (10/30): compared in lowest terms.
    expect(lowest(measureSeries("share", input).values.get("0102")![0])).toEqual(ratio(1, 3));
    expect(lowest(measureSeries("total", input).countyAverage.get("01")![0])).toEqual(ratio(15)); // (10 + 20) / 2
  });
  it("cost per enrolled person: suppressed where the enrolled count is; missing where nobody is enrolled", () => {
    const s = measureSeries("perEnrolled", {...costInput, enrolled});
    expect(s.values.get("0101")![0]).toBe("suppressed");
    expect(kr(s.values.get("0102")![0])).toBe("15000.00"); // 150 000 kr / 10
    expect(s.values.get("0103")![1]).toBeNull(); // 0 enrolled
    expect(kr(s.countyAverage.get("01")![0])).toBe("6333.33"); // (150 000 + 40 000) / 30
  });
  it("coverage is vaccinated / target group, total/total for the county", () => {
    const vacc = new Map<string, BaseCell>([
      [cellKey("0101", 2013), {value: ratio(45), denominator: ratio(50)}],
      [cellKey("0102", 2013), {value: ratio(70), denominator: ratio(100)}],
      [cellKey("0103", 2013), {value: ratio(2), denominator: ratio(3), suppressed: true, denominatorSuppressed: true}]
    ]);
    const s = measureSeries("coverage", {municipalities, years: [2013], cells: vacc, population});
    expect(pct(s.values.get("0101")![0] as Ratio)).toBe("90.00");
    expect(s.values.get("0103")![0]).toBe("suppressed");
    expect(pct(s.countyAverage.get("01")![0])).toBe("76.67"); // 115 / 150, C left out
    expect(pct(s.countyMedian.get("01")![0])).toBe("80.00"); // (90 + 70) / 2
  });
});

describe("fixed prices", () => {
  const opi: IndexValue[] = [
    {index: "OPI", year: 2014, changePercent: "2.0", edition: "2014-12-15"},
    {index: "OPI", year: 2015, changePercent: "3.0", edition: "2015-12-15"}
  ];
  const f = priceFactors(opi, "OPI", [2013, 2014, 2015], 2015);
  it("uprates to the level year: 2013 × 1.02 × 1.03 = 1.0506, 2014 × 1.03, 2015 × 1", () => {
    expect(toFixed(f.get(2013)!, 6)).toBe("1.050600");
    expect(toFixed(f.get(2014)!, 6)).toBe("1.030000");
    expect(f.get(2015)).toEqual(ratio(1));
    expect(kr(atPriceLevel(ratio(100_000 * KR), 2013, f))).toBe("105060.00");
  });
  it("the real change of A: 110 000 × 1.03 / (100 000 × 1.0506) − 1 = +7.84 % (current prices +10 %)", () => {
    const fixed = new Map([...costCells].map(([k, c]) => [k, {value: atPriceLevel(c.value, Number(k.split("|")[1]), f)}]));
    const s = measureSeries("perInhabitant", {...costInput, cells: fixed});
    expect(pct(s.sincePrevious.get("0101")![1])).toBe("7.84");
    expect(kr(s.values.get("0101")![0])).toBe("105.06");
  });
});

describe("fixed prices over one denominator per year", () => {
  // 2013: kommun × 1.0506 (= 5253/5000), region × 1.025 (= 41/40); lcm(5000, 40) = 5000, so the region's
  // factor is written 5125/5000. 2014: kommun × 1.03 (103/100), region × 1 (1/1): both over 100.
  const factors = new Map([
    ["kommun", new Map([[2013, ratio(5253, 5000)], [2014, ratio(103, 100)]])],
    ["region", new Map([[2013, ratio(41, 40)], [2014, ratio(1)]])]
  ]);
  const common = commonDenominatorFactors(factors);
  it("writes each year's factors over the least common multiple of their denominators, values unchanged", () => {
    expect(common.get("kommun")!.get(2013)).toEqual({num: 5253n, den: 5000n});
    expect(common.get("region")!.get(2013)).toEqual({num: 5125n, den: 5000n});
    expect(common.get("kommun")!.get(2014)).toEqual({num: 103n, den: 100n});
    expect(common.get("region")!.get(2014)).toEqual({num: 100n, den: 100n});
  });
  it("so a year's amounts add as integers: 100 000 kr kommun + 20 000 kr region in 2013 = 105 060 + 20 500 = 125 560 kr", () => {
    const k = common.get("kommun")!.get(2013)!;
    const r = common.get("region")!.get(2013)!;
    const sum = plus({num: 100_000n * k.num, den: k.den}, {num: 20_000n * r.num, den: r.den});
    expect(sum.den).toBe(5000n);
    expect(lowest(sum)).toEqual(ratio(125_560));
    expect(lowest(total([sum, {num: 5000n, den: 5000n}]))).toEqual(ratio(125_561));
  });
});

describe("helpers", () => {
  it("quotient is exact, not normalised, with a positive denominator: (3/4) / (−6/5) = −15/24 = −5/8", () => {
    const q = quotient(ratio(3, 4), ratio(-6, 5));
    expect(q).toEqual({num: -15n, den: 24n});
    expect(lowest(q)).toEqual(ratio(-5, 8));
    expect(toFixed(q, 3)).toBe("-0.625");
    expect(() => quotient(ratio(1), ratio(0))).toThrow();
  });
  it("median of an even list is the mean of the middle two; change from zero is undefined", () => {
    expect(median([ratio(1), ratio(4), ratio(2), ratio(3)])).toEqual(ratio(5, 2));
    expect(median([])).toBeNull();
    expect(change(ratio(0), ratio(5), "relative")).toBeNull();
    expect(change(ratio(1, 2), ratio(3, 5), "points")).toEqual(ratio(1, 10));
  });
  it("ties share a rank (competition ranking 1, 2, 2, 4)", () => {
    const r = ranks(new Map<string, Figure>([["a", ratio(9)], ["b", ratio(5)], ["c", ratio(5)], ["d", ratio(1)], ["e", "suppressed"]]));
    expect([...r]).toEqual([["a", 1], ["b", 2], ["c", 2], ["d", 4]]);
  });
  it("the similar municipalities' figure is total/total over the group: B and C per inhabitant = 190 000 / 2 500 = 76 kr", () => {
    expect(kr(groupSeries("perInhabitant", costInput, ["0102", "0103"])[0])).toBe("76.00");
  });
});

describe("similar municipalities", () => {
  it("z-scores use the population standard deviation: [1, 2, 3] → [−1.2247, 0, 1.2247]", () => {
    expect(zScores([1, 2, 3]).map((z) => z.toFixed(4))).toEqual(["-1.2247", "0.0000", "1.2247"]);
    expect(zScores([5, 5])).toEqual([0, 0]);
  });
  // Four small towns and a city: the city's nearest are the larger towns; twins find each other.
  const features = [
    {code: "A", population: 2500, share65: 0.3, share80: 0.1},
    {code: "B", population: 2600, share65: 0.3, share80: 0.1},
    {code: "C", population: 10000, share65: 0.25, share80: 0.07},
    {code: "D", population: 12000, share65: 0.24, share80: 0.07},
    {code: "E", population: 130000, share65: 0.18, share80: 0.04}
  ];
  const sim = similarMunicipalities(features, 2);
  it("k nearest by Euclidean distance on z-scores of ln(population), share 65+ and share 80+", () => {
    expect(sim.get("A")!.map((n) => n.code)).toEqual(["B", "C"]);
    expect(sim.get("E")!.map((n) => n.code)).toEqual(["D", "C"]);
    // The distance A–B by hand: only ln(population) differs, by ln(2600/2500), divided by its SD.
    const z = zScores(features.map((f) => Math.log(f.population)));
    expect(sim.get("A")![0].distance).toBeCloseTo(Math.abs(z[1] - z[0]), 12);
    expect(toNumber(ratio(1))).toBe(1);
  });
  it("never lists the municipality itself, and ties go to the lower code", () => {
    const twins = similarMunicipalities([
      {code: "X", population: 1000, share65: 0.2, share80: 0.05},
      {code: "Z", population: 2000, share65: 0.2, share80: 0.05},
      {code: "Y", population: 2000, share65: 0.2, share80: 0.05},
      {code: "W", population: 4000, share65: 0.2, share80: 0.05}
    ], 3);
    expect(twins.get("X")!.map((n) => n.code)).toEqual(["Y", "Z", "W"]);
    expect(twins.get("Y")!.map((n) => n.code)).toEqual(["Z", "W", "X"]);
  });
});

describe("similar municipalities within the county (the ranking's filter)", () => {
  // Population only differs (equal shares): z of ln(population) decides. ln 1000 = 6.908, ln 1100 = 7.003,
  // ln 4000 = 8.294, ln 900 = 6.802, ln 1050 = 6.957. County 01: P, Q, R; county 02: S, T.
  const features = [
    {code: "P", population: 1000, share65: 0.2, share80: 0.05},
    {code: "Q", population: 1100, share65: 0.2, share80: 0.05},
    {code: "R", population: 4000, share65: 0.2, share80: 0.05},
    {code: "S", population: 900, share65: 0.2, share80: 0.05},
    {code: "T", population: 1050, share65: 0.2, share80: 0.05}
  ];
  const county: Record<string, string> = {P: "01", Q: "01", R: "01", S: "02", T: "02"};
  it("keeps only the same county, nearest first, even when a nearer one lies in another county", () => {
    const sim = similarWithinGroups(features, (c) => county[c], 2);
    // Nationally T (1050) is nearest to P (1000), but T is in county 02: P's county neighbours are Q then R.
    expect(sim.get("P")!.map((n) => n.code)).toEqual(["Q", "R"]);
    expect(sim.get("S")!.map((n) => n.code)).toEqual(["T"]);
    // The distance P–Q by hand: |ln 1100 − ln 1000| / SD of the five ln(population) values.
    const ln = features.map((f) => Math.log(f.population));
    const mean = ln.reduce((a, b) => a + b) / 5;
    const sd = Math.sqrt(ln.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
    expect(sim.get("P")![0].distance).toBeCloseTo(Math.log(1.1) / sd, 12);
  });
});

describe("quartile of a rank", () => {
  it("is ⌈4·rank/n⌉: of 8, ranks 1–2 are Q1, 3–4 Q2, 5–6 Q3, 7–8 Q4", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => rankQuartile(r, 8))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
  it("of 7: ⌈4/7⌉ = 1, ⌈8/7⌉ = 2, ⌈12/7⌉ = 2, ⌈16/7⌉ = 3, ⌈20/7⌉ = 3, ⌈24/7⌉ = 4, ⌈28/7⌉ = 4", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => rankQuartile(r, 7))).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });
  it("refuses a rank outside 1…n", () => {
    expect(() => rankQuartile(0, 4)).toThrow(RangeError);
    expect(() => rankQuartile(5, 4)).toThrow(RangeError);
  });
});
