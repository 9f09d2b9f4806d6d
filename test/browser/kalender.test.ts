// The calendar of obligations (/kalender) and the next deadline on the home page, read with the browser's
// clock set to a day: on 2026-12-04 the next deadline is the last day to give notice, 2026-12-31 (DOMAIN.md:
// 12 months before 2027-12-31), 27 days left; on 2027-01-01, with no notice given, the agreement runs to
// 2029-12-31 with notice by 2028-12-31, and the next deadline is the reconciliation in the first quarter,
// 2027-03-31, 89 days left (30 + 28 + 31). The counts follow the reader's date, not the build's.
import {readFileSync} from "node:fs";
import type {Browser} from "playwright-core";
import {describe, expect, it} from "vitest";
import {accessibilityViolations, open} from "./harness.ts";
import {readTable, settled, text, useSite} from "./site-fixture.ts";

const site = useSite();

/** Opens a page with the browser's clock at noon (Swedish time) of `day`. */
const openOn = (browser: Browser, origin: string, path: string, day: string) =>
  open(browser, origin, path, {timezoneId: "Europe/Stockholm", fixedTime: new Date(`${day}T12:00:00+01:00`)});

describe("Kalender", () => {
  it("on 2026-12-04: notice by 2026-12-31 in 27 days, the months from December 2026, assumed days labelled", async () => {
    const {page, errors, external} = await openOn(site.browser, site.origin, "/kalender?lan=23", "2026-12-04");
    const main = text(await page.locator("main").innerText());
    expect(main).toContain("Demodata");
    const cards = text(await page.locator(".cards").first().innerText());
    expect(cards).toContain("Nästa tidsfrist 2026-12-31 Sista dag att säga upp överenskommelsen: om 27 dagar (beräknat datum).");
    expect(cards).toContain("Sista dag för uppsägning 2026-12-31 Om 27 dagar. Sägs överenskommelsen upp senast då, slutar den 2027-12-31; annars förlängs den med 2 år, till 2029-12-31.");
    expect(cards).toContain("Giltighetstid 2026-01-01 – 2027-12-31");

    const december = await readTable(page, "#manader table.data-table");
    expect(december.caption).toBe("December 2026: åtaganden för Jämtlands län");
    expect(december.headers).toEqual(["Datum", "Dagar kvar", "Slag", "Åtagande", "Datumet", "Källa"]);
    expect(december.body[0].slice(0, 3)).toEqual(["2026-12-31", "27", "Uppsägning"]);
    expect(december.body[0][4]).toBe("beräknat");
    expect(december.body[0][5]).toBe("avsnitt ”Giltighetstid och uppsägning”");

    // The months follow in order; the seminar's and the follow-up's days are assumed and say so.
    const captions = (await page.locator("#manader table caption").allInnerTexts()).map(text);
    expect(captions.slice(0, 4)).toEqual(["December 2026: åtaganden för Jämtlands län", "Januari 2027: åtaganden för Jämtlands län", "Februari 2027: åtaganden för Jämtlands län", "Mars 2027: åtaganden för Jämtlands län"]);
    const march = await readTable(page, "#manader table.data-table >> nth=3");
    expect(march.body[0].slice(0, 3)).toEqual(["2027-01-01 – 2027-03-31", "117", "Avstämning"]);
    const september = text(await page.locator("#manader").innerText());
    expect(september).toMatch(/2027-09-30 300 Seminarium Årligt samverkansseminarium antagande/);
    await page.locator("#manader details summary", {hasText: "antagande"}).first().click();
    expect(text(await page.locator("#manader details[open]").first().innerText())).toContain("Antagande (Analytiker, Samverkan i siffror)");

    // Without the routine MT invoices the list is the deadlines only.
    await page.getByLabel("Utan").check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("fakturor") === "nej");
    await settled(page);
    expect(text(await page.locator("#manader").innerText())).not.toContain("MT-faktura");

    // Jämtland's own swap has no first year in the sources: listed without a date, with the reason.
    expect(text(await page.locator("#utan-datum").innerText())).toContain("inget uppföljningsår kan räknas fram");

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("on 2027-01-01 (no notice given): runs to 2029-12-31, notice by 2028-12-31, next deadline 2027-03-31 in 89 days", async () => {
    const {page, errors} = await openOn(site.browser, site.origin, "/kalender?lan=23", "2027-01-01");
    const cards = text(await page.locator(".cards").first().innerText());
    expect(cards).toContain("Nästa tidsfrist 2027-03-31 Avstämning av tilläggsbelopp 2027: om 89 dagar (beräknat datum).");
    expect(cards).toContain("Sista dag för uppsägning 2028-12-31");
    expect(cards).toContain("slutar den 2029-12-31; annars förlängs den med 2 år, till 2031-12-31.");
    expect(cards).toContain("Giltighetstid 2026-01-01 – 2029-12-31 Förlängd, om ingen part sagt upp den: ursprungligen till 2027-12-31.");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("downloads an .ics that calendars import: CRLF, all-day events, stable UIDs; and a CSV", async () => {
    const {page} = await openOn(site.browser, site.origin, "/kalender?lan=23", "2026-12-04");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("button", {hasText: "kalenderfil"}).click()]);
    expect(download.suggestedFilename()).toBe("kalender-23.ics");
    const ics = readFileSync((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("UID:23-2026/uppsagning/2026-12-31@samverkan-i-siffror\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(unfolded).toContain("SUMMARY:Årligt samverkansseminarium (antaget datum)");
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // The same file on another day: the events keep their UIDs.
    const {page: later} = await openOn(site.browser, site.origin, "/kalender?lan=23", "2027-06-01");
    const [again] = await Promise.all([later.waitForEvent("download"), later.locator("button", {hasText: "kalenderfil"}).click()]);
    expect(readFileSync((await again.path())!, "utf8")).toBe(ics);
    await later.context().close();

    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("button.csv-download", {hasText: "CSV"}).click()]);
    const raw = readFileSync((await csv.path())!, "utf8");
    expect(raw.startsWith("\uFEFFDatum;Period från;Län;Slag;Åtagande")).toBe(true);
    expect(raw).toContain("2026-12-31;;Jämtlands län;Uppsägning;Sista dag att säga upp överenskommelsen;");
    await page.context().close();
  });

  it("Västerbotten: the skatteväxling reviews every fourth year from 2013 (2029 next), and the 2013 transfer has no end", async () => {
    const {page, errors} = await openOn(site.browser, site.origin, "/kalender?lan=24&period=alla", "2026-12-04");
    const main = text(await page.locator("main").innerText());
    expect(main).toMatch(/2029-09-30 \d+ Skatteväxling Uppföljning av skatteväxlingen antagande/);
    expect(main).toContain("gäller tills vidare");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the home page's next deadline", () => {
  it("counts from the reader's date: 27 days on 2026-12-04, 89 on 2027-01-01 (the build date does not freeze it)", async () => {
    const first = await openOn(site.browser, site.origin, "/?lan=23", "2026-12-04");
    let card = text(await first.page.locator(".next-deadline").innerText());
    expect(card).toContain("Nästa tidsfrist 27 dagar kvar Sista dag att säga upp överenskommelsen: 2026-12-31.");
    expect(first.errors).toEqual([]);
    await first.page.context().close();

    const second = await openOn(site.browser, site.origin, "/?lan=23", "2027-01-01");
    card = text(await second.page.locator(".next-deadline").innerText());
    expect(card).toContain("Nästa tidsfrist 89 dagar kvar Avstämning av tilläggsbelopp 2027: 2027-03-31.");
    await second.page.context().close();
  });
});
