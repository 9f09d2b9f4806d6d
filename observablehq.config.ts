// Observable Framework configuration. Nothing here may reach another origin: no fonts, no CDN.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {PAGE_FOOTER, PAGE_HEAD, PAGE_HEADER} from "./scripts/page-chrome.ts";

const chromeAfterBuild = process.env.SAMVERKAN_PAGE_CHROME === "after-build";
const dataDir = process.env.SAMVERKAN_DATA || join(process.cwd(), "data");

/**
 * The codes of the dynamic pages. `npm run build`/`npm run dev` (scripts/build.ts) write them from the
 * ingested data (SAMVERKAN_ROUTES); a bare `observable` run falls back to reading the input files.
 */
interface Routes {
  counties: string[];
  municipalities: string[];
  reportYears: number[];
}

function routes(): Routes {
  const file = process.env.SAMVERKAN_ROUTES;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  return {...codesFromCsv(), reportYears: reportYears()};
}

function codesFromCsv(): Pick<Routes, "counties" | "municipalities"> {
  const file = join(dataDir, "kommuner.csv");
  if (!existsSync(file)) return {counties: [], municipalities: []};
  const lines = readFileSync(file, "latin1").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() && !/^sep=/i.test(l));
  const delimiter = [";", "\t", ","].find((d) => lines[0]?.includes(d)) ?? ";";
  const cells = (l: string) => l.split(delimiter).map((c) => c.replace(/^"|"$/g, "").trim());
  const header = cells(lines[0] ?? "").map((h) => h.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o"));
  const column = (name: string) => [...new Set(lines.slice(1).map((l) => cells(l)[header.indexOf(name)]).filter((c) => c && /^\d+$/.test(c)))].sort();
  return {counties: column("lanskod").map((c) => c.padStart(2, "0")), municipalities: column("kommunkod").map((c) => c.padStart(4, "0"))};
}

/** Seminar report years: from the parameter file's year range. */
function reportYears(): number[] {
  try {
    const p = JSON.parse(readFileSync(join(dataDir, "parametrar.json"), "utf8").replace(/^\uFEFF/, ""));
    const out: number[] = [];
    for (let y = p.years.to; y >= Math.max(p.years.from + 1, p.years.to - 4); y--) out.push(y);
    return out;
  } catch {
    return [];
  }
}

const {counties, municipalities, reportYears: years} = routes();

/** Only pages that exist are listed (a page file, a folder's index.md, or a parameterised one such as kommun/[code].md). */
function exists(path: string): boolean {
  const src = join(process.cwd(), "src");
  if (path.endsWith("/")) return existsSync(join(src, path, "index.md"));
  if (existsSync(join(src, `${path}.md`))) return true;
  const dir = join(src, path.split("/").slice(0, -1).join("/"));
  return path.split("/").length > 2 && existsSync(dir) && readdirSync(dir).some((f) => /^\[.+\]\.md$/.test(f));
}

const pages = [
  {name: "Jämför kommuner", path: "/jamfor/"},
  {name: "Normalvariation", path: "/normalvariation/"},
  {name: "Tilläggsbelopp", path: "/tillaggsbelopp"},
  {name: "Skatteväxling", path: "/skattevaxling/"},
  {name: "Vaccination", path: "/vaccination/"},
  {name: "Medicinteknik", path: "/medicinteknik/"},
  {name: "Ersättningar", path: "/ersattningar/"},
  {name: "Kalender", path: "/kalender"},
  {name: "Seminarierapport", path: `/seminarium/${years[0] ?? 2025}`},
  {name: "Avtalen", path: "/avtal/"},
  {name: "Datakvalitet", path: "/datakvalitet"},
  {name: "Sekretess", path: "/metod-sekretess"}
].filter((p) => exists(p.path));

export default {
  title: "Samverkan i siffror",
  root: "src",
  // Parallel builds (several developers on one machine) may each use their own folder.
  output: process.env.SAMVERKAN_OUT || "dist",
  lang: "sv",
  theme: "air",
  globalStylesheets: [],
  style: "style.css",
  search: false,
  toc: {label: "Innehåll"},
  pager: false,
  // `npm run build` adds these to every page itself (scripts/page-chrome.ts): Framework would parse each
  // with jsdom three times per page. `npm run dev` and a bare `observable` run get them from Framework.
  ...(chromeAfterBuild ? {head: null, header: null, footer: null} : {head: PAGE_HEAD, header: PAGE_HEADER, footer: PAGE_FOOTER}),
  pages,
  dynamicPaths: [
    ...(exists("/kommun/x") ? municipalities.map((c) => `/kommun/${c}`) : []),
    ...(exists("/seminarium/x") ? years.map((y) => `/seminarium/${y}`) : []),
    // The seminar report per county and year (/seminarium/<year> is the entry that opens one).
    ...(existsSync(join(process.cwd(), "src", "seminarium", "[lan]", "[year].md")) ? counties.flatMap((c) => years.map((y) => `/seminarium/${c}/${y}`)) : []),
    // Pages per county: each fetches only its county's data (national data would be megabytes).
    ...["jamfor", "skattevaxling", "normalvariation", "avtal", "vaccination", "medicinteknik", "ersattningar"].flatMap((page) => (exists(`/${page}/x`) ? counties.map((c) => `/${page}/${c}`) : []))
  ],
  duckdb: {extensions: []}
};
