/**
 * A stable link to one chart: "Länk till diagrammet" points to the page's URL with its current choices
 * (?indikator=…&ar=…&kommun=…) and the chart's anchor (#id); pressing it copies the link too. Opening such
 * a link scrolls to the chart once the page has drawn it (the figure appears after the data has loaded,
 * so the browser's own jump to the anchor would find nothing).
 */
import {el} from "./dom.js";

const scrolled = new Set<string>();

export function chartUrl(id: string): string {
  return `${location.origin}${location.pathname}${location.search}#${id}`;
}

export function ChartLink(id: string): HTMLElement {
  const a = el("a", {class: "chart-link", href: `#${id}`}, "Länk till diagrammet") as HTMLAnchorElement;
  const status = el("span", {class: "chart-link-status", role: "status"});
  const refresh = () => a.setAttribute("href", chartUrl(id));
  a.addEventListener("pointerenter", refresh);
  a.addEventListener("focus", refresh);
  a.addEventListener("click", () => {
    refresh();
    navigator.clipboard?.writeText(chartUrl(id)).then(
      () => (status.textContent = " Länken är kopierad."),
      () => undefined
    );
  });
  if (location.hash === `#${id}` && !scrolled.has(id)) {
    scrolled.add(id);
    let tries = 0;
    const jump = () => {
      const target = document.getElementById(id);
      if (target?.isConnected) target.scrollIntoView({block: "start"});
      else if (++tries < 100) requestAnimationFrame(jump);
    };
    requestAnimationFrame(jump);
  }
  queueMicrotask(refresh);
  return el("span", {class: "chart-link-wrap"}, " ", a, status);
}
