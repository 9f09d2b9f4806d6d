// RFC 5545 by hand: TEXT escaping (3.3.11), folding at 75 octets counted in UTF-8 (3.1), CRLF line ends,
// all-day events as DATE values with the exclusive end the next day (3.6.1), stable UIDs, a DTSTAMP from
// the input, and what Outlook and Google Calendar need to import a file (VERSION, PRODID, METHOD, UID,
// DTSTAMP, DTSTART in every VEVENT).
import {describe, expect, it} from "vitest";
import {escapeText, foldLine, toIcs} from "../../loaders/ics.ts";
import {calendarIcs, icsFileName} from "../../loaders/reports/calendar-ics.ts";
import type {Obligation} from "../../loaders/models/obligations.ts";

const bytes = (s: string) => new TextEncoder().encode(s).length;
const strictUtf8 = new TextDecoder("utf-8", {fatal: true});
/** Unfolding (3.1): a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

describe("TEXT escaping", () => {
  it("backslash, semicolon, comma and newline are escaped; colon is not", () => {
    expect(escapeText("Avstämning; justering, 25 940 kr\\person")).toBe("Avstämning\\; justering\\, 25 940 kr\\\\person");
    expect(escapeText("rad 1\nrad 2\r\nrad 3")).toBe("rad 1\\nrad 2\\nrad 3");
    expect(escapeText("Källa: avsnitt")).toBe("Källa: avsnitt");
    // The backslash first: an escaped comma is not escaped twice.
    expect(escapeText("\\,")).toBe("\\\\\\,");
  });
});

describe("folding at 75 octets", () => {
  it("SUMMARY: and 40 × Å (2 bytes each): 8 + 33 × 2 = 74 bytes on the first line (one more would be 76), then a space and the other 7", () => {
    const line = `SUMMARY:${"Å".repeat(40)}`;
    const folded = foldLine(line);
    const lines = folded.split("\r\n");
    expect(lines).toEqual([`SUMMARY:${"Å".repeat(33)}`, ` ${"Å".repeat(7)}`]);
    expect(bytes(lines[0])).toBe(74);
  });

  it("75 ASCII octets stay on one line; 76 fold after the 75th", () => {
    expect(foldLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldLine("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
    // A continuation line holds the space and 74 more octets: 75 + 74 + 1.
    expect(foldLine("X".repeat(150)).split("\r\n").map((l) => l.length)).toEqual([75, 75, 2]);
  });

  it("a long Swedish description: no line over 75 octets, no character split, and unfolding gives it back", () => {
    const text = `DESCRIPTION:${escapeText(
      "Överenskommelse om hälso- och sjukvård i hemmet, Region Jämtland Härjedalen och kommunerna i Jämtlands län 2026–2027: uppsägning senast 12 månader före giltighetstidens slut 2027-12-31, genom den politiska samverkansarenan efter dialog. Sägs den inte upp förlängs den med 2 år, till 2029-12-31 – åäö ÅÄÖ é – ✓ 🗓."
    )}`;
    const folded = foldLine(text);
    for (const l of folded.split("\r\n")) {
      expect(bytes(l)).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(new TextEncoder().encode(l))).not.toThrow();
      expect(l).not.toMatch(/\uFFFD/);
    }
    expect(folded.split("\r\n").slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(text);
  });
});

const obligation = (o: Partial<Obligation>): Obligation => ({
  id: "23-2026/uppsagning/2026-12-31",
  agreementId: "23-2026",
  countyCode: "23",
  date: "2026-12-31",
  periodStart: null,
  kind: "uppsagning",
  title: "Sista dag att säga upp överenskommelsen",
  detail: "Uppsägning senast 12 månader före 2027-12-31; annars förlängs den, till 2029-12-31.",
  source: {document: "Överenskommelse 2026–2027", section: "Giltighetstid och uppsägning"},
  dateKind: "beräknat",
  dateBasis: "2027-12-31 − 12 månader (uppsägningstiden).",
  routine: false,
  ...o
});

const report = {
  obligations: [
    obligation({}),
    obligation({id: "23-2026/seminarium/2027", date: "2027-09-30", kind: "seminarium", title: "Årligt samverkansseminarium", dateKind: "antagande", dateBasis: "Antagande (Analytiker): inget datum i avtalet."}),
    obligation({id: "24-2013/skattevaxling/2029", agreementId: "24-2013", countyCode: "24", date: "2029-09-30", kind: "skattevaxling", title: "Uppföljning av skatteväxlingen"})
  ],
  counties: [
    {code: "23", name: "Jämtlands län"},
    {code: "24", name: "Västerbottens län"}
  ],
  stamp: "2026-01-01"
};

describe("the calendar file", () => {
  const ics = calendarIcs(report, "23");

  it("has CRLF after every line and no bare LF or CR", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has what Outlook and Google need: VERSION 2.0, PRODID, METHOD, a name, and UID, DTSTAMP, DTSTART in every event", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("PRODID:-//Samverkan i siffror//Kalender över åtaganden//SV");
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("X-WR-CALNAME:Åtaganden enligt överenskommelsen\\, Jämtlands län");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    const events = unfold(ics).split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(2); // only county 23
    for (const e of events) {
      expect(e).toMatch(/\r\nUID:[^\r]+@samverkan-i-siffror\r\n/);
      expect(e).toMatch(/\r\nDTSTAMP:20260101T000000Z\r\n/);
      expect(e).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\n/);
      expect(e).toContain("END:VEVENT");
    }
  });

  it("an all-day event on 2026-12-31 ends (exclusive) on 2027-01-01", () => {
    const first = unfold(ics).split("BEGIN:VEVENT")[1];
    expect(first).toContain("DTSTART;VALUE=DATE:20261231\r\n");
    expect(first).toContain("DTEND;VALUE=DATE:20270101\r\n");
    expect(first).toContain("UID:23-2026/uppsagning/2026-12-31@samverkan-i-siffror\r\n");
  });

  it("says in the title when a day is assumed, and in the description why and where the rule is written", () => {
    const seminar = unfold(ics).split("BEGIN:VEVENT")[2];
    expect(seminar).toContain("SUMMARY:Årligt samverkansseminarium (antaget datum)\r\n");
    expect(seminar).toContain("Datum (antagande): Antagande (Analytiker): inget datum i avtalet.");
    expect(seminar).toContain('Källa: Överenskommelse 2026–2027\\, avsnitt "Giltighetstid och uppsägning".');
    expect(seminar).toContain("CATEGORIES:Seminarium,Antaget datum\r\n");
  });

  it("the same input gives the same file (no clock); all counties name the county in each title", () => {
    expect(calendarIcs(report, "23")).toBe(ics);
    const both = unfold(calendarIcs(report, null));
    expect(both).toContain("SUMMARY:Västerbottens län: Uppföljning av skatteväxlingen\r\n");
    expect(both.split("BEGIN:VEVENT")).toHaveLength(4);
    expect([icsFileName("23"), icsFileName(null)]).toEqual(["kalender-23.ics", "kalender.ics"]);
  });

  it("refuses two events with one UID (a calendar would keep only one of them)", () => {
    expect(() => toIcs([{uid: "a", date: "2026-01-01", summary: "x"}, {uid: "a", date: "2026-01-02", summary: "y"}], {prodId: "-//x//y//SV", name: "n", stamp: "2026-01-01"})).toThrow(/samma UID/);
  });
});
