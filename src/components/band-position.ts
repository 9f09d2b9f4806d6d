/**
 * Words and symbols for a value's position against a normal-variation band, the same in tables, CSV,
 * legends and sentences: a circle inside, a triangle above, a diamond below (the shapes of the charts),
 * so that colour is never the only cue. Also the Swedish text of a series value (counts or kronor).
 */
import {el} from "./dom.js";
import type {BandPosition as Position} from "../../loaders/models/normal-variation.ts";

export const POSITION_WORD: Record<Position, string> = {inside: "Inom", above: "Över", below: "Under"};
export const POSITION_SYMBOL: Record<Position, string> = {inside: "●", above: "▲", below: "◆"};

/** "Över" (for CSV and sorting); "–" without a position. */
export const positionWord = (p: Position | null | undefined): string => (p ? POSITION_WORD[p] : "–");

/** A table cell: the symbol (hidden from screen readers, the word says it) and the word, coloured by class. */
export function positionCell(p: Position | null | undefined, words: Partial<Record<Position, string>> = {}): HTMLElement {
  if (!p) return el("span", {}, "–");
  return el("span", {class: `position status-${p}`}, el("span", {"aria-hidden": "true"}, `${POSITION_SYMBOL[p]} `), words[p] ?? POSITION_WORD[p]);
}

/** "174" for counts, "12,34 mnkr" for amounts in kronor: the one format module holds it (loaders/format.ts). */
export {formatSeriesValue} from "./format.js";
