/**
 * `npx samverkan kalender [--county NN] [--ics FIL] [--idag ÅÅÅÅ-MM-DD] [--data MAPP] [--json]`: the
 * calendar of obligations, the same as on the page /kalender (the same report): per month, from today,
 * with the days left, the kind, whether the date is agreed, computed or assumed, and the clause.
 * `--ics` also writes the calendar file (RFC 5545) that Outlook and Google Calendar import.
 */
import {writeFile} from "node:fs/promises";
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {openWarehouse} from "../../warehouse.ts";
import {calendarReport, isoDay} from "../../reports/calendar.ts";
import {calendarIcs} from "../../reports/calendar-ics.ts";
import {DATE_KIND_LABEL, KIND_LABEL, daysBetween, monthName, nextDeadline, daysLeftText} from "../../models/obligations.ts";
import {textTable} from "../text-table.ts";

export const command: Command = {
  name: "kalender",
  usage: "kalender [--county LÄNSKOD] [--ics FIL] [--idag ÅÅÅÅ-MM-DD] [--data MAPP] [--json]",
  summary: "Avtalets åtaganden med datum: uppsägning, avstämning, uppföljning, seminarium, MT-fakturor",
  async run({dir, json, flags}) {
    const today = flagString(flags, "idag") ?? isoDay(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
      process.stderr.write(`--idag ska vara ett datum ÅÅÅÅ-MM-DD (fick "${today}").\n`);
      return 2;
    }
    const wh = await openWarehouse(dir);
    let report;
    try {
      report = await calendarReport(wh, today);
    } finally {
      wh.close();
    }
    const county = flagString(flags, "county") ?? flagString(flags, "lan") ?? null;
    if (county && !report.counties.some((c) => c.code === county)) {
      process.stderr.write(`Län ${county} har inget avtal med åtaganden i datamappen (län med avtal: ${report.counties.map((c) => `${c.code} ${c.name}`).join(", ") || "inga"}).\n`);
      return 1;
    }
    const mine = <T extends {countyCode: string}>(list: readonly T[]) => list.filter((x) => !county || x.countyCode === county);
    const ahead = mine(report.obligations).filter((o) => o.date >= today);
    const ics = flagString(flags, "ics");
    if (ics) await writeFile(ics, calendarIcs(report, county), "utf8");

    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            dataset: report.dataset,
            today,
            to: report.to,
            countyCode: county,
            counties: report.counties,
            agreements: mine(report.agreements),
            next: nextDeadline(ahead, today),
            obligations: ahead.map((o) => ({...o, daysLeft: daysBetween(today, o.date)})),
            undated: mine(report.undated),
            ics: ics ?? null
          },
          null,
          2
        ) + "\n"
      );
      return 0;
    }

    const name = (code: string) => report.counties.find((c) => c.code === code)?.name ?? code;
    const out: string[] = [];
    if (report.dataset.demo) out.push(`${report.dataset.label}: ${report.dataset.description}`, "");
    out.push(`Åtaganden enligt avtalen${county ? `, ${name(county)}` : ""}, från ${today} till ${report.to}`, "");
    for (const a of mine(report.agreements)) {
      const status = a.status ? ` Status: ${a.status}.` : "";
      const runs = a.validTo
        ? ` Giltig ${a.validFrom} – ${a.validTo}${a.prolonged ? `; utan uppsägning förlängd till ${a.runsTo}` : ""}. Sista dag för uppsägning: ${a.nextNoticeBy ?? "–"}.`
        : ` Gäller från ${a.validFrom} tills vidare.`;
      out.push(`${a.countyName}: ${a.title}.${runs}${status}`);
    }
    const next = nextDeadline(ahead, today);
    if (next) out.push("", `Nästa tidsfrist: ${next.obligation.title}, ${next.obligation.date} (${daysLeftText(next.days)})${next.obligation.dateKind === "antagande" ? ", antaget datum" : ""}.`);
    const months = [...new Set(ahead.map((o) => o.date.slice(0, 7)))];
    for (const m of months) {
      const rows = ahead.filter((o) => o.date.startsWith(m));
      out.push("", `${monthName(Number(m.slice(5)))[0].toUpperCase()}${monthName(Number(m.slice(5))).slice(1)} ${m.slice(0, 4)}`);
      out.push(
        textTable(
          ["Datum", "Dagar kvar", ...(county ? [] : ["Län"]), "Slag", "Åtagande", "Datumet är", "Källa"],
          rows.map((o) => [o.date, String(daysBetween(today, o.date)), ...(county ? [] : [name(o.countyCode)]), KIND_LABEL[o.kind], o.title, DATE_KIND_LABEL[o.dateKind], `${o.source.section}`]),
          [false, true, ...(county ? [] : [false]), false, false, false, false]
        )
      );
    }
    if (!ahead.length) out.push("", `Inga åtaganden med datum från ${today} till ${report.to}.`);
    const undated = mine(report.undated);
    if (undated.length) {
      out.push("", "Utan datum:");
      for (const u of undated) out.push(`- ${name(u.countyCode)}: ${u.title}. ${u.detail} (${u.source.document}, avsnitt "${u.source.section}")`);
    }
    out.push(
      "",
      "Datumet är avtalat (står i avtalet), beräknat (ur en regel i avtalet, t.ex. giltighetstidens slut − 12 månaders uppsägningstid) eller antagande (avtalet anger rytmen men inte dagen). Skälen står i --json och i kalenderfilen."
    );
    if (ics) out.push(`Kalenderfilen skrevs till ${ics}.`);
    process.stdout.write(out.join("\n").replace(/[\u00a0\u202f]/g, " ") + "\n");
    return 0;
  }
};
