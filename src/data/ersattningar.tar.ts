// Ersättningar: the agreement's hourly rates per year after index uprating, and the monthly invoices for
// hired staff and sight/hearing representatives (loaders/reports/rates.ts), as `index.json` (the rates,
// the index series, methods, and which counties have invoices) and one file per county (`<lan>.json`,
// the page /ersattningar/<lan>): the invoices of one county only.
// inputs: kommuner.csv, prisindex.csv, insatser.csv
import {runArchiveLoader} from "../../loaders/loader-kit.ts";
import {readCounties} from "../../loaders/counties.ts";
import {ratesReport} from "../../loaders/reports/rates.ts";

await runArchiveLoader(async (wh) => {
  const {work, ...common} = await ratesReport(wh);
  const files: Record<string, unknown> = {"index.json": {...common, work: work.map((w) => ({countyCode: w.countyCode, countyName: w.countyName, years: w.years}))}};
  for (const c of await readCounties(wh.connection)) files[`${c.code}.json`] = work.find((w) => w.countyCode === c.code) ?? null;
  return files;
});
