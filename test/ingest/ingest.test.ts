// The ingest: every rule, every encoding and separator, exact line numbers, and accepted + rejected = read.
import {describe, expect, it, beforeAll} from "vitest";
import {execFileSync, spawnSync} from "node:child_process";
import {resolve} from "node:path";
import {checkFolder} from "../../loaders/cli/check.ts";
import type {IngestReport} from "../../loaders/ingest/ingest.ts";
import {dataFolder, windows1252} from "./helpers.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const fileReport = (r: IngestReport, file: string) => r.files.find((f) => f.file === file)!;
const issuesOf = (r: IngestReport, file: string) => r.issues.filter((i) => i.file === file).map((i) => ({line: i.line, column: i.column, value: i.value, rule: i.rule}));

describe("the embedded demo data", () => {
  it("is read without a single rejected row", async () => {
    const r = await checkFolder(dataFolder());
    expect(r.totals.rejected).toBe(0);
    expect(r.totals.read).toBe(r.totals.accepted);
    expect(r.dataset.demo).toBe(true);
    for (const f of r.files.filter((f) => f.present)) expect(f.read, f.file).toBeGreaterThan(0);
  });
});

describe("rejection rules", () => {
  // One broken file per family; each line breaks exactly one rule (line 1 is the header).
  const vaccination = [
    "kommunkod;säsong;målgrupp;vaccin;vaccinerade;målgrupp_antal",
    "2380;2023/24;sabo;covid-19;100;120", // 2 ok
    "9999;2023/24;sabo;covid-19;90;120", // 3 unknown municipality
    "2380;2023/24;hemtjanst;covid-19;130;120", // 4 vaccinated > target group
    "2380;2023/24;lss;covid-19;-1;120", // 5 negative count
    "2380;2023/24;sabo;covid-19;90;120", // 6 duplicate of line 2
    "2380;2023/24;sabo;influensa;2,5;120", // 7 not an integer
    "2380;2023/25;hemsjukvard;covid-19;1;2", // 8 invalid season
    "2380;2023/24;okänd;covid-19;1;2", // 9 unknown target group
    "2380;2023/24;hemsjukvard;covid-19;;2", // 10 missing value
    "2380;2023/24;hemsjukvard;influensa;1;2;3", // 11 too many fields
    "23800;2022/23;sabo;covid-19;1;2", // 12 malformed municipality code
    "2380;2022/23;sabo;covid-19;1;99999999" // 13 absurd value
  ].join("\n");
  const costs = [
    "kommunkod;år;kategori;huvudman;belopp_kr",
    "2380;2020;hemsjukvard_ordinart;kommun;1 234,50", // 2 ok (grouping space, decimal comma)
    "2380;20x0;hemsjukvard_sabo;kommun;100", // 3 invalid year
    "2380;2021;hemsjukvard_sabo;landsting;100", // 4 unknown principal
    "2380;2021;hemsjukvard_sabo;kommun;12,345", // 5 too many decimals
    "2380;2021;hemsjukvard_ordinart;kommun;-5", // 6 negative amount
    "2380;1850;hemsjukvard_ordinart;kommun;5" // 7 year out of range
  ].join("\n");
  const episodes = [
    "person_id;kommunkod;tjänst;start;slut",
    "A1;2480;korttid;2024-01-10;2024-02-01", // 2 ok
    "A2;2480;korttid;2024-02-30;", // 3 impossible date
    "A3;2480;korttid;2024-03-10;2024-03-01" // 4 end before start
  ].join("\n");
  let report: IngestReport;
  beforeAll(async () => {
    report = await checkFolder(dataFolder({"vaccination.csv": vaccination, "kostnader.csv": costs, "inskrivningar.csv": episodes}));
  });

  it("reports each broken vaccination row with its line, column, value and rule", () => {
    expect(issuesOf(report, "vaccination.csv")).toEqual([
      {line: 3, column: "kommunkod", value: "9999", rule: "okand_kommun"},
      {line: 4, column: "vaccinerade", value: "130", rule: "fler_vaccinerade_an_malgrupp"},
      {line: 5, column: "vaccinerade", value: "-1", rule: "negativt_varde"},
      {line: 6, column: "vaccin", value: "2380;2023/24;sabo;covid-19", rule: "dubblett"},
      {line: 7, column: "vaccinerade", value: "2,5", rule: "ogiltigt_heltal"},
      {line: 8, column: "säsong", value: "2023/25", rule: "ogiltig_sasong"},
      {line: 9, column: "målgrupp", value: "okänd", rule: "okant_varde"},
      {line: 10, column: "vaccinerade", value: null, rule: "saknat_varde"},
      {line: 11, column: "rad", value: "2380;2023/24;hemsjukvard;influensa;1;2;3", rule: "fel_antal_kolumner"},
      {line: 12, column: "kommunkod", value: "23800", rule: "ogiltig_kommunkod"},
      {line: 13, column: "målgrupp_antal", value: "99999999", rule: "orimligt_stort_varde"}
    ]);
    const f = fileReport(report, "vaccination.csv");
    expect([f.read, f.accepted, f.rejected]).toEqual([12, 1, 11]);
  });

  it("reports broken cost and episode rows, and accepts Swedish number formats", () => {
    expect(issuesOf(report, "kostnader.csv")).toEqual([
      {line: 3, column: "år", value: "20x0", rule: "ogiltigt_ar"},
      {line: 4, column: "huvudman", value: "landsting", rule: "okant_varde"},
      {line: 5, column: "belopp_kr", value: "12,345", rule: "ogiltigt_tal"},
      {line: 6, column: "belopp_kr", value: "-5", rule: "negativt_varde"},
      {line: 7, column: "år", value: "1850", rule: "ogiltigt_ar"}
    ]);
    expect(issuesOf(report, "inskrivningar.csv")).toEqual([
      {line: 3, column: "start", value: "2024-02-30", rule: "ogiltigt_datum"},
      {line: 4, column: "slut", value: "2024-03-01", rule: "slut_fore_start"}
    ]);
  });

  it("keeps accepted + rejected = read for every file", () => {
    for (const f of report.files) expect(f.accepted + f.rejected, f.file).toBe(f.read);
    expect(report.totals.accepted + report.totals.rejected).toBe(report.totals.read);
  });
});

describe("encodings and separators", () => {
  const header = "länskod;län;region;kommunkod;kommun";
  const rows = ["23;Jämtlands län;Region Jämtland Härjedalen;2321;Åre", "23;Jämtlands län;Region Jämtland Härjedalen;2361;Härjedalen"];
  const cases: [string, string | Buffer, string, string][] = [
    ["UTF-8 with ;", [header, ...rows].join("\n"), "utf-8", "semikolon"],
    ["UTF-8 with BOM and CRLF", "\uFEFF" + [header, ...rows].join("\r\n") + "\r\n", "utf-8-bom", "semikolon"],
    ["Windows-1252", windows1252([header, ...rows].join("\r\n")), "windows-1252", "semikolon"],
    ["comma separated", [header, ...rows].map((l) => l.replace(/;/g, ",")).join("\n"), "utf-8", "komma"],
    ["tab separated", [header, ...rows].map((l) => l.replace(/;/g, "\t")).join("\n"), "utf-8", "tabb"],
    ["Excel's sep= line", ["sep=;", header, ...rows].join("\n"), "utf-8", "semikolon"]
  ];
  for (const [name, content, encoding, delimiter] of cases) {
    it(`reads ${name} with Åre and Härjedalen intact`, async () => {
      const r = await checkFolder(dataFolder({"kommuner.csv": content}));
      const f = fileReport(r, "kommuner.csv");
      expect([f.encoding, f.delimiter, f.read, f.accepted]).toEqual([encoding, delimiter, 2, 2]);
      // Rows of other files that name municipalities no longer in kommuner.csv are reported, not dropped.
      expect(r.totals.accepted + r.totals.rejected).toBe(r.totals.read);
      expect(r.issues.some((i) => i.rule === "okand_kommun")).toBe(true);
    });
  }

  // Windows-1252 without a byte 0x80–0x9F is read by DuckDB as Latin-1 (no converted copy); with one
  // (here "–", 0x96, which Latin-1 would read as a control character) through the converted copy.
  // Either way the warehouse holds the same Swedish text.
  for (const [name, region] of [["without € – ” (read as Latin-1)", "Region Jämtland Härjedalen"], ["with an en dash (converted)", "Region Jämtland–Härjedalen"]]) {
    it(`stores Windows-1252 text intact, ${name}`, async () => {
      const content = windows1252([header, `23;Jämtlands län;${region};2321;Åre`, `23;Jämtlands län;${region};2361;Härjedalen`].join("\r\n"));
      const dir = dataFolder({"kommuner.csv": content});
      const {DuckDBInstance} = await import("@duckdb/node-api");
      const {ingestFolder} = await import("../../loaders/ingest/ingest.ts");
      const instance = await DuckDBInstance.create(":memory:");
      const conn = await instance.connect();
      const report = await ingestFolder(conn, dir, `${dir}/.work`);
      const rows = (await conn.runAndReadAll("SELECT municipality_name AS m, county_name AS c, region_name AS r FROM municipalities ORDER BY 1")).getRowObjectsJson();
      expect(rows).toEqual([
        {m: "Härjedalen", c: "Jämtlands län", r: region},
        {m: "Åre", c: "Jämtlands län", r: region}
      ]);
      expect(fileReport(report, "kommuner.csv").encoding).toBe("windows-1252");
      conn.closeSync();
      instance.closeSync();
    });
  }

  it("reads decimal commas in a comma-separated file when quoted, and a three-digit municipality code", async () => {
    const content = ["kommunkod,år,kategori,huvudman,belopp_kr", '2380,2020,a,kommun,"1 234,50"', "2380,2021,a,kommun,99.5"].join("\n");
    const r = await checkFolder(dataFolder({"kostnader.csv": content}));
    expect(fileReport(r, "kostnader.csv")).toMatchObject({read: 2, accepted: 2, rejected: 0, delimiter: "komma"});
  });
});

describe("line numbers", () => {
  it("stay exact across blank lines and quoted fields that span lines", async () => {
    const content = ["kommunkod;år;kategori;huvudman;belopp_kr", "2380;2020;a;kommun;1", "", '2380;2020;"b', 'c";kommun;1', "", "2380;2020;d;kommun;fem", "2380;2020;e;kommun;-1"].join("\n");
    const r = await checkFolder(dataFolder({"kostnader.csv": content}));
    expect(issuesOf(r, "kostnader.csv").map((i) => [i.line, i.rule])).toEqual([
      [7, "ogiltigt_tal"],
      [8, "negativt_varde"]
    ]);
    expect(fileReport(r, "kostnader.csv")).toMatchObject({read: 4, accepted: 2, rejected: 2});
  });
});

describe("files that cannot be used stop the build with one clear sentence", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ["an empty file", {"kostnader.csv": ""}, /kostnader\.csv: filen är tom/],
    ["a missing column", {"kostnader.csv": "kommunkod;år;kategori;belopp_kr\n2380;2020;a;1\n"}, /kostnader\.csv: kolumnen "huvudman" saknas/],
    ["a file of another family", {"kostnader.csv": "kommunkod;säsong;målgrupp;vaccin;vaccinerade;målgrupp_antal\n"}, /kostnader\.csv: filen ser ut att innehålla vaccinationstäckning/],
    ["one column only (wrong separator)", {"kostnader.csv": "kommunkod|år|kategori|huvudman|belopp_kr\n"}, /kostnader\.csv: kolumnerna .* saknas/],
    ["invalid parameters", {"parametrar.json": JSON.stringify({dataset: {label: "x", demo: false}})}, /parametrar\.json: fel i parametrarna/]
  ];
  for (const [name, files, message] of cases) {
    it(name, async () => {
      await expect(checkFolder(dataFolder(files))).rejects.toThrow(message);
    });
  }

  it("a header-only file is read as empty, with a note", async () => {
    const r = await checkFolder(dataFolder({"mt-uppdrag.csv": "kommunkod;datum;timmar;resekostnad_kr;material_kr\n"}));
    expect(fileReport(r, "mt-uppdrag.csv")).toMatchObject({read: 0, accepted: 0, rejected: 0});
    expect(fileReport(r, "mt-uppdrag.csv").warnings.join(" ")).toMatch(/bara en rubrikrad/);
  });
});

describe("episodes", () => {
  it("count a person once per year, however many stays", async () => {
    const episodes = ["person_id;kommunkod;tjänst;start;slut", "A;2480;korttid;2024-01-10;2024-01-20", "A;2480;korttid;2024-05-01;2024-05-20", "B;2480;korttid;2023-12-20;2024-01-05"].join("\n");
    const dir = dataFolder({"inskrivningar.csv": episodes});
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const {ingestFolder} = await import("../../loaders/ingest/ingest.ts");
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    await ingestFolder(conn, dir, `${dir}/.work`);
    const rows = (await conn.runAndReadAll("SELECT period, enrolled FROM enrolment WHERE service = 'korttid' ORDER BY period")).getRowObjectsJson();
    expect(rows).toEqual([
      {period: "2023", enrolled: "1"},
      {period: "2024", enrolled: "2"}
    ]);
    conn.closeSync();
    instance.closeSync();
  });
});

describe("npx samverkan check", () => {
  it("exits 1 and names the file and line of a broken row", () => {
    const dir = dataFolder({"vaccination.csv": "kommunkod;säsong;målgrupp;vaccin;vaccinerade;målgrupp_antal\n2380;2023/24;sabo;covid-19;130;120\n"});
    const run = spawnSync(process.execPath, [resolve(ROOT, "bin/samverkan.js"), "check", "--data", dir], {encoding: "utf8"});
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("vaccination.csv:2");
    expect(run.stdout).toContain("fler_vaccinerade_an_malgrupp");
  });

  it("exits 1 with one sentence for an unusable file, and 0 on the demo data", () => {
    const bad = spawnSync(process.execPath, [resolve(ROOT, "bin/samverkan.js"), "check", "--data", dataFolder({"kostnader.csv": ""})], {encoding: "utf8"});
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/kostnader\.csv: filen är tom/);
    const json = execFileSync(process.execPath, [resolve(ROOT, "bin/samverkan.js"), "check", "--json"], {encoding: "utf8"});
    expect(JSON.parse(json).totals.rejected).toBe(0);
  });
});
