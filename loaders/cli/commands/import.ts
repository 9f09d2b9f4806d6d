/**
 * `npx samverkan import kolada FIL… --data MAPP` and `npx samverkan import scb FIL --year ÅÅÅÅ --data MAPP`:
 * published statistics as downloaded, written into the data folder's files (rows with the same key
 * are replaced, others kept). `import kolada --fetch KPI… --years 2019-2024` downloads from Kolada's
 * API first (saved under MAPP/kolada-hamtat/, then read like any saved response).
 */
import {mkdir, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import type {Command} from "../command.ts";
import {flagString} from "../args.ts";
import {ImportError} from "../../import/errors.ts";
import {fetchKolada, koladaRows, populationRows, readKoladaFiles, KOLADA_KPIS} from "../../import/kolada.ts";
import {readScbPopulation} from "../../import/scb.ts";
import {upsertDataFile} from "../../import/data-file.ts";
import {ROOT} from "../../warehouse.ts";

interface Written {
  file: string;
  added: number;
  replaced: number;
}

function years(text: string | undefined): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text ?? "");
  if (!m) throw new ImportError("--years", "ange åren som ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ, t.ex. --years 2019-2024.");
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from || to - from > 50) throw new ImportError("--years", `${text} är inte ett intervall av år.`);
  return Array.from({length: to - from + 1}, (_, i) => from + i);
}

export async function importKolada(dir: string, files: string[]): Promise<{written: Written[]; notes: string[]}> {
  if (!files.length) throw new ImportError("import kolada", "ange minst en sparad Kolada-fil (JSON), eller --fetch KPI.");
  const read = await readKoladaFiles(files);
  const notes = [...read.notes];
  const written: Written[] = [];
  const pop = populationRows(read.values);
  notes.push(...pop.notes);
  if (pop.rows.length) written.push({file: "befolkning.csv", ...(await upsertDataFile(dir, "befolkning.csv", pop.rows))});
  if (read.values.length) written.push({file: "kolada.csv", ...(await upsertDataFile(dir, "kolada.csv", koladaRows(read.values)))});
  else notes.push("Filerna innehöll inga värden.");
  return {written, notes};
}

export async function importScb(dir: string, file: string, year?: number): Promise<{written: Written[]; notes: string[]; year: number}> {
  const read = await readScbPopulation(file, year);
  const written: Written[] = [];
  if (read.rows.length) written.push({file: "befolkning.csv", ...(await upsertDataFile(dir, "befolkning.csv", read.rows))});
  return {written, notes: read.notes, year: read.year};
}

export const command: Command = {
  name: "import",
  usage: "import kolada FIL… | import scb FIL --year ÅÅÅÅ  --data MAPP",
  summary: "Läs in sparade svar från Kolada eller en CSV-export från SCB:s Statistikdatabas till datamappen",
  async run({dir, json, flags, positional = []}) {
    const [source, ...files] = positional;
    try {
      // The built-in folder holds demo data: real statistics go into a folder of their own.
      if (!flagString(flags, "data") && !process.env.SAMVERKAN_DATA?.trim() && resolve(dir) === resolve(ROOT, "data"))
        throw new ImportError("--data", "ange datamappen som ska uppdateras med --data MAPP (den inbyggda mappen data/ innehåller demodata).");
      await mkdir(dir, {recursive: true});
      let result: {written: Written[]; notes: string[]};
      if (source === "kolada") {
        const fetchFirst = flags.fetch !== undefined;
        let inputs = files;
        if (fetchFirst) {
          const kpis = [...(typeof flags.fetch === "string" ? [flags.fetch] : []), ...files].flatMap((k) => k.split(",")).filter(Boolean);
          if (!kpis.length) throw new ImportError("--fetch", `ange vilka nyckeltal, t.ex. --fetch ${Object.keys(KOLADA_KPIS).slice(0, 3).join(" ")}.`);
          const pages = await fetchKolada(kpis, years(flagString(flags, "years")), async (url) => {
            const response = await fetch(url, {headers: {accept: "application/json"}});
            if (!response.ok) throw new ImportError(url, `Kolada svarade ${response.status} ${response.statusText}.`);
            return response.text();
          });
          const saved = join(dir, "kolada-hamtat");
          await mkdir(saved, {recursive: true});
          inputs = [];
          for (const p of pages) {
            const path = join(saved, `${p.kpi}-${String(p.page).padStart(3, "0")}.json`);
            await writeFile(path, p.text);
            inputs.push(path);
          }
          process.stderr.write(`Hämtade ${pages.length} sidor från Kolada; sparade i ${saved}.\n`);
        }
        result = await importKolada(dir, inputs);
      } else if (source === "scb") {
        if (files.length !== 1) throw new ImportError("import scb", "ange en CSV-fil från Statistikdatabasen.");
        const y = flagString(flags, "year");
        if (y !== undefined && !/^\d{4}$/.test(y)) throw new ImportError("--year", `${y} är inte ett år (ÅÅÅÅ).`);
        if (flags.year === true) throw new ImportError("--year", "ange året efter --year, t.ex. --year 2024.");
        result = await importScb(dir, files[0], y === undefined ? undefined : Number(y));
      } else {
        throw new ImportError("import", `okänd källa ${JSON.stringify(source ?? "")}: ange kolada eller scb.`);
      }
      if (json) process.stdout.write(JSON.stringify({dir, ...result}, null, 2) + "\n");
      else {
        const lines = result.written.map((w) => `${w.file}: ${w.added} nya rader, ${w.replaced} ersatta (${dir})`);
        if (!result.written.length) lines.push("Inga rader skrevs.");
        for (const n of result.notes.slice(0, 50)) lines.push(`  obs: ${n}`);
        if (result.notes.length > 50) lines.push(`  … och ${result.notes.length - 50} anmärkningar till (--json visar alla).`);
        lines.push(`Kontrollera sedan mappen: npx samverkan check --data ${dir}`);
        process.stdout.write(lines.join("\n") + "\n");
      }
      return result.written.length ? 0 : 1;
    } catch (e) {
      if (e instanceof ImportError) {
        if (json) process.stdout.write(JSON.stringify({fatal: e.message}) + "\n");
        else process.stderr.write(`Kan inte importera: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
};
