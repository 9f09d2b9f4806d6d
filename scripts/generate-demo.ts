/**
 * Writes the embedded demo data set into data/ (or the folder given as first argument).
 * Deterministic: a fixed seed, no clock. The codes, names and agreement figures are real (DOMAIN.md);
 * costs, counts and coverage are invented but plausible, and the data set says "Demodata" everywhere.
 *
 *   npx tsx scripts/generate-demo.ts [dir]
 */
import {cp, mkdir, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";

const out = resolve(process.argv[2] ?? "data");
const FIRST = 2013;
const LAST = 2025;
const years = Array.from({length: LAST - FIRST + 1}, (_, i) => FIRST + i);

// mulberry32: small, fast, and the same sequence on every machine.
let seed = 20130101;
function random(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const noise = (sd: number) => (random() + random() + random() - 1.5) * 2 * sd; // ~normal, bounded
const round = (x: number) => Math.round(x);

interface Municipality {
  county: string;
  code: string;
  name: string;
  /** Population 2013 (invented, of the right order). */
  pop: number;
  /** Share 65–79 and 80+ in 2013. */
  s65: number;
  s80: number;
  sparsity: number;
  gni: number;
}

const COUNTIES: Record<string, {name: string; region: string}> = {
  "23": {name: "Jämtlands län", region: "Region Jämtland Härjedalen"},
  "24": {name: "Västerbottens län", region: "Region Västerbotten"}
};

// [county, code, name, population, share 65–79, share 80+, sparsity, GNI index]
const M: Municipality[] = (
  [
    ["23", "2303", "Ragunda", 5400, 0.2, 0.085, 1.45, 1.12],
    ["23", "2305", "Bräcke", 6500, 0.19, 0.08, 1.4, 1.1],
    ["23", "2309", "Krokom", 14700, 0.15, 0.05, 1.2, 0.95],
    ["23", "2313", "Strömsund", 11900, 0.2, 0.085, 1.6, 1.1],
    ["23", "2321", "Åre", 10600, 0.14, 0.045, 1.3, 0.9],
    ["23", "2326", "Berg", 7000, 0.19, 0.075, 1.5, 1.08],
    ["23", "2361", "Härjedalen", 10300, 0.19, 0.07, 1.55, 1.05],
    ["23", "2380", "Östersund", 60000, 0.14, 0.05, 0.8, 0.95],
    ["24", "2401", "Nordmaling", 7100, 0.18, 0.065, 1.2, 1.02],
    ["24", "2403", "Bjurholm", 2400, 0.19, 0.08, 1.5, 1.1],
    ["24", "2404", "Vindeln", 5400, 0.18, 0.075, 1.45, 1.06],
    ["24", "2409", "Robertsfors", 6700, 0.17, 0.065, 1.3, 1.0],
    ["24", "2417", "Norsjö", 4200, 0.18, 0.075, 1.5, 1.05],
    ["24", "2418", "Malå", 3100, 0.18, 0.075, 1.6, 1.04],
    ["24", "2421", "Storuman", 6000, 0.18, 0.07, 1.7, 1.04],
    ["24", "2422", "Sorsele", 2600, 0.19, 0.08, 1.8, 1.08],
    ["24", "2425", "Dorotea", 2700, 0.2, 0.09, 1.75, 1.12],
    ["24", "2460", "Vännäs", 8500, 0.15, 0.055, 1.1, 0.98],
    ["24", "2462", "Vilhelmina", 6900, 0.18, 0.075, 1.7, 1.08],
    ["24", "2463", "Åsele", 2900, 0.2, 0.09, 1.75, 1.12],
    ["24", "2480", "Umeå", 118000, 0.11, 0.04, 0.7, 0.92],
    ["24", "2481", "Lycksele", 12300, 0.16, 0.06, 1.35, 1.02],
    ["24", "2482", "Skellefteå", 72000, 0.16, 0.06, 1.0, 0.98]
  ] as const
).map(([county, code, name, pop, s65, s80, sparsity, gni]) => ({county, code, name, pop, s65, s80, sparsity, gni}));

function csv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((r) => r.map((v) => (v == null ? "" : String(v))).join(";")).join("\n") + "\n";
}
/** Decimal comma, as Swedish Excel writes it. */
const sv = (x: number, digits = 2) => x.toFixed(digits).replace(".", ",");

/** Largest remainder split of an integer total by weights (the demo's county counts add up). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - parts[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k][1]]++;
  return parts;
}

const files: Record<string, string> = {};

// Reference -------------------------------------------------------------------------------------
files["kommuner.csv"] = csv(
  ["länskod", "län", "region", "kommunkod", "kommun"],
  M.map((m) => [m.county, COUNTIES[m.county].name, COUNTIES[m.county].region, m.code, m.name])
);

const population = new Map<string, {y: number; a: number; b: number; c: number}[]>();
files["befolkning.csv"] = csv(
  ["kommunkod", "år", "åldersgrupp", "antal"],
  M.flatMap((m) => {
    const trend = m.code === "2480" ? 0.013 : m.code === "2380" ? 0.007 : m.pop < 8000 ? -0.006 : 0.001;
    const series = years.map((y, i) => {
      const total = m.pop * (1 + trend) ** i;
      const s80 = m.s80 * (1 + 0.012 * i);
      const s65 = m.s65 * (1 + 0.01 * i);
      const c = round(total * s80);
      const b = round(total * s65);
      return {y, a: round(total) - b - c, b, c};
    });
    population.set(m.code, series);
    return series.flatMap(({y, a, b, c}) => [
      [m.code, y, "0-64", a],
      [m.code, y, "65-79", b],
      [m.code, y, "80+", c]
    ]);
  })
);
const pop = (code: string, y: number) => {
  const p = population.get(code)!.find((r) => r.y === y)!;
  return {total: p.a + p.b + p.c, p65: p.b + p.c, p80: p.c};
};

files["fordelningsfaktorer.csv"] = csv(
  ["kommunkod", "år", "glesbygd", "socioekonomi"],
  M.flatMap((m) => years.map((y) => [m.code, y, sv(m.sparsity, 4), sv(m.gni + 0.002 * (y - FIRST) * (m.gni > 1 ? 1 : -1), 4)]))
);

// Real values from DOMAIN.md (SKR), the rest invented and labelled Demodata.
const realIndex: Record<string, Record<number, string>> = {
  VPI: {2012: "1.8", 2013: "2.0", 2014: "2.7", 2015: "2.5", 2016: "2.2"},
  OPI: {2015: "2.2", 2016: "2.6", 2017: "2.7", 2018: "2.6", 2019: "2.7", 2020: "3.0", 2021: "1.5"}
};
const indexRows: (string | number)[][] = [];
for (const index of ["LPIK", "VPI", "OPI", "KPI"]) {
  for (let y = 2012; y <= 2027; y++) {
    const real = realIndex[index]?.[y];
    const demo = index === "KPI" ? [0.0, -0.2, 0.0, 1.0, 1.8, 2.0, 1.8, 0.5, 2.2, 8.4, 8.5, 2.8, 1.0, 1.5, 1.8][y - 2012] ?? 2.0 : y >= 2022 && y <= 2023 ? between(3.5, 5.5) : between(1.8, 3.2);
    const value = real ?? demo.toFixed(1);
    const forecast = y >= 2026;
    indexRows.push([index, y, value.replace(".", ","), `${forecast ? y - 1 : y}-12-15`.replace(/-12-15$/, index === "LPIK" && !forecast ? "-03-20" : "-12-15").replace(/^(\d{4})-03-20$/, (_, yy) => `${Number(yy) + 1}-03-20`), forecast ? "prognos" : "utfall", real ? "SKR" : "Demodata"]);
    if (y === 2025 && !real) {
      // A forecast edition that was later revised: the newest edition wins.
      indexRows.push([index, y, (Number(value) + 0.4).toFixed(1).replace(".", ","), "2024-10-01", "prognos", "Demodata"]);
    }
  }
}
files["prisindex.csv"] = csv(["index", "år", "förändring_procent", "publicerad", "status", "källa"], indexRows);

files["skatteunderlag.csv"] = csv(
  ["kommunkod", "år", "skatteunderlag_kr"],
  M.flatMap((m) => years.map((y) => [m.code, y, round(pop(m.code, y).total * 165000 * m.gni ** -0.5 * 1.032 ** (y - FIRST))]))
);
files["skattevaxling.csv"] = csv(
  ["länskod", "från_år", "öre", "beslut"],
  [
    ["24", 2013, "20", "Skatteväxling vid hemsjukvårdens överföring 2013-01-01 (offentligt beslut)"],
    ["24", 2016, "25", "Kontrollstation: AC-konsensus föreslog 25 öre från 2016-01-01"],
    // Jämtland's swap is "oförändrad" in the agreement, but the sources give neither its size nor its year.
    ["23", 2014, "22", "Demodata: påhittad storlek och år (avtalet säger bara att skatteväxlingen är oförändrad)"]
  ]
);

// Costs -----------------------------------------------------------------------------------------
const costRows: (string | number)[][] = [];
for (const m of M) {
  const eff = between(0.85, 1.2);
  for (const y of years) {
    const p = pop(m.code, y);
    const g = 1.03 ** (y - FIRST);
    const hs = (p.p80 * 4400 + (p.p65 - p.p80) * 950) * eff * g * (1 + noise(0.03));
    const rows: [string, string, number][] = [
      ["hemsjukvard_ordinart", "kommun", hs * 0.55],
      ["hemsjukvard_sabo", "kommun", hs * 0.45],
      ["hjalpmedel", "kommun", p.total * 180 * g * (1 + noise(0.05))],
      ["lakarmedverkan", "region", p.p80 * 1200 * g * (1 + noise(0.05))],
      ["palliativ_specialiserad", "region", m.county === "23" ? p.p80 * 900 * g * (1 + noise(0.08)) : 0]
    ];
    for (const [cat, principal, amount] of rows) if (amount > 0) costRows.push([m.code, y, cat, principal, sv(Math.max(0, amount))]);
  }
}
files["kostnader.csv"] = csv(["kommunkod", "år", "kategori", "huvudman", "belopp_kr"], costRows);

// Enrolment -------------------------------------------------------------------------------------
// The county's palliative count: 2019–2024 gives mean 149 and SD 10 (band 129–169), 144 in 2024.
const palliativeCounty: Record<number, number> = {2013: 121, 2014: 126, 2015: 133, 2016: 130, 2017: 138, 2018: 141, 2019: 160, 2020: 138, 2021: 162, 2022: 149, 2023: 141, 2024: 144, 2025: 174};
const jamtland = M.filter((m) => m.county === "23");
const enrolRows: (string | number)[][] = [];
for (const y of years) {
  const parts = split(palliativeCounty[y], jamtland.map((m) => pop(m.code, y).p80));
  jamtland.forEach((m, i) => enrolRows.push([m.code, y, "palliativ", parts[i]]));
}
for (const m of M) {
  for (const y of years) {
    const p = pop(m.code, y);
    enrolRows.push([m.code, y, "hemsjukvard", round(p.p80 * 0.12 * (1 + 0.01 * (y - FIRST)) * (1 + noise(0.05)) + p.p65 * 0.01)]);
    enrolRows.push([m.code, y, "sabo", round(p.p80 * 0.09 * (1 - 0.008 * (y - FIRST)) * (1 + noise(0.04)))]);
  }
}
// Monthly palliative counts 2023–2025 for the control chart (a person once per month).
for (let y = 2023; y <= 2025; y++) {
  for (let mo = 1; mo <= 12; mo++) {
    const level = palliativeCounty[y] * 0.42 * (1 + 0.08 * Math.cos((mo / 12) * 2 * Math.PI)) * (1 + noise(0.05));
    const parts = split(round(level), jamtland.map((m) => pop(m.code, y).p80));
    jamtland.forEach((m, i) => enrolRows.push([m.code, `${y}-${String(mo).padStart(2, "0")}`, "palliativ", parts[i]]));
  }
}
files["inskrivna.csv"] = csv(["kommunkod", "period", "tjänst", "antal"], enrolRows);

// Short-term stays as individual episodes (pseudonymised): DuckDB counts each person once a year.
const episodeRows: (string | number | null)[][] = [];
let pid = 1;
for (const m of M.filter((m) => m.county === "24")) {
  const people = round(pop(m.code, 2020).p80 * 0.05);
  for (let k = 0; k < people; k++) {
    const id = `P${String(pid++).padStart(6, "0")}`;
    let day = Math.floor(between(0, 365 * 6));
    const stays = 1 + Math.floor(between(0, 3));
    for (let s = 0; s < stays && day < 365 * 7; s++) {
      const start = new Date(Date.UTC(2019, 0, 1) + day * 86400000);
      const len = Math.floor(between(5, 40));
      const end = new Date(start.getTime() + len * 86400000);
      episodeRows.push([id, m.code, "korttid", start.toISOString().slice(0, 10), end.getUTCFullYear() > LAST ? null : end.toISOString().slice(0, 10)]);
      day += len + Math.floor(between(30, 400));
    }
  }
}
files["inskrivningar.csv"] = csv(["person_id", "kommunkod", "tjänst", "start", "slut"], episodeRows);

// Inventory -------------------------------------------------------------------------------------
// The 2025-06-30 counts are the agreement's table; earlier and later dates are invented around them.
const devices2025: Record<string, number> = {"2326": 50, "2305": 60, "2361": 96, "2309": 90, "2303": 41, "2313": 152, "2321": 53, "2380": 381};
const deviceRows: (string | number)[][] = [];
for (const m of jamtland) {
  for (let y = 2019; y <= 2025; y++) {
    for (const date of [`${y}-06-30`, `${y}-12-31`]) {
      const t = y - 2025 + (date.endsWith("12-31") ? 0.5 : 0);
      const n = t === 0 ? devices2025[m.code] : round(devices2025[m.code] * (1 + 0.045 * t) + noise(2));
      deviceRows.push([m.code, date, n]);
    }
  }
}
files["mt-enheter.csv"] = csv(["kommunkod", "datum", "antal"], deviceRows);

const jobRows: (string | number)[][] = [];
for (let y = 2024; y <= 2025; y++) {
  for (let mo = 1; mo <= 12; mo++) {
    for (const m of jamtland) {
      const jobs = Math.floor(between(0, devices2025[m.code] / 60 + 1));
      for (let j = 0; j < jobs; j++) {
        const day = 1 + Math.floor(between(0, 28));
        jobRows.push([m.code, `${y}-${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`, sv(Math.ceil(between(0.5, 6) * 4) / 4), sv(random() < 0.5 ? 0 : round(between(150, 900))), sv(random() < 0.6 ? 0 : round(between(80, 3500)))]);
      }
    }
  }
}
files["mt-uppdrag.csv"] = csv(["kommunkod", "datum", "timmar", "resekostnad_kr", "material_kr"], jobRows);

// Vaccination -----------------------------------------------------------------------------------
const seasons = ["2020/21", "2021/22", "2022/23", "2023/24", "2024/25"];
const groups: [string, number, number][] = [
  ["sabo", 0.06, 0.92],
  ["hemsjukvard", 0.1, 0.85],
  ["hemtjanst", 0.12, 0.8],
  ["lss", 0.0035, 0.75]
];
const vacRows: (string | number)[][] = [];
const volRows: (string | number)[][] = [];
for (const m of M) {
  const skill = noise(0.04) + (m.county === "24" ? 0.02 : -0.02);
  seasons.forEach((season, si) => {
    const y = 2020 + si;
    const p = pop(m.code, Math.min(y, LAST));
    let doses = 0;
    for (const vaccine of ["covid-19", "influensa"]) {
      for (const [group, share, base] of groups) {
        const size = Math.max(1, round((group === "lss" ? p.total : p.p65) * share * (1 + noise(0.05))));
        const fall = vaccine === "covid-19" ? [0.05, 0.0, -0.04, -0.08, -0.1][si] : [-0.05, -0.03, 0, -0.02, -0.03][si];
        const cov = Math.min(0.99, Math.max(0.3, base + fall + skill + noise(0.03)));
        const vaccinated = Math.min(size, round(size * cov));
        vacRows.push([m.code, season, group, vaccine, vaccinated, size]);
        if (group !== "hemtjanst") doses += vaccinated;
      }
      volRows.push([m.code, season, vaccine, doses]);
      doses = 0;
    }
  });
}
files["vaccination.csv"] = csv(["kommunkod", "säsong", "målgrupp", "vaccin", "vaccinerade", "målgrupp_antal"], vacRows);
files["vaccinationsvolym.csv"] = csv(["kommunkod", "säsong", "vaccin", "doser"], volRows);

// County and national references. 2022/23 influenza 65+ is the published figure (DOMAIN.md); the
// rest is invented. Västerbotten is second best in autumn 2023 (2023/24, covid-19, SÄBO).
const allCounties: [string, string][] = [
  ["01", "Stockholms län"], ["03", "Uppsala län"], ["04", "Södermanlands län"], ["05", "Östergötlands län"], ["06", "Jönköpings län"],
  ["07", "Kronobergs län"], ["08", "Kalmar län"], ["09", "Gotlands län"], ["10", "Blekinge län"], ["12", "Skåne län"], ["13", "Hallands län"],
  ["14", "Västra Götalands län"], ["17", "Värmlands län"], ["18", "Örebro län"], ["19", "Västmanlands län"], ["20", "Dalarnas län"],
  ["21", "Gävleborgs län"], ["22", "Västernorrlands län"], ["23", "Jämtlands län"], ["24", "Västerbottens län"], ["25", "Norrbottens län"]
];
const refRows: (string | number)[][] = [];
for (const season of seasons) {
  for (const vaccine of ["covid-19", "influensa"]) {
    for (const [group, , base] of [...groups, ["65+", 0, 0.6] as [string, number, number]]) {
      const national = base + (vaccine === "covid-19" ? -0.03 : 0) + noise(0.01);
      const published = season === "2022/23" && vaccine === "influensa" && group === "65+";
      refRows.push(["riket", "00", "Riket", season, group, vaccine, sv(published ? 63 : national * 100, 1)]);
      for (const [code, name] of allCounties) {
        let v = national + noise(0.04);
        if (season === "2023/24" && vaccine === "covid-19" && group === "sabo") v = code === "09" ? 0.95 : code === "24" ? 0.93 : Math.min(v, 0.91);
        if (published && code === "24") v = 0.7;
        if (published && code === "23") v = 0.6;
        refRows.push(["lan", code, name, season, group, vaccine, sv(Math.min(99, v * 100), 1)]);
      }
    }
  }
}
files["vaccination-referens.csv"] = csv(["nivå", "kod", "namn", "säsong", "målgrupp", "vaccin", "täckning_procent"], refRows);

// Work on the other party's behalf and joint development funds -----------------------------------
const workRows: (string | number)[][] = [];
for (let y = 2024; y <= 2025; y++) {
  for (let mo = 1; mo <= 12; mo++) {
    for (const m of jamtland) {
      const n = Math.floor(between(0, 4));
      for (let j = 0; j < n; j++) {
        const kind = ["inhyrd_personal", "synombud", "horselombud"][Math.floor(between(0, 3))];
        const performer = kind === "inhyrd_personal" && random() < 0.4 ? "region" : "kommun";
        workRows.push([`${y}-${String(mo).padStart(2, "0")}-${String(1 + Math.floor(between(0, 28))).padStart(2, "0")}`, m.code, performer, kind, sv(Math.round(between(0.25, 5) * 4) / 4)]);
      }
    }
  }
}
files["insatser.csv"] = csv(["datum", "kommunkod", "utförare", "typ", "timmar"], workRows);

const projects = [
  ["23", "Trygg hemgång"], ["23", "Gemensam läkemedelsgenomgång"], ["23", "Digital tillsyn i hemmet"],
  ["24", "Nära vård i glesbygd"], ["24", "Samordnad individuell plan"], ["24", "Kompetenslyft hemsjukvård"]
];
const fundRows: (string | number)[][] = [];
for (const [county, project] of projects) {
  for (let y = 2021; y <= 2025; y++) {
    if (random() < 0.2) continue;
    const budget = round(between(2, 12)) * 100000;
    fundRows.push([county, project, y, sv(budget), sv(round(budget * between(0.6, 1.1))), "50", "50"]);
  }
}
files["utvecklingsmedel.csv"] = csv(["länskod", "projekt", "år", "budget_kr", "utfall_kr", "regionens_andel_procent", "kommunernas_andel_procent"], fundRows);

// Parameters: the data set's settings. The agreements' real figures are hand-written files in
// data/avtal/ (one per agreement, each value with its source), not generated. -------------------
const parameters = {
  dataset: {
    label: "Demodata",
    demo: true,
    description: "Påhittade men rimliga kostnader, antal och täckning för Jämtlands och Västerbottens län 2013–2025. Koder, namn och avtalens siffror (mappen avtal/) är verkliga.",
    source: "Genererad av scripts/generate-demo.ts (fast frö)"
  },
  years: {from: FIRST, to: LAST},
  suppressionThreshold: 5,
  comparison: {municipalIndex: "OPI", regionIndex: "LPIK"}
};
files["parametrar.json"] = JSON.stringify(parameters, null, 2) + "\n";

// Income and cost equalisation inputs for the skatteväxling review (no random draws: the other files stay
// as they were). The national mean and the standard costs are invented (Demodata); the county-wise rates
// are the published ones (förordning 2004:881 2 §, lydelse SFS 2014:1372 from 2015 and SFS 2019:797 from 2020).
files["medelskattekraft.csv"] = csv(
  ["år", "medelskattekraft_kr", "källa"],
  years.map((y) => [y, round(190000 * 1.032 ** (y - FIRST)), "Demodata"])
);
const countyRates: Record<string, string> = {"23": "20,17", "24": "20,55"};
files["lansvis-skattesats.csv"] = csv(
  ["länskod", "år", "skattesats", "källa"],
  Object.entries(countyRates).flatMap(([county, rate]) =>
    years.filter((y) => y >= 2015).map((y) => [county, y, rate, y >= 2020 ? "Förordning (2004:881) 2 §, SFS 2019:797" : "Förordning (2004:881) 2 §, SFS 2014:1372"])
  )
);
files["standardkostnad-aldreomsorg.csv"] = csv(
  ["kommunkod", "år", "standardkostnad_kr_per_invanare", "källa"],
  M.flatMap((m) => years.map((y) => {
    const p = pop(m.code, y);
    return [m.code, y, round((6000 + 190000 * (p.p80 / p.total) + 25000 * ((p.p65 - p.p80) / p.total)) * 1.03 ** (y - FIRST)), "Demodata"];
  }))
);

await mkdir(out, {recursive: true});
for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
// The agreement files are not demo data: another folder gets a copy of the real ones.
const agreements = resolve(import.meta.dirname, "..", "data", "avtal");
if (resolve(out, "avtal") !== agreements) await cp(agreements, join(out, "avtal"), {recursive: true});
console.error(`Skrev ${Object.keys(files).length} filer till ${out}`);
