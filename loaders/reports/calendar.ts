/**
 * The calendar of obligations (page /kalender, `npx samverkan kalender`, the home page's next deadline
 * and the seminar report's calendar for the coming year): the model (loaders/models/obligations.ts) on
 * the input the adapter builds from the agreement parameters (calendar-input.ts).
 */
import type {Warehouse} from "../warehouse.ts";
import {readCounties} from "../counties.ts";
import {calendar, type AgreementSummary, type Obligation, type UndatedObligation} from "../models/obligations.ts";
import {calendarInputFromParameters} from "./calendar-input.ts";

export interface CalendarReport {
  dataset: Warehouse["parameters"]["dataset"];
  /** The build's date: the window starts on 1 January of the year before. Pages count days from the reader's own date. */
  today: string;
  from: string;
  to: string;
  /** The counties that have obligations (an agreement), by code. */
  counties: {code: string; name: string}[];
  agreements: (AgreementSummary & {countyName: string})[];
  obligations: Obligation[];
  undated: UndatedObligation[];
  /** DTSTAMP of the .ics: the latest first day of the agreements (from the input, not the clock). */
  stamp: string;
}

/** "2026-12-04" from a Date, in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The calendar from 1 January of the year before `today` (a page read early in a new year, before the
 * next build, still has the last year's deadlines) to `years` years ahead.
 */
export async function calendarReport(wh: Warehouse, today: string, {years = 3, back = 1}: {years?: number; back?: number} = {}): Promise<CalendarReport> {
  const counties = await readCounties(wh.connection);
  const input = calendarInputFromParameters(wh.parameters, counties);
  const c = calendar(input, today, {years, back});
  const name = (code: string) => counties.find((x) => x.code === code)?.name ?? code;
  const codes = [...new Set(input.agreements.map((a) => a.countyCode))].sort();
  return {
    dataset: wh.parameters.dataset,
    today: c.today,
    from: c.from,
    to: c.to,
    counties: codes.map((code) => ({code, name: name(code)})),
    agreements: c.agreements.map((a) => ({...a, countyName: name(a.countyCode)})),
    obligations: c.obligations,
    undated: c.undated,
    stamp: input.agreements.map((a) => a.validFrom).sort().at(-1) ?? c.from
  };
}
