/**
 * A full-page screenshot of a built page, to look at before calling a page done:
 *   npx tsx scripts/screenshot.ts /tillaggsbelopp /tmp/tillaggsbelopp.png [width] [css selector]
 * A width of 480 or less is taken as a phone: 740 px high, device scale 2, touch (`… /jamfor/23 /tmp/j.png 360`).
 * Prints the console errors and off-machine requests it saw (both must be empty).
 */
import {launch, open, serve} from "../test/browser/harness.ts";

const [path = "/", out = "/tmp/page.png", width = "1280", selector] = process.argv.slice(2);
const {server, origin} = await serve();
const browser = await launch();
try {
  const phone = Number(width) <= 480;
  const {page, errors, external} = await open(browser, origin, path, phone ? {viewport: {width: Number(width), height: 740}, deviceScaleFactor: 2, isMobile: true, hasTouch: true} : {viewport: {width: Number(width), height: 900}});
  if (selector) await page.locator(selector).first().screenshot({path: out});
  else await page.screenshot({path: out, fullPage: true});
  console.log(JSON.stringify({screenshot: out, errors, external}));
} finally {
  await browser.close();
  server.close();
}
