// The seminar report page renders every section (sentence, chart, table) and follows the county
// selector; `npx samverkan rapport` prints it to an A4 PDF with the expected pages and figures.
import {beforeAll, describe, expect, it} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {open} from "./harness.ts";
import {builtMember, landed, text, useSite} from "./site-fixture.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const site = useSite();
type Report = {countyCode: string; countyName: string; year: number; sections: {id: string; headline: string; chart: unknown; table: {rows: string[][]}}[]};
let reports: Report[];

beforeAll(() => {
  reports = ["23", "24"].map((c) => builtMember<Report>(`seminarium/${c}`, "2025.json"));
});

describe("Seminarierapport", () => {
  it("shows each section with its sentence, chart and table, for the chosen county", async () => {
    const {page, errors, external} = await open(site.browser, site.origin, "/seminarium/23/2025");
    const expected = reports.find((r) => r.countyCode === "23" && r.year === 2025)!;
    const sections = page.locator(".report-section");
    expect(await sections.count()).toBe(expected.sections.length);
    for (const [i, s] of expected.sections.entries()) {
      const section = sections.nth(i);
      expect(text(await section.locator(".report-headline").innerText())).toBe(text(s.headline));
      expect(await section.locator("table tbody tr").count()).toBe(s.table.rows.length);
    }
    expect(await page.locator(".report-section svg").count()).toBeGreaterThanOrEqual(expected.sections.filter((s) => s.chart).length);
    // The evaluation opens with the agreement's four principles; the calendar of the coming year closes it.
    expect(expected.sections.slice(0, 4).map((s) => s.id)).toEqual(["princip-personcentrering", "princip-samhallsekonomi", "princip-komplettera", "princip-gemensam-utveckling"]);
    expect(expected.sections.map((s) => s.id)).toEqual(expect.arrayContaining(["medicinteknik", "ersattningar", "utvecklingsmedel", "kalender"]));
    expect(text(await sections.first().locator(".report-method").innerText())).toContain("antagande");
    await Promise.all([page.waitForURL((u) => u.pathname === "/seminarium/24/2025"), page.selectOption("#county-select", "24")]);
    const other = reports.find((r) => r.countyCode === "24" && r.year === 2025)!;
    await page.waitForFunction((h) => document.querySelector(".report-headline")?.textContent?.replace(/\s+/g, " ").trim() === h, text(other.sections[0].headline));
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  it("the old address /seminarium/<year> opens the agreement's county's report, or the county in ?lan=", async () => {
    let w = await landed(site, "/seminarium/2025", "/seminarium/23/2025", ".report-section");
    expect(w.errors).toEqual([]);
    await w.page.context().close();
    w = await landed(site, "/seminarium/2025?lan=24", "/seminarium/24/2025", ".report-section");
    const other = reports.find((r) => r.countyCode === "24")!;
    expect(text(await w.page.locator(".report-headline").first().innerText())).toBe(text(other.sections[0].headline));
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    await w.page.context().close();
  });

  it("prints to an A4 PDF with page numbers, date, source and the headline figures", () => {
    const out = join(mkdtempSync(join(tmpdir(), "samverkan-pdf-")), "rapport.pdf");
    execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "rapport", "--year", "2025", "--lan", "23", "--out", out], {cwd: ROOT, stdio: "pipe"});
    expect(existsSync(out)).toBe(true);
    const info = execFileSync("pdfinfo", [out], {encoding: "utf8"});
    const expected = reports.find((r) => r.countyCode === "23" && r.year === 2025)!;
    // The cover on page 1, then every section starts a new page (a long one may run onto a second).
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(1 + expected.sections.length);
    expect(pages).toBeLessThanOrEqual(1 + 2 * expected.sections.length);
    const firstLines = Array.from({length: pages}, (_, i) => text(execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), out, "-"], {encoding: "utf8"})).slice(0, 80));
    expect(firstLines[0]).toMatch(/^Samverkansseminariet 2025/);
    const starts = expected.sections.map((_, i) => firstLines.findIndex((l) => l.startsWith(`${i + 1}. `)));
    expect(starts.every((p) => p > 0)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const pdf = text(execFileSync("pdftotext", ["-layout", out, "-"], {encoding: "utf8"}));
    for (const s of expected.sections) {
      const figure = /(\d[\d ]*,\d) mnkr|(\d[\d ]*) personer/.exec(text(s.headline));
      if (figure) expect(pdf).toContain(figure[0]);
    }
    expect(pdf).toContain(`Sida 1 av ${pages}`);
    expect(pdf).toMatch(/Källa: Demodata · \d{4}-\d{2}-\d{2}/);
  }, 180_000);

  it("rapport says in one sentence, without a stack trace, when the year or the county has no report", () => {
    const out = join(mkdtempSync(join(tmpdir(), "samverkan-pdf-")), "rapport.pdf");
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "rapport", ...args, "--out", out], {cwd: ROOT, encoding: "utf8"});
    const year = run("--year", "2015", "--lan", "23");
    expect(year.status).toBe(1);
    expect(year.stderr.trim()).toBe("Det finns ingen seminarierapport för 2015 (rapporter finns för de fem sista åren i underlaget: 2021, 2022, 2023, 2024, 2025).");
    const county = run("--year", "2025", "--lan", "99");
    expect(county.status).toBe(1);
    expect(county.stderr).toMatch(/^Det finns inget län 99 i underlaget \(kommuner\.csv\)\. Län i underlaget: 23 Jämtlands län, 24 Västerbottens län\.\n$/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
