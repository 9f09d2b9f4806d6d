/**
 * Prints what a phone reader (360 × 740, device scale 2) and a desktop keyboard reader meet on one page
 * of every kind: zoom, overflow, chart text, collisions, cut labels, small targets, tab stops before the
 * first chart or table, focus-ring contrast and the title. Run after `npm run build`:
 *   npx tsx scripts/frame-report.ts [/path …]
 */
import {launch, serve} from "../test/browser/harness.ts";
import {contrast, DESKTOP, measure, PAGE_KINDS, PHONE, tabStops} from "../test/browser/frame-probe.ts";

const paths = process.argv.slice(2).length ? process.argv.slice(2) : PAGE_KINDS;
const {server, origin} = await serve();
const browser = await launch();
try {
  for (const path of paths) {
    for (const [name, device] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
      const context = await browser.newContext({...device, locale: "sv-SE"});
      const page = await context.newPage();
      await page.goto(origin + path, {waitUntil: "networkidle"});
      await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, {timeout: 30_000});
      const m = await measure(page);
      const stops = name === "desktop" ? await tabStops(page) : [];
      const weak = stops.filter((s) => !s.ring || s.against.some((b) => contrast(s.ring, b) < 3)).map((s) => `${s.what} ring ${s.ring || "none"} on ${s.against.join("/")}`);
      console.log(
        JSON.stringify({
          path,
          device: name,
          ...m,
          tabStopsBeforeContent: stops.length ? stops.filter((s) => !s.content).length : undefined,
          firstStop: stops[0]?.what,
          weakFocus: weak.length ? weak.slice(0, 5) : undefined,
          height: await page.evaluate(() => document.documentElement.scrollHeight)
        })
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
