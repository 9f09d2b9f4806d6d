// The seminar report's sentences come from the data: change the data and they change with it.
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {seminarReports} from "../../loaders/reports/seminar.ts";
import {dataFolder, DATA} from "../ingest/helpers.ts";

async function report(dir: string, county = "23", year = 2025) {
  const wh = await openWarehouse(dir);
  try {
    return (await seminarReports(wh, [year])).find((r) => r.countyCode === county)!;
  } finally {
    wh.close();
  }
}
const headline = (r: Awaited<ReturnType<typeof report>>, id: string) => r.sections.find((s) => s.id === id)!.headline.replace(/\u00a0/g, " ");

describe("the seminar report", () => {
  it("has its sections for the demo data, the county total in the cost table", async () => {
    const r = await report(dataFolder());
    expect(r.sections.map((s) => s.id)).toEqual(expect.arrayContaining(["kostnader", "inskrivna", "utvecklingsmedel"]));
    const costs = r.sections.find((s) => s.id === "kostnader")!;
    expect(costs.table.rows.at(-1)![0]).toBe("Länet");
    expect(headline(r, "kostnader")).toMatch(/^Kostnaderna för hälso- och sjukvård i hemmet i Jämtlands län (steg|minskade) med \d+,\d % till [\d ]+,\d mnkr 2025/);
  });

  it("has the skatteväxling follow-up in review years only (2013 + 4n), for the county with a swap", async () => {
    const dir = dataFolder();
    const review = await report(dir, "24", 2025);
    expect(review.sections.map((s) => s.id)).toContain("skattevaxling");
    expect(headline(review, "skattevaxling")).toMatch(/^Uppföljningen 2025 avser 2021–2024 .* \d+ av 15 kommuner i Västerbottens län gick plus/);
    expect((await report(dir, "24", 2024)).sections.map((s) => s.id)).not.toContain("skattevaxling");
    expect((await report(dir, "23", 2025)).sections.map((s) => s.id)).not.toContain("skattevaxling");
  });

  it("names the municipality whose costs rise most once the data say so", async () => {
    const costs = readFileSync(join(DATA, "kostnader.csv"), "utf8")
      .split("\n")
      .map((line) => {
        const [code, year, category, principal, amount] = line.split(";");
        // Berg (2326) doubles its home health care costs in 2025.
        if (code === "2326" && year === "2025" && category.startsWith("hemsjukvard")) return [code, year, category, principal, String(Number(amount.replace(",", ".")) * 2).replace(".", ",")].join(";");
        return line;
      })
      .join("\n");
    const r = await report(dataFolder({"kostnader.csv": costs}));
    expect(headline(r, "kostnader")).toMatch(/Störst ökning: Berg \(\+\d+,\d %\)/);
  });

  it("says when the enrolment falls", async () => {
    const enrolled = readFileSync(join(DATA, "inskrivna.csv"), "utf8")
      .split("\n")
      .map((line) => {
        const [code, period, service, n] = line.split(";");
        return period === "2025" && service === "hemsjukvard" && code.startsWith("23") ? [code, period, service, String(Math.floor(Number(n) / 2))].join(";") : line;
      })
      .join("\n");
    const r = await report(dataFolder({"inskrivna.csv": enrolled}));
    expect(headline(r, "inskrivna")).toMatch(/ \d+,\d % färre än 2024/);
  });
});
