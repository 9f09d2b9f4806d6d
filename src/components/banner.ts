/** The label that every page showing demo data carries, and the source line under figures. */
import {el} from "./dom.js";

export interface Dataset {
  label: string;
  demo: boolean;
  description?: string;
  source?: string;
}

export function DatasetBanner(dataset: Dataset): HTMLElement {
  if (!dataset.demo) return el("p", {class: "dataset-note"}, `Datakälla: ${dataset.label}.`);
  return el(
    "div",
    {class: "demo-banner", role: "note"},
    el("strong", {}, "Demodata"),
    ` – siffrorna på sidan är påhittade och visar hur verktyget fungerar. ${dataset.description ?? ""} Hur egna data läses in står i projektets README, avsnittet om egna data.`
  );
}

/** A short paragraph that states how a figure is computed, placed beside the figure. */
export function MethodNote(text: string, title = "Metod"): HTMLElement {
  return el("details", {class: "method"}, el("summary", {}, title), el("p", {}, text));
}
