/**
 * "Min kommun": the reader chooses their municipality once; it is remembered (localStorage) and carried
 * in the URL (?kommun=2380) so a shared link shows the same highlight. The URL wins over the stored
 * choice. Pages call `MyMunicipalitySelect` (a control for Framework's view()) and mark rows and bars
 * with `isMine` / `MY_MARK` / `myRowClass`: bold, outlined and a text mark, never colour alone.
 */
import {el} from "./dom.js";
import {setUrlParams} from "./county.js";

const KEY = "samverkan:kommun";
export const MY_PARAM = "kommun";
/** The text mark beside my municipality's name, in tables and charts. */
export const MY_MARK = "★ min kommun";
const CODE = /^\d{4}$/;

function stored(): string | null {
  try {
    const v = localStorage.getItem(KEY);
    return v && CODE.test(v) ? v : null;
  } catch {
    return null; // storage may be off (privacy settings); the URL still works
  }
}

/** My municipality's code: the URL's ?kommun= first, then the stored choice; null when none. */
export function myMunicipality(): string | null {
  const fromUrl = new URLSearchParams(location.search).get(MY_PARAM);
  if (fromUrl != null) return CODE.test(fromUrl) ? fromUrl : null;
  return stored();
}

/** Remembers the choice (null forgets it) and writes it into the URL. */
export function setMyMunicipality(code: string | null): void {
  try {
    if (code) localStorage.setItem(KEY, code);
    else localStorage.removeItem(KEY);
  } catch {
    // ignore: the URL still carries it
  }
  setUrlParams({[MY_PARAM]: code});
}

export const isMine = (code: string | null | undefined, mine: string | null = myMunicipality()): boolean => !!mine && code === mine;

/** A row class for DataTable: "my-municipality" on my municipality's row. */
export const myRowClass = (code: string | null | undefined, mine: string | null = myMunicipality()): string | undefined => (isMine(code, mine) ? "my-municipality" : undefined);

/** A name cell with the text mark when it is mine (a node; the CSV keeps the plain name). */
export function nameWithMark(name: string, code: string, mine: string | null = myMunicipality()): Node {
  return isMine(code, mine) ? el("span", {class: "my-name"}, el("strong", {}, name), " ", el("span", {class: "my-mark"}, `(${MY_MARK})`)) : document.createTextNode(name);
}

/** Adds ?kommun= to an internal link so that my municipality follows the reader. */
export function withMine(href: string, mine: string | null = myMunicipality()): string {
  if (!mine) return href;
  const [path, hash = ""] = href.split("#");
  return `${path}${path.includes("?") ? "&" : "?"}${MY_PARAM}=${mine}${hash ? `#${hash}` : ""}`;
}

export interface MunicipalityChoice {
  code: string;
  name: string;
}

/**
 * A select "Min kommun" over the given municipalities (with "Ingen vald"). Its value is the code or
 * null; an "input" event fires on change. A stored choice outside the list (another county) is kept and
 * offered as "Annan kommun (kod)", so choosing here never forgets it by accident.
 */
export function MyMunicipalitySelect(municipalities: readonly MunicipalityChoice[], {label = "Min kommun"}: {label?: string} = {}): HTMLElement & {value: string | null} {
  const current = myMunicipality();
  const id = `my-municipality-${Math.random().toString(36).slice(2, 8)}`;
  const sorted = [...municipalities].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const outside = current && !sorted.some((m) => m.code === current) ? current : null;
  const select = el(
    "select",
    {id, name: MY_PARAM},
    el("option", {value: "", selected: !current}, "Ingen vald"),
    ...sorted.map((m) => el("option", {value: m.code, selected: m.code === current}, m.name)),
    outside ? el("option", {value: outside, selected: true}, `Annan kommun (${outside})`) : null
  );
  const root = el(
    "div",
    {class: "controls my-municipality-control", role: "group", "aria-label": label},
    el("div", {}, el("label", {for: id}, label), select, el("span", {class: "hint"}, " Markeras med ★ i diagram och tabeller, sparas i webbläsaren och följer med i länken."))
  ) as unknown as HTMLElement & {value: string | null};
  root.value = current;
  if (current) setUrlParams({[MY_PARAM]: current});
  select.addEventListener("change", () => {
    root.value = select.value || null;
    setMyMunicipality(root.value);
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}

/** A button on a profile: "Gör X till min kommun" / "X är min kommun" (press again to forget). */
export function MyMunicipalityButton(code: string, name: string): HTMLElement & {value: string | null} {
  const button = el("button", {type: "button", class: "my-municipality-button"}) as HTMLButtonElement;
  const root = el("p", {class: "my-municipality-control"}, button) as unknown as HTMLElement & {value: string | null};
  const render = () => {
    const mine = myMunicipality();
    root.value = mine;
    button.setAttribute("aria-pressed", String(mine === code));
    button.textContent = mine === code ? `★ ${name} är min kommun (tryck för att ta bort)` : `Gör ${name} till min kommun`;
  };
  render();
  const mine = myMunicipality();
  if (mine) setUrlParams({[MY_PARAM]: mine});
  button.addEventListener("click", () => {
    setMyMunicipality(myMunicipality() === code ? null : code);
    render();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return root;
}
