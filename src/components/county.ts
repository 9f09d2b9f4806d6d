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

function remember(code: string): void {
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // ignore: see initialCounty
  }
}

/** The current query string without the county (the page's path says it). */
function otherChoices(): string {
  const params = new URLSearchParams(location.search);
  params.delete("lan");
  const q = params.toString();
  return q ? `?${q}` : "";
}

/**
 * A labelled <select> whose value is the county code; use with Framework's view(). On a page of its
 * own per county (/jamfor/23), pass `page`: the county is the page's, and choosing another one opens
 * that county's page with the same other choices.
 */
export function CountySelect(
  counties: readonly County[],
  {fixed, preferred, page}: {fixed?: string; preferred?: string; page?: {county: string; href: (code: string) => string}} = {}
): HTMLElement & {value: string} {
  const value = page ? page.county : initialCounty(counties, fixed, preferred);
  if (page) remember(page.county);
  const select = el("select", {id: "county-select", name: "lan"}, ...counties.map((c) => el("option", {value: c.code, selected: c.code === value}, c.name)));
  const form = el("div", {class: "county-select"}, el("label", {for: "county-select"}, "Län"), select) as unknown as HTMLElement & {value: string};
  form.value = value;
  select.addEventListener("change", () => {
    remember(select.value);
    if (page) {
      location.assign(page.href(select.value) + otherChoices());
      return;
    }
    form.value = select.value;
    setUrlParams({lan: select.value});
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}

/**
 * The entry of a page that exists once per county (/jamfor → /jamfor/23): opens the county in the
 * URL (?lan=, so old links keep working), else the reader's last one, else `preferred`, keeping the
 * other choices. The list of links stays for readers without JavaScript and for screen readers.
 */
export function CountyLanding(
  counties: readonly County[],
  {href, preferred, withData, need}: {href: (code: string) => string; preferred?: string; withData?: readonly string[]; need?: string}
): HTMLElement {
  const code = initialCounty(counties, undefined, preferred);
  const links = el("nav", {class: "county-landing", "aria-label": "Välj län"}, el("ul", {}, ...counties.map((c) => el("li", {}, el("a", {href: href(c.code)}, c.name)))));
  // The remembered (or linked) county has nothing on this page: say so and offer those that have,
  // rather than open an empty page.
  if (code && withData && !withData.includes(code)) {
    const has = counties.filter((c) => withData.includes(c.code));
    return el("div", {}, CountyWithoutData(counties.find((c) => c.code === code), {need: need ?? "", withData: has, href}), links);
  }
  if (code) location.replace(href(code) + otherChoices());
  return links;
}

/**
 * What a page says when it has nothing for the chosen county: which county, what the page would need
 * (in words, e.g. "växlade skatteöre för länet och minst fyra års kostnader"), and links to the
 * counties that have data.
 */
export function CountyWithoutData(county: County | undefined, {need, withData, href}: {need: string; withData: readonly County[]; href: (code: string) => string}): HTMLElement {
  const links = withData.flatMap((c, i) => [i === 0 ? "" : i === withData.length - 1 ? " och " : ", ", el("a", {href: href(c.code)}, c.name)]);
  return el(
    "div",
    {class: "callout county-without-data", role: "note"},
    el("p", {}, `${county?.name ?? "Det valda länet"} har inga uppgifter för den här sidan i underlaget.${need ? ` Sidan behöver ${need}.` : ""}`),
    withData.length ? el("p", {}, withData.length === 1 ? "Länet med uppgifter: " : "Län med uppgifter: ", ...links, ".") : el("p", {}, "Inget län i underlaget har de uppgifterna ännu.")
  );
}
