/**
 * The calendar of obligations (Överenskommelse om hälso- och sjukvård i hemmet 2026–2027, "Giltighetstid
 * och uppsägning", "Uppföljning", the tilläggsbelopp's "Avstämning" and "Normalvariation", "Medicinteknik"):
 * the dated things the parties must do. A pure model: no clock ("today" and the window are arguments),
 * dates are ISO text (YYYY-MM-DD) and the arithmetic is on calendar days in UTC.
 *
 * Every date says how it is known: `avtalat` (written in the agreement), `beräknat` (from an agreed
 * rule, with the formula: the notice day is the end of validity − the notice months) or `antagande`
 * (the agreement gives the rhythm but not the day, e.g. the annual seminar: the input names who chose
 * the day and why). The model never picks a day itself: a day it is not given is an input.
 */

export type DateKind = "avtalat" | "beräknat" | "antagande";

/** Where a rule is written: document title and section heading. */
export interface ClauseSource {
  document: string;
  section: string;
}

/** A day in the year that the agreement does not give, chosen by an analyst. */
export interface AssumedDay {
  month: number;
  day: number;
  by: string;
  reason: string;
}

/** A first year that the agreement does not give, chosen by an analyst. */
export interface AssumedYear {
  year: number;
  by: string;
  reason: string;
}

/** A yearly (or every n:th year) obligation of an agreement. */
export interface Recurring {
  source: ClauseSource;
  every: number;
  firstYear: number | AssumedYear;
  day: AssumedDay;
}

/** One agreement as the calendar needs it. Built by one adapter (loaders/reports/calendar-input.ts). */
export interface CalendarAgreement {
  /** "23-2026": county and first year. */
  id: string;
  countyCode: string;
  title: string;
  /** The latest status of its decision history ("rekommenderat", "antaget", "upphört"), when known. */
  status: string | null;
  validFrom: string;
  /** null: until further notice. */
  validTo: string | null;
  noticeMonths: number | null;
  prolongYears: number | null;
  termsSource: ClauseSource;
  /** Each överenskommelse, followed up every year at a joint meeting. */
  followUps: {name: string; source: ClauseSource; firstYear: number | AssumedYear; day: AssumedDay}[];
  /** The annual collaboration seminar, where the evaluation is presented. */
  seminar: Recurring | null;
  /** The development funds, followed up and evaluated (presented at the seminar), with the split the agreement file states (null: not stated). */
  developmentFunds: (Recurring & {split: {regionPercent: string; municipalPercent: string} | null}) | null;
  supplementaryAmount: {
    /** First reconciliation year (it counts the persons of the year before), in the first quarter. */
    firstReconciliationYear: number;
    reconciliationSource: ClauseSource;
    /** Follow-up and evaluation every n:th year. */
    evaluation: Recurring;
    /** The band: valid from this reconciliation year, recomputed every n:th year, from the base years. */
    band: {validFrom: number; recomputeEvery: number; baseFrom: number; baseTo: number; source: ClauseSource; day: AssumedDay};
  } | null;
  /** The skatteväxling review every n:th year after the swap's first year (null when not known: then undated). */
  taxSwapReview: {startYear: number | null; every: number; source: ClauseSource; day: AssumedDay; note?: string} | null;
  medtech: {
    fixed: {everyMonths: number; source: ClauseSource; by: string; reason: string};
    variable: {everyMonths: number; source: ClauseSource; by: string; reason: string};
  } | null;
}

export interface CalendarInput {
  agreements: CalendarAgreement[];
}

export type ObligationKind =
  | "uppsagning"
  | "avtalsslut"
  | "uppfoljning"
  | "seminarium"
  | "utvecklingsmedel"
  | "avstamning"
  | "utvardering"
  | "omrakning"
  | "skattevaxling"
  | "mt-fast"
  | "mt-rorlig";

/** The kinds in Swedish, as the page, the CLI and the .ics name them. */
export const KIND_LABEL: Record<ObligationKind, string> = {
  uppsagning: "Uppsägning",
  avtalsslut: "Giltighetstid",
  uppfoljning: "Uppföljning",
  seminarium: "Seminarium",
  utvecklingsmedel: "Utvecklingsmedel",
  avstamning: "Avstämning",
  utvardering: "Utvärdering",
  omrakning: "Omräkning",
  skattevaxling: "Skatteväxling",
  "mt-fast": "MT-faktura",
  "mt-rorlig": "MT-faktura"
};

export const DATE_KIND_LABEL: Record<DateKind, string> = {avtalat: "avtalat", beräknat: "beräknat", antagande: "antagande"};

export interface Obligation {
  /** Stable over builds as long as the agreement does not change: agreement, kind, (part), date. */
  id: string;
  agreementId: string;
  countyCode: string;
  date: string;
  /** When the obligation is a period (the first quarter), its first day; `date` is its last. */
  periodStart: string | null;
  kind: ObligationKind;
  title: string;
  detail: string;
  /** Where the rule is written. */
  source: ClauseSource;
  dateKind: DateKind;
  /** The formula (beräknat), the clause (avtalat) or who chose the day and why (antagande). */
  dateBasis: string;
  /** Routine (the MT invoices) rather than a deadline the parties must act on. */
  routine: boolean;
}

/** An obligation the agreement states without anything to date it by (e.g. a swap whose first year is unknown). */
export interface UndatedObligation {
  agreementId: string;
  countyCode: string;
  kind: ObligationKind;
  title: string;
  detail: string;
  source: ClauseSource;
}

// ——— Calendar days ———

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new Error(`Inte ett datum ÅÅÅÅ-MM-DD: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day n months later (earlier when negative); a day past the month's end becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Days from `from` to `to` (negative when `to` is earlier): calendar days, whatever the time zone. */
export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
export const monthName = (month: number): string => MONTHS[month - 1];

const yearOf = (date: string) => parts(date)[0];
const firstYear = (y: number | AssumedYear) => (typeof y === "number" ? y : y.year);
const assumedDayText = (d: AssumedDay) => `Antagande (${d.by}): ${d.reason}`;
const assumedYearText = (y: number | AssumedYear) => (typeof y === "number" ? "" : ` Första året ${y.year} är ett antagande (${y.by}): ${y.reason}`);
const ordinal = (n: number) => (({2: "andra", 3: "tredje", 4: "fjärde"}) as Record<number, string>)[n] ?? `${n}:e`;
const everyText = (n: number) => (n === 1 ? "varje år" : `vart ${ordinal(n)} år`);

// ——— The agreement's terms ———

/** The terms of validity: the first as written, then each prolongation (while the window needs them). */
export interface Term {
  index: number;
  end: string;
  /** Last day to give notice for this term to end at `end`; null without a notice period. */
  noticeBy: string | null;
}

export function terms(a: CalendarAgreement, until: string): Term[] {
  if (!a.validTo) return [];
  const out: Term[] = [];
  const prolongs = !!a.prolongYears && a.status !== "upphört";
  for (let k = 0; ; k++) {
    const end = addMonths(a.validTo, 12 * k * (a.prolongYears ?? 0));
    const noticeBy = a.noticeMonths == null ? null : addMonths(end, -a.noticeMonths);
    out.push({index: k, end, noticeBy});
    if (!prolongs || (noticeBy ?? end) > until || k > 200) break;
  }
  return out;
}

/** Until when the agreement runs if no one gives notice after `today`: the end of the first term whose notice day is still ahead. */
export function currentTerm(a: CalendarAgreement, today: string): Term | null {
  if (!a.validTo) return null;
  const all = terms(a, today);
  return all.find((t) => (t.noticeBy ?? t.end) >= today) ?? all.at(-1) ?? null;
}

function termObligations(a: CalendarAgreement, until: string): Obligation[] {
  const out: Obligation[] = [];
  const all = terms(a, until);
  const base = {agreementId: a.id, countyCode: a.countyCode, source: a.termsSource, periodStart: null, routine: false};
  for (const t of all) {
    const next = a.prolongYears && a.status !== "upphört" ? addMonths(t.end, 12 * a.prolongYears) : null;
    const nextNotice = next && a.noticeMonths != null ? addMonths(next, -a.noticeMonths) : null;
    const endBasis = t.index === 0 ? `Giltig t.o.m. ${a.validTo} (${a.termsSource.section}).` : `${a.validTo} + ${t.index} × ${a.prolongYears} år.`;
    if (t.noticeBy) {
      const then = next
        ? `Sägs den inte upp förlängs den med ${a.prolongYears} år, till ${next}; nästa sista dag för uppsägning blir då ${nextNotice ?? "–"}.`
        : "Överenskommelsen förlängs inte av sig själv.";
      out.push({
        ...base,
        id: `${a.id}/uppsagning/${t.noticeBy}`,
        date: t.noticeBy,
        kind: "uppsagning",
        title: "Sista dag att säga upp överenskommelsen",
        detail: `${a.title}: uppsägning senast ${a.noticeMonths} månader före giltighetstidens slut ${t.end}, genom den politiska samverkansarenan efter dialog. ${then}`,
        dateKind: "beräknat",
        dateBasis: `${t.end} − ${a.noticeMonths} månader (uppsägningstiden). ${t.index === 0 ? "" : `${t.end} = ${endBasis}`}`.trim()
      });
    }
    out.push({
      ...base,
      id: `${a.id}/avtalsslut/${t.end}`,
      date: t.end,
      kind: "avtalsslut",
      title: next ? "Giltighetstiden slutar eller förlängs" : "Giltighetstiden slutar",
      detail: next
        ? `${a.title} gäller till ${t.end} om den har sagts upp senast ${t.noticeBy ?? "–"}; annars förlängs den, och varje överenskommelse i den, till ${next}.`
        : `${a.title} gäller till ${t.end}.`,
      dateKind: t.index === 0 ? "avtalat" : "beräknat",
      dateBasis: endBasis
    });
  }
  return out;
}

// ——— Everything dated in a window ———

/** The years from `first` every `every` years that fall within [fromYear, toYear]. */
function years(first: number, every: number, fromYear: number, toYear: number): number[] {
  const out: number[] = [];
  const start = first >= fromYear ? first : first + Math.ceil((fromYear - first) / every) * every;
  for (let y = start; y <= toYear; y += every) out.push(y);
  return out;
}

function dayIn(year: number, d: AssumedDay): string {
  return isoDate(year, d.month, Math.min(d.day, daysInMonth(year, d.month)));
}

function agreementObligations(a: CalendarAgreement, from: string, to: string): Obligation[] {
  const [fromYear, toYear] = [yearOf(from), yearOf(to)];
  // Obligations of a year fall while the agreement runs: without prolongation, to its end (the year after
  // the end only for what counts the last year).
  const lastYear = a.validTo && (!a.prolongYears || a.status === "upphört") ? yearOf(a.validTo) : toYear;
  const out: Obligation[] = termObligations(a, to);
  const base = {agreementId: a.id, countyCode: a.countyCode, periodStart: null, routine: false};

  const lastDue = Math.min(toYear, lastYear + 1);
  // One obligation per due year of a recurring clause whose day (and maybe first year) is assumed.
  const recurring = (r: Recurring, idPart: string, kind: ObligationKind, title: string, detail: (y: number) => string) => {
    for (const y of years(firstYear(r.firstYear), r.every, fromYear, lastDue)) {
      out.push({...base, id: `${a.id}/${idPart}/${y}`, date: dayIn(y, r.day), kind, title, detail: detail(y), source: r.source, dateKind: "antagande", dateBasis: `${assumedDayText(r.day)}${assumedYearText(r.firstYear)}`});
    }
  };

  for (const f of a.followUps) {
    recurring({...f, every: 1}, `uppfoljning/${slug(f.name)}`, "uppfoljning", `Årlig uppföljning: ${f.name}`, (y) => `${f.name} följs upp varje år vid ett gemensamt möte (${y - 1} års utfall). Utvärderingen utgår från syftet och de fyra principerna och redovisas vid det årliga samverkansseminariet.`);
  }
  if (a.seminar) {
    recurring(a.seminar, "seminarium", "seminarium", "Årligt samverkansseminarium", (y) => `Utvärderingen av överenskommelsen presenteras för den politiska samverkansarenan: syftet och de fyra principerna, tilläggsbelopp, medicinteknik, timpriser och utvecklingsmedel (seminarierapporten för ${y - 1}).`);
  }
  if (a.developmentFunds) {
    const d = a.developmentFunds;
    const sv = (v: string) => v.replace(".", ",");
    const split = d.split ? ` (${sv(d.split.regionPercent)} % regionen, ${sv(d.split.municipalPercent)} % kommunerna)` : "";
    recurring(d, "utvecklingsmedel", "utvecklingsmedel", "Uppföljning av gemensamma utvecklingsmedel", (y) => `Utvecklingsmedlen${split} följs upp och utvärderas ${everyText(d.every)} och redovisas vid samverkansseminariet (${y - 1} års projekt).`);
  }

  const sa = a.supplementaryAmount;
  if (sa) {
    for (const y of years(sa.firstReconciliationYear, 1, fromYear, lastDue)) {
      const start = isoDate(y, 1, 1);
      out.push({
        ...base,
        id: `${a.id}/avstamning/${y}`,
        date: isoDate(y, 3, 31),
        periodStart: start,
        kind: "avstamning",
        title: `Avstämning av tilläggsbelopp ${y}`,
        detail: `Under första kvartalet summeras de personer i länet som var anslutna till det palliativa teamet ${y - 1} och jämförs med länets normalvariation; utanför den revideras tilläggsbeloppet med justeringsbeloppet innan det fördelas mellan kommunerna.`,
        source: sa.reconciliationSource,
        dateKind: "beräknat",
        dateBasis: `Första kvartalet (${start} – ${isoDate(y, 3, 31)}): sista dagen.`
      });
    }
    const e = sa.evaluation;
    recurring(e, "utvardering", "utvardering", "Uppföljning och utvärdering av tilläggsbeloppet", (y) => `Tilläggsbeloppet följs upp och utvärderas ${everyText(e.every)} (avstämningarna ${y - e.every + 1}–${y}).`);
    const b = sa.band;
    for (const y of years(b.validFrom + b.recomputeEvery, b.recomputeEvery, fromYear, lastDue)) {
      const shift = y - b.validFrom;
      out.push({
        ...base,
        id: `${a.id}/omrakning/${y}`,
        date: dayIn(y, b.day),
        kind: "omrakning",
        title: "Normalvariationen räknas om",
        detail:
          `Normalvariationen räknas om ${everyText(b.recomputeEvery)}: ett nytt band för avstämningarna ${y}–${y + b.recomputeEvery - 1}, ` +
          `med basåren ${b.baseFrom + shift}–${b.baseTo + shift} om basperioden flyttas fram lika många år. Det nya bandet gäller när parterna kommit överens om det.`,
        source: b.source,
        dateKind: "antagande",
        dateBasis: assumedDayText(b.day)
      });
    }
  }

  const ts = a.taxSwapReview;
  if (ts && ts.startYear != null) {
    for (const y of years(ts.startYear + ts.every, ts.every, fromYear, toYear)) {
      out.push({
        ...base,
        id: `${a.id}/skattevaxling/${y}`,
        date: dayIn(y, ts.day),
        kind: "skattevaxling",
        title: "Uppföljning av skatteväxlingen",
        detail: `Skatteväxlingen följs upp ${everyText(ts.every)} med likvärdig metod och struktur för alla parter: åren ${y - ts.every}–${y - 1}.${ts.note ? ` ${ts.note}` : ""}`,
        source: ts.source,
        dateKind: "antagande",
        dateBasis: assumedDayText(ts.day)
      });
    }
  }

  const mt = a.medtech;
  if (mt) {
    const routine = {...base, routine: true};
    const fixedStep = mt.fixed.everyMonths;
    for (let d = a.validFrom; d <= to; d = addMonths(d, fixedStep)) {
      if (d < from || yearOf(d) > lastYear) continue;
      const [y, m] = parts(d);
      const last = addMonths(d, fixedStep - 1);
      const [ly, lm] = parts(last);
      const period = `${monthName(m)}${ly !== y ? ` ${y}` : ""}–${monthName(lm)} ${ly}`;
      out.push({
        ...routine,
        id: `${a.id}/mt-fast/${d}`,
        date: d,
        kind: "mt-fast",
        title: "Medicinteknik: fast del faktureras i förskott",
        detail: `Regionen fakturerar kommunerna den fasta delen för ${period} i förskott, fördelad efter kommunernas andel av de registrerade produkterna (MT räknar om kostnad och fördelning varje halvår).`,
        source: mt.fixed.source,
        dateKind: "antagande",
        dateBasis: `Antagande (${mt.fixed.by}): ${mt.fixed.reason}`
      });
    }
    const variableStep = mt.variable.everyMonths;
    for (let d = a.validFrom; d <= to; d = addMonths(d, variableStep)) {
      const [ey, em] = parts(addMonths(d, variableStep - 1));
      const invoiceDay = isoDate(ey, em, daysInMonth(ey, em));
      if (invoiceDay < from || invoiceDay > to || ey > lastYear) continue;
      const [y, m] = parts(d);
      const period = variableStep === 1 ? `${monthName(m)} ${y}` : `${monthName(m)}–${monthName(em)} ${ey}`;
      out.push({
        ...routine,
        id: `${a.id}/mt-rorlig/${invoiceDay}`,
        date: invoiceDay,
        kind: "mt-rorlig",
        title: "Medicinteknik: rörlig del faktureras",
        detail: `Rörlig del för uppdragen i ${period}: timmar, resor, förbrukningsmaterial och reservdelar faktureras den kommun som beställde uppdraget.`,
        source: mt.variable.source,
        dateKind: "antagande",
        dateBasis: `Antagande (${mt.variable.by}): ${mt.variable.reason}`
      });
    }
  }

  return out.filter((o) => o.date >= from && o.date <= to);
}

/** The obligations that nothing dates (the input says why), for the page's "utan datum". */
export function undatedObligations(input: CalendarInput): UndatedObligation[] {
  const out: UndatedObligation[] = [];
  for (const a of input.agreements) {
    if (!a.validTo)
      out.push({agreementId: a.id, countyCode: a.countyCode, kind: "avtalsslut", title: "Giltighetstid", detail: `${a.title} gäller tills vidare: ingen sista dag för uppsägning att visa.`, source: a.termsSource});
    if (a.taxSwapReview && a.taxSwapReview.startYear == null)
      out.push({
        agreementId: a.id,
        countyCode: a.countyCode,
        kind: "skattevaxling",
        title: "Uppföljning av skatteväxlingen",
        detail: `Skatteväxlingen följs upp ${everyText(a.taxSwapReview.every)} med samma metod som varje skatteväxling.${a.taxSwapReview.note ? ` ${a.taxSwapReview.note}` : ""}`,
        source: a.taxSwapReview.source
      });
  }
  return out;
}

const KIND_ORDER: ObligationKind[] = ["uppsagning", "avtalsslut", "avstamning", "omrakning", "uppfoljning", "utvardering", "utvecklingsmedel", "skattevaxling", "seminarium", "mt-fast", "mt-rorlig"];

/** Every dated obligation from `from` to `to` (inclusive), by date, then kind, county and id. */
export function obligations(input: CalendarInput, {from, to}: {from: string; to: string}): Obligation[] {
  return input.agreements
    .flatMap((a) => agreementObligations(a, from, to))
    .sort((x, y) => x.date.localeCompare(y.date) || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || x.countyCode.localeCompare(y.countyCode) || x.id.localeCompare(y.id));
}

export interface AgreementSummary {
  id: string;
  countyCode: string;
  title: string;
  status: string | null;
  validFrom: string;
  validTo: string | null;
  /** Where the agreement runs to if no one gives notice from today on (validTo, or a prolongation). */
  runsTo: string | null;
  /** The next last day to give notice, from today; null without notice period. */
  nextNoticeBy: string | null;
  /** Where it then runs to if no one gives notice by nextNoticeBy; null when it is not prolonged. */
  prolongedTo: string | null;
  prolongYears: number | null;
  prolonged: boolean;
}

export interface Calendar {
  today: string;
  from: string;
  to: string;
  agreements: AgreementSummary[];
  obligations: Obligation[];
  undated: UndatedObligation[];
}

/**
 * The calendar as of `today`: from the first day of today's year (or `back` years before it) to the last
 * day of the year `years` years ahead (the page then hides what is past by the reader's own date).
 */
export function calendar(input: CalendarInput, today: string, {years: ahead = 3, back = 0}: {years?: number; back?: number} = {}): Calendar {
  const year = yearOf(today);
  const from = isoDate(year - back, 1, 1);
  const to = isoDate(year + ahead, 12, 31);
  const agreements = input.agreements.map((a): AgreementSummary => {
    const t = currentTerm(a, today);
    const prolongs = !!t && !!a.prolongYears && a.status !== "upphört";
    return {
      id: a.id,
      countyCode: a.countyCode,
      title: a.title,
      status: a.status,
      validFrom: a.validFrom,
      validTo: a.validTo,
      runsTo: t?.end ?? null,
      nextNoticeBy: t?.noticeBy ?? null,
      prolongedTo: prolongs ? addMonths(t!.end, 12 * a.prolongYears!) : null,
      prolongYears: a.prolongYears,
      prolonged: !!t && t.index > 0
    };
  });
  return {today, from, to, agreements, obligations: obligations(input, {from, to}), undated: undatedObligations(input)};
}

/** The next obligation on or after `today` that is a deadline (not a routine invoice), and the days left. */
export function nextDeadline<T extends Pick<Obligation, "date" | "routine">>(list: readonly T[], today: string): {obligation: T; days: number} | null {
  const next = list.filter((o) => !o.routine && o.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
  return next ? {obligation: next, days: daysBetween(today, next.date)} : null;
}

/** "i dag", "i morgon", "om 27 dagar", "för 3 dagar sedan". */
export function daysLeftText(days: number): string {
  if (days === 0) return "i dag";
  if (days === 1) return "i morgon";
  if (days > 1) return `om ${days} dagar`;
  return days === -1 ? "i går" : `för ${-days} dagar sedan`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
