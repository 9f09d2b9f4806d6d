/**
 * `npm run build` leaves the head script, header and footer out of Framework's render and adds them
 * afterwards (scripts/page-chrome.ts), to spare Framework three jsdom parses per page. Every built page
 * must still carry each exactly once, where Framework puts them (render.js of Framework 1.13).
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DIST} from "../browser/harness.ts";
import {addPageChrome, PAGE_FOOTER, PAGE_HEAD, PAGE_HEADER} from "../../scripts/page-chrome.ts";

function pages(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? (e.name.startsWith("_") ? [] : pages(join(dir, e.name))) : e.name.endsWith(".html") ? [join(dir, e.name)] : []
  );
}
const count = (s: string, part: string) => s.split(part).length - 1;

describe("page chrome added after Framework's build", () => {
  // The skeleton of a page as Framework 1.13 renders it without head, header and footer.
  const bare = `<!DOCTYPE html>\n<html>\n<head>\n<title>X</title>\n<link rel="modulepreload" href="./_observablehq/client.js">\n<script type="module">\nimport "./x.js";\n</script>\n</head>\n<body>\n<div id="observablehq-center">\n<main id="observablehq-main" class="observablehq">\n<h1>X</h1>\n</main>\n</div>\n</body>\n</html>\n`;

  it("puts each part where Framework does, once, even when run twice", () => {
    const once = addPageChrome(bare);
    expect(addPageChrome(once)).toBe(once);
    expect(once).toContain(`client.js">\n${PAGE_HEAD}\n<script type="module">`);
    expect(once).toContain(`<div id="observablehq-center">\n<header id="observablehq-header">\n${PAGE_HEADER}\n</header>\n<main`);
    expect(once).toContain(`</main>\n<footer id="observablehq-footer">\n<div>${PAGE_FOOTER}</div>\n</footer>\n</div>`);
  });

  it("refuses a page that Framework did not render the way it expects", () => {
    expect(() => addPageChrome("<html><body><p>x</p></body></html>")).toThrow(/Framework/);
  });

  it.runIf(existsSync(DIST))("every built page has the title script, header and footer exactly once", () => {
    const files = pages(DIST);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const html = readFileSync(f, "utf8");
      expect.soft(count(html, PAGE_HEAD), f).toBe(1);
      expect.soft(count(html, '<header id="observablehq-header">'), f).toBe(1);
      expect.soft(count(html, '<footer id="observablehq-footer">'), f).toBe(1);
      expect.soft(html.indexOf(PAGE_HEAD) < html.indexOf("</head>"), f).toBe(true);
    }
  });
});
