/**
 * A small iCalendar writer (RFC 5545) for all-day events, as Outlook and Google Calendar import them:
 * VERSION 2.0 and PRODID, one VEVENT per event with a stable UID, DTSTAMP, DTSTART;VALUE=DATE and the
 * exclusive DTEND;VALUE=DATE of the next day, lines ended by CRLF and folded at 75 octets (UTF-8 bytes,
 * never inside a character), and TEXT values escaped (backslash, semicolon, comma, newline).
 * No clock: DTSTAMP is an argument, so the same input gives the same file.
 */

export interface IcsEvent {
  /** Globally unique and stable between exports: the same event keeps its UID. */
  uid: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  /** The last day, inclusive, when the event spans several days (YYYY-MM-DD). */
  lastDate?: string;
  summary: string;
  description?: string;
  categories?: string[];
  url?: string;
}

export interface IcsOptions {
  /** PRODID: "-//Organisation//Produkt//SV". */
  prodId: string;
  /** The calendar's name (X-WR-CALNAME: the name Google and Outlook show). */
  name: string;
  /** DTSTAMP of every event, YYYY-MM-DD or an ISO date-time in UTC: taken from the input, never the clock. */
  stamp: string;
}

/** TEXT escaping (RFC 5545 3.3.11): \ ; , and newlines. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): the first line holds at most 75 bytes of UTF-8,
 * each continuation line a space and at most 74 more; a character is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
      limit = 74;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const compactDate = (date: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Inte ett datum ÅÅÅÅ-MM-DD: ${date}`);
  return date.replace(/-/g, "");
};

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** "2026-01-01" or "2026-01-01T12:00:00Z" → "20260101T000000Z" / "20260101T120000Z". */
function stampOf(stamp: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z)?$/.exec(stamp);
  if (!m) throw new Error(`DTSTAMP ska vara ett datum eller en UTC-tid: ${stamp}`);
  return `${m[1]}${m[2]}${m[3]}T${m[4] ?? "00"}${m[5] ?? "00"}${m[6] ?? "00"}Z`;
}

/** A property line: name (with parameters) and an already escaped value. */
const prop = (name: string, value: string) => foldLine(`${name}:${value}`);

export function toIcs(events: readonly IcsEvent[], {prodId, name, stamp}: IcsOptions): string {
  const dtstamp = stampOf(stamp);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    prop("PRODID", prodId),
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    prop("X-WR-CALNAME", escapeText(name))
  ];
  const uids = new Set<string>();
  for (const e of events) {
    if (uids.has(e.uid)) throw new Error(`Två händelser har samma UID: ${e.uid}`);
    uids.add(e.uid);
    lines.push(
      "BEGIN:VEVENT",
      prop("UID", e.uid),
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(e.lastDate ?? e.date))}`,
      prop("SUMMARY", escapeText(e.summary)),
      ...(e.description ? [prop("DESCRIPTION", escapeText(e.description))] : []),
      ...(e.categories?.length ? [prop("CATEGORIES", e.categories.map(escapeText).join(","))] : []),
      ...(e.url ? [prop("URL", e.url)] : []),
      "TRANSP:TRANSPARENT",
      "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
      "END:VEVENT"
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}
