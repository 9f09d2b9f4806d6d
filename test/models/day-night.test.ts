// Day and night (the agreement: hired staff are paid per started hour 08.00–17.00; evenings and nights
// 17.00–08.00 in the region's primary care are unpaid). Hand computations in each case.
import {describe, expect, it} from "vitest";
import {minutesOf, splitDayNight} from "../../loaders/models/day-night.ts";
import {ceil, toFixed} from "../../loaders/models/exact.ts";

const day = {dayStart: "08:00", dayEnd: "17:00"};
const split = (hours: string, start: string, end: string) => {
  const s = splitDayNight(hours, start, end, day);
  return {day: toFixed(s.dayHours, 4), night: toFixed(s.nightHours, 4), dayMinutes: s.dayMinutes, nightMinutes: s.nightMinutes};
};

describe("splitDayNight", () => {
  it("work inside 08.00–17.00 is all daytime", () => {
    expect(split("2.5", "09:00", "11:30")).toEqual({day: "2.5000", night: "0.0000", dayMinutes: 150, nightMinutes: 0});
  });
  it("16.00–19.00: one hour day, two hours evening", () => {
    expect(split("3", "16:00", "19:00")).toEqual({day: "1.0000", night: "2.0000", dayMinutes: 60, nightMinutes: 120});
  });
  it("a night shift 22.00–06.00 (past midnight) is all unpaid", () => {
    expect(split("8", "22:00", "06:00")).toEqual({day: "0.0000", night: "8.0000", dayMinutes: 0, nightMinutes: 480});
  });
  it("07.00–09.00 with 2,5 reported hours: the hours split in the clock's proportion, 1,25 + 1,25", () => {
    expect(split("2.5", "07:00", "09:00")).toEqual({day: "1.2500", night: "1.2500", dayMinutes: 60, nightMinutes: 60});
  });
  it("the started-hour rule applies per assignment to the paid part: 16.30–18.00 → 0,5 h day → 1 started hour", () => {
    const s = splitDayNight("1.5", "16:30", "18:00", day);
    expect(toFixed(s.dayHours, 2)).toBe("0.50");
    expect(Number(ceil(s.dayHours))).toBe(1);
  });
  it("reads 8.05 and 08:05 alike and rejects 25:00", () => {
    expect(minutesOf("8.05")).toBe(485);
    expect(minutesOf("08:05")).toBe(485);
    expect(() => minutesOf("25:00")).toThrow(/ogiltigt klockslag/);
  });
});
