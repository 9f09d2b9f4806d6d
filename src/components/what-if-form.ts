/**
 * The what-if input of the tilläggsbelopp page: another count of connected persons and the reading of
 * the revision. Use with Framework's view(): the value is {count, reading}, count null while the field
 * does not hold a whole number ≥ 0, and an "input" event fires on every change. The count lives in the
 * URL (?antal=180) so that a what-if can be sent as a link; it leaves the URL when it equals the data.
 */
import {el} from "./dom.js";
import {setUrlParams} from "./county.js";

export interface WhatIfValue {
  count: number | null;
  reading: string;
}

export interface WhatIfOptions {
  /** The count in the data (the field starts with it unless the URL names another). */
  count: number;
  countYear: number;
  reading: string;
  readings: readonly {reading: string; label: string}[];
  /** URL parameter of the count (default "antal"). */
  param?: string;
}

let counter = 0;

/** A whole number ≥ 0 written in the field, or null ("174", " 180 " → 180; "17,5", "-3", "" → null). */
export function parseCount(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, "");
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export function WhatIfForm({count, countYear, reading, readings, param = "antal"}: WhatIfOptions): HTMLElement & {value: WhatIfValue} {
  const id = `whatif-${++counter}`;
  const fromUrl = parseCount(new URLSearchParams(location.search).get(param) ?? "");
  const value: WhatIfValue = {count: fromUrl ?? count, reading};
  const input = el("input", {type: "number", id: `${id}-count`, name: param, min: 0, step: 1, inputmode: "numeric", value: String(value.count), "aria-describedby": `${id}-help`});
  const help = el("span", {id: `${id}-help`, class: "whatif-help"}, `Antalet i underlaget: ${count}. Skriv ett helt antal personer.`);
  const error = el("span", {class: "whatif-error", role: "status", "aria-live": "polite"});
  const root = el("form", {class: "whatif-form", "aria-label": "Tänk om: ett annat antal anslutna"}) as unknown as HTMLElement & {value: WhatIfValue};
  root.addEventListener("submit", (e) => e.preventDefault());
  const emit = () => {
    root.value = {...value};
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  input.addEventListener("input", (e) => {
    e.stopPropagation();
    value.count = parseCount(input.value);
    error.textContent = value.count == null ? "Antalet ska vara ett helt tal, 0 eller större." : "";
    if (value.count != null) setUrlParams({[param]: value.count === count ? null : value.count});
    emit();
  });
  const group = el(
    "fieldset",
    {class: "radio-group"},
    el("legend", {}, "Läsning av revideringen"),
    ...readings.map((r, i) => {
      const radio = el("input", {type: "radio", name: `${id}-reading`, id: `${id}-r${i}`, value: r.reading, checked: r.reading === reading});
      radio.addEventListener("change", (e) => {
        e.stopPropagation();
        if (!radio.checked) return;
        value.reading = r.reading;
        emit();
      });
      return el("label", {for: `${id}-r${i}`}, radio, ` ${r.label}`);
    })
  );
  root.append(
    el("div", {class: "whatif-count"}, el("label", {for: `${id}-count`}, `Antal anslutna ${countYear}`), input, help, error),
    el("div", {}, group)
  );
  root.value = {...value};
  return root;
}
