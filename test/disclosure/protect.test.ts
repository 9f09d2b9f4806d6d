// The disclosure pass (loaders/disclosure/): the policy of issue #16 on hand-made tables, every
// expected value worked out in the comments.
import {describe, expect, it} from "vitest";
import {protectEnrolment, protectVaccination, type VaccinationCount} from "../../loaders/disclosure/protect.ts";
import {coarsenPatientLines} from "../../loaders/disclosure/work-lines.ts";
import {determinedCells} from "../../loaders/models/small-counts.ts";
import {disclosurePolicy, policyShortText} from "../../loaders/disclosure/policy.ts";

const policy = disclosurePolicy({suppressionThreshold: 5});
const countyOf = new Map([["01", "L"], ["02", "L"], ["03", "L"]]);
const row = (code: string, vaccinated: number, targetSize: number): VaccinationCount => ({code, season: "2024/25", targetGroup: "sabo", vaccine: "covid-19", vaccinated, targetSize});

describe("vaccination: complements, 0 %/100 % and secondary suppression", () => {
  it("81 of 84 hides both 81 and its complement 3; the county's sums stay exact", () => {
    // 01: 81 of 84 (3 not vaccinated: primary, a complement); 02: 50 of 60 (10); 03: 40 of 45 (5).
    // Row 01 then has one hidden cell (3): its 81 is hidden too (secondary). Column "not vaccinated"
    // has one hidden cell: the smallest other positive count, 03's 5, is hidden, and so row 03's 40.
    const {rows, counties} = protectVaccination([row("01", 81, 84), row("02", 50, 60), row("03", 40, 45)], countyOf, policy);
    const a = rows.find((r) => r.code === "01")!;
    expect(a).toMatchObject({vaccinated: null, unvaccinated: null, targetSize: 84, vaccinatedReason: "sekundär", unvaccinatedReason: "komplement"});
    const c = rows.find((r) => r.code === "03")!;
    expect(c).toMatchObject({vaccinated: null, unvaccinated: null, targetSize: 45, vaccinatedReason: "sekundär", unvaccinatedReason: "sekundär"});
    expect(rows.find((r) => r.code === "02")).toMatchObject({vaccinated: 50, unvaccinated: 10, targetSize: 60});
    // County: 81 + 50 + 40 = 171 vaccinated, 3 + 10 + 5 = 18 not, 189 in all: published, exact.
    expect(counties[0]).toMatchObject({vaccinated: 171, unvaccinated: 18, targetSize: 189, hiddenCells: 4});
    // Nothing hidden is determined by the published sums.
    const pub = {
      cells: rows.map((r) => [r.vaccinated, r.unvaccinated]),
      rowTotals: rows.map((r) => r.targetSize),
      colTotals: [counties[0].vaccinated, counties[0].unvaccinated],
      grandTotal: counties[0].targetSize
    };
    expect(determinedCells(pub)).toEqual([]);
  });

  it("46 of 46 is hidden (all vaccinated in a group under 50), 60 of 60 is shown", () => {
    const small = protectVaccination([row("01", 46, 46), row("02", 30, 40), row("03", 35, 45)], countyOf, policy).rows;
    expect(small.find((r) => r.code === "01")).toMatchObject({vaccinated: null, unvaccinated: null, targetSize: 46, vaccinatedReason: "alla-eller-ingen", unvaccinatedReason: "alla-eller-ingen"});
    const large = protectVaccination([row("01", 60, 60), row("02", 30, 40), row("03", 35, 45)], countyOf, policy).rows;
    expect(large.find((r) => r.code === "01")).toMatchObject({vaccinated: 60, unvaccinated: 0, targetSize: 60});
    // 0 of 20: nobody vaccinated in a small group, hidden too.
    const none = protectVaccination([row("01", 0, 20), row("02", 30, 40), row("03", 35, 45)], countyOf, policy).rows;
    expect(none.find((r) => r.code === "01")).toMatchObject({vaccinated: null, unvaccinated: null, vaccinatedReason: "alla-eller-ingen"});
    // The rule can be turned off (suppressionAllOrNoneBelow = 0).
    const off = protectVaccination([row("01", 46, 46), row("02", 30, 40), row("03", 35, 45)], countyOf, disclosurePolicy({suppressionThreshold: 5, suppressionAllOrNoneBelow: 0})).rows;
    expect(off.find((r) => r.code === "01")).toMatchObject({vaccinated: 46, unvaccinated: 0});
  });
});

describe("enrolment: municipalities × periods with the county's sums", () => {
  it("a count of 3 hides one more municipality's count of the year, never the county's 3 + 20 + 30 = 53", () => {
    const counts = [
      {code: "01", period: "2024", service: "palliativ", enrolled: 3},
      {code: "02", period: "2024", service: "palliativ", enrolled: 20},
      {code: "03", period: "2024", service: "palliativ", enrolled: 30}
    ];
    const {rows, counties} = protectEnrolment(counts, countyOf, policy);
    expect(rows.map((r) => [r.code, r.enrolled, r.reason])).toEqual([["01", null, "primär"], ["02", null, "sekundär"], ["03", 30, null]]);
    expect(counties).toEqual([{countyCode: "L", period: "2024", service: "palliativ", enrolled: 53, reason: null, complete: true, hiddenCells: 2}]);
  });
  it("a period where a municipality has no count is marked incomplete", () => {
    const {counties} = protectEnrolment([{code: "01", period: "2024", service: "sabo", enrolled: 40}, {code: "02", period: "2024", service: "sabo", enrolled: 50}], countyOf, policy);
    expect(counties[0]).toMatchObject({enrolled: 90, complete: false});
  });
});

describe("sight and hearing lines", () => {
  const line = (n: number, date: string, kind: string, hours: string, billed: number) => ({line: n, date, municipalityCode: "01", performer: "kommun", kind, hours, billedHours: billed, rateOre: 34_800, amountOre: billed * 34_800});
  it("two sight assignments in a month are one undated line: 4.5 h + 2.75 h → 5 + 3 = 8 started hours, 8 × 348 kr = 2 784 kr", () => {
    const out = coarsenPatientLines([line(2, "2026-01-05", "synombud", "4.5", 5), line(3, "2026-01-20", "synombud", "2.75", 3), line(4, "2026-01-21", "inhyrd_personal", "1", 1)], 5);
    expect(out).toEqual([
      {line: null, merged: true, date: "2026-01", municipalityCode: "01", performer: "kommun", kind: "synombud", hours: "7.25", billedHours: 8, rateOre: 34_800, amountOre: 278_400},
      line(4, "2026-01-21", "inhyrd_personal", "1", 1)
    ]);
  });
  it("five assignments in a month keep their dates", () => {
    const five = [1, 2, 3, 4, 5].map((d) => line(d, `2026-02-0${d}`, "horselombud", "1", 1));
    expect(coarsenPatientLines(five, 5)).toEqual(five);
  });
});

it("the policy in one sentence names the range, complements, 0 %/100 % and the method page", () => {
  const t = policyShortText(policy);
  expect(t).toContain("från 1 till 4");
  expect(t).toContain("komplement");
  expect(t).toContain("färre än 50");
  expect(t).toContain("Sekretess och röjandekontroll");
});
