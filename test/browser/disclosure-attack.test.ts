// The whole build attacked as a careful reader would (issue #16): every data file the site ships
// (vaccination, comparison, profiles, normal variation, tilläggsbelopp, the seminar report that the
// PDF prints), every published count, percentage and total, sums across municipalities, target groups
// and the county, percentages × denominators, and other pages' files. Passes only if cells ARE hidden
// (the Vindeln case of the issue among them) and none comes back. Run on the demo build (dist/) and on
// a generated data set with many small groups, built into a temporary folder.
import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {DIST} from "./harness.ts";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {queryRows} from "../../loaders/ingest/sql.ts";
import {attackBuild, type Truth} from "../attack/collect.ts";
import {Attack} from "../attack/solver.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

async function readTruth(dataDir: string): Promise<{truth: Truth; policy: {threshold: number; allOrNoneBelow: number}}> {
  const wh = await openWarehouse(dataDir);
  try {
    const municipalities = await queryRows<Truth["municipalities"][number]>(wh.connection, `SELECT municipality_code AS code, municipality_name AS name, county_code AS county, county_name AS "countyName" FROM municipalities`);
    // The raw tables of the ingest, not the protected ones: the truth the attack tries to recover.
    const vaccination = (await queryRows<{code: string; season: string; group: string; vaccine: string; vaccinated: string; target: string}>(
      wh.connection,
      `SELECT municipality_code AS code, season, target_group AS "group", vaccine, CAST(vaccinated AS VARCHAR) AS vaccinated, CAST(target_size AS VARCHAR) AS target FROM vaccination`
    )).map((r) => ({...r, vaccinated: Number(r.vaccinated), target: Number(r.target)}));
    const enrolment = (await queryRows<{code: string; period: string; service: string; n: string}>(
      wh.connection,
      `SELECT municipality_code AS code, period, service, CAST(sum(enrolled) AS VARCHAR) AS n FROM enrolment GROUP BY ALL`
    )).map((r) => ({code: r.code, period: r.period, service: r.service, enrolled: Number(r.n)}));
    return {truth: {municipalities, vaccination, enrolment}, policy: {threshold: wh.parameters.suppressionThreshold, allOrNoneBelow: wh.parameters.suppressionAllOrNoneBelow}};
  } finally {
    wh.close();
  }
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? filesBelow(join(dir, e)) : [join(dir, e)]));
}

/** Nothing shipped names the build machine's folders (issue #16 item 4). */
function absolutePaths(dist: string, dataDir: string): string[] {
  return filesBelow(dist)
    .filter((f) => /\.(json|html|csv|js|txt)$/.test(f) && !f.includes("/_node/") && !f.includes("/_observablehq/"))
    .filter((f) => {
      const t = readFileSync(f, "utf8");
      return t.includes(dataDir) || t.includes(ROOT);
    });
}

async function attack(dist: string, dataDir: string) {
  const {truth, policy} = await readTruth(dataDir);
  return {result: attackBuild(dist, truth, policy), truth};
}

describe("the attack itself finds what a leaky site would give away", () => {
  it("a total minus the others, and a rounded percentage times its denominator", () => {
    const a = new Attack();
    a.sum(["V|a", "V|b", "V|c"], "V|län");
    a.value("V|a", 40, "x");
    a.value("V|b", 3 + 40, "x");
    a.value("V|län", 40 + 43 + 3, "x");
    // The case: 96,4 % of 84 gives 81 (80,93 … 81,02), so 3 unvaccinated.
    a.sum(["V|v", "U|v"], "T|v");
    a.value("T|v", 84, "x");
    a.percent("V|v", "T|v", 96.4, 1);
    const solved = a.solve();
    expect(solved.get("V|c")).toBe(3);
    expect(solved.get("V|v")).toBe(81);
    expect(solved.get("U|v")).toBe(3);
  });
  it("two hidden cells in every line stay hidden", () => {
    const a = new Attack();
    // 2 × 2 hidden block inside a 3 × 3 table with all totals published.
    const cell = (i: number, j: number) => `c${i}${j}`;
    const x = [[3, 2, 20], [1, 4, 30], [10, 10, 10]];
    for (let i = 0; i < 3; i++) a.sum([0, 1, 2].map((j) => cell(i, j)), `r${i}`);
    for (let j = 0; j < 3; j++) a.sum([0, 1, 2].map((i) => cell(i, j)), `k${j}`);
    x.forEach((row, i) => a.value(`r${i}`, row.reduce((s, v) => s + v, 0), "x"));
    [0, 1, 2].forEach((j) => a.value(`k${j}`, x.reduce((s, r) => s + r[j], 0), "x"));
    x.forEach((row, i) => row.forEach((v, j) => (i < 2 && j < 2 ? null : a.value(cell(i, j), v, "x"))));
    const solved = a.solve();
    expect(["c00", "c01", "c10", "c11"].filter((c) => solved.has(c))).toEqual([]);
  });
});

describe("the whole demo build: no hidden cell comes back", () => {
  it("hides the issue's cells and every small count, and the attack recovers none", async () => {
    const {result} = await attack(DIST, process.env.SAMVERKAN_DATA ? resolve(process.env.SAMVERKAN_DATA) : join(ROOT, "data"));
    // Non-vacuous: the attack read every kind of file, and cells are hidden.
    for (const kind of ["/vaccination/24.", "/jamfor/24/ovriga.", "/jamfor/kommun-2404.", "/normalvariation/23.", "tillaggsbelopp.", "/seminarium/23/"]) expect(result.filesRead.some((f) => f.includes(kind)), kind).toBe(true);
    // The case: Vindeln, covid-19 in SÄBO 2024/25 (81 of 84): hidden, and not recovered.
    expect(result.markedHidden.has("V|2404|2024/25|sabo|covid-19")).toBe(true);
    expect(result.markedHidden.has("U|2404|2024/25|sabo|covid-19")).toBe(true);
    expect(result.sensitive.size).toBeGreaterThan(100);
    expect([...result.sensitive.keys()].filter((c) => result.markedHidden.has(c)).length).toBeGreaterThan(100);
    expect(result.markedHidden.size).toBeGreaterThan(270);
    expect(result.conflicts).toEqual([]);
    expect(result.derivedLeaks).toEqual([]);
    expect(result.recovered).toEqual([]);
  }, 120_000);

  it("ships no absolute path of the build machine", () => {
    expect(absolutePaths(DIST, join(ROOT, "data"))).toEqual([]);
  });
});

// ——— A data set with many small groups ———

/** mulberry32: the same numbers on every machine. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo folder with vaccination and enrolment counts replaced by small groups: target groups of
 * 1–60 (a third under 10), coverage often 0 %, 100 % or one short of it; enrolment counts of 0–12.
 * The rows (keys) are the demo's; only the counts change.
 */
export function smallGroupsData(seed = 16): string {
  const dir = mkdtempSync(join(tmpdir(), "samverkan-small-"));
  cpSync(join(ROOT, "data"), dir, {recursive: true});
  const random = rng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const vacc = readFileSync(join(dir, "vaccination.csv"), "utf8").trimEnd().split("\n");
  const vOut = [vacc[0]];
  for (const line of vacc.slice(1)) {
    const f = line.split(";");
    const target = random() < 0.33 ? 1 + pick(9) : 10 + pick(51);
    const r = random();
    const vaccinated = r < 0.15 ? target : r < 0.25 ? 0 : r < 0.45 ? Math.max(0, target - 1 - pick(3)) : r < 0.6 ? Math.min(target, 1 + pick(4)) : pick(target + 1);
    f[4] = String(vaccinated);
    f[5] = String(target);
    vOut.push(f.join(";"));
  }
  writeFileSync(join(dir, "vaccination.csv"), vOut.join("\n") + "\n");
  const ins = readFileSync(join(dir, "inskrivna.csv"), "utf8").trimEnd().split("\n");
  writeFileSync(
    join(dir, "inskrivna.csv"),
    [ins[0], ...ins.slice(1).map((line) => {
      const f = line.split(";");
      f[3] = String(random() < 0.2 ? 0 : pick(13));
      return f.join(";");
    })].join("\n") + "\n"
  );
  return dir;
}

describe("a build of a data set with many small groups: no hidden cell comes back", () => {
  it("hides many cells and the attack recovers none", async () => {
    const data = smallGroupsData();
    const out = mkdtempSync(join(tmpdir(), "samverkan-dist-small-"));
    execFileSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/build.ts", "build"], {
      cwd: ROOT,
      env: {...process.env, SAMVERKAN_DATA: data, SAMVERKAN_OUT: out},
      stdio: "pipe"
    });
    const {result} = await attack(out, data);
    expect(result.filesRead.some((f) => f.includes("/vaccination/"))).toBe(true);
    expect(result.sensitive.size).toBeGreaterThan(500);
    expect([...result.sensitive.keys()].filter((c) => result.markedHidden.has(c)).length).toBeGreaterThan(300);
    expect(result.conflicts).toEqual([]);
    expect(result.derivedLeaks).toEqual([]);
    expect(result.recovered).toEqual([]);
    expect(absolutePaths(out, data)).toEqual([]);
  }, 600_000);
});
