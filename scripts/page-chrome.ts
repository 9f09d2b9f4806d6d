/**
 * What every page carries besides its own content: the head script, the header and the footer.
 *
 * Framework parses the head, the header and the footer with jsdom three times for every page it
 * builds (when it reads the config, when it looks for assets, when it renders): at national scale,
 * 560 pages, that was about a third of its build time. These hold no asset paths to rewrite, so
 * `npm run build` (scripts/build.ts) runs Framework without them (SAMVERKAN_PAGE_CHROME=after-build)
 * and adds them here, where Framework would have put them, byte for byte.
 */

/**
 * The tab title names what the page shows: the heading's subject when it is more than the page's name
 * (a municipality's profile: "Östersund – Kommunprofil"), and the chosen county. Framework renders
 * the title from the front matter, which cannot know the county or the municipality; this updates it
 * as the page renders and when the reader chooses another county. A printout opens the method notes.
 */
export const PAGE_HEAD = `<script>
(() => {
  const site = " | Samverkan i siffror";
  const initial = document.title.replace(site, "");
  const update = () => {
    const main = document.getElementById("observablehq-main");
    const heading = main && main.querySelector("h1");
    const h1 = heading ? heading.textContent.replace(/\\s+/g, " ").trim() : "";
    const parts = [];
    if (h1 && h1 !== "Samverkan i siffror" && !h1.includes(initial)) parts.push(h1);
    parts.push(initial);
    const select = document.getElementById("county-select");
    const county = select && select.selectedOptions[0] ? select.selectedOptions[0].textContent.trim() : "";
    const title = parts.join(" – ");
    const next = (county && !title.includes(county) ? title + " – " + county : title) + site;
    if (document.title !== next) document.title = next;
  };
  // Framework's sidebar script names its toggle in English at run time ("Toggle sidebar Alt-B").
  const toggle = () => {
    const t = document.getElementById("observablehq-sidebar-toggle");
    if (!t) return;
    t.title = t.title.replace("Toggle sidebar", "Visa eller dölj menyn");
    t.setAttribute("aria-label", "Meny");
  };
  addEventListener("load", toggle);
  addEventListener("DOMContentLoaded", () => {
    toggle();
    update();
    new MutationObserver(update).observe(document.body, {subtree: true, childList: true, characterData: true});
    document.addEventListener("change", update);
  });
  // A printout carries the method notes too: open the closed ones while printing.
  let opened = [];
  addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll("#observablehq-main details:not([open])"));
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
})();
</script>`;

export const PAGE_HEADER = `<span class="site-title">Samverkan i siffror</span>`;
export const PAGE_FOOTER = `Samverkan i siffror – uppföljning av samverkan om hälso- och sjukvård i hemmet mellan region och kommuner. Byggd med Observable Framework.`;

/** The page as Framework renders it with head, header and footer set (render.js of Framework 1.13). */
export function addPageChrome(html: string): string {
  if (html.includes('<header id="observablehq-header">')) return html;
  const script = html.indexOf('\n<script type="module">');
  const center = html.indexOf('<div id="observablehq-center">');
  const main = html.lastIndexOf("</main>");
  if (script < 0 || center < 0 || main < 0) throw new Error("addPageChrome: the page is not as Framework 1.13 renders it; check scripts/page-chrome.ts against Framework's render.js");
  const centerEnd = center + '<div id="observablehq-center">'.length;
  const mainEnd = main + "</main>".length;
  return (
    html.slice(0, script) +
    `\n${PAGE_HEAD}` +
    html.slice(script, centerEnd) +
    `\n<header id="observablehq-header">\n${PAGE_HEADER}\n</header>` +
    html.slice(centerEnd, mainEnd) +
    `\n<footer id="observablehq-footer">\n<div>${PAGE_FOOTER}</div>\n</footer>` +
    html.slice(mainEnd)
  );
}
