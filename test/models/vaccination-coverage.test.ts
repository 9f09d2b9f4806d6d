import {describe, expect, it} from "vitest";
import {dec} from "../../loaders/models/exact.ts";
import {
  aggregate,
  binomialQuantile,
  changePoints,
  classify,
  coverage,
  funnelCurve,
  funnelLimits,
  funnelSentence,
  pointsText,
  previousSeason,
  priceDoses,
  priceTotal,
  rankAmong,
  rankText,
  seasonEndingIn
} from "../../loaders/models/vaccination-coverage.ts";

describe("coverage and the county aggregate", () => {
  it("is vaccinated / target group, and the county is sum over sum (not the mean of the municipalities)", () => {
    expect(coverage(98, 103)).toBeCloseTo(0.951456, 6);
    expect(coverage(0, 0)).toBeNull();
    expect(() => coverage(11, 10)).toThrow(/more vaccinated/);
    // 9/10 and 60/100: mean of the two is 75 %, the county is 69/110 = 62.727 %.
    const c = aggregate([{vaccinated: 9, targetSize: 10}, {vaccinated: 60, targetSize: 100}]);
    expect(c).toMatchObject({vaccinated: 69, targetSize: 110});
    expect(c.coverage).toBeCloseTo(69 / 110, 12);
  });

  it("gives the change from the season before in percentage points", () => {
    // 81.2 % − 79.0 % = +2.2 percentage points (not +2.8 %).
    expect(changePoints(0.812, 0.79)).toBeCloseTo(2.2, 9);
    expect(changePoints(0.7, null)).toBeNull();
    expect(pointsText(2.2)).toBe("+2,2 procentenheter");
    expect(pointsText(-0.44)).toBe("−0,4 procentenheter");
    expect(pointsText(0.01)).toBe("0,0 procentenheter");
  });

  it("names the seasons (1 July – 30 June)", () => {
    expect(previousSeason("2024/25")).toBe("2023/24");
    expect(previousSeason("2000/01")).toBe("1999/00");
    expect(seasonEndingIn(2024)).toBe("2023/24");
    expect(seasonEndingIn(2000)).toBe("1999/00");
  });
});

describe("funnel limits", () => {
  it("normal approximation at p0 = 0.8, n = 100: 0.8 ± 1.96 · 0.04 = 0.7216 … 0.8784, and ± 3.09 · 0.04 = 0.6764 … 0.9236", () => {
    // √(0.8 · 0.2 / 100) = √0.0016 = 0.04
    const a = funnelLimits(0.8, 100, 95, "normal");
    expect(a.lower).toBeCloseTo(0.7216, 12);
    expect(a.upper).toBeCloseTo(0.8784, 12);
    const b = funnelLimits(0.8, 100, 99.8, "normal");
    expect(b.lower).toBeCloseTo(0.6764, 12);
    expect(b.upper).toBeCloseTo(0.9236, 12);
  });

  it("Wilson score at p0 = 0.8, n = 100 (the default), by hand", () => {
    // z = 1.96: z² = 3.8416, z²/n = 0.038416, d = 1.038416
    //   centre = 0.8 + z²/2n = 0.819208
    //   h = 1.96 · √(0.0016 + 3.8416/40000) = 1.96 · √0.00169604 = 1.96 · 0.0411830 = 0.0807187
    //   lower = (0.819208 − 0.0807187) / 1.038416 = 0.711169, upper = (0.819208 + 0.0807187) / 1.038416 = 0.866634
    const a = funnelLimits(0.8, 100, 95);
    expect(a.lower).toBeCloseTo(0.711169, 6);
    expect(a.upper).toBeCloseTo(0.866634, 6);
    // z = 3.09: z² = 9.5481, d = 1.095481, centre = 0.8477405, h = 3.09 · √(0.0016 + 0.000238703) = 0.132486
    //   lower = 0.715241 / 1.095481 = 0.652901, upper = 0.980240 / 1.095481 = 0.894803
    const b = funnelLimits(0.8, 100, 99.8, "wilson");
    expect(b.lower).toBeCloseTo(0.652901, 5);
    expect(b.upper).toBeCloseTo(0.894803, 5);
    // Wilson is asymmetric and pulled towards 50 %: both limits below the normal approximation's here.
    expect(a.lower).toBeLessThan(0.7216);
    expect(a.upper).toBeLessThan(0.8784);
  });

  it("stays inside 0–100 % for a small group near the top, where the normal approximation goes over 100 %", () => {
    const normal = funnelLimits(0.95, 8, 99.8, "normal");
    expect(normal.upper).toBe(1); // 0.95 + 3.09 · 0.0771 = 1.188, clipped
    const wilson = funnelLimits(0.95, 8, 99.8, "wilson");
    expect(wilson.upper).toBeLessThan(1);
    expect(wilson.lower).toBeGreaterThan(0);
  });

  it("exact binomial: quantiles of Bin(10, 0.5) by hand", () => {
    // P(X ≤ 1) = 11/1024 = 0.0107, P(X ≤ 2) = 56/1024 = 0.0547: the 2.5 % quantile is 2.
    expect(binomialQuantile(10, 0.5, 0.025)).toBe(2);
    // P(X ≤ 7) = 968/1024 = 0.945, P(X ≤ 8) = 1013/1024 = 0.989: the 97.5 % quantile is 8.
    expect(binomialQuantile(10, 0.5, 0.975)).toBe(8);
    expect(funnelLimits(0.5, 10, 95, "exact")).toEqual({lower: 0.2, upper: 0.8});
    expect(binomialQuantile(10, 0, 0.5)).toBe(0);
    expect(binomialQuantile(10, 1, 0.5)).toBe(10);
  });

  it("narrows as n grows (the funnel)", () => {
    const curve = funnelCurve(0.8, 10, 1000);
    expect(curve[0].n).toBe(8);
    expect(curve.at(-1)!.n).toBe(1100);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].upper95 - curve[i].lower95).toBeLessThan(curve[i - 1].upper95 - curve[i - 1].lower95);
      expect(curve[i].lower998).toBeLessThan(curve[i].lower95);
    }
  });
});

describe("classifying the points", () => {
  // p0 = 0.8, n = 100; Wilson limits 95 %: 0.711169–0.866634, 99.8 %: 0.652901–0.894803.
  it("puts each coverage in its band, a point on a limit inside", () => {
    expect(classify(80, 100, 0.8).status).toBe("inside");
    expect(classify(86, 100, 0.8).status).toBe("inside");
    expect(classify(87, 100, 0.8).status).toBe("above95");
    expect(classify(90, 100, 0.8).status).toBe("above998");
    expect(classify(71, 100, 0.8).status).toBe("below95");
    expect(classify(65, 100, 0.8).status).toBe("below998");
    // The normal approximation's 95 % lower limit at n = 100 is 0.7216: 73/100 is inside, 72/100 below.
    expect(classify(73, 100, 0.8, "normal").status).toBe("inside");
    expect(classify(72, 100, 0.8, "normal").status).toBe("below95");
    // On the limit: p0 = 0.5, n = 10 000, 0.5 − 1.96 · 0.005 = 0.4902 exactly = 4 902 / 10 000 → inside.
    expect(classify(4902, 10000, 0.5, "normal").status).toBe("inside");
    expect(classify(4901, 10000, 0.5, "normal").status).toBe("below95");
  });

  it("does not call a small municipality's 60 % a failure", () => {
    // 6 of 10 against a county of 80 %: inside the 95 % limits at n = 10.
    expect(classify(6, 10, 0.8).status).toBe("inside");
    // The same 60 % of 500 is far outside.
    expect(classify(300, 500, 0.8).status).toBe("below998");
  });

  it("names the points outside the limits in Swedish", () => {
    const s = funnelSentence(
      [
        {name: "Bjurholm", coverage: 0.6, status: "inside"},
        {name: "Umeå", coverage: 0.9, status: "above998"},
        {name: "Malå", coverage: 0.7, status: "below95"},
        {name: "Vännäs", coverage: 0.8, status: "inside"}
      ],
      0.8,
      2
    );
    expect(s).toBe(
      "Utanför 99,8 %-gränserna runt länets 80,0 %, en verklig skillnad: Umeå 90,0 % (över). Mellan 95 %- och 99,8 %-gränserna, värt att titta närmare på: Malå 70,0 % (under). 2 av 4 kommuner ligger inom 95 %-gränserna (slumpens variation). 2 kommuner visas inte: för få personer för att redovisa."
        .replace(/(\d,\d) %(?!-)/g, "$1\u00a0%")
    );
    expect(funnelSentence([{name: "A", coverage: 0.8, status: "inside"}], 0.8)).toContain("Ingen kommun ligger utanför 99,8 %-gränserna");
  });
});

describe("rank among counties", () => {
  const counties = [
    {code: "09", name: "Gotlands län", coverage: 95},
    {code: "24", name: "Västerbottens län", coverage: 93},
    {code: "22", name: "Västernorrlands län", coverage: 91},
    {code: "04", name: "Södermanlands län", coverage: 91},
    {code: "23", name: "Jämtlands län", coverage: 88}
  ];
  it("ranks highest first and shares ranks for ties (1, 2, 3, 3, 5)", () => {
    expect(rankAmong(counties, "24")).toEqual({rank: 2, of: 5, tiedWith: []});
    expect(rankAmong(counties, "04")).toEqual({rank: 3, of: 5, tiedWith: ["Västernorrlands län"]});
    expect(rankAmong(counties, "23")!.rank).toBe(5);
    expect(rankText(rankAmong(counties, "24"))).toBe("plats 2 av 5 län med uppgift");
  });
  it("has no rank without the county or with one county only", () => {
    expect(rankAmong(counties, "01")).toBeNull();
    expect(rankAmong([counties[0]], "09")).toBeNull();
  });
});

describe("volume priced at a rate", () => {
  it("is doses × price per dose in whole öre", () => {
    // 16 650 doses × 150 kr = 2 497 500 kr = 249 750 000 öre
    expect(priceDoses(16650, dec("150"))).toBe(249_750_000);
    // 3 doses × 149.995 kr = 449.985 kr → 449.99 kr (half away from zero) = 44 999 öre
    expect(priceDoses(3, dec("149.995"))).toBe(44_999);
    expect(priceTotal([1, 2], dec("149.995"))).toBe(44_999);
    expect(() => priceDoses(1.5, dec("150"))).toThrow();
  });
});
