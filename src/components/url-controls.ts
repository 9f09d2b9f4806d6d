/**
 * A row of labelled choices (selects and radio groups) whose values live in the URL (?ar=2025&priser=fasta),
 * so that a link or a printout names exactly what it shows. Use with Framework's view(): the value is an
 * object {param: value}, and an "input" event fires on every change.
 */
import {el} from "./dom.js";
import {setUrlParams} from "./county.js";

export interface Choice {
  value: string;
  label: string;
}

export interface ControlField {
  /** URL parameter and key of the value object. */
  param: string;
  label: string;
  kind?: "select" | "radio";
  options: readonly Choice[];
  /** Used when the URL has no valid value. */
  fallback: string;
  /** When the value equals this, the parameter is left out of the URL (e.g. "" for "Hela länet"). */
  omit?: string;
}

let counter = 0;

export function UrlControls(fields: readonly ControlField[], {label = "Val"}: {label?: string} = {}): HTMLElement & {value: Record<string, string>} {
  const params = new URLSearchParams(location.search);
  const value: Record<string, string> = {};
  const root = el("div", {class: "controls", role: "group", "aria-label": label}) as unknown as HTMLElement & {value: Record<string, string>};
  const changed = (param: string, v: string, field: ControlField) => {
    value[param] = v;
    root.value = {...value};
    setUrlParams({[param]: v === field.omit ? null : v});
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  for (const f of fields) {
    const fromUrl = params.get(f.param);
    const initial = f.options.some((o) => o.value === fromUrl) ? fromUrl! : f.options.some((o) => o.value === f.fallback) ? f.fallback : f.options[0]?.value ?? "";
    value[f.param] = initial;
    const id = `ctl-${f.param}-${++counter}`;
    if (f.kind === "radio") {
      const group = el(
        "fieldset",
        {class: "radio-group"},
        el("legend", {}, f.label),
        ...f.options.map((o, i) => {
          const input = el("input", {type: "radio", name: id, id: `${id}-${i}`, value: o.value, checked: o.value === initial});
          input.addEventListener("change", () => input.checked && changed(f.param, o.value, f));
          return el("label", {for: `${id}-${i}`}, input, ` ${o.label}`);
        })
      );
      root.append(el("div", {}, group));
    } else {
      const select = el("select", {id, name: f.param}, ...f.options.map((o) => el("option", {value: o.value, selected: o.value === initial}, o.label)));
      select.addEventListener("change", () => changed(f.param, select.value, f));
      root.append(el("div", {}, el("label", {for: id}, f.label), select));
    }
  }
  root.value = {...value};
  // The URL names what the page shows from the start (a link copied before any change is complete).
  setUrlParams(Object.fromEntries(fields.map((f) => [f.param, value[f.param] === f.omit ? null : value[f.param]])));
  return root;
}
