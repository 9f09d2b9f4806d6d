/**
 * `npm run bench:data [-- DIR]`: a deterministic national-scale synthetic data set, written outside the
 * repo (default /tmp/samverkan-national): 290 municipalities in 21 counties, 2013–2025, 10 million dose
 * records, 2 million enrolment episodes, 5 million ledger lines, 200 000 device rows.
 * DuckDB writes it: pseudo-random values come from hash(row number, salt), so every run gives the
 * same bytes on every machine.
 *
 * `--messy` writes some files the way real exports often are, so that the ingest's slow paths are
 * measured too: vaccinationsdoser.csv with CRLF line ends and a BOM, kostnader-huvudbok.csv and
 * mt-uppdrag.csv with decimal commas, kostnader-huvudbok.csv and inskrivningar.csv in Windows-1252
 * (and CRLF), kommuner.csv with a BOM, utvecklingsmedel.csv with quoted fields holding ";" and line
 * breaks. The figures are the same as without it.
 */
import {copyFile, cp, mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {createReadStream, createWriteStream} from "node:fs";
import {join, resolve} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ROOT} from "../loaders/warehouse.ts";

const messy = process.argv.includes("--messy");
const out = resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? process.env.SAMVERKAN_BENCH_DATA ?? "/tmp/samverkan-national");
const scale = Number(process.env.BENCH_SCALE ?? 1);
const N = {doses: Math.round(10_000_000 * scale), episodes: Math.round(2_000_000 * scale), ledger: Math.round(5_000_000 * scale), devices: Math.round(200_000 * scale)};

// SCB county codes and how many municipalities each has (290 in all).
const COUNTIES: [string, string, number][] = [
  ["01", "Stockholms län", 26], ["03", "Uppsala län", 8], ["04", "Södermanlands län", 9], ["05", "Östergötlands län", 13],
  ["06", "Jönköpings län", 13], ["07", "Kronobergs län", 8], ["08", "Kalmar län", 12], ["09", "Gotlands län", 1],
  ["10", "Blekinge län", 5], ["12", "Skåne län", 33], ["13", "Hallands län", 6], ["14", "Västra Götalands län", 49],
  ["17", "Värmlands län", 16], ["18", "Örebro län", 12], ["19", "Västmanlands län", 10], ["20", "Dalarnas län", 15],
  ["21", "Gävleborgs län", 10], ["22", "Västernorrlands län", 7], ["23", "Jämtlands län", 8], ["24", "Västerbottens län", 15],
  ["25", "Norrbottens län", 14]
];

await mkdir(out, {recursive: true});
// A decimal number as the export writes it: with a decimal comma when messy (DuckDB writes a point).
const money = (sql: string) => (messy ? `replace(CAST(CAST(${sql} AS DECIMAL(18, 2)) AS VARCHAR), '.', ',')` : sql);
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
const run = (sql: string) => c.run(sql);
const csv = (name: string) => `'${join(out, name)}'`;
// u(i, salt): a uniform number in [0, 1) from the row number, the same on every run.
await run(`CREATE MACRO u(i, salt) AS (hash(i * 7919 + salt) % 1000003) / 1000003.0`);

const real = (await readFile(join(ROOT, "data", "kommuner.csv"), "utf8")).trim().split("\n").slice(1).map((l) => l.split(";"));
const municipalities: string[][] = [];
for (const [code, name, count] of COUNTIES) {
  const known = real.filter((r) => r[0] === code);
  for (let k = 0; k < count; k++) {
    const r = known[k];
    municipalities.push(r ? [code, name, r[2], r[3], r[4]] : [code, name, `Region ${name.replace(" län", "")}`, `${code}${String(10 + k).padStart(2, "0")}`, `Syntetkommun ${code}${String(10 + k).padStart(2, "0")}`]);
  }
}
await writeFile(join(out, "kommuner.csv"), ["länskod;län;region;kommunkod;kommun", ...municipalities.map((m) => m.join(";"))].join("\n") + "\n");
await run(`CREATE TABLE m AS SELECT * FROM read_csv(${csv("kommuner.csv")}, delim=';', header=true, all_varchar=true)`);
await run(`CREATE TABLE mi AS SELECT row_number() OVER (ORDER BY kommunkod) - 1 AS k, kommunkod, 3000 + CAST(u(row_number() OVER (ORDER BY kommunkod), 1) ^ 3 * 200000 AS INTEGER) AS pop FROM m`);
const M = municipalities.length;

await run(`COPY (SELECT kommunkod, y AS "år", band AS "åldersgrupp", CAST(pop * CASE band WHEN '0-64' THEN 0.78 WHEN '65-79' THEN 0.16 ELSE 0.06 END * (1 + 0.005 * (y - 2013)) AS INTEGER) AS antal
  FROM mi, range(2013, 2026) t(y), (VALUES ('0-64'), ('65-79'), ('80+')) b(band) ORDER BY ALL) TO ${csv("befolkning.csv")} (HEADER, DELIMITER ';')`);
await run(`COPY (SELECT kommunkod, y AS "år", round(0.7 + u(k, 2) * 1.1, 4) AS glesbygd, round(0.85 + u(k, 3) * 0.3, 4) AS socioekonomi FROM mi, range(2013, 2026) t(y) ORDER BY ALL) TO ${csv("fordelningsfaktorer.csv")} (HEADER, DELIMITER ';')`);
await run(`COPY (SELECT kommunkod, y AS "år", CAST(CAST(pop AS BIGINT) * 170000 * 1.03 ^ (y - 2013) AS BIGINT) AS skatteunderlag_kr FROM mi, range(2013, 2026) t(y) ORDER BY ALL) TO ${csv("skatteunderlag.csv")} (HEADER, DELIMITER ';')`);
await writeFile(join(out, "skattevaxling.csv"), "länskod;från_år;öre\n" + COUNTIES.map(([code]) => `${code};2013;20\n${code};2016;25\n`).join(""));
await run(`COPY (SELECT kommunkod, y AS "år", cat AS kategori, 'kommun' AS huvudman, round(pop * 900 * (1 + u(k * 13 + y, 4) * 0.2), 2) AS belopp_kr
  FROM mi, range(2013, 2026) t(y), (VALUES ('hjalpmedel')) c(cat) ORDER BY ALL) TO ${csv("kostnader.csv")} (HEADER, DELIMITER ';')`);

// 5 million ledger lines: municipality, year, month, account, principal, amount.
await run(`COPY (SELECT mi.kommunkod, 2013 + (i // 12) % 13 AS "år", 1 + i % 12 AS "månad",
    (['hemsjukvard_ordinart', 'hemsjukvard_sabo', 'lakarmedverkan', 'palliativ_specialiserad'])[1 + CAST(u(i, 5) * 4 AS INTEGER) % 4] AS konto,
    CASE WHEN u(i, 6) < 0.8 THEN 'kommun' ELSE 'region' END AS huvudman,
    ${money("round((u(i, 7) - 0.03) * 40000, 2)")} AS belopp_kr
  FROM range(${N.ledger}) t(i) JOIN mi ON mi.k = (i // 156) % ${M}) TO ${csv("kostnader-huvudbok.csv")} (HEADER, DELIMITER ';')`);

// 2 million enrolment episodes.
await run(`COPY (SELECT 'E' || lpad(CAST(i // 2 AS VARCHAR), 8, '0') AS person_id, mi.kommunkod,
    (['hemsjukvard', 'sabo', 'korttid', 'palliativ'])[1 + CAST(u(i, 8) * 4 AS INTEGER) % 4] AS "tjänst",
    DATE '2013-01-01' + CAST(u(i, 9) * 4700 AS INTEGER) AS start,
    CASE WHEN u(i, 10) < 0.1 THEN NULL ELSE DATE '2013-01-01' + CAST(u(i, 9) * 4700 AS INTEGER) + CAST(5 + u(i, 11) * 300 AS INTEGER) END AS slut
  FROM range(${N.episodes}) t(i) JOIN mi ON mi.k = (i // 2) % ${M}) TO ${csv("inskrivningar.csv")} (HEADER, DELIMITER ';')`);

// 10 million dose records over five seasons, and the target groups they come from.
await run(`COPY (SELECT 'V' || lpad(CAST(i // 3 AS VARCHAR), 9, '0') AS person_id, mi.kommunkod,
    (['sabo', 'hemsjukvard', 'hemtjanst', 'lss'])[1 + (i // 3) % 4] AS "målgrupp",
    CASE WHEN i % 3 = 0 THEN 'influensa' ELSE 'covid-19' END AS vaccin,
    DATE '2020-09-01' + CAST(365 * (i % 5) + u(i, 12) * 150 + CASE WHEN i % 3 = 2 THEN 1 ELSE 0 END AS INTEGER) AS datum
  FROM range(${N.doses}) t(i) JOIN mi ON mi.k = (i // 3 // 4) % ${M}) TO ${csv("vaccinationsdoser.csv")} (HEADER, DELIMITER ';')`);
await run(`COPY (SELECT municipality_code AS kommunkod, season AS "säsong", target_group AS "målgrupp", vaccine AS vaccin, vaccinated AS vaccinerade, CAST(vaccinated * 1.25 AS INTEGER) + 1 AS "målgrupp_antal"
  FROM (SELECT kommunkod AS municipality_code, CAST(year(datum) - CASE WHEN month(datum) < 7 THEN 1 ELSE 0 END AS VARCHAR) || '/' || right(CAST(year(datum) + CASE WHEN month(datum) < 7 THEN 0 ELSE 1 END AS VARCHAR), 2) AS season,
          "målgrupp" AS target_group, vaccin AS vaccine, count(DISTINCT person_id) AS vaccinated
        FROM read_csv(${csv("vaccinationsdoser.csv")}, delim=';', header=true) GROUP BY ALL) ORDER BY ALL) TO ${csv("vaccination.csv")} (HEADER, DELIMITER ';')`);

// 200 000 device rows.
await run(`COPY (SELECT 'MT' || lpad(CAST(i AS VARCHAR), 7, '0') AS utrustnings_id, mi.kommunkod,
    DATE '2010-01-01' + CAST(u(i, 13) * 5600 AS INTEGER) AS registrerad,
    CASE WHEN u(i, 14) < 0.7 THEN NULL ELSE DATE '2010-01-01' + CAST(u(i, 13) * 5600 AS INTEGER) + CAST(30 + u(i, 15) * 3000 AS INTEGER) END AS avregistrerad
  FROM range(${N.devices}) t(i) JOIN mi ON mi.k = i % ${M}) TO ${csv("mt-utrustning.csv")} (HEADER, DELIMITER ';')`);

// 200 000 medtech jobs (the file one row is appended to in the incremental bench).
await run(`COPY (SELECT mi.kommunkod, DATE '2013-01-01' + CAST(u(i, 16) * 4700 AS INTEGER) AS datum,
    ${money("0.25 * (1 + CAST(u(i, 17) * 32 AS INTEGER))")} AS timmar, ${money("round(u(i, 18) * 900, 2)")} AS resekostnad_kr, ${money("round(u(i, 19) * u(i, 20) * 6000, 2)")} AS material_kr
  FROM range(${Math.round(200_000 * scale)}) t(i) JOIN mi ON mi.k = i % ${M}) TO ${csv("mt-uppdrag.csv")} (HEADER, DELIMITER ';')`);

// Development funds: a few projects per county; when messy, names with ";" and a line break, quoted.
const projects: string[] = ["länskod;projekt;år;budget_kr;utfall_kr;regionens_andel_procent;kommunernas_andel_procent"];
for (const [code] of COUNTIES)
  for (let p = 1; p <= 3; p++)
    for (let y = 2021; y <= 2025; y++) {
      const name = messy ? `"Projekt ${p}; hemsjukvård\nfas ""${y - 2020}"""` : `Projekt ${p} hemsjukvård fas ${y - 2020}`;
      projects.push(`${code};${name};${y};${messy ? "400000,00" : "400000.00"};${messy ? "321467,50" : "321467.50"};50;50`);
    }
await writeFile(join(out, "utvecklingsmedel.csv"), projects.join("\n") + "\n");

if (messy) {
  await rewrite("vaccinationsdoser.csv", {crlf: true, bom: true});
  await rewrite("kostnader-huvudbok.csv", {crlf: true, windows1252: true});
  await rewrite("inskrivningar.csv", {crlf: true, windows1252: true});
  await rewrite("mt-uppdrag.csv", {crlf: true});
  await rewrite("kommuner.csv", {bom: true});
}

/** Rewrites a written file with CRLF line ends, a BOM and/or in Windows-1252, streaming. */
async function rewrite(name: string, how: {crlf?: boolean; bom?: boolean; windows1252?: boolean}): Promise<void> {
  const path = join(out, name);
  const tmp = `${path}.messy`;
  const sink = createWriteStream(tmp);
  const decoder = new TextDecoder("utf-8");
  const write = (b: Buffer) => (sink.write(b) ? Promise.resolve() : new Promise<void>((r) => sink.once("drain", () => r())));
  if (how.bom) await write(Buffer.from([0xef, 0xbb, 0xbf]));
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 22})) {
    let text = decoder.decode(chunk as Buffer, {stream: true});
    if (how.crlf) text = text.replace(/\n/g, "\r\n");
    // Every character written here is in Latin-1, which Windows-1252 agrees with (å, ä, ö).
    await write(Buffer.from(text, how.windows1252 ? "latin1" : "utf8"));
  }
  await new Promise<void>((r, j) => sink.end((e?: Error) => (e ? j(e) : r())));
  await rename(tmp, path);
}

await copyFile(join(ROOT, "data", "prisindex.csv"), join(out, "prisindex.csv"));
const params = JSON.parse(await readFile(join(ROOT, "data", "parametrar.json"), "utf8"));
params.dataset = {label: "Syntetisk nationell testdata", demo: true, description: "Påhittade data för hela landet (290 kommuner) för prestandamätning.", source: "bench/generate-national.ts"};
await writeFile(join(out, "parametrar.json"), JSON.stringify(params, null, 2) + "\n");
await cp(join(ROOT, "data", "avtal"), join(out, "avtal"), {recursive: true});
c.closeSync();
db.closeSync();
console.error(`Skrev nationell testdata till ${out}`);
