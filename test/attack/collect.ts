/**
 * Reads a built site (dist/) as a reader would and feeds every published count of persons, percentage
 * and total to the attack (./solver.ts): the vaccination page's data, the comparison's county files,
 * the municipality profiles, the normal-variation files, the tilläggsbelopp data and the seminar
 * report's tables (the same sections the PDF prints). The true counts come from the raw warehouse
 * tables of the same data folder (not from the disclosure pass), so that the attack can say which
 * hidden cells it got back.
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {Attack} from "./solver.ts";

export interface Truth {
  municipalities: {code: string; name: string; county: string; countyName: string}[];
  vaccination: {code: string; season: string; group: string; vaccine: string; vaccinated: number; target: number}[];
  enrolment: {code: string; period: string; service: string; enrolled: number}[];
}

export interface AttackResult {
  /** Cells whose true count is sensitive by the policy (1 … threshold − 1, a small complement, 0 %/100 % in a small group). */
  sensitive: Map<string, number>;
  /** Cells a shipped file marks as hidden (null or ".." in the cell's place). */
  markedHidden: Set<string>;
  /** Sensitive or marked-hidden cells the attack recovered, with the value found and the true value. */
  recovered: {cell: string; found: number; truth: number | undefined}[];
  /** A figure derived from a hidden count that a file publishes anyway (a rate, coverage, change). */
  derivedLeaks: string[];
  /** Files and their kinds that were read (to see that the attack looked everywhere). */
  filesRead: string[];
  conflicts: string[];
  truth: Map<string, number>;
}

const V = (kind: "V" | "U" | "T", code: string, season: string, group: string, vaccine: string) => `${kind}|${code}|${season}|${group}|${vaccine}`;
const E = (code: string, period: string, service: string) => `E|${code}|${period}|${service}`;
const county = (c: string) => `län:${c}`;

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...filesBelow(p));
    else out.push(p);
  }
  return out;
}

/** "1 506" → 1506, "−3" → −3, ".." / "–" → null; "77,7 %" → 77.7. */
export function parseShown(s: string): number | null | "hidden" {
  const t = s.replace(/[\u00a0\u202f\s]/g, "").replace("−", "-").replace(/%$/, "").replace(",", ".");
  if (t === "..") return "hidden";
  if (t === "" || t === "–" || t === "-") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function attackBuild(dist: string, truth: Truth, policy: {threshold: number; allOrNoneBelow: number}): AttackResult {
  const a = new Attack();
  const files = filesBelow(join(dist, "_file", "data")).filter((f) => f.endsWith(".json"));
  const json = (re: RegExp) => files.filter((f) => re.test(f.slice(dist.length)));
  const read = (f: string) => JSON.parse(readFileSync(f, "utf8"));
  const filesRead: string[] = [];
  const markedHidden = new Set<string>();
  const derivedLeaks: string[] = [];
  const codeOfName = new Map(truth.municipalities.map((m) => [m.name, m.code]));
  const countyOfName = new Map(truth.municipalities.map((m) => [m.countyName, m.county]));
  const countyOf = new Map(truth.municipalities.map((m) => [m.code, m.county]));
  const place = (name: string) => codeOfName.get(name) ?? (countyOfName.has(name) ? county(countyOfName.get(name)!) : null);

  // ——— What a reader knows without any file: the sums. ———
  const truthValues = new Map<string, number>();
  const vGroups = new Map<string, string[]>();
  const allGroups = new Map<string, string[]>();
  for (const r of truth.vaccination) {
    const [v, u, t] = (["V", "U", "T"] as const).map((k) => V(k, r.code, r.season, r.group, r.vaccine));
    truthValues.set(v, r.vaccinated).set(u, r.target - r.vaccinated).set(t, r.target);
    a.sum([v, u], t);
    const c = countyOf.get(r.code);
    if (!c) continue;
    const ck = `${c}|${r.season}|${r.group}|${r.vaccine}`;
    (vGroups.get(ck) ?? vGroups.set(ck, []).get(ck)!).push(r.code);
    const ak = `${r.code}|${r.season}|${r.vaccine}`;
    (allGroups.get(ak) ?? allGroups.set(ak, []).get(ak)!).push(r.group);
  }
  for (const [ck, codes] of vGroups) {
    const [c, season, group, vaccine] = ck.split("|");
    for (const k of ["V", "U", "T"] as const) {
      a.sum(codes.map((code) => V(k, code, season, group, vaccine)), V(k, county(c), season, group, vaccine));
      truthValues.set(V(k, county(c), season, group, vaccine), codes.reduce((s, code) => s + truthValues.get(V(k, code, season, group, vaccine))!, 0));
    }
    a.sum([V("V", county(c), season, group, vaccine), V("U", county(c), season, group, vaccine)], V("T", county(c), season, group, vaccine));
  }
  for (const [ak, groups] of allGroups) {
    const [code, season, vaccine] = ak.split("|");
    for (const k of ["V", "T"] as const) a.sum(groups.map((g) => V(k, code, season, g, vaccine)), V(k, code, season, "*", vaccine));
  }
  const eGroups = new Map<string, string[]>();
  for (const r of truth.enrolment) {
    truthValues.set(E(r.code, r.period, r.service), r.enrolled);
    const c = countyOf.get(r.code);
    if (!c) continue;
    const k = `${c}|${r.period}|${r.service}`;
    (eGroups.get(k) ?? eGroups.set(k, []).get(k)!).push(r.code);
  }
  for (const [k, codes] of eGroups) {
    const [c, period, service] = k.split("|");
    a.sum(codes.map((code) => E(code, period, service)), E(county(c), period, service));
    truthValues.set(E(county(c), period, service), codes.reduce((s, code) => s + truthValues.get(E(code, period, service))!, 0));
  }

  // ——— The vaccination page. ———
  // One file per county (/vaccination/<lan>: null for a county without data).
  for (const f of json(/\/vaccination\/\d+\.[0-9a-f]+\.json$/)) {
    filesRead.push(f);
    const area = read(f);
    for (const c of area ? [area] : [])
      for (const t of c.tables) {
        const cell = (k: "V" | "U" | "T", code: string) => V(k, code, t.season, t.targetGroup, t.vaccine);
        for (const r of t.rows) {
          for (const [k, x] of [["V", r.vaccinated], ["U", r.unvaccinated], ["T", r.targetSize]] as const) {
            if (x == null) markedHidden.add(cell(k, r.code));
            else a.value(cell(k, r.code), x, "vaccination.json");
          }
          if (r.coverage != null) a.percent(cell("V", r.code), cell("T", r.code), r.coverage * 100, 4);
          else if (r.vaccinated != null && r.targetSize) derivedLeaks.push(`${f}: täckning saknas men antalen visas (${r.code})`);
          if (r.vaccinated == null && (r.coverage != null || r.changePoints != null || r.funnel != null)) derivedLeaks.push(`vaccination.json: ${r.code} ${t.season} ${t.targetGroup} ${t.vaccine}: dold men täckning/förändring visas`);
        }
        const cc = county(c.countyCode);
        for (const [k, x] of [["V", t.county.vaccinated], ["U", t.county.unvaccinated], ["T", t.county.targetSize]] as const) {
          if (x == null) markedHidden.add(cell(k, cc));
          else a.value(cell(k, cc), x, "vaccination.json (län)");
        }
        if (t.county.coverage != null) a.percent(cell("V", cc), cell("T", cc), t.county.coverage * 100, 4);
      }
  }

  // ——— Jämför kommuner: the county files, and the municipality profiles. ———
  for (const metaFile of json(/\/jamfor\/\d+\/meta\.[0-9a-f]+\.json$/)) {
    const meta = read(metaFile);
    const dir = metaFile.slice(0, metaFile.lastIndexOf("/"));
    const partFiles = files.filter((f) => f.startsWith(`${dir}/`) && !f.includes("/meta."));
    filesRead.push(metaFile, ...partFiles);
    const order: string[] = meta.municipalities.map((m: {code: string}) => m.code);
    for (const pf of partFiles) {
      const part = read(pf);
      // What "övriga kostnadsslag" holds (ovriga-kostnadsslag.json) has costs only, no series of counts.
      for (const [id, byPrices] of Object.entries<Record<string, Record<string, {v: (number | string | null)[][]}>>>(part.series ?? {})) {
        const info = meta.indicators.find((i: {id: string}) => i.id === id);
        for (const measures of Object.values(byPrices)) {
          const total = measures["totalt"];
          // A hidden count hides every figure made from it.
          for (const [mid, s] of Object.entries(measures))
            s.v.forEach((row, i) =>
              row.forEach((x, y) => {
                if (total && total.v[i][y] === ".." && typeof x === "number") derivedLeaks.push(`${pf}: ${id} ${mid} ${order[i]} ${info.yearLabels[y]} visas fast antalet är dolt`);
              })
            );
          const vm = /^vaccination-(.+)-([^-]+)$/.exec(id);
          const em = /^inskrivna-(.+)$/.exec(id);
          order.forEach((code, i) =>
            info.yearLabels.forEach((label: string, y: number) => {
              if (vm) {
                const [, vaccine, group] = vm;
                const t = total?.v[i][y];
                if (typeof t === "number") a.value(V("V", code, label, group, vaccine), t, `${pf} totalt`);
                else if (t === ".." && group !== "alla") markedHidden.add(V("V", code, label, group, vaccine));
                const p = measures["tackning"]?.v[i][y];
                if (typeof p === "number") a.percent(V("V", code, label, group === "alla" ? "*" : group, vaccine), V("T", code, label, group === "alla" ? "*" : group, vaccine), p, 1);
                if (typeof t === "number" && group === "alla") a.value(V("V", code, label, "*", vaccine), t, `${pf} totalt`);
              } else if (em) {
                const t = total?.v[i][y];
                if (typeof t === "number") a.value(E(code, label, em[1]), t, `${pf} totalt`);
                else if (t === "..") markedHidden.add(E(code, label, em[1]));
              }
            })
          );
        }
      }
    }
  }
  for (const f of json(/\/jamfor\/kommun-\d+\.[0-9a-f]+\.json$/)) {
    filesRead.push(f);
    const p = read(f);
    const code = p.municipality.code;
    for (const info of p.indicators) {
      const vm = /^vaccination-(.+)-([^-]+)$/.exec(info.id);
      if (!vm || info.profileMeasure !== "tackning") continue;
      const group = vm[2] === "alla" ? "*" : vm[2];
      const own: (number | string | null)[] = p.series[info.id]?.lopande?.own ?? [];
      own.forEach((x, y) => {
        if (typeof x === "number") a.percent(V("V", code, info.yearLabels[y], group, vm[1]), V("T", code, info.yearLabels[y], group, vm[1]), x, 1);
      });
    }
  }

  // ——— Normalvariation: every enrolment series, yearly and monthly. ———
  for (const f of json(/\/normalvariation\/\d+\.[0-9a-f]+\.json$/)) {
    filesRead.push(f);
    for (const s of read(f).series) {
      if (s.kind !== "enrolment") continue;
      const code = s.municipalityCode ?? county(s.countyCode);
      for (const p of s.yearly.points) {
        if (p.value == null) markedHidden.add(E(code, String(p.year), s.seriesId));
        else a.value(E(code, String(p.year), s.seriesId), p.value, `${f} år`);
      }
      for (const p of s.monthly?.points ?? []) a.value(E(code, p.period, s.seriesId), p.value, `${f} månad`);
    }
  }

  // ——— Tilläggsbelopp: the county's connected persons per year. ———
  for (const f of json(/\/tillaggsbelopp\.[0-9a-f]+\.json$/)) {
    filesRead.push(f);
    const t = read(f);
    for (const c of t.counts) a.value(E(county(t.county.code), String(c.year), t.parameters.service), c.count, "tillaggsbelopp.json");
    for (const y of t.years ?? []) if (y.count != null && y.countYear != null) a.value(E(county(t.county.code), String(y.countYear), t.parameters.service), y.count, "tillaggsbelopp.json (år)");
  }

  // ——— The seminar report (the page and the PDF print the same sections). ———
  // One file per county and year (/seminarium/<lan>/<year>).
  for (const f of json(/\/seminarium\/\d+\/\d{4}\.[0-9a-f]+\.json$/)) {
    filesRead.push(f);
    for (const r of [read(f)])
      for (const s of r.sections) {
        if (s.id === "inskrivna") {
          const [, cur, prev] = s.table.columns as string[];
          for (const row of s.table.rows as string[][]) {
            const where = place(row[0]);
            if (!where) continue;
            const cells = [E(where, cur, "hemsjukvard"), E(where, prev, "hemsjukvard")];
            [row[1], row[2]].forEach((x, j) => {
              const v = parseShown(x);
              if (v === "hidden") markedHidden.add(cells[j]);
              else if (v != null) a.value(cells[j], v, `${f} inskrivna`);
            });
            const ch = parseShown(row[3]);
            if (typeof ch === "number") a.ratio(cells[0], cells[1], 1 + (ch - 0.05) / 100, 1 + (ch + 0.05) / 100);
          }
        }
        if (s.id === "vaccination") {
          const season = /(\d{4}\/\d{2})/.exec(s.title)?.[1];
          if (!season) continue;
          for (const row of s.table.rows as string[][]) {
            const where = place(row[0]);
            if (!where) continue;
            const [vv, tt, cc] = [parseShown(row[1]), parseShown(row[2]), parseShown(row[3])];
            const cell = (k: "V" | "T") => V(k, where, season, "sabo", "covid-19");
            if (vv === "hidden") markedHidden.add(cell("V"));
            else if (vv != null) a.value(cell("V"), vv, `${f} vaccination`);
            if (tt === "hidden") markedHidden.add(cell("T"));
            else if (tt != null) a.value(cell("T"), tt, `${f} vaccination`);
            if (typeof cc === "number") a.percent(cell("V"), cell("T"), cc, 1);
          }
        }
      }
  }

  // ——— What the policy protects: the sensitive cells of the true data. ———
  const sensitive = new Map<string, number>();
  const small = (n: number) => n >= 1 && n < policy.threshold;
  for (const [cell, x] of truthValues) if (small(x)) sensitive.set(cell, x);
  for (const r of truth.vaccination)
    if (policy.allOrNoneBelow > 0 && r.target > 0 && r.target < policy.allOrNoneBelow && (r.vaccinated === 0 || r.vaccinated === r.target)) {
      sensitive.set(V("V", r.code, r.season, r.group, r.vaccine), r.vaccinated);
      sensitive.set(V("U", r.code, r.season, r.group, r.vaccine), r.target - r.vaccinated);
    }

  const solved = a.solve();
  const targets = new Set([...sensitive.keys(), ...markedHidden]);
  const recovered = [...targets].filter((c) => solved.has(c)).map((c) => ({cell: c, found: solved.get(c)!, truth: truthValues.get(c)}));
  return {sensitive, markedHidden, recovered, derivedLeaks, filesRead, conflicts: a.conflicts, truth: truthValues};
}
