/**
 * The county selector that every page honours: the choice lives in the URL (?lan=23) so a link can be
 * sent, and in localStorage so it follows the reader from page to page.
 */
import {el} from "./dom.js";

export interface County {
  code: string;
  name: string;
}

const KEY = "samverkan:lan";

/**
 * The county to show: the URL first, then `fixed` (a page that only makes sense for one county), then
 * the reader's last choice, then `preferred` (the page's natural default), then the first county.
 */
export function initialCounty(counties: readonly County[], fallback?: string, preferred?: string): string {
  const fromUrl = new URLSearchParams(location.search).get("lan");
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage may be off (privacy settings); the URL still works.
  }
  const ok = (c: string | null | undefined) => !!c && counties.some((x) => x.code === c);
  return ok(fromUrl) ? fromUrl! : ok(fallback) ? fallback! : ok(stored) ? stored! : ok(preferred) ? preferred! : counties[0]?.code ?? "";
}

/** Writes a set of selections into the URL without reloading (null removes the key). */
export function setUrlParams(values: Record<string, string | number | null | undefined>): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v == null || v === "") url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  history.replaceState(history.state, "", url);
}

/** A labelled <select> whose value is the county code; use with Framework's view(). */
export function CountySelect(counties: readonly County[], {fixed, preferred}: {fixed?: string; preferred?: string} = {}): HTMLElement & {value: string} {
  const value = initialCounty(counties, fixed, preferred);
  const select = el("select", {id: "county-select", name: "lan"}, ...counties.map((c) => el("option", {value: c.code, selected: c.code === value}, c.name)));
  const form = el("div", {class: "county-select"}, el("label", {for: "county-select"}, "Län"), select) as unknown as HTMLElement & {value: string};
  form.value = value;
  select.addEventListener("change", () => {
    form.value = select.value;
    try {
      localStorage.setItem(KEY, select.value);
    } catch {
      // ignore: see initialCounty
    }
    setUrlParams({lan: select.value});
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}
