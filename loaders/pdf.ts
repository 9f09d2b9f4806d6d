/**
 * Prints a page of the built site to an A4 PDF (the seminar report, the skatteväxling review pack): a
 * static server on 127.0.0.1 for the built folder, Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) driven by playwright-core, page numbers, date and data source in the footer of every
 * page, and a running header (county, year, report) where the page names one. Shipped code: the CLI uses it (`npx samverkan rapport`, `npx samverkan skattevaxling --pdf`), so
 * playwright-core is a dependency, not a devDependency. Requests that would leave 127.0.0.1 are blocked.
 */
import {spawnSync} from "node:child_process";
import {createServer, type Server} from "node:http";
import {existsSync, readFileSync, statSync} from "node:fs";
import {extname, join, normalize} from "node:path";
import {chromium, type Browser} from "playwright-core";
import {ROOT} from "./warehouse.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf"
};

/** A static server for a built site on 127.0.0.1 (a free port). */
export function serveStatic(root: string): Promise<{server: Server; origin: string}> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(path) && statSync(path).isDirectory()) {
      // As static hosts do: /jamfor → /jamfor/, so that the page's relative links resolve.
      if (!url.pathname.endsWith("/")) return res.writeHead(301, {location: `${url.pathname}/${url.search}`}).end();
      path = join(path, "index.html");
    }
    if (!existsSync(path) && existsSync(`${path}.html`)) path = `${path}.html`;
    if (!existsSync(path)) return res.writeHead(404).end("not found");
    res.writeHead(200, {"content-type": TYPES[extname(path)] ?? "application/octet-stream"});
    res.end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({server, origin: `http://127.0.0.1:${(server.address() as {port: number}).port}`})));
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run"
];

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`Chromium saknas (${executablePath}): installera paketet chromium (apt-get install chromium) eller ange CHROMIUM_PATH.`);
  return chromium.launch({executablePath, args: CHROMIUM_FLAGS, headless: true});
}

/** Builds the site for a data folder into `dist` (the PDF prints the built page). Throws with the build's last words. */
export function buildSite(dataDir: string, dist: string): void {
  const build = spawnSync(process.execPath, [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "build.ts"), "build"], {
    cwd: ROOT,
    env: {...process.env, SAMVERKAN_DATA: dataDir, SAMVERKAN_OUT: dist, OBSERVABLE_TELEMETRY_DISABLE: "1"},
    encoding: "utf8"
  });
  if (build.status !== 0) throw new Error(`Bygget misslyckades:\n${(build.stderr ?? "").slice(-3000)}`);
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PrintOptions {
  /** The built site. */
  dist: string;
  /** The page and its query ("/seminarium/2025?lan=23"). */
  path: string;
  out: string;
  /** The footer's left part ("Samverkan i siffror · Seminarierapport 2025 · Källa: Demodata"). */
  footer: string;
  /** A selector that is there when the page has rendered its content. */
  ready?: string;
  /**
   * The running header at the top of every page ("Jämtlands län · 2025 · Seminarierapport"); without it,
   * the page's own `data-running-header` attribute if it has one, else none.
   */
  header?: string;
}

/** Prints one page of the built site to an A4 PDF with "Sida N av M" on every page. */
export async function printPdf({dist, path, out, footer, ready = "main p", header}: PrintOptions): Promise<void> {
  const {server, origin} = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({locale: "sv-SE"});
    const page = await context.newPage();
    await page.route("**/*", (route) => {
      const u = new URL(route.request().url());
      return u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1" ? route.continue() : route.abort();
    });
    await page.goto(`${origin}${path}`, {waitUntil: "networkidle"});
    await page.waitForSelector(ready, {timeout: 30_000});
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading"));
    const date = new Date().toLocaleDateString("sv-SE");
    const running = header ?? (await page.evaluate(() => document.querySelector("[data-running-header]")?.getAttribute("data-running-header") ?? ""));
    await page.pdf({
      path: out,
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: running
        ? `<div style="font: 8px system-ui, sans-serif; width: 100%; padding: 0 16mm; color: #333;"><span>${esc(running)}</span></div>`
        : "<span></span>",
      footerTemplate: `<div style="font: 8px system-ui, sans-serif; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between; color: #333;">
        <span>${esc(footer)} · ${date}</span>
        <span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`,
      margin: {top: "18mm", bottom: "20mm", left: "16mm", right: "16mm"}
    });
  } finally {
    await browser.close();
    server.close();
  }
}
