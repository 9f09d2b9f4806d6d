// Observable Framework configuration. Nothing here may reach another origin: no fonts, no CDN.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

const dataDir = process.env.SAMVERKAN_DATA || join(process.cwd(), "data");

/** Municipality codes for the dynamic /kommun/<code> pages, read straight from the inputs. */
function municipalityCodes(): string[] {
  const file = join(dataDir, "kommuner.csv");
  if (!existsSync(file)) return [];
  const text = readFileSync(file, "latin1");
  return [...new Set([...text.matchAll(/(?:^|[;,\t"])(\d{4})(?=[;,\t"\r\n]|$)/gm)].map((m) => m[1]))].sort();
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

/** Only pages that exist are listed (a page file, or a parameterised one such as kommun/[code].md). */
function exists(path: string): boolean {
  const src = join(process.cwd(), "src");
  if (existsSync(join(src, `${path}.md`))) return true;
  const dir = join(src, path.split("/").slice(0, -1).join("/"));
  return path.split("/").length > 2 && existsSync(dir) && readdirSync(dir).some((f) => /^\[.+\]\.md$/.test(f));
}

const pages = [
  {name: "Jämför kommuner", path: "/jamfor"},
  {name: "Normalvariation", path: "/normalvariation"},
  {name: "Tilläggsbelopp", path: "/tillaggsbelopp"},
  {name: "Skatteväxling", path: "/skattevaxling"},
  {name: "Vaccination", path: "/vaccination"},
  {name: "Medicinteknik", path: "/medicinteknik"},
  {name: "Ersättningar", path: "/ersattningar"},
  {name: "Seminarierapport", path: `/seminarium/${reportYears()[0] ?? 2025}`},
  {name: "Datakvalitet", path: "/datakvalitet"}
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
  header: `<span class="site-title">Samverkan i siffror</span>`,
  footer: `Samverkan i siffror – uppföljning av samverkan om hälso- och sjukvård i hemmet mellan region och kommuner. Byggd med Observable Framework.`,
  pages,
  dynamicPaths: [
    ...(exists("/kommun/x") ? municipalityCodes().map((c) => `/kommun/${c}`) : []),
    ...(exists("/seminarium/x") ? reportYears().map((y) => `/seminarium/${y}`) : [])
  ],
  duckdb: {extensions: []}
};
