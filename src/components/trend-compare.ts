/**
 * Choose up to five municipalities to follow side by side over the years: checkboxes whose choice lives
 * in the URL (?trend=2380,2361), my municipality ticked when nothing is chosen. Use with view(): the value
 * is the list of chosen codes, in the order of the list.
 */
import {el} from "./dom.js";
import {setUrlParams} from "./county.js";

export const TREND_MAX = 5;

export function TrendPicker(municipalities: readonly {code: string; name: string}[], {mine = null as string | null, label = "Kommuner i trenddiagrammet"} = {}): HTMLElement & {value: string[]} {
  const known = new Set(municipalities.map((m) => m.code));
  const fromUrl = (new URLSearchParams(location.search).get("trend") ?? "").split(",").filter((c) => known.has(c));
  const initial = fromUrl.length ? fromUrl.slice(0, TREND_MAX) : mine && known.has(mine) ? [mine] : municipalities.slice(0, 3).map((m) => m.code);
  const chosen = new Set(initial);
  const status = el("span", {class: "chart-note", role: "status"});
  const boxes: HTMLInputElement[] = [];
  const root = el("fieldset", {class: "trend-picker radio-group"}, el("legend", {}, `${label} (högst ${TREND_MAX})`)) as unknown as HTMLElement & {value: string[]};
  const sync = () => {
    root.value = municipalities.filter((m) => chosen.has(m.code)).map((m) => m.code);
    for (const b of boxes) b.disabled = !b.checked && chosen.size >= TREND_MAX;
    status.textContent = chosen.size >= TREND_MAX ? ` Högst ${TREND_MAX} kommuner: ta bort en för att välja en annan.` : "";
    setUrlParams({trend: root.value.join(",") || null});
  };
  const sorted = [...municipalities].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  for (const m of sorted) {
    const id = `trend-${m.code}`;
    const box = el("input", {type: "checkbox", id, value: m.code, checked: chosen.has(m.code)}) as HTMLInputElement;
    boxes.push(box);
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(m.code);
      else chosen.delete(m.code);
      sync();
      root.dispatchEvent(new Event("input", {bubbles: true}));
    });
    root.append(el("label", {for: id}, box, ` ${m.name}${m.code === mine ? " ★" : ""}`));
  }
  root.append(status);
  sync();
  return root;
}
