// The frame of every page kind, on a phone (360 × 740, device scale 2) and at desktop size: zoom is
// allowed, nothing is wider than the screen, chart text is at least 11 px as displayed and does not
// collide, controls are at least 24 px, the skip link comes first and leads to the content with few
// stops, the focus ring has 3:1 against what it sits on, each sortable table is one tab stop, the
// title names the page's county or municipality, and no code word, file name or path reaches the text.
import {describe, expect, it} from "vitest";
import type {Browser} from "playwright-core";
import {contrast, DESKTOP, measure, PAGE_KINDS, PHONE, tabStops} from "./frame-probe.ts";
import {useSite} from "./site-fixture.ts";
import {accessibilityViolations} from "./harness.ts";

const site = useSite();

async function load(browser: Browser, origin: string, path: string, device: typeof PHONE | typeof DESKTOP | {viewport: {width: number; height: number}; deviceScaleFactor: number}) {
  const context = await browser.newContext({...device, locale: "sv-SE"});
  const page = await context.newPage();
  await page.goto(origin + path, {waitUntil: "networkidle"});
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {timeout: 30_000});
  return page;
}

/**
 * File names that pages still show and whose replacement belongs to the pages' own work (reported, not
 * yet failed): the input files named as sources (kostnader.csv), CSV downloads, and the agreement file
 * (avtal/23-2026.json) named beside the provenance marks.
 */
const ALLOWED_WORDS = /^[\w-]+\.(csv|xlsx)$|^\d{2}-\d{4}\.json$/;

describe("the frame of every page kind", () => {
  for (const path of PAGE_KINDS) {
    it(`${path} on a 360 px phone: zoom, no overflow, readable charts, tap targets`, async () => {
      const page = await load(site.browser, site.origin, path, PHONE);
      const m = await measure(page);
      expect(m.viewport, "the viewport allows zoom").not.toMatch(/maximum-scale|user-scalable\s*=\s*(no|0)/);
      expect(m.overflow, `nothing wider than the screen (${m.wide.join(", ")})`).toBeLessThanOrEqual(0);
      if (m.smallestChartText != null) expect(m.smallestChartText, `chart text as displayed: ${m.smallChartTexts.join(", ")}`).toBeGreaterThanOrEqual(11);
      expect(m.collisions, "chart labels that overlap").toEqual([]);
      expect(m.cut, "chart labels cut at the edge").toEqual([]);
      expect(m.smallTargets, "controls under 24 × 24 px").toEqual([]);
      // The menu toggle stays in the header's corner: its arrow used to sit over the charts' left edge.
      const toggle = await page.evaluate(() => {
        const t = document.getElementById("observablehq-sidebar-toggle")?.getBoundingClientRect();
        const h = document.getElementById("observablehq-header")?.getBoundingClientRect();
        return t && h ? {toggle: t.bottom, header: h.bottom} : null;
      });
      if (toggle) expect(toggle.toggle, "the menu toggle ends with the header").toBeLessThanOrEqual(toggle.header + 1);
      expect(await accessibilityViolations(page), "axe: serious or critical").toEqual([]);
      await page.context().close();
    });

    it(`${path} at desktop size: skip link, tab stops, focus ring, title, words`, async () => {
      const page = await load(site.browser, site.origin, path, DESKTOP);
      const m = await measure(page);
      expect(m.smallestChartText ?? 11).toBeGreaterThanOrEqual(11);
      expect(m.collisions, "chart labels that overlap").toEqual([]);
      const stops = await tabStops(page);
      expect(stops[0]?.what, "the first stop is the skip link").toContain("Hoppa till innehållet");
      const weak = stops.filter((s) => !s.ring || s.against.some((b) => contrast(s.ring, b) < 3));
      expect(weak.map((s) => `${s.what}: ${s.ring} on ${s.against.join(" / ")}`), "focus rings under 3:1").toEqual([]);
      // The skip link moves the focus to the content: from there, few stops to the first chart or table.
      await page.focus(".skip-link");
      await page.keyboard.press("Enter");
      // A page with nothing to chart for its county (e.g. a county without a tax swap) has no target.
      const hasContent = await page.evaluate(() => !!document.querySelector("main svg, main table"));
      let fromMain = 0;
      for (; hasContent && fromMain < 30; fromMain++) {
        await page.keyboard.press("Tab");
        const inContent = await page.evaluate(() => !!document.activeElement?.closest("main svg, main table, main .table-scroll, main figure"));
        const inMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
        expect(inMain, "after the skip link the focus stays in the content").toBe(true);
        if (inContent) break;
      }
      expect(fromMain, "stops between the skip link and the first chart or table").toBeLessThanOrEqual(15);
      // The title names the page and, where the page shows one county, the county.
      expect(m.title).toMatch(/ \| Samverkan i siffror$/);
      if (/^\/(jamfor|normalvariation|skattevaxling|vaccination|medicinteknik|ersattningar)\/\d{2}$|^\/seminarium\/\d{2}\/\d{4}$|^\/(tillaggsbelopp)?$/.test(path)) expect(m.title).toMatch(/län/);
      expect(m.codeWords.filter((w) => !ALLOWED_WORDS.test(w)), "code words, file names or paths in the text").toEqual([]);
      expect(await accessibilityViolations(page), "axe: serious or critical").toEqual([]);
      await page.context().close();
    });
  }

  it("a profile's title names its municipality, and every profile's title differs", async () => {
    const titles = new Set<string>();
    for (const path of ["/kommun/2380", "/kommun/2480", "/kommun/2305"]) {
      const page = await load(site.browser, site.origin, path, DESKTOP);
      const name = await page.locator("main h1").first().innerText();
      const title = await page.title();
      expect(title.startsWith(`${name} – `), `${title} names ${name}`).toBe(true);
      titles.add(title);
      await page.context().close();
    }
    expect(titles.size).toBe(3);
  });

  it("a sortable table is one tab stop; the arrow keys move between its columns and Enter sorts", async () => {
    const page = await load(site.browser, site.origin, "/datakvalitet", DESKTOP);
    const table = page.locator("table.data-table").first();
    const buttons = table.locator("thead button.sort");
    const count = await buttons.count();
    expect(count).toBeGreaterThan(3);
    const stops = await buttons.evaluateAll((bs) => bs.filter((b) => b.getAttribute("tabindex") !== "-1").length);
    expect(stops, "one header button in the tab order").toBe(1);
    await buttons.first().focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await buttons.nth(1).innerText());
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await buttons.nth(count - 1).innerText());
    await page.keyboard.press("Enter");
    expect(await table.locator("thead th").nth(count - 1).getAttribute("aria-sort")).not.toBe("none");
    await page.context().close();
  });

  it("the sidebar toggle has a Swedish name", async () => {
    const page = await load(site.browser, site.origin, "/", DESKTOP);
    const name = await page.locator("#observablehq-sidebar-toggle").evaluate((e) => `${e.getAttribute("aria-label")} ${e.getAttribute("title")}`);
    expect(name).toMatch(/^Meny Visa eller dölj menyn/);
    expect(name).not.toMatch(/Toggle/);
    await page.context().close();
  });

  it("prints without the sidebar, the header or the controls", async () => {
    const page = await load(site.browser, site.origin, "/jamfor/23", DESKTOP);
    await page.emulateMedia({media: "print"});
    const shown = await page.evaluate(() =>
      ["#observablehq-sidebar", "#observablehq-header", ".controls", ".csv-download", ".skip-link"].filter((s) => {
        const e = document.querySelector(s);
        return e && getComputedStyle(e).display !== "none";
      })
    );
    expect(shown).toEqual([]);
    const breakInside = await page.evaluate(() => getComputedStyle(document.querySelector("main svg")!).breakInside);
    expect(breakInside).toBe("avoid");
    await page.context().close();
  });
});

describe("charts that do not trap the pointer, profiles people can read, no empty county page", () => {
  /** The bars of the ranking on a /jamfor page: each one's link and the centre of its bar. */
  async function bars(page: import("playwright-core").Page) {
    return page.locator("#rangordning-diagram svg a").evaluateAll((as) =>
      as.map((a) => {
        const r = (a.querySelector("rect") ?? a).getBoundingClientRect();
        return {href: a.getAttribute("href")!, label: a.getAttribute("aria-label")!, x: r.x + r.width / 2, y: r.y + r.height / 2};
      })
    );
  }

  // A window 700 px wide is where a pinned tip used to cover the next bar's centre (6 of 8 bars opened on
  // /jamfor/23); on the phone none did.
  const SIZES = {telefon: PHONE, "700 px": {viewport: {width: 700, height: 900}, deviceScaleFactor: 1}, dator: DESKTOP};
  for (const county of ["23", "24"]) for (const [size, device] of Object.entries(SIZES)) {
    it(`a click at the centre of every bar of /jamfor/${county} (${size}) opens that municipality's profile at the indicator`, async () => {
      const page = await load(site.browser, site.origin, `/jamfor/${county}`, device);
      const all = await bars(page);
      expect(all.length).toBeGreaterThan(3);
      const missed: string[] = [];
      for (const [i, bar] of all.entries()) {
        if (i > 0) {
          await page.goto(`${site.origin}/jamfor/${county}`, {waitUntil: "networkidle"});
          await page.waitForFunction(() => !document.querySelector(".observablehq--loading") && !!document.querySelector("#rangordning-diagram svg a"));
        }
        await page.locator("#rangordning-diagram svg a").nth(i).scrollIntoViewIfNeeded();
        const {x, y} = (await bars(page))[i];
        // As a reader does: the pointer comes to the bar (the tip shows), then presses and releases.
        await page.mouse.move(x - 20, y);
        await page.mouse.move(x, y, {steps: 3});
        await page.mouse.down();
        await page.mouse.up();
        try {
          await page.waitForURL(/\/kommun\/\d{4}/, {timeout: 5_000});
        } catch {
          missed.push(bar.label);
          continue;
        }
        const url = new URL(page.url());
        const expected = new URL(bar.href, `${site.origin}/jamfor/${county}`);
        expect(url.pathname, bar.label).toBe(expected.pathname.replace(/\.html$/, ""));
        expect(url.searchParams.get("indikator")).toBeTruthy();
        expect(url.hash).toMatch(/^#indikator-/);
      }
      expect(missed, "bars whose click did not open the profile").toEqual([]);
      await page.context().close();
    }, 240_000);
  }

  it("a bar is a link by keyboard: it takes the focus and Enter opens the profile", async () => {
    const page = await load(site.browser, site.origin, "/jamfor/23", DESKTOP);
    const first = page.locator("#rangordning-diagram svg a").first();
    const label = await first.getAttribute("aria-label");
    expect(label).toMatch(/öppna kommunens profil/);
    await first.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(label);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/kommun\/\d{4}/, {timeout: 10_000});
    await page.context().close();
  });

  it("the profile opens with the indicator the reader came from first, a contents list and sections that fold", async () => {
    const page = await load(site.browser, site.origin, "/jamfor/23", DESKTOP);
    const href = await page.locator("#rangordning-diagram svg a").first().getAttribute("href");
    const indicator = new URL(href!, site.origin + "/jamfor/23").searchParams.get("indikator")!;
    await page.goto(new URL(href!, `${site.origin}/jamfor/23`).href, {waitUntil: "networkidle"});
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading") && !!document.querySelector(".chosen-indicator"));
    const name = await page.locator("main h1").first().innerText();
    expect(await page.title()).toMatch(new RegExp(`^${name} – `));
    // The contents list comes before the sections and links to each of them.
    const toc = page.locator("nav.profile-toc a");
    expect(await toc.count()).toBeGreaterThan(3);
    for (const target of await toc.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      expect(await page.locator(target).count(), `${target} is on the page`).toBe(1);
    }
    // The chosen indicator is the first section with a chart, before the similar municipalities.
    const first = page.locator("main details.folding-section").first();
    expect(await first.getAttribute("id")).toBe(`indikator-${indicator.replace(/[^\w-]/g, "-")}`);
    expect(await first.evaluate((d) => d.classList.contains("chosen-indicator"))).toBe(true);
    expect(await page.evaluate(() => {
      const chosen = document.querySelector(".chosen-indicator")!;
      const similar = document.getElementById("liknande-kommuner")!;
      return !!(chosen.compareDocumentPosition(similar) & Node.DOCUMENT_POSITION_FOLLOWING);
    })).toBe(true);
    // Each section folds by keyboard: its summary takes the focus and Enter closes it.
    const group = page.locator("details.indicator-group").first();
    expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await group.locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("a remembered county with nothing on a page: the page says what it needs and offers the counties with data", async () => {
    const context = await site.browser.newContext({...DESKTOP, locale: "sv-SE"});
    await context.addInitScript(() => localStorage.setItem("samverkan:lan", "24"));
    const page = await context.newPage();
    await page.goto(`${site.origin}/tillaggsbelopp`, {waitUntil: "networkidle"});
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading"));
    const note = page.locator(".county-without-data");
    await note.waitFor({timeout: 15_000});
    const words = await note.innerText();
    expect(words).toContain("Västerbottens län har inga uppgifter");
    expect(words).toMatch(/Sidan behöver .*inskrivna\.csv/);
    const offered = note.locator("a");
    expect(await offered.allInnerTexts()).toEqual(["Jämtlands län"]);
    await offered.first().click();
    await page.waitForURL(/lan=23/);
    await page.waitForFunction(() => !document.querySelector(".county-without-data") && !!document.querySelector("main svg"), null, {timeout: 15_000});
    await context.close();
  });
});
