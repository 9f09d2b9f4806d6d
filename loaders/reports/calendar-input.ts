/**
 * The one adapter between the agreement parameters and the calendar of obligations: it builds the
 * calendar's input (loaders/models/obligations.ts, `CalendarInput`) from `wh.parameters`. When the
 * agreements are files of their own (data/avtal/*.json, loaders/agreements.ts), this function is the
 * only one to rewrite: validity, notice months, prolongation, status and the sources come from there.
 *
 * The days the agreement does not give (the seminar, the yearly follow-up, the invoice days, …) are
 * chosen here and labelled `antagande` with the reason; the model never picks a day itself.
 */
import type {Parameters} from "../schemas/parameters.ts";
import type {County} from "../counties.ts";
import type {AssumedDay, CalendarAgreement, CalendarInput, ClauseSource} from "../models/obligations.ts";

const ANALYST = "Analytiker, Samverkan i siffror";

/** The yearly follow-up meeting: no day in the agreement. */
const FOLLOW_UP_DAY: AssumedDay = {
  month: 4,
  day: 30,
  by: ANALYST,
  reason: "överenskommelsen säger att den följs upp varje år vid ett gemensamt möte men anger inget datum. Datumet är satt till 30 april, efter avstämningen i första kvartalet och årsbokslutet; ändra det när mötet är bestämt."
};

/** The annual collaboration seminar: no day in the agreement. */
const SEMINAR_DAY: AssumedDay = {
  month: 9,
  day: 30,
  by: ANALYST,
  reason: "överenskommelsen säger att utvärderingen presenteras vid det årliga samverkansseminariet men anger inget datum. Datumet är satt till 30 september; ändra det när seminariet är bestämt."
};

const AT_SEMINAR = (what: string): AssumedDay => ({
  ...SEMINAR_DAY,
  reason: `${what} redovisas vid det årliga samverkansseminariet, vars datum inte står i överenskommelsen: satt till seminariets antagna dag, 30 september.`
});

const BAND_DAY: AssumedDay = {
  month: 3,
  day: 31,
  by: ANALYST,
  reason: "avtalet säger att normalvariationen räknas om vart tredje år men inte när. Det nya bandet behövs senast vid avstämningen under första kvartalet, så datumet är satt till 31 mars."
};

/**
 * The calendar's input from parametrar.json: the agreement of the tilläggsbelopp's county (and of MT's,
 * if another), and the county of the skatteväxling with its review every n:th year.
 */
export function calendarInputFromParameters(p: Parameters, counties: County[]): CalendarInput {
  const county = (code: string) => counties.find((c) => c.code === code);
  const from = p.agreement.validFrom;
  const to = p.agreement.validTo;
  const period = `${from.slice(0, 4)}–${to.slice(0, 4)}`;
  const startYear = Number(from.slice(0, 4));
  const agreements: CalendarAgreement[] = [];

  for (const code of [...new Set([p.supplementaryAmount.countyCode, p.medtech.countyCode])].sort()) {
    const c = county(code);
    if (!c) continue;
    const main = `Överenskommelse hälso- och sjukvård i hemmet ${period}, ${c.region} och kommunerna`;
    const supplement = `Överenskommelse tilläggsbelopp ${period}, ${c.region} och kommunerna`;
    const at = (document: string, section: string): ClauseSource => ({document, section});
    const hasSupplement = code === p.supplementaryAmount.countyCode;
    const sa = p.supplementaryAmount;
    agreements.push({
      id: `${code}-${startYear}`,
      countyCode: code,
      title: `Överenskommelse om hälso- och sjukvård i hemmet ${period}`,
      status: null,
      validFrom: from,
      validTo: to,
      noticeMonths: 12,
      prolongYears: p.agreement.prolongYears,
      termsSource: at(main, "Giltighetstid och uppsägning"),
      followUps: [
        {name: "Överenskommelse om hälso- och sjukvård i hemmet", source: at(main, "Uppföljning"), firstYear: {year: startYear + 1, by: ANALYST, reason: "varje år följs det föregående årets utfall upp, så den första uppföljningen antas hållas året efter det första avtalsåret."}, day: FOLLOW_UP_DAY},
        ...(hasSupplement
          ? [{name: "Överenskommelse tilläggsbelopp", source: at(supplement, "Uppföljning"), firstYear: {year: startYear + 1, by: ANALYST, reason: "varje år följs det föregående årets utfall upp, så den första uppföljningen antas hållas året efter det första avtalsåret."}, day: FOLLOW_UP_DAY}]
          : [])
      ],
      seminar: {source: at(main, "Uppföljning"), every: 1, firstYear: startYear, day: SEMINAR_DAY},
      developmentFunds: {
        source: at(main, "Gemensamma utvecklingsmedel"),
        every: 1,
        firstYear: startYear,
        day: AT_SEMINAR("Utvecklingsmedlens uppföljning"),
        split: p.developmentFunds?.countyCode === code ? {regionPercent: p.developmentFunds.regionSharePercent, municipalPercent: p.developmentFunds.municipalSharePercent} : null
      },
      supplementaryAmount: hasSupplement
        ? {
            firstReconciliationYear: sa.band.validFrom,
            reconciliationSource: at(supplement, "Avstämning"),
            evaluation: {
              source: at(supplement, "Uppföljning"),
              every: sa.followUpEvery,
              firstYear: {year: sa.band.validFrom + sa.followUpEvery, by: ANALYST, reason: `avtalet säger vart ${sa.followUpEvery === 2 ? "annat" : `${sa.followUpEvery}:e`} år men inte från vilket år; den första utvärderingen antas komma efter ${sa.followUpEvery} hela år med avstämning.`},
              day: AT_SEMINAR("Utvärderingen av tilläggsbeloppet")
            },
            band: {validFrom: sa.band.validFrom, recomputeEvery: sa.band.recomputeEvery, baseFrom: sa.band.baseFrom, baseTo: sa.band.baseTo, source: at(supplement, "Normalvariation"), day: BAND_DAY}
          }
        : null,
      taxSwapReview:
        code === p.taxSwap.countyCode
          ? {startYear: p.taxSwap.startYear, every: p.taxSwap.reviewEvery, source: at(main, "Skatteväxling"), day: AT_SEMINAR("Skatteväxlingens uppföljning")}
          : {
              startYear: null,
              every: p.taxSwap.reviewEvery,
              source: at(main, "Skatteväxling"),
              day: AT_SEMINAR("Skatteväxlingens uppföljning"),
              note: `Länets egen skatteväxling är oförändrad och grunden för modellen, men när den gjordes och hur stor den är står inte i källmaterialet: inget uppföljningsår kan räknas fram.`
            },
      medtech:
        code === p.medtech.countyCode
          ? {
              fixed: {everyMonths: 6, source: at(main, "Medicinteknik, fast del"), by: ANALYST, reason: "avtalet säger att den fasta delen faktureras halvårsvis i förskott men inte vilken dag; datumet är halvårets första dag (senast då)."},
              variable: {everyMonths: 1, source: at(main, "Medicinteknik, rörlig del"), by: ANALYST, reason: "avtalet säger att den rörliga delen faktureras månadsvis men inte vilken dag; datumet är månadens sista dag (fakturan avser månadens uppdrag)."}
            }
          : null
    });
  }

  // The skatteväxling of another county (Västerbotten 2013): reviewed every n:th year from its first year.
  const swap = county(p.taxSwap.countyCode);
  if (swap && !agreements.some((a) => a.countyCode === swap.code)) {
    const document = `Hemsjukvårdens överföring till kommunerna i ${swap.name} ${p.taxSwap.startYear}`;
    agreements.push({
      id: `${swap.code}-${p.taxSwap.startYear}`,
      countyCode: swap.code,
      title: `Överföring av hemsjukvården till kommunerna i ${swap.name} ${p.taxSwap.startYear}`,
      status: null,
      validFrom: `${p.taxSwap.startYear}-01-01`,
      validTo: null,
      noticeMonths: null,
      prolongYears: null,
      termsSource: {document, section: `Överföring ${p.taxSwap.startYear}-01-01`},
      followUps: [],
      seminar: null,
      developmentFunds: null,
      supplementaryAmount: null,
      taxSwapReview: {
        startYear: p.taxSwap.startYear,
        every: p.taxSwap.reviewEvery,
        source: {document, section: "Uppföljning av skatteväxlingen"},
        day: {month: 9, day: 30, by: ANALYST, reason: `avtalet säger vart ${p.taxSwap.reviewEvery === 4 ? "fjärde" : `${p.taxSwap.reviewEvery}:e`} år men inte när på året; datumet är satt till 30 september, samma dag som seminariet antas hållas.`}
      },
      medtech: null
    });
  }
  return {agreements};
}
