/**
 * The what-if inputs of the skatteväxling review: another swap size (öre per skattekrona), a
 * hemsjukvårdstillägg in % of the standard cost for elderly care, and costs grown by a price index since
 * the swap. Use with Framework's view(): the value is {ore, supplement, index} (decimal text with a point,
 * or null when a field is empty or not a number), and an "input" event fires on every change. The values
 * live in the URL (?ore=25&tillagg=1.5&index=1) so a scenario can be sent as a link or printed.
 */
import {el} from "./dom.js";
import {setUrlParams} from "./county.js";

export interface ScenarioPanelValue {
  ore: string | null;
  supplement: string | null;
  index: boolean;
}

/** "25", "22,5", " 1.5 " → "25", "22.5", "1.5"; anything else (empty, negative, words) → null. */
export function parseDecimal(text: string | null | undefined): string | null {
  const t = (text ?? "").replace(/[\s\u00a0]/g, "").replace(",", ".");
  return /^\d{1,3}(\.\d{1,2})?$/.test(t) ? t : null;
}

let counter = 0;

export function ScenarioPanel({indexName, standardCostMissing}: {indexName: string; standardCostMissing: boolean}): HTMLElement & {value: ScenarioPanelValue} {
  const id = `scenario-${++counter}`;
  const params = new URLSearchParams(location.search);
  const value: ScenarioPanelValue = {ore: parseDecimal(params.get("ore")), supplement: parseDecimal(params.get("tillagg")), index: params.get("index") === "1"};
  const root = el("form", {class: "scenario-panel", "aria-label": "Scenarier: tänk om"}) as unknown as HTMLElement & {value: ScenarioPanelValue};
  root.addEventListener("submit", (e) => e.preventDefault());
  const emit = () => {
    root.value = {...value};
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const field = (key: "ore" | "supplement", param: string, label: string, help: string) => {
    const input = el("input", {type: "text", inputmode: "decimal", id: `${id}-${param}`, name: param, value: value[key]?.replace(".", ",") ?? "", size: 6, "aria-describedby": `${id}-${param}-help`});
    const error = el("span", {class: "whatif-error", role: "status", "aria-live": "polite"});
    input.addEventListener("input", (e) => {
      e.stopPropagation();
      const v = parseDecimal(input.value);
      error.textContent = input.value.trim() && v == null ? "Skriv ett tal, t.ex. 25 eller 1,5." : "";
      value[key] = v;
      setUrlParams({[param]: v});
      emit();
    });
    return el("div", {class: "whatif-count"}, el("label", {for: `${id}-${param}`}, label), input, el("span", {id: `${id}-${param}-help`, class: "whatif-help"}, help), error);
  };
  const box = el("input", {type: "checkbox", id: `${id}-index`, name: "index", checked: value.index});
  box.addEventListener("change", (e) => {
    e.stopPropagation();
    value.index = box.checked;
    setUrlParams({index: box.checked ? "1" : null});
    emit();
  });
  root.append(
    field("ore", "ore", "Öre per skattekrona", "Tomt: de växlade örena. T.ex. 20 eller 25."),
    field("supplement", "tillagg", "Hemsjukvårdstillägg (% av standardkostnaden för äldreomsorg)", standardCostMissing ? "Standardkostnaden saknas i underlaget (standardkostnad-aldreomsorg.csv)." : "SOU 2011:55 föreslog 1,5 %."),
    el("div", {}, el("label", {for: `${id}-index`}, box, ` Kostnaden växer bara med ${indexName} sedan växlingsåret`))
  );
  root.value = {...value};
  return root;
}
