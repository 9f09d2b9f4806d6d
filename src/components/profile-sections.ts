/**
 * The parts of a municipality profile that make a long page readable: the indicator the reader came
 * from (`?indikator=` in the URL, e.g. from a bar on /jamfor) first, a table of contents at the top, and
 * sections that fold (<details>, open by default) so that a phone reader can close what they have read.
 */
import {el} from "./dom.js";

/** The anchor of an indicator's section on the profile (/kommun/2380#indikator-kostnad-per-invanare). */
export function indicatorAnchor(id: string): string {
  return `indikator-${id.replace(/[^\w-]/g, "-")}`;
}

/** The indicator chosen in the URL (`?indikator=`), if the profile has it. */
export function chosenIndicator<T extends {id: string}>(indicators: readonly T[], search: string = location.search): T | null {
  const id = new URLSearchParams(search).get("indikator");
  return indicators.find((i) => i.id === id) ?? null;
}

export interface TocEntry {
  href: string;
  label: string;
}

/** A table of contents: links to the profile's sections, in the order they come. */
export function ProfileToc(entries: readonly TocEntry[]): HTMLElement {
  return el(
    "nav",
    {class: "profile-toc", "aria-label": "Innehåll"},
    el("h2", {class: "profile-toc-title"}, "Innehåll"),
    el("ol", {}, ...entries.map((e) => el("li", {}, el("a", {href: e.href}, e.label))))
  );
}

/**
 * A section that folds: <details> with the heading in its <summary> (open unless `open` is false), so
 * the heading stays in the outline and the fold works by keyboard (Enter or space on the summary).
 */
export function FoldingSection(id: string, title: string, children: readonly (Node | null)[], {open = true, level = 3, className = ""}: {open?: boolean; level?: 2 | 3 | 4; className?: string} = {}): HTMLDetailsElement {
  const heading = el(`h${level}` as "h3", {class: "folding-title"}, title);
  return el("details", {class: `folding-section ${className}`.trim(), id, open}, el("summary", {}, heading), ...children);
}

/** Once the page has drawn its sections: scroll to the one named in the URL's #anchor (it did not exist when the browser looked). */
export function scrollToAnchor(hash: string = location.hash): void {
  const id = decodeURIComponent(hash.replace(/^#/, ""));
  if (!id) return;
  requestAnimationFrame(() => {
    const target = document.getElementById(id);
    if (!target) return;
    if (target instanceof HTMLDetailsElement) target.open = true;
    target.scrollIntoView({block: "start"});
  });
}
