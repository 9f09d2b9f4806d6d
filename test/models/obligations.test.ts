// The calendar of obligations, on the terms of the Jämtland Härjedalen agreement 2026–2027 as DOMAIN.md
// states them: valid 2026-01-01 – 2027-12-31, notice at least 12 months before the end (at the latest
// 2026-12-31), otherwise prolonged by two years (to 2029-12-31, and so on); tilläggsbelopp reconciled in
// the first quarter, evaluated every 2nd year, the band (2019–2024) recomputed every 3rd year; MT fixed part
// half-yearly in advance, variable part monthly; Västerbotten's swap from 2013 reviewed every 4th year.
import {describe, expect, it} from "vitest";
import {
  addMonths,
  calendar,
  currentTerm,
  daysBetween,
  daysLeftText,
  nextDeadline,
  obligations,
  undatedObligations,
  type AssumedDay,
  type CalendarAgreement,
  type CalendarInput
} from "../../loaders/models/obligations.ts";

const src = (section: string) => ({document: "Överenskommelse 2026–2027", section});
const day = (month: number, d: number): AssumedDay => ({month, day: d, by: "Testanalytiker", reason: `datum ${d}/${month} valt i testet.`});

const jamtland: CalendarAgreement = {
  id: "23-2026",
  countyCode: "23",
  title: "Överenskommelse om hälso- och sjukvård i hemmet 2026–2027",
  status: "rekommenderat",
  validFrom: "2026-01-01",
  validTo: "2027-12-31",
  noticeMonths: 12,
  prolongYears: 2,
  termsSource: src("Giltighetstid och uppsägning"),
  followUps: [
    {name: "Överenskommelse om hälso- och sjukvård i hemmet", source: src("Uppföljning"), firstYear: {year: 2027, by: "Testanalytiker", reason: "året efter."}, day: day(4, 30)},
    {name: "Överenskommelse tilläggsbelopp", source: src("Uppföljning"), firstYear: 2027, day: day(4, 30)}
  ],
  seminar: {source: src("Uppföljning"), every: 1, firstYear: 2026, day: day(9, 30)},
  developmentFunds: {source: src("Gemensamma utvecklingsmedel"), every: 1, firstYear: 2026, day: day(9, 30), split: {regionPercent: "62.5", municipalPercent: "37.5"}},
  supplementaryAmount: {
    firstReconciliationYear: 2026,
    reconciliationSource: src("Avstämning"),
    evaluation: {source: src("Uppföljning"), every: 2, firstYear: {year: 2028, by: "Testanalytiker", reason: "efter två hela år."}, day: day(9, 30)},
    band: {validFrom: 2026, recomputeEvery: 3, baseFrom: 2019, baseTo: 2024, source: src("Normalvariation"), day: day(3, 31)}
  },
  taxSwapReview: {startYear: null, every: 4, source: src("Skatteväxling"), day: day(9, 30), note: "Startåret saknas i källmaterialet."},
  medtech: {
    fixed: {everyMonths: 6, source: src("Medicinteknik, fast del"), by: "Testanalytiker", reason: "halvårets första dag."},
    variable: {everyMonths: 1, source: src("Medicinteknik, rörlig del"), by: "Testanalytiker", reason: "månadens sista dag."}
  }
};

const vasterbotten: CalendarAgreement = {
  id: "24-2013",
  countyCode: "24",
  title: "Överföring av hemsjukvården 2013",
  status: "antaget",
  validFrom: "2013-01-01",
  validTo: null,
  noticeMonths: null,
  prolongYears: null,
  termsSource: src("Överföring"),
  followUps: [],
  seminar: null,
  developmentFunds: null,
  supplementaryAmount: null,
  taxSwapReview: {startYear: 2013, every: 4, source: src("Uppföljning av skatteväxlingen"), day: day(9, 30)},
  medtech: null
};

const input: CalendarInput = {agreements: [jamtland, vasterbotten]};
const all = obligations(input, {from: "2013-01-01", to: "2033-12-31"});
const of = (kind: string, county = "23") => all.filter((o) => o.kind === kind && o.countyCode === county);

describe("calendar days", () => {
  it("12 months before 2027-12-31 is 2026-12-31; a 29 February goes to the 28th in a common year", () => {
    expect(addMonths("2027-12-31", -12)).toBe("2026-12-31");
    expect(addMonths("2027-12-31", 24)).toBe("2029-12-31");
    expect(addMonths("2028-02-29", -12)).toBe("2027-02-28");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("counts calendar days, also across the change to summer time (29 March 2026)", () => {
    expect(daysBetween("2026-12-04", "2026-12-31")).toBe(27);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-12-31", "2026-12-04")).toBe(-27);
    expect(daysBetween("2027-12-31", "2028-12-31")).toBe(366); // 2028 is a leap year
    expect([daysLeftText(0), daysLeftText(1), daysLeftText(27), daysLeftText(-3)]).toEqual(["i dag", "i morgon", "om 27 dagar", "för 3 dagar sedan"]);
  });
});

describe("notice and prolongation", () => {
  it("the last day to give notice is 2026-12-31, computed from the end of validity and 12 months", () => {
    const notice = of("uppsagning");
    expect(notice[0].date).toBe("2026-12-31");
    expect(notice[0].dateKind).toBe("beräknat");
    expect(notice[0].dateBasis).toContain("2027-12-31 − 12 månader");
    expect(notice[0].detail).toContain("till 2029-12-31");
    expect(notice[0].detail).toContain("nästa sista dag för uppsägning blir då 2028-12-31");
  });

  it("without notice the agreement runs two years at a time: ends 2027, 2029, 2031, 2033; notice a year before each", () => {
    expect(of("uppsagning").map((o) => o.date)).toEqual(["2026-12-31", "2028-12-31", "2030-12-31", "2032-12-31"]);
    const ends = of("avtalsslut");
    expect(ends.map((o) => o.date)).toEqual(["2027-12-31", "2029-12-31", "2031-12-31", "2033-12-31"]);
    expect(ends[0].dateKind).toBe("avtalat");
    expect(ends[1].dateKind).toBe("beräknat");
    expect(ends[1].dateBasis).toBe("2027-12-31 + 1 × 2 år.");
  });

  it("on 2026-12-04 it runs to 2027-12-31 with notice by 2026-12-31; from 2027-01-01 (no notice given) to 2029-12-31", () => {
    expect(currentTerm(jamtland, "2026-12-04")).toMatchObject({end: "2027-12-31", noticeBy: "2026-12-31", index: 0});
    expect(currentTerm(jamtland, "2026-12-31")).toMatchObject({end: "2027-12-31", noticeBy: "2026-12-31"});
    expect(currentTerm(jamtland, "2027-01-01")).toMatchObject({end: "2029-12-31", noticeBy: "2028-12-31", index: 1});
    const summary = calendar(input, "2027-01-01").agreements.find((a) => a.id === "23-2026")!;
    expect(summary).toMatchObject({runsTo: "2029-12-31", nextNoticeBy: "2028-12-31", prolongedTo: "2031-12-31", prolonged: true});
    expect(calendar(input, "2026-12-04").agreements[0]).toMatchObject({runsTo: "2027-12-31", nextNoticeBy: "2026-12-31", prolongedTo: "2029-12-31", prolonged: false});
  });

  it("an ended agreement (upphört) is not prolonged and has no obligations after its last year", () => {
    const ended = obligations({agreements: [{...jamtland, status: "upphört"}]}, {from: "2026-01-01", to: "2031-12-31"});
    expect(ended.filter((o) => o.kind === "uppsagning").map((o) => o.date)).toEqual(["2026-12-31"]);
    expect(ended.filter((o) => o.kind === "avtalsslut").map((o) => o.date)).toEqual(["2027-12-31"]);
    expect(ended.filter((o) => o.kind === "mt-rorlig").at(-1)!.date).toBe("2027-12-31");
    // The last year's count is reconciled in the first quarter after it.
    expect(ended.filter((o) => o.kind === "avstamning").map((o) => o.date)).toEqual(["2026-03-31", "2027-03-31", "2028-03-31"]);
  });

  it("an agreement until further notice has no notice day: it is listed without a date, as is a swap whose first year is unknown", () => {
    expect(all.filter((o) => o.countyCode === "24" && (o.kind === "uppsagning" || o.kind === "avtalsslut"))).toEqual([]);
    const undated = undatedObligations(input);
    expect(undated.map((u) => `${u.countyCode} ${u.kind}`)).toEqual(["23 skattevaxling", "24 avtalsslut"]);
    expect(undated[0].detail).toContain("Startåret saknas i källmaterialet.");
    expect(undated[0].detail).toContain("vart fjärde år");
  });
});

describe("the agreement's rhythms", () => {
  it("the tilläggsbelopp is reconciled every first quarter from 2026, counting the year before", () => {
    const r = of("avstamning");
    expect(r.slice(0, 3).map((o) => [o.periodStart, o.date])).toEqual([
      ["2026-01-01", "2026-03-31"],
      ["2027-01-01", "2027-03-31"],
      ["2028-01-01", "2028-03-31"]
    ]);
    expect(r[0].detail).toContain("anslutna till det palliativa teamet 2025");
    expect(r[0].dateKind).toBe("beräknat");
  });

  it("the band (2019–2024, from 2026) is recomputed every third year: 2029 on 2022–2027, 2032 on 2025–2030; the day is assumed", () => {
    const b = of("omrakning");
    expect(b.map((o) => o.date)).toEqual(["2029-03-31", "2032-03-31"]);
    expect(b[0].detail).toContain("avstämningarna 2029–2031");
    expect(b[0].detail).toContain("basåren 2022–2027");
    expect(b[1].detail).toContain("basåren 2025–2030");
    expect(b[0].dateKind).toBe("antagande");
  });

  it("the tilläggsbelopp is evaluated every second year from the assumed first year 2028, and says the year is assumed", () => {
    const e = of("utvardering");
    expect(e.map((o) => o.date)).toEqual(["2028-09-30", "2030-09-30", "2032-09-30"]);
    expect(e[0].dateBasis).toContain("Första året 2028 är ett antagande (Testanalytiker): efter två hela år.");
  });

  it("Västerbotten's swap from 2013 is reviewed every fourth year: 2017, 2021, 2025, 2029, 2033", () => {
    expect(of("skattevaxling", "24").map((o) => o.date.slice(0, 4))).toEqual(["2017", "2021", "2025", "2029", "2033"]);
    expect(of("skattevaxling", "24")[2].detail).toContain("åren 2021–2024");
  });

  it("each överenskommelse is followed up yearly, the seminar and the development funds every year, on assumed days", () => {
    const f = of("uppfoljning");
    expect(f.filter((o) => o.date.startsWith("2027")).map((o) => o.title)).toEqual(["Årlig uppföljning: Överenskommelse om hälso- och sjukvård i hemmet", "Årlig uppföljning: Överenskommelse tilläggsbelopp"]);
    expect(f[0].date).toBe("2027-04-30");
    expect(of("seminarium").slice(0, 2).map((o) => o.date)).toEqual(["2026-09-30", "2027-09-30"]);
    expect(of("utvecklingsmedel")[0].date).toBe("2026-09-30");
    // The split is the agreement file's (62,5/37,5 here), never a 50/50 written into the text.
    expect(of("utvecklingsmedel")[0].detail).toContain("(62,5 % regionen, 37,5 % kommunerna)");
    for (const o of [...f, ...of("seminarium"), ...of("utvecklingsmedel")]) {
      expect(o.dateKind).toBe("antagande");
      expect(o.dateBasis).toMatch(/^Antagande \(Testanalytiker\): datum/);
    }
  });

  it("MT: the fixed part twice a year in advance (1 January, 1 July), the variable part every month (its last day, 29 February 2028)", () => {
    const fixed = of("mt-fast").filter((o) => o.date < "2028-01-01");
    expect(fixed.map((o) => o.date)).toEqual(["2026-01-01", "2026-07-01", "2027-01-01", "2027-07-01"]);
    expect(fixed[1].detail).toContain("juli–december 2026");
    const variable = of("mt-rorlig").filter((o) => o.date.startsWith("2028"));
    expect(variable).toHaveLength(12);
    expect(variable[1].date).toBe("2028-02-29");
    expect(variable[1].detail).toContain("februari 2028");
    expect([...fixed, ...variable].every((o) => o.routine && o.dateKind === "antagande")).toBe(true);
  });

  it("every date is either from the agreement's rule or says it is assumed, and every obligation names its clause", () => {
    for (const o of all) {
      expect(o.source.document.length && o.source.section.length).toBeTruthy();
      expect(o.dateBasis.length).toBeGreaterThan(10);
    }
  });

  it("ids are unique and the same in the next build", () => {
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
    expect(obligations(input, {from: "2013-01-01", to: "2033-12-31"}).map((o) => o.id)).toEqual(all.map((o) => o.id));
    expect(of("uppsagning")[0].id).toBe("23-2026/uppsagning/2026-12-31");
  });
});

describe("the calendar as of a day", () => {
  it("runs from 1 January of today's year three years ahead, sorted by date", () => {
    const c = calendar(input, "2026-12-04");
    expect([c.from, c.to]).toEqual(["2026-01-01", "2029-12-31"]);
    const dates = c.obligations.map((o) => o.date);
    expect(dates).toEqual([...dates].sort());
    expect(c.obligations.every((o) => o.date >= "2026-01-01" && o.date <= "2029-12-31")).toBe(true);
  });

  it("the next deadline on 2026-12-04 is the notice day 2026-12-31, 27 days left (the MT invoice of 31 December is routine)", () => {
    const c = calendar(input, "2026-12-04");
    const next = nextDeadline(c.obligations, "2026-12-04")!;
    expect(next.obligation.kind).toBe("uppsagning");
    expect(next.obligation.date).toBe("2026-12-31");
    expect(next.days).toBe(27);
    // On the day itself: "i dag"; the day after, the next one is the reconciliation in the first quarter of 2027.
    expect(nextDeadline(c.obligations, "2026-12-31")!.days).toBe(0);
    const after = nextDeadline(c.obligations, "2027-01-01")!;
    expect(after.obligation.kind).toBe("avstamning");
    expect(after.obligation.date).toBe("2027-03-31");
    expect(after.days).toBe(89);
  });
});
