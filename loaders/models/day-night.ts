/**
 * Dag och kväll/natt (Överenskommelse hälso- och sjukvård i hemmet 2026–2027, Inhyrd personal): work
 * on the other party's behalf daytime 08.00–17.00 is paid per started hour; evenings and nights
 * 17.00–08.00 the municipality's nurses work in the region's primary care without compensation.
 *
 * A row with a start and an end time is split by the clock: the share of the interval that falls in
 * the daytime window is paid, the rest is shown as unpaid. The row's reported hours (which include
 * administration, documentation and travel) are split in the same proportion, exactly, and the started
 * hour rule then applies to the paid part of that one assignment. An end before the start means the
 * next day. A row without times is billed as before, as daytime (an assumption, stated on the page).
 */
import {type Ratio, dec, div, mul, ratio, sub} from "./exact.ts";

export interface DayWindow {
  /** "08:00" */
  dayStart: string;
  /** "17:00" */
  dayEnd: string;
}

export interface DayNightSplit {
  /** Minutes of the clock interval in the daytime window and outside it. */
  dayMinutes: number;
  nightMinutes: number;
  /** The row's hours split in the same proportion (exact). */
  dayHours: Ratio;
  nightHours: Ratio;
}

/** "8:05" / "08.05" → 485 minutes after midnight. */
export function minutesOf(clock: string): number {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(clock.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`ogiltigt klockslag: ${clock}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes of [from, to) (minutes from the first midnight, to may pass 24:00) that fall in the daily window. */
function overlapWithDays(from: number, to: number, window: DayWindow): number {
  const ds = minutesOf(window.dayStart);
  const de = minutesOf(window.dayEnd);
  let total = 0;
  for (let day = 0; day * 1440 < to; day++) {
    const a = Math.max(from, day * 1440 + ds);
    const b = Math.min(to, day * 1440 + de);
    if (b > a) total += b - a;
  }
  return total;
}

/**
 * Splits an assignment's reported hours into daytime and evening/night by its start and end time.
 * A zero-length interval (start = end) is taken as no time of day: everything is daytime.
 */
export function splitDayNight(hours: string, start: string, end: string, window: DayWindow): DayNightSplit {
  const from = minutesOf(start);
  let to = minutesOf(end);
  if (to < from) to += 1440;
  const length = to - from;
  const h = dec(hours);
  if (length === 0) return {dayMinutes: 0, nightMinutes: 0, dayHours: h, nightHours: ratio(0n)};
  const dayMinutes = overlapWithDays(from, to, window);
  const dayHours = mul(h, div(ratio(BigInt(dayMinutes)), ratio(BigInt(length))));
  return {dayMinutes, nightMinutes: length - dayMinutes, dayHours, nightHours: sub(h, dayHours)};
}
