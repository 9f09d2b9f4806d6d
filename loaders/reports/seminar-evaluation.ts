/**
 * The annual evaluation in the seminar report (Överenskommelse om hälso- och sjukvård i hemmet,
 * "Uppföljning"): the evaluation starts from the agreement's purpose and four principles and is
 * presented at the annual collaboration seminar. Sections here: one per principle with the indicators
 * that follow it (the mapping is an assumption, principles.ts), medical technology (fixed and variable
 * parts per municipality, reports/medtech.ts), the hourly rates (reports/rates.ts) and the calendar of
 * the coming year (models/obligations.ts). Nothing here counts persons.
 */
import type {Warehouse} from "../warehouse.ts";
import type {SeminarContext, SeminarSection} from "./seminar-types.ts";
import {formatKronor, formatPercent} from "../format.ts";
import {readCounties} from "../counties.ts";
import {memo} from "./memo.ts";
import {medtechReport} from "./medtech.ts";
import {ratesReport} from "./rates.ts";
import {principlesFromAgreements, type AgreementPrinciples, type Principle} from "./principles.ts";
import {calendarInputFromParameters} from "./calendar-input.ts";
import {DATE_KIND_LABEL, obligations, type CalendarInput} from "../models/obligations.ts";

const medtech = memo(medtechReport);
const rates = memo(ratesReport);
const counties = memo((wh) => readCounties(wh.connection));
const calendarInput = memo(async (wh): Promise<CalendarInput> => calendarInputFromParameters(wh.parameters, await counties(wh)));
const agreementPrinciples = memo(async (wh): Promise<AgreementPrinciples[]> => principlesFromAgreements(wh.agreements));

/** The indicators by section id, for a principle whose section has no data this year. */
const INDICATOR_NAME: Record<string, string> = {
  kostnader: "Kostnader för hälso- och sjukvård i hemmet",
  inskrivna: "Inskrivna i hemsjukvården",
  tillaggsbelopp: "Tilläggsbeloppet",
  vaccination: "Vaccination",
  medicinteknik: "Medicinteknik",
  ersattningar: "Timpriser",
  utvecklingsmedel: "Gemensamma utvecklingsmedel",
  skattevaxling: "Skatteväxlingens uppföljning",
  kalender: "Kalender"
};

const kr = (ore: number | null) => (ore == null ? "–" : formatKronor(ore));
/** With öre, so that a table's rows visibly add up to its total. */
const krExact = (ore: number | null) => (ore == null ? "–" : formatKronor(ore, {ore: true}));

/** Where the choice of a principle's indicators comes from, in words: its kind and its source. */
function indicatorsProvenance(i: Principle["indicators"]): string {
  if (i.kind === "antagande") return `Vilka indikatorer som följer den är ett antagande (${i.source.by}): ${i.source.reason}`;
  if (i.kind === "avtalat") return `Indikatorerna står i ${i.source.document}, avsnitt "${i.source.section}" (avtalat).`;
  return `Indikatorerna är beräknade: ${i.source.formula}.`;
}

/** The principles of the county's agreement, or null where no agreement states them. */
export async function principlesFor(wh: Warehouse, countyCode: string): Promise<AgreementPrinciples | null> {
  return (await agreementPrinciples(wh)).find((a) => a.countyCode === countyCode) ?? null;
}

/** MT: the year's fixed part (two half-years in advance) and variable part (monthly jobs) per municipality. */
export async function medtechSection(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const mt = await medtech(wh);
  if (mt.countyCode !== ctx.countyCode) return null;
  const year = mt.totals.find((t) => t.year === ctx.year);
  if (!year) return null;
  const name = (code: string | null) => mt.municipalities.find((m) => m.code === code)?.name ?? code ?? mt.countyName;
  const c = year.county;
  const rows = [...year.rows].sort((a, b) => b.totalOre - a.totalOre);
  const largest = rows[0];
  const variable = c.variableOre == null ? "rörlig del saknas i underlaget" : `rörlig del ${kr(c.variableOre)} (månadsvis, för de uppdrag kommunen beställt)`;
  const share = largest && c.totalOre ? ` Störst del betalar ${name(largest.municipalityCode)}, ${formatPercent(largest.totalOre / c.totalOre)}.` : "";
  return {
    id: "medicinteknik",
    title: `Medicinteknik ${ctx.year}: fast och rörlig del per kommun`,
    headline: `Kommunerna i ${mt.countyName} betalade regionen ${kr(c.totalOre)} för medicinteknisk support ${ctx.year}: fast del ${kr(c.fixedOre)} (halvårsvis i förskott, efter andel registrerade produkter) och ${variable}.${share}`,
    chart: {kind: "bars", unit: `Fast + rörlig del ${ctx.year}, kr`, rows: rows.map((r) => ({label: name(r.municipalityCode), value: r.totalOre / 100, text: kr(r.totalOre)}))},
    table: {
      caption: `Medicinteknik ${ctx.year} per kommun (${year.fixedPeriods.join(" och ") || "inget halvår"})`,
      columns: ["Kommun", "Fast del, första halvåret", "Fast del, andra halvåret", "Rörlig del", "Summa"],
      numeric: [false, true, true, true, true],
      rows: [...rows, c].map((r) => [r.municipalityCode == null ? `${mt.countyName} (summa)` : name(r.municipalityCode), krExact(r.fixedH1Ore), krExact(r.fixedH2Ore), krExact(r.variableOre), krExact(r.totalOre)])
    },
    method: `${mt.method.totals} ${mt.method.fixed} Rörlig del: ${mt.method.variable} Beloppen visas med öre, så att raderna summerar till länets summa.${year.note ? ` ${year.note}` : ""}`
  };
}

/** The hourly rates of the year and the next (agreed amount and index), and the work billed between the parties. */
export async function ratesSection(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const r = await rates(wh);
  if (r.agreement.countyCode !== ctx.countyCode) return null;
  const at = (key: keyof typeof r.table, year: number) => r.table[key].find((y) => y.year === year) ?? null;
  const unit = (startedHour: boolean) => (startedHour ? "per påbörjad timme" : "per timme");
  const shown = r.rates.map((d) => ({d, now: at(d.key, ctx.year), next: at(d.key, ctx.year + 1)}));
  if (!shown.some((s) => s.now)) return null;
  const cell = (y: ReturnType<typeof at>, baseYear: number) => (y ? `${kr(y.rateOre)} (${y.year === baseYear ? "avtalat" : `beräknat${y.forecast ? ", prognos" : ""}`})` : "–");
  const work = r.work.find((w) => w.countyCode === ctx.countyCode);
  const total = work?.totals.find((t) => t.year === ctx.year) ?? null;
  const byMunicipality = (work?.byMunicipality ?? []).filter((t) => t.year === ctx.year);
  const name = (code: string | null) => work?.municipalities.find((m) => m.code === code)?.name ?? code ?? "";
  const list = shown.filter((s) => s.now).map((s) => `${s.d.label.toLowerCase()} ${kr(s.now!.rateOre)} ${unit(s.d.startedHour)}`);
  const workText = total
    ? ` För arbete åt varandra betalade regionen kommunerna ${kr(total.toMunicipalityOre)} och kommunerna regionen ${kr(total.toRegionOre)} (netto ${kr(total.netToMunicipalityOre)} till kommunerna).`
    : ` Inget arbete åt den andra parten finns i underlaget för ${ctx.year}.`;
  return {
    id: "ersattningar",
    title: `Timpriser ${ctx.year}: inhyrd personal, syn- och hörselombud, medicinteknik`,
    headline: `Timpriserna ${ctx.year}: ${list.join(", ")}.${workText}`,
    chart: byMunicipality.length
      ? {kind: "bars", unit: `Netto till kommunen ${ctx.year}, kr`, rows: byMunicipality.map((m) => ({label: name(m.municipalityCode), value: m.netToMunicipalityOre / 100, text: kr(m.netToMunicipalityOre)}))}
      : null,
    table: {
      caption: `Avtalets timpriser, uppräknade med sitt index`,
      columns: ["Timpris", "Avtalat belopp", "Index", `${ctx.year}`, `${ctx.year + 1}`],
      numeric: [false, true, false, true, true],
      rows: shown.map(({d, now, next}) => [`${d.label} (${unit(d.startedHour)})`, `${kr(d.baseRateOre)} (${d.baseYear})`, d.index, cell(now, d.baseYear), cell(next, d.baseYear)])
    },
    method: `${r.method.rates} ${r.method.startedHour}`
  };
}

/** The calendar of the coming year: the deadlines by date, the MT invoices in one line each. */
export async function calendarSection(wh: Warehouse, ctx: SeminarContext): Promise<SeminarSection | null> {
  const next = ctx.year + 1;
  const input = await calendarInput(wh);
  const list = obligations(input, {from: `${next}-01-01`, to: `${next}-12-31`}).filter((o) => o.countyCode === ctx.countyCode);
  if (!list.length) return null;
  const deadlines = list.filter((o) => !o.routine);
  const routine = list.filter((o) => o.routine);
  const assumed = deadlines.filter((o) => o.dateKind === "antagande").length;
  const rows = deadlines.map((o) => [o.periodStart ? `${o.periodStart} – ${o.date}` : o.date, o.title, DATE_KIND_LABEL[o.dateKind], o.source.section]);
  for (const kind of ["mt-fast", "mt-rorlig"] as const) {
    const of = routine.filter((o) => o.kind === kind);
    if (of.length) rows.push([of.length > 2 ? `${of.length} datum, ${of[0].date} – ${of.at(-1)!.date}` : of.map((o) => o.date).join(", "), of[0].title, DATE_KIND_LABEL[of[0].dateKind], of[0].source.section]);
  }
  const notice = deadlines.find((o) => o.kind === "uppsagning");
  return {
    id: "kalender",
    title: `Kalender för ${next}`,
    headline:
      `${next} har ${deadlines.length} tidsfrister enligt avtalen${routine.length ? ` och ${routine.length} MT-fakturor` : ""}` +
      `${notice ? `; sista dag att säga upp överenskommelsen är ${notice.date}` : ""}. ` +
      (assumed ? `${assumed} av datumen är antaganden: avtalet anger rytmen men inte dagen.` : "Alla datum står i avtalet eller följer av dess regler."),
    chart: null,
    table: {caption: `Åtaganden ${next} med datum`, columns: ["Datum", "Åtagande", "Datumet är", "Avsnitt i avtalet"], numeric: [false, false, false, false], rows},
    method:
      "Datumen kommer ur avtalens regler (kalendern på sidan Kalender): avtalat = står i avtalet; beräknat = följer av en regel i avtalet (uppsägning senast giltighetstidens slut − uppsägningstiden, avstämning under första kvartalet); " +
      "antagande = avtalet anger att något sker varje år, vartannat år eller månadsvis men inte vilken dag, och dagen är vald av en analytiker (skälet står vid datumet i kalendern)."
  };
}

/**
 * One section per principle: the indicators that follow it, each with its section's headline. The
 * principle is the agreement's; which indicators follow it is an assumption and the method says so.
 */
export function principleSections(agreement: AgreementPrinciples, sections: readonly SeminarSection[], ctx: SeminarContext): SeminarSection[] {
  const before = ctx.year < agreement.fromYear ? ` ${ctx.year} är före överenskommelsens första år (${agreement.fromYear}) och redovisas som utgångsläge.` : "";
  return agreement.principles.map((p, i) => {
    const found = p.indicators.value.map((id) => ({id, section: sections.find((s) => s.id === id) ?? null}));
    const present = found.filter((f) => f.section);
    const titles = present.map((f) => f.section!.title);
    return {
      id: `princip-${p.id}`,
      title: `Princip ${i + 1}: ${p.name}`,
      headline: present.length
        ? `${p.name} följs i rapporten av ${titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(", ")} och ${titles.at(-1)}`} (antagande: avtalet anger inte vilka indikatorer som mäter principen).${before}`
        : `Ingen av principens indikatorer har underlag för ${ctx.year}.${before}`,
      chart: null,
      table: {
        caption: `${p.name}: indikatorer ${ctx.year}`,
        columns: ["Indikator", "Läget"],
        numeric: [false, false],
        rows: found.map((f) => [f.section?.title ?? INDICATOR_NAME[f.id] ?? f.id, f.section?.headline ?? `Inget avsnitt ${ctx.year}: inget underlag, eller inget uppföljningsår.`])
      },
      method: `Principen står i ${p.source.document}, avsnitt "${p.source.section}" (avtalat). ${indicatorsProvenance(p.indicators)}`
    };
  });
}
