// Medicinteknik and Ersättningar on the demo data (loaders/reports/medtech.ts, loaders/reports/rates.ts):
// the DOMAIN table of 2025-06-30, the fixed part of 2025H2 (923 devices, 224.6 h, 126 113 kr) whose
// parts add up, the variable part checked against the raw file, the totals per year, the agreement's
// rates in both directions, the work-hour invoices per started hour, device rows instead of counts,
// explicit unit costs, a missing index value, and `npx samverkan mt-faktura` with and without --json.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {readFileSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {buildMedtechReport, medtechReport, periodInvoices, readMedtechInputs, type MedtechInputs, type MedtechReport} from "../../loaders/reports/medtech.ts";
import {buildRatesReport, ratesReport, readRatesInputs, workInvoices, type RatesInputs, type RatesReport} from "../../loaders/reports/rates.ts";
import {calculateInvoice} from "../../loaders/models/hourly-rates.ts";
import {dataFolder, DATA} from "../ingest/helpers.ts";
import {demoRows} from "../fixtures/demo-rows.ts";
import {DEVICES_2025_06_30, FIXED_PART_2025H2_KRONOR} from "../fixtures/medtech-2025-06-30.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

/** "5,75" → 575 (hundredths, exactly). */
const hundredths = (text: string) => {
  const [i, f = ""] = text.split(",");
  return Number(i) * 100 + Number((f + "00").slice(0, 2));
};

let medtechInputs: MedtechInputs;
let ratesInputs: RatesInputs;
let mt: MedtechReport;
let rates: RatesReport;
beforeAll(async () => {
  const wh = await openWarehouse(DATA);
  try {
    medtechInputs = await readMedtechInputs(wh);
    ratesInputs = await readRatesInputs(wh);
    mt = await medtechReport(wh);
    rates = await ratesReport(wh);
  } finally {
    wh.close();
  }
});

describe("devices per municipality (demo data)", () => {
  it("the MT county comes from parametrar.json: Jämtlands län, eight municipalities", () => {
    expect(mt.countyCode).toBe("23");
    expect(mt.countyName).toBe("Jämtlands län");
    expect(mt.municipalities.map((m) => m.code).sort()).toEqual(DEVICES_2025_06_30.map((r) => r[0]).sort());
  });

  it("2025-06-30 is the DOMAIN table: 923 devices, the shares to one decimal adding up to 100.0 %", () => {
    const s = mt.snapshots.find((x) => x.date === "2025-06-30")!;
    expect(s.total).toBe(923);
    expect(s.invoicedPeriod).toBe("2025H2");
    const fixed = mt.fixed.find((f) => f.period === "2025H2")!;
    for (const [code, , devices, percent] of DEVICES_2025_06_30) {
      expect(s.counts.find((c) => c.municipalityCode === code)).toMatchObject({devices, source: "antal", countDate: "2025-06-30", stale: false});
      expect(fixed.rows.find((r) => r.municipalityCode === code)!.percent).toBe(percent);
    }
    expect(fixed.rows.reduce((t, r) => t + r.percentTenths, 0)).toBe(1000);
  });

  it("a snapshot at every half-year end 2019-06-30 … 2025-12-31, each the sum of its municipalities", () => {
    expect(mt.snapshots.map((s) => s.date)).toEqual(
      [2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((y) => [`${y}-06-30`, `${y}-12-31`])
    );
    for (const s of mt.snapshots) {
      expect(s.counts).toHaveLength(8);
      expect(s.missing).toEqual([]);
      expect(s.total).toBe(s.counts.reduce((t, c) => t + c.devices, 0));
    }
    expect(mt.snapshots.at(-1)!.total).toBe(933);
  });

  it("another county has no MT agreement and says so plainly", () => {
    const vb = mt.counties.find((c) => c.code === "24")!;
    expect(vb.agreement).toBe(false);
    expect(vb.note).toBe(
      "Det finns inga MT-fakturor för Västerbottens län: avtalets medicintekniska support gäller Jämtlands län (avtalsfilen för län 23, se Avtalen). Underlaget har inga MT-uppgifter för Västerbottens län."
    );
    expect(mt.counties.find((c) => c.code === "23")!.note).toBeNull();
  });
});

describe("the fixed part", () => {
  it("2025H2: 923 devices, 40 + 923 × 12 min = 224.6 h × 1 123 kr = 252 225.80 kr a year, half 126 112.90 → 126 113 kr", () => {
    const f = mt.fixed.find((x) => x.period === "2025H2")!;
    expect(f.basisDate).toBe("2025-06-30");
    expect(f.months).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    expect(f.devices).toBe(923);
    expect(f.hoursPerYear).toBe("224.6");
    expect(f.rateOre).toBe(112_300);
    expect(f.rateYear).toBe(2025);
    expect(f.yearlyKronor).toBe("252225.8");
    expect(f.halfYearKronor).toBe("126112.9");
    expect(f.totalOre).toBe(12_611_300);
    // 126 113 × devices / 923: floors sum to 126 109, the 4 kronor left go to the largest remainders.
    expect(Object.fromEntries(f.rows.map((r) => [r.municipalityCode, r.amountOre / 100]))).toEqual(FIXED_PART_2025H2_KRONOR);
    expect(f.rows.reduce((t, r) => t + r.amountOre, 0)).toBe(f.totalOre);
    expect(f.sumOre).toBe(f.totalOre);
    expect(f.addsUp).toBe(true);
    expect(f.method).toContain("224,6 h per år");
    expect(f.method).toContain("126\u00a0113\u00a0kr");
  });

  it("2026H1 rests on 2025-12-31 (933 devices) at the 2026 rate 1 123 × 1.027 → 1 153 kr: 226.6 h → 261 269.80 kr, half 130 634.90 → 130 635 kr", () => {
    const f = mt.fixed.find((x) => x.period === "2026H1")!;
    expect(f.basisDate).toBe("2025-12-31");
    expect(f.devices).toBe(933);
    expect(f.hoursPerYear).toBe("226.6");
    expect(f.rateOre).toBe(115_300);
    expect(f.yearlyKronor).toBe("261269.8");
    expect(f.totalOre).toBe(13_063_500);
  });

  it("every half-year 2019H2–2026H1 adds up exactly, in advance on the previous count", () => {
    expect(mt.fixed.map((f) => f.period)).toEqual(["2019H2", ...[2020, 2021, 2022, 2023, 2024, 2025].flatMap((y) => [`${y}H1`, `${y}H2`]), "2026H1"]);
    expect(mt.fixedErrors).toEqual([]);
    for (const f of mt.fixed) {
      expect(f.rows.reduce((t, r) => t + r.amountOre, 0), f.period).toBe(f.totalOre);
      expect(f.totalOre % 100, f.period).toBe(0);
      expect(mt.snapshots.find((s) => s.date === f.basisDate)!.invoicedPeriod).toBe(f.period);
    }
    // 2024 is priced at 1 123 / 1.032 = 1 088.18 → 1 088 kr (VPI 2024 = 3.2 %).
    expect(mt.fixed.find((f) => f.period === "2024H2")!.rateOre).toBe(108_800);
  });

  it("with explicit unit costs in the parameter file: 44 920 kr + 923 × 224.60 kr = the same 126 113 kr", () => {
    const r = buildMedtechReport({...medtechInputs, parameters: {...medtechInputs.parameters, medtech: {...medtechInputs.parameters.medtech, baseCostPerYear: "44920", costPerDevicePerYear: "224.60"}}});
    const f = r.fixed.find((x) => x.period === "2025H2")!;
    expect(r.parameters.unitCosts).toEqual({baseCostPerYearOre: 4_492_000, costPerDevicePerYearOre: 22_460});
    expect(f.hoursPerYear).toBeNull();
    expect(f.rateOre).toBeNull();
    expect(f.totalOre).toBe(12_611_300);
    expect(f.method).toContain("Grundkostnad");
  });

  it("says which half-year cannot be priced when an index value is missing (VPI 2025 gives the 2026 rate)", () => {
    const r = buildMedtechReport({...medtechInputs, series: medtechInputs.series.filter((v) => !(v.index === "VPI" && v.year === 2025))});
    expect(r.fixed.map((f) => f.period)).not.toContain("2026H1");
    expect(r.fixedErrors).toEqual([{period: "2026H1", message: "Fast del 2026H1 kan inte räknas: timpriset för 2026 saknas (VPI 2025 finns inte i prisindex.csv)."}]);
  });

  it("counts from device rows when a municipality has no count rows", () => {
    const inputs: MedtechInputs = {
      ...medtechInputs,
      counts: medtechInputs.counts.filter((c) => c.municipalityCode !== "2326"),
      devices: [
        ...Array.from({length: 50}, (_, i) => ({deviceId: `B${i}`, municipalityCode: "2326", registered: "2019-01-15", decommissioned: null})),
        // Decommissioned on the date itself: not counted on 2025-06-30, counted before.
        {deviceId: "B-old", municipalityCode: "2326", registered: "2019-01-15", decommissioned: "2025-06-30"}
      ]
    };
    const r = buildMedtechReport(inputs);
    const s = r.snapshots.find((x) => x.date === "2025-06-30")!;
    expect(s.counts.find((c) => c.municipalityCode === "2326")).toEqual({municipalityCode: "2326", devices: 50, source: "produkter", countDate: null, stale: false});
    expect(r.snapshots.find((x) => x.date === "2024-12-31")!.counts.find((c) => c.municipalityCode === "2326")!.devices).toBe(51);
    expect(r.fixed.find((f) => f.period === "2025H2")!.totalOre).toBe(12_611_300);
  });
});

describe("the variable part", () => {
  it("2025 labour is the sum of hours × 1 123 kr over the jobs of mt-uppdrag.csv, travel and parts as in the file", () => {
    const rows = demoRows("mt-uppdrag.csv").filter((r) => r[1].startsWith("2025-"));
    // hours in hundredths × 1 123 kr = öre exactly (hundredths × 1 123 × 100 / 100).
    const labour = rows.reduce((s, r) => s + hundredths(r[2]) * 1123, 0);
    const travel = rows.reduce((s, r) => s + hundredths(r[3]), 0);
    const parts = rows.reduce((s, r) => s + hundredths(r[4]), 0);
    const y = mt.variable.years.find((x) => x.year === 2025)!;
    expect(y.jobs).toBe(rows.length);
    expect(y.labourOre).toBe(labour);
    expect(y.travelOre).toBe(travel);
    expect(y.partsOre).toBe(parts);
    expect(y.totalOre).toBe(47_121_400); // 378 451 + 20 843 + 71 920 = 471 214 kr
    expect(y.hours).toBe("337");
  });

  it("2024 jobs are priced at the 2024 rate, 1 088 kr", () => {
    expect(new Set(mt.variable.rows.filter((r) => r.month.startsWith("2024")).map((r) => r.rateOre))).toEqual(new Set([108_800]));
  });

  it("invoices add up: lines to invoices, invoices to years, municipalities to the county", () => {
    for (const inv of mt.variable.rows) {
      const lines = mt.variable.lines.filter((l) => l.month === inv.month && l.municipalityCode === inv.municipalityCode);
      expect(lines.reduce((s, l) => s + l.totalOre, 0)).toBe(inv.totalOre);
      expect(inv.labourOre + inv.travelOre + inv.partsOre).toBe(inv.totalOre);
    }
    for (const y of mt.variable.years) {
      expect(mt.variable.rows.filter((r) => r.month.startsWith(`${y.year}-`)).reduce((s, r) => s + r.totalOre, 0)).toBe(y.totalOre);
      expect(mt.variable.byYear.filter((r) => r.year === y.year).reduce((s, r) => s + r.totalOre, 0)).toBe(y.totalOre);
    }
    // Every job is traceable to its line in mt-uppdrag.csv.
    expect(new Set(mt.variable.lines.map((l) => l.line)).size).toBe(mt.variable.lines.length);
  });
});

describe("totals per year", () => {
  it("2025: fixed 124 092 + 126 113 kr and variable 471 214 kr = 721 419 kr; the county is the sum", () => {
    const t = mt.totals.find((x) => x.year === 2025)!;
    expect(t.complete).toBe(true);
    expect(t.county).toEqual({municipalityCode: null, fixedH1Ore: 12_409_200, fixedH2Ore: 12_611_300, fixedOre: 25_020_500, variableOre: 47_121_400, totalOre: 72_141_900});
    for (const k of ["fixedH1Ore", "fixedH2Ore", "fixedOre", "variableOre", "totalOre"] as const) {
      expect(t.rows.reduce((s, r) => s + (r[k] ?? 0), 0), k).toBe(t.county[k]);
    }
  });

  it("a year without jobs has an unknown variable part, not zero", () => {
    const t = mt.totals.find((x) => x.year === 2023)!;
    expect(t.complete).toBe(false);
    expect(t.county.variableOre).toBeNull();
    expect(t.note).toContain("rörlig del");
  });

  it("the invoices of a half-year: 2025H2 fixed part and the variable invoices of July–December", () => {
    const p = periodInvoices(mt, "2025H2");
    if ("error" in p) throw new Error(p.error);
    expect(p.county.fixedOre).toBe(12_611_300);
    expect(p.county.variableOre).toBe(mt.variable.rows.filter((r) => r.month >= "2025-07" && r.month <= "2025-12").reduce((s, r) => s + r.totalOre, 0));
    expect(p.county.totalOre).toBe(p.county.fixedOre + p.county.variableOre);
    expect(p.perMunicipality.reduce((s, r) => s + r.totalOre, 0)).toBe(p.county.totalOre);
    expect(p.monthsWithoutData).toEqual([]);
    expect(periodInvoices(mt, "2026H1")).toMatchObject({monthsWithoutData: ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]});
    expect(periodInvoices(mt, "2019H1")).toEqual({
      error: "Det finns inget antal produkter att fakturera 2019H1 på (fast del i förskott, antalet vid förra halvårsskiftet). Halvår med underlag i Jämtlands län: 2019H2–2026H1."
    });
  });
});

describe("the agreement's rates (Ersättningar)", () => {
  const rate = (key: "medtech" | "hiredStaff" | "sightHearing", year: number) => rates.table[key].find((r) => r.year === year)!;

  it("are 1 123, 640 and 338 kr in the base year 2025", () => {
    expect([rate("medtech", 2025).rateOre, rate("hiredStaff", 2025).rateOre, rate("sightHearing", 2025).rateOre]).toEqual([112_300, 64_000, 33_800]);
  });

  it("forward to 2026 with the 2025 index: MT 1 153, hired staff 640 × 1.027 = 657.28 → 657, sight/hearing 338 × 1.030 = 348.14 → 348", () => {
    expect([rate("medtech", 2026).rateOre, rate("hiredStaff", 2026).rateOre, rate("sightHearing", 2026).rateOre]).toEqual([115_300, 65_700, 34_800]);
    expect(rate("medtech", 2026).forecast).toBe(false);
  });

  it("back to 2024 by dividing: 1 123 / 1.032 → 1 088, 640 / 1.032 → 620, 338 / 1.027 → 329", () => {
    expect([rate("medtech", 2024).rateOre, rate("hiredStaff", 2024).rateOre, rate("sightHearing", 2024).rateOre]).toEqual([108_800, 62_000, 32_900]);
  });

  it("cover 2017 (VPI since 2017) to the last year with index values; forecasts are marked", () => {
    expect(rates.years[0]).toBe(2017);
    expect(rates.years.at(-1)).toBe(2028);
    expect(rate("medtech", 2027).forecast).toBe(true); // VPI 2026 is a forecast
    expect(rate("medtech", 2017).rateOre).toBe(87_200);
    expect(rate("medtech", 2017).steps).toHaveLength(8);
  });

  it("use the newest edition of an index value (VPI 2025: 2.7 % outcome, not the 3.1 % forecast)", () => {
    expect(rate("medtech", 2026).steps[0]).toMatchObject({indexYear: 2025, changePercent: "2.7", edition: "2025-12-15", status: "utfall"});
    expect(rates.series.find((v) => v.index === "VPI" && v.year === 2025 && v.changePercent === "3.1")!.superseded).toBe(true);
  });
});

describe("work on the other party's behalf (insatser.csv)", () => {
  const county = () => rates.work.find((w) => w.countyCode === "23")!;

  it("bills every job in started hours at its year's rate", () => {
    const w = county();
    const rows = demoRows("insatser.csv");
    // Sight and hearing lines of a month with few assignments are merged into one undated line
    // (issue #16): every job is either its own line or inside its month's merged line.
    const merged = w.lines.filter((l) => l.merged);
    expect(w.lines.filter((l) => !l.merged).length + w.invoices.filter((i) => merged.some((m) => m.date === i.month && m.municipalityCode === i.municipalityCode && m.kind === i.kind && m.performer === i.performer)).reduce((s, i) => s + i.jobs, 0)).toBe(rows.length);
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) expect(m.date).toMatch(/^\d{4}-\d{2}$/);
    for (const l of w.lines.filter((x) => !x.merged)) {
      expect(l.billedHours).toBe(Math.ceil(hundredths(l.hours.replace(".", ",")) / 100));
      const key = l.kind === "inhyrd_personal" ? "hiredStaff" : "sightHearing";
      expect(l.rateOre).toBe(rates.table[key].find((r) => r.year === Number(l.date.slice(0, 4)))!.rateOre);
      expect(l.amountOre).toBe(l.billedHours * l.rateOre);
    }
  });

  it("Bräcke's sight representative in January 2024: 4.50 h + 2.75 h → 5 + 3 = 8 started hours × 329 kr = 2 632 kr, to the sight centre", () => {
    const inv = county().invoices.find((i) => i.month === "2024-01" && i.municipalityCode === "2305" && i.kind === "synombud")!;
    expect(inv).toMatchObject({jobs: 2, hours: "7.25", billedHours: 8, rateOre: 32_900, amountOre: 263_200, performer: "kommun", payer: "region"});
    expect(inv.direction).toBe("Kommunen fakturerar regionen (syncentralen)");
  });

  it("invoices add up to the years, and each direction to its total", () => {
    const w = county();
    for (const y of w.totals) {
      const inYear = w.invoices.filter((i) => i.month.startsWith(`${y.year}-`));
      expect(inYear.filter((i) => i.performer === "kommun").reduce((s, i) => s + i.amountOre, 0)).toBe(y.toMunicipalityOre);
      expect(inYear.filter((i) => i.performer === "region").reduce((s, i) => s + i.amountOre, 0)).toBe(y.toRegionOre);
      expect(w.byMunicipality.filter((m) => m.year === y.year).reduce((s, m) => s + m.netToMunicipalityOre, 0)).toBe(y.netToMunicipalityOre);
      expect(w.lines.filter((l) => l.date.startsWith(`${y.year}-`)).reduce((s, l) => s + l.amountOre, 0)).toBe(y.toMunicipalityOre + y.toRegionOre);
    }
    expect(w.unpriced).toBeNull();
  });

  it("another county without work says so", () => {
    expect(rates.work.find((w) => w.countyCode === "24")!.note).toBe(
      "Det finns inga uppdrag för Västerbottens län i insatser.csv: ingen inhyrd personal och inga syn- eller hörselombud att fakturera."
    );
  });

  it("a year without a rate is reported, never billed at a guessed rate", () => {
    const w = workInvoices([{line: 2, date: "2030-01-05", municipalityCode: "2380", performer: "kommun", kind: "synombud", hours: "1"}], () => null);
    expect(w.invoices).toEqual([]);
    expect(w.unpriced).toHaveLength(1);
    const r = buildRatesReport({...ratesInputs, jobs: [...ratesInputs.jobs, {line: 999, date: "2031-03-01", municipalityCode: "2380", performer: "kommun", kind: "synombud", hours: "1"}]});
    expect(r.work.find((x) => x.countyCode === "23")!.unpriced!.message).toContain("1 uppdrag (2031) kan inte prissättas");
  });
});

describe("the calculator's model (calculateInvoice)", () => {
  it("per started hour: 0.5 h and 2.01 h → 1 + 3 = 4 h × 657 kr = 2 628 kr, plus 150 kr travel", () => {
    const r = calculateInvoice({rateOre: 65_700, startedHour: true, hours: ["0,5", "2.01"], travelOre: 15_000});
    expect(r.lines.map((l) => l.billedHours)).toEqual(["1", "3"]);
    expect(r.labourOre).toBe(262_800);
    expect(r.totalOre).toBe(277_800);
    expect(r.method).toContain("4 påbörjade timmar");
  });

  it("per hour (MT): 0.33 h at 1 153 kr = 380.49 kr per job, rounded per job", () => {
    const r = calculateInvoice({rateOre: 115_300, startedHour: false, hours: ["0.33", "0.33"], partsOre: 12_550});
    expect(r.lines.map((l) => l.labourOre)).toEqual([38_049, 38_049]);
    expect(r.totalOre).toBe(76_098 + 12_550);
  });

  it("refuses negative time", () => {
    expect(() => calculateInvoice({rateOre: 100, startedHour: true, hours: ["-1"]})).toThrow(RangeError);
  });
});

describe("a data folder with device rows (mt-utrustning.csv) instead of some counts", () => {
  let dir: string;
  afterAll(() => dir && rmSync(dir, {recursive: true, force: true}));

  it("reads the devices table: Berg counted from its device rows, the 2025H2 invoice unchanged", async () => {
    const counts = readFileSync(join(DATA, "mt-enheter.csv"), "utf8")
      .split(/\r?\n/)
      .filter((l) => !l.startsWith("2326;"))
      .join("\n");
    const devices = ["utrustnings_id;kommunkod;registrerad;avregistrerad", ...Array.from({length: 50}, (_, i) => `B-${i};2326;2019-01-15;`), "B-old;2326;2019-01-15;2025-06-30"].join("\n") + "\n";
    dir = dataFolder({"mt-enheter.csv": counts, "mt-utrustning.csv": devices});
    const wh = await openWarehouse(dir);
    let r: MedtechReport;
    try {
      r = await medtechReport(wh);
    } finally {
      wh.close();
    }
    expect(r.sources.devices).toBe(51);
    const s = r.snapshots.find((x) => x.date === "2025-06-30")!;
    expect(s.counts.find((c) => c.municipalityCode === "2326")).toMatchObject({devices: 50, source: "produkter"});
    expect(s.total).toBe(923);
    expect(r.fixed.find((f) => f.period === "2025H2")!.totalOre).toBe(12_611_300);
  });
});

describe("npx samverkan mt-faktura", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "mt-faktura", ...args], {cwd: ROOT, encoding: "utf8"});

  it("--period 2025H2 --json gives the page's figures", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "mt-faktura", "--period", "2025H2", "--data", DATA, "--json"], {cwd: ROOT, encoding: "utf8"});
    const j = JSON.parse(out);
    expect(j.countyCode).toBe("23");
    expect(j.period).toBe("2025H2");
    expect(j.months).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    expect(j.fixed).toMatchObject({basisDate: "2025-06-30", devices: 923, hoursPerYear: "224.6", rateOre: 112_300, yearlyKronor: "252225.8", halfYearKronor: "126112.9", totalOre: 12_611_300, addsUp: true});
    expect(j.fixed.rows).toHaveLength(8);
    expect(j.fixed.rows.reduce((s: number, r: {amountOre: number}) => s + r.amountOre, 0)).toBe(12_611_300);
    expect(j.fixed.rows.find((r: {municipalityCode: string}) => r.municipalityCode === "2380")).toMatchObject({devices: 381, percent: "41.3", amountOre: 5_205_700});
    const p = periodInvoices(mt, "2025H2");
    if ("error" in p) throw new Error(p.error);
    expect(j.variable.rows).toEqual(p.variable);
    expect(j.county).toEqual(p.county);
    expect(j.perMunicipality.reduce((s: number, r: {totalOre: number}) => s + r.totalOre, 0)).toBe(j.county.totalOre);
    expect(j.county.totalOre).toBe(j.county.fixedOre + j.county.variableOre);
  });

  it("--kommun narrows the JSON to one municipality", () => {
    const r = cli("--period", "2025H2", "--kommun", "2380", "--json");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fixed.rows).toEqual([expect.objectContaining({municipalityCode: "2380", amountOre: 5_205_700})]);
    expect(new Set(j.variable.rows.map((x: {municipalityCode: string}) => x.municipalityCode))).toEqual(new Set(["2380"]));
  });

  it("prints the invoices as tables in Swedish", () => {
    const r = cli("--period", "2025H2");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Fast del 2025H2 (faktureras i förskott, antal 2025-06-30): 126 113 kr");
    expect(r.stdout).toMatch(/Östersund\s+2380\s+381\s+41,3\s+52 057,00/);
    expect(r.stdout).toMatch(/Jämtlands län \(summa\)\s+923\s+100,0\s+126 113,00/);
    expect(r.stdout).toContain("Kontroll: kommunernas belopp summerar exakt till 126 113 kr.");
    expect(r.stdout).toContain("224,6 h per år");
    expect(r.stdout).toContain("Rörlig del, månadsfakturor 2025-07 – 2025-12");
  });

  it("refuses a malformed period (exit 2) and a period without data (exit 1), in Swedish", () => {
    const bad = cli("--period", "2025-2");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--period ska vara ett halvår, t.ex. 2025H2 (fick "2025-2").');
    const none = cli("--period", "2018H1");
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("Halvår med underlag i Jämtlands län: 2019H2–2026H1.");
    expect(cli().status).toBe(2);
  });
});
