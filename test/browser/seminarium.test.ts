// The seminar report page renders every section (sentence, chart, table) and follows the county
// selector; `npx samverkan rapport` prints it to an A4 PDF with a cover naming county, year and
// agreement, a running header, page numbers and no nearly empty page.
import {beforeAll, describe, expect, it} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {mkdtempSync, existsSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {open} from "./harness.ts";
import {builtMember, landed, text, useSite} from "./site-fixture.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const site = useSite();
type Report = {countyCode: string; countyName: string; year: number; sections: {id: string; title: string; headline: string; chart: unknown; table: {rows: string[][]}}[]};
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

  it("prints to an A4 PDF: a cover naming county, year and agreement, a running header, page numbers, no nearly empty page", () => {
    const out = join(mkdtempSync(join(tmpdir(), "samverkan-pdf-")), "rapport.pdf");
    execFileSync(process.execPath, [join(ROOT, "bin", "samverkan.js"), "rapport", "--year", "2025", "--lan", "23", "--out", out], {cwd: ROOT, stdio: "pipe"});
    expect(existsSync(out)).toBe(true);
    const info = execFileSync("pdfinfo", [out], {encoding: "utf8"});
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const expected = reports.find((r) => r.countyCode === "23" && r.year === 2025)!;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const pageText = Array.from({length: pages}, (_, i) => execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), out, "-"], {encoding: "utf8"}));
    // The cover: the report, the county, the year and the agreement (title and status from its file).
    const agreement = JSON.parse(readFileSync(join(ROOT, "data", "avtal", "23-2026.json"), "utf8")) as {title: string; history: {status: string}[]};
    const cover = text(pageText[0]);
    expect(cover).toContain("Samverkansseminariet 2025");
    expect(cover).toContain("Jämtlands län, 2025");
    expect(cover).toContain(`Överenskommelse: ${agreement.title}`);
    expect(cover.toLowerCase()).toContain(`status: ${agreement.history.at(-1)!.status}`);
    // Every page: the running header at the top and "Sida i av N" at the foot.
    const header = "Jämtlands län · 2025 · Seminarierapport";
    pageText.forEach((t, i) => {
      const lines = t.split("\n").filter((l) => l.trim());
      expect(text(lines[0]), `page ${i + 1} starts with the running header`).toBe(header);
      expect(text(lines.at(-1)!), `page ${i + 1} ends with its number`).toMatch(new RegExp(`Källa: Demodata · \\d{4}-\\d{2}-\\d{2} Sida ${i + 1} av ${pages}$`));
      // No nearly empty page (a forced break used to leave 2–5 lines of method text alone on a page).
      if (i < pages - 1) expect(lines.length - 2, `lines of text on page ${i + 1}`).toBeGreaterThanOrEqual(6);
    });
    // The sections in order, with their headline figures.
    const pdf = text(pageText.join("\n"));
    const starts = expected.sections.map((s, i) => pdf.indexOf(text(`${i + 1}. ${s.title}`)));
    expect(starts.every((p) => p > 0)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const s of expected.sections) {
      const figure = /(\d[\d ]*,\d) mnkr|(\d[\d ]*) personer/.exec(text(s.headline));
      if (figure) expect(pdf).toContain(figure[0]);
    }
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

  it("prints charts whole and lets sections follow one another (no forced page per section)", async () => {
    const {page} = await open(site.browser, site.origin, "/seminarium/23/2025");
    await page.emulateMedia({media: "print"});
    const css = await page.evaluate(() => ({
      sectionBreak: getComputedStyle(document.querySelector(".report-section")!).breakBefore,
      chartBreak: [...document.querySelectorAll(".report-section svg")].map((s) => getComputedStyle(s).breakInside),
      headingBreak: getComputedStyle(document.querySelector(".report-section h2")!).breakAfter
    }));
    expect(css.sectionBreak).not.toBe("page");
    expect(css.chartBreak.length).toBeGreaterThan(0);
    expect(new Set(css.chartBreak)).toEqual(new Set(["avoid"]));
    expect(css.headingBreak).toBe("avoid");
    await page.context().close();
  });
});
