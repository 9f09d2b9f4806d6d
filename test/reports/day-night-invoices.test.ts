// Hired staff per started hour daytime 08.00–17.00; evenings and nights (17.00–08.00) the municipality's
// nurses work in the region's primary care without compensation (the agreement, Inhyrd personal).
// The invoices: times split the row, the started-hour rule per assignment, rows without times as before.
import {describe, expect, it} from "vitest";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {ratesReport, workInvoices, type WorkJob} from "../../loaders/reports/rates.ts";
import {dataFolder} from "../ingest/helpers.ts";

const rule = {dayStart: "08:00", dayEnd: "17:00", nightPaid: false};
const job = (line: number, hours: string, performer: "kommun" | "region", start?: string, end?: string): WorkJob => ({
  line, date: "2025-03-10", municipalityCode: "2380", performer, kind: "inhyrd_personal", hours, ...(start ? {start, end} : {})
});
const RATE = 64_000; // 640 kr, 2025

describe("the municipality's nurses in the region's primary care", () => {
  const jobs = [
    job(2, "3", "kommun", "16:00", "19:00"), // 1 h day, 2 h evening → 1 started hour
    job(3, "8", "kommun", "22:00", "06:00"), // all night → nothing billed
    job(4, "0.25", "kommun"), // no time: daytime, as before → 1 started hour
    job(5, "1.5", "kommun", "16:30", "18:00") // 0,5 h day → 1 started hour (per assignment)
  ];
  const w = workInvoices(jobs, () => RATE, rule);

  it("bill 3 started hours (1 + 0 + 1 + 1) = 1 920 kr; 11 evening/night hours (2 + 8 + 1) are shown unpaid", () => {
    expect(w.invoices).toHaveLength(1);
    expect(w.invoices[0]).toMatchObject({jobs: 4, hours: "12.75", billedHours: 3, unpaidHours: "11", amountOre: 3 * 64_000});
  });

  it("each line says how it was timed", () => {
    expect(w.lines.map((l) => [l.line, l.paidHours, l.unpaidHours, l.timing, l.billedHours])).toEqual([
      [2, "1", "2", "klockslag", 1],
      [3, "0", "8", "klockslag", 0],
      [4, "0.25", "0", "dag", 1],
      [5, "0.5", "1", "klockslag", 1]
    ]);
  });

  it("the region's staff working for the municipality, and no rule at all, bill every hour as before", () => {
    const r = workInvoices([job(6, "3", "region", "16:00", "19:00")], () => RATE, rule);
    expect(r.invoices[0]).toMatchObject({billedHours: 3, unpaidHours: "0", amountOre: 3 * 64_000});
    const none = workInvoices(jobs, () => RATE);
    expect(none.invoices[0]).toMatchObject({billedHours: 3 + 8 + 1 + 2, unpaidHours: "0"});
  });
});

describe("insatser.csv with start and slut", () => {
  it("is read, split and billed; a bad time is rejected with its line", async () => {
    const text = [
      "datum;kommunkod;utförare;typ;timmar;start;slut",
      "2025-03-10;2380;kommun;inhyrd_personal;3,00;16:00;19:00",
      "2025-03-11;2380;kommun;inhyrd_personal;0,25;;",
      "2025-03-12;2380;kommun;inhyrd_personal;1,00;25:00;26:00"
    ].join("\n");
    const wh = await openWarehouse(dataFolder({"insatser.csv": text}));
    try {
      const report = await ratesReport(wh);
      const lines = report.work.find((c) => c.countyCode === "23")!.lines;
      expect(lines.map((l) => [l.line, l.paidHours, l.unpaidHours, l.timing, l.billedHours])).toEqual([
        [2, "1", "2", "klockslag", 1],
        [3, "0.25", "0", "dag", 1]
      ]);
      expect(report.method.dayNight).toMatch(/08\.00–17\.00.*utan ersättning.*utan klockslag faktureras som dagtid/);
      expect(wh.report.issues.filter((i) => i.file === "insatser.csv").map((i) => [i.line, i.rule])).toEqual([
        [4, "ogiltigt_klockslag"],
        [4, "ogiltigt_klockslag"]
      ]);
    } finally {
      wh.close();
    }
  });
});
