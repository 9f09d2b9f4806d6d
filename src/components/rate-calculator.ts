/**
 * A small invoice calculator: a rate of the agreement and a year, the time of each job, travel and
 * parts. It runs the model code itself (loaders/models/hourly-rates.ts, bundled for the browser and
 * passed in as `model`): the rate is uprated from the index series with rateForYear, and the invoice
 * is calculateInvoice, so the calculator and the tables on the page cannot disagree.
 */
import {el} from "./dom.js";
import {formatDecimal, formatHours, formatKronor} from "./format.js";
import type {CalculatedInvoice, RateForYear, AgreementRate} from "../../loaders/models/hourly-rates.ts";
import type {IndexValue} from "../../loaders/models/index-uprating.ts";
import type {Ratio} from "../../loaders/models/exact.ts";

export interface CalculatorRate extends Pick<AgreementRate, "label" | "baseYear" | "baseRateOre" | "index" | "startedHour"> {
  key: string;
  lag: number;
}

export interface CalculatorModel {
  rateForYear: (rate: Pick<AgreementRate, "baseYear" | "baseRateOre" | "index">, year: number, series: readonly IndexValue[], options?: {lag?: number}) => RateForYear;
  calculateInvoice: (input: {rateOre: number; startedHour: boolean; hours: readonly string[]; travelOre?: number; partsOre?: number}) => CalculatedInvoice;
  dec: (text: string) => Ratio;
  kronorToOre: (kr: Ratio) => number;
}

export interface RateCalculatorOptions {
  rates: readonly CalculatorRate[];
  years: readonly number[];
  series: readonly IndexValue[];
  model: CalculatorModel;
  initial?: {rate?: string; year?: number; hours?: string; travel?: string; parts?: string};
}

export interface CalculatorValue {
  rate: string;
  year: number;
  result: CalculatedInvoice | null;
  error: string | null;
}

let counter = 0;

/** "0,5; 1,25 2" → ["0,5", "1,25", "2"]: times separated by ";", whitespace or new lines. */
export function splitTimes(text: string): string[] {
  return text
    .split(/[;\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

const isDecimal = (t: string) => /^\d+(?:[.,]\d+)?$/.test(t.replace(/[\s\u00a0]/g, ""));

export function RateCalculator({rates, years, series, model, initial = {}}: RateCalculatorOptions): HTMLElement & {value: CalculatorValue} {
  const id = `calc-${++counter}`;
  const field = (name: string, label: string, input: HTMLElement, help?: string) => {
    input.id = `${id}-${name}`;
    if (help) input.setAttribute("aria-describedby", `${id}-${name}-help`);
    return el("div", {class: "calc-field"}, el("label", {for: `${id}-${name}`}, label), input, help ? el("p", {class: "calc-help", id: `${id}-${name}-help`}, help) : null);
  };
  const rateSelect = el("select", {name: "taxa"}, ...rates.map((r) => el("option", {value: r.key, selected: r.key === (initial.rate ?? rates[0]?.key)}, r.label)));
  const yearSelect = el("select", {name: "kalkylar"}, ...years.map((y) => el("option", {value: String(y), selected: y === (initial.year ?? years.at(-1))}, String(y))));
  const hoursInput = el("input", {type: "text", name: "tider", value: initial.hours ?? "0,5; 1,25; 2", inputmode: "decimal", autocomplete: "off", size: 24});
  const travelInput = el("input", {type: "text", name: "resa", value: initial.travel ?? "0", inputmode: "decimal", autocomplete: "off", size: 10});
  const partsInput = el("input", {type: "text", name: "material", value: initial.parts ?? "0", inputmode: "decimal", autocomplete: "off", size: 10});
  const output = el("div", {class: "calc-output", role: "status", "aria-live": "polite"});
  const form = el(
    "form",
    {class: "calculator", "aria-label": "Räkna ut en faktura"},
    el(
      "div",
      {class: "calc-fields"},
      field("taxa", "Taxa", rateSelect),
      field("ar", "År", yearSelect),
      field("tider", "Tid per uppdrag (timmar)", hoursInput, "Ett värde per uppdrag, åtskilda med semikolon eller mellanslag, t.ex. 0,5; 1,25; 2"),
      field("resa", "Resekostnad (kr)", travelInput),
      field("material", "Förbrukning och reservdelar (kr)", partsInput)
    ),
    output
  ) as unknown as HTMLElement & {value: CalculatorValue};
  form.addEventListener("submit", (e) => e.preventDefault());

  const money = (text: string, what: string): number => {
    const t = text.trim() === "" ? "0" : text;
    if (!isDecimal(t)) throw new RangeError(`${what} ska vara ett belopp i kronor, t.ex. 450 eller 125,50 (fick "${text}").`);
    return model.kronorToOre(model.dec(t));
  };

  function compute(): CalculatorValue {
    const rate = rates.find((r) => r.key === rateSelect.value)!;
    const year = Number(yearSelect.value);
    try {
      const times = splitTimes(hoursInput.value);
      const bad = times.find((t) => !isDecimal(t));
      if (bad) throw new RangeError(`"${bad}" är ingen tid i timmar. Skriv t.ex. 0,5 eller 2.`);
      if (!times.length) throw new RangeError("Skriv tiden för minst ett uppdrag.");
      const r = model.rateForYear(rate, year, series, {lag: rate.lag});
      const result = model.calculateInvoice({rateOre: r.rateOre, startedHour: rate.startedHour, hours: times, travelOre: money(travelInput.value, "Resekostnaden"), partsOre: money(partsInput.value, "Förbrukning och reservdelar")});
      render(rate, r, result);
      return {rate: rate.key, year, result, error: null};
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      output.replaceChildren(el("p", {class: "calc-error"}, message));
      return {rate: rate.key, year, result: null, error: message};
    }
  }

  function render(rate: CalculatorRate, r: RateForYear, result: CalculatedInvoice) {
    const kr = (ore: number) => formatKronor(ore, {ore: true});
    // Time with two decimals (quarter hours); started hours are whole.
    const started = (t: string | number) => formatDecimal(Number(t), 0);
    const billed = rate.startedHour ? started : formatHours;
    const table = el(
      "table",
      {class: "data-table calc-table"},
      el("caption", {}, `Fakturarader: ${rate.label}, ${r.year}, ${formatKronor(result.rateOre, {ore: result.rateOre % 100 !== 0})}/h${rate.startedHour ? " per påbörjad timme" : ""}`),
      el(
        "thead",
        {},
        el("tr", {}, el("th", {scope: "col"}, "Uppdrag"), el("th", {scope: "col", class: "num"}, "Tid (h)"), el("th", {scope: "col", class: "num"}, rate.startedHour ? "Påbörjade timmar" : "Debiterad tid (h)"), el("th", {scope: "col", class: "num"}, "Belopp"))
      ),
      el("tbody", {}, ...result.lines.map((l, i) => el("tr", {}, el("th", {scope: "row"}, String(i + 1)), el("td", {class: "num"}, formatHours(l.hours)), el("td", {class: "num"}, billed(l.billedHours)), el("td", {class: "num"}, kr(l.labourOre))))),
      el(
        "tfoot",
        {},
        el("tr", {}, el("th", {scope: "row"}, "Arbete"), el("td", {class: "num"}, formatHours(result.hours)), el("td", {class: "num"}, billed(result.billedHours)), el("td", {class: "num", "data-total": "labour"}, kr(result.labourOre))),
        el("tr", {}, el("th", {scope: "row", colspan: 3}, "Resor"), el("td", {class: "num", "data-total": "travel"}, kr(result.travelOre))),
        el("tr", {}, el("th", {scope: "row", colspan: 3}, "Förbrukning och reservdelar"), el("td", {class: "num", "data-total": "parts"}, kr(result.partsOre))),
        el("tr", {class: "total"}, el("th", {scope: "row", colspan: 3}, "Summa att fakturera"), el("td", {class: "num", "data-total": "total"}, kr(result.totalOre)))
      )
    );
    output.replaceChildren(
      el("p", {class: "calc-sum"}, "Summa: ", el("strong", {}, kr(result.totalOre))),
      el("div", {class: "table-scroll", tabindex: 0, role: "region", "aria-label": `Fakturarader: ${rate.label}, ${r.year}`}, table),
      el("p", {class: "calc-method"}, `Timpris: ${r.method}`),
      el("p", {class: "calc-method"}, `Uträkning: ${result.method}`)
    );
  }

  const update = () => {
    form.value = compute();
    form.dispatchEvent(new CustomEvent("calculated", {bubbles: false}));
  };
  for (const input of [rateSelect, yearSelect, hoursInput, travelInput, partsInput]) input.addEventListener("input", update);
  form.value = compute();
  return form;
}
