/**
 * The calendar of obligations as an .ics file (loaders/ics.ts): the same events for the download on
 * /kalender (built in the browser from the page's data) and `npx samverkan kalender --ics FILE`.
 */
import {toIcs, type IcsEvent} from "../ics.ts";
import {DATE_KIND_LABEL, KIND_LABEL, type Obligation} from "../models/obligations.ts";

export const ICS_PRODID = "-//Samverkan i siffror//Kalender över åtaganden//SV";

/** An obligation as a calendar event: an assumed day says so in the title, the description says why. */
export function obligationEvent(o: Obligation, countyName: string | null): IcsEvent {
  const assumed = o.dateKind === "antagande" ? " (antaget datum)" : "";
  const period = o.periodStart ? `Period: ${o.periodStart} – ${o.date}.\n` : "";
  return {
    uid: `${o.id}@samverkan-i-siffror`,
    date: o.date,
    summary: `${countyName ? `${countyName}: ` : ""}${o.title}${assumed}`,
    description: `${o.detail}\n\n${period}Datum (${DATE_KIND_LABEL[o.dateKind]}): ${o.dateBasis}\nKälla: ${o.source.document}, avsnitt "${o.source.section}".`,
    categories: [KIND_LABEL[o.kind], ...(o.dateKind === "antagande" ? ["Antaget datum"] : [])]
  };
}

export interface CalendarIcsInput {
  obligations: readonly Obligation[];
  counties: readonly {code: string; name: string}[];
  /** DTSTAMP: from the input (the agreements), never the clock. */
  stamp: string;
}

/** One county's obligations (or every county's, with the county in each title) as RFC 5545 text. */
export function calendarIcs(report: CalendarIcsInput, countyCode: string | null): string {
  const name = (code: string) => report.counties.find((c) => c.code === code)?.name ?? code;
  const list = report.obligations.filter((o) => countyCode == null || o.countyCode === countyCode);
  return toIcs(
    list.map((o) => obligationEvent(o, countyCode == null ? name(o.countyCode) : null)),
    {prodId: ICS_PRODID, name: `Åtaganden enligt överenskommelsen${countyCode == null ? "" : `, ${name(countyCode)}`}`, stamp: report.stamp}
  );
}

/** A safe file name: "kalender-23.ics" / "kalender.ics". */
export const icsFileName = (countyCode: string | null) => (countyCode == null ? "kalender.ics" : `kalender-${countyCode.replace(/[^0-9]/g, "")}.ics`);
