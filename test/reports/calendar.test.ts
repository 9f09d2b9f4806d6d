// The calendar report on the shipped parameters (the agreement's real terms: 2026-01-01 – 2027-12-31,
// prolonged by 2 years, band from 2026 recomputed every 3rd year, Västerbotten's swap from 2013 reviewed
// every 4th year) and `npx samverkan kalender`.
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {calendarReport} from "../../loaders/reports/calendar.ts";
import {calendarInputFromParameters} from "../../loaders/reports/calendar-input.ts";
import {readCounties} from "../../loaders/counties.ts";
import {DATA} from "../ingest/helpers.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "kalender", "--data", DATA, ...args], {cwd: ROOT, encoding: "utf8"});

describe("the calendar from the parameters (the one adapter)", () => {
  it("Jämtland's agreement with its terms and rhythms, Västerbotten's swap; every assumed day says who and why", async () => {
    const wh = await openWarehouse(DATA);
    let input, report;
    try {
      input = calendarInputFromParameters(wh.parameters, await readCounties(wh.connection));
      report = await calendarReport(wh, "2026-12-04");
    } finally {
      wh.close();
    }
    const [j, v] = input.agreements;
    expect(j).toMatchObject({id: "23-2026", countyCode: "23", validFrom: "2026-01-01", validTo: "2027-12-31", noticeMonths: 12, prolongYears: 2});
    expect(j.termsSource.document).toBe("Överenskommelse hälso- och sjukvård i hemmet 2026–2027, Region Jämtland Härjedalen och kommunerna");
    expect(j.supplementaryAmount!.band).toMatchObject({validFrom: 2026, recomputeEvery: 3, baseFrom: 2019, baseTo: 2024});
    expect(j.supplementaryAmount!.evaluation.every).toBe(2);
    expect(j.taxSwapReview!.startYear).toBeNull();
    // The agreement states the development funds' split, 50 % each (DOMAIN.md); the calendar says it from the file.
    expect(j.developmentFunds!.split).toEqual({regionPercent: "50", municipalPercent: "50"});
    expect(v).toMatchObject({id: "24-2013", countyCode: "24", validTo: null});
    expect(v.taxSwapReview).toMatchObject({startYear: 2013, every: 4});

    expect([report.from, report.to]).toEqual(["2025-01-01", "2029-12-31"]);
    expect(report.counties).toEqual([{code: "23", name: "Jämtlands län"}, {code: "24", name: "Västerbottens län"}]);
    expect(report.stamp).toBe("2026-01-01");
    for (const o of report.obligations) {
      if (o.dateKind === "antagande") expect(o.dateBasis).toMatch(/^Antagande \(Analytiker, Samverkan i siffror\): .{40,}/);
      expect(o.source.document.length).toBeGreaterThan(20);
    }
    // Before the agreement's first day (2026-01-01) nothing of it is due: only Västerbotten's 2025 review.
    expect(report.obligations.filter((o) => o.date < "2026-01-01").map((o) => o.id)).toEqual(["24-2013/skattevaxling/2025"]);
  });
});

describe("npx samverkan kalender", () => {
  it("--county 23 --idag 2026-12-04 --json: the next deadline is the notice day 2026-12-31, 27 days; --ics writes the file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "kalender-")), "k.ics");
    const out = execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "kalender", "--data", DATA, "--county", "23", "--idag", "2026-12-04", "--ics", file, "--json"], {cwd: ROOT, encoding: "utf8"});
    const j = JSON.parse(out);
    expect(j.next.obligation).toMatchObject({kind: "uppsagning", date: "2026-12-31", dateKind: "beräknat"});
    expect(j.next.days).toBe(27);
    expect(j.agreements[0]).toMatchObject({runsTo: "2027-12-31", nextNoticeBy: "2026-12-31", prolongedTo: "2029-12-31"});
    expect(j.obligations.every((o: {countyCode: string; date: string}) => o.countyCode === "23" && o.date >= "2026-12-04")).toBe(true);
    expect(j.obligations[0]).toMatchObject({date: "2026-12-31", daysLeft: 27});
    const ics = readFileSync(file, "utf8");
    expect(ics).toContain("UID:23-2026/uppsagning/2026-12-31@samverkan-i-siffror\r\n");
    expect(ics).not.toContain("24-2013");
  });

  it("prints the months as text with days left and the kind of each date", () => {
    const r = cli("--county", "23", "--idag", "2026-12-04");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Nästa tidsfrist: Sista dag att säga upp överenskommelsen, 2026-12-31 (om 27 dagar).");
    expect(r.stdout).toMatch(/December 2026\n/);
    expect(r.stdout).toMatch(/2026-12-31 +27 +Uppsägning +Sista dag att säga upp överenskommelsen +beräknat/);
    expect(r.stdout).toContain("Utan datum:");
  });

  it("says which counties have an agreement when asked for another (exit 1), and rejects a bad date (exit 2)", () => {
    const r = cli("--county", "01");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Län 01 har inget avtal");
    expect(r.stderr).toContain("23 Jämtlands län");
    expect(cli("--idag", "4/12").status).toBe(2);
  });
});
