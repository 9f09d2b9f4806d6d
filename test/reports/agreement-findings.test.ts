// The agreement files against the data (loaders/reports/agreement-findings.ts, page /datakvalitet):
// the agreed split of the development funds (50/50, a rule of the agreement), the agreed band, the swap.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {openWarehouse} from "../../loaders/warehouse.ts";
import {agreementFindings, fundSplitFindings} from "../../loaders/reports/agreement-findings.ts";
import {readAgreements} from "../../loaders/agreements.ts";
import {DATA, dataFolder} from "../ingest/helpers.ts";

const findingsFor = async (dir: string) => {
  const wh = await openWarehouse(dir);
  try {
    return await agreementFindings(wh);
  } finally {
    wh.close();
  }
};
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("development funds are split 50/50 as the agreement says", () => {
  it("a 70/30 row is reported with file and line; the 50/50 rows are not", async () => {
    const lines = readFileSync(join(DATA, "utvecklingsmedel.csv"), "utf8").split("\n");
    const i = lines.findIndex((l) => l.startsWith("23;"));
    lines[i] = lines[i].replace(/;50;50\r?$/, ";70;30");
    const findings = await findingsFor(dataFolder({"utvecklingsmedel.csv": lines.join("\n")}));
    const bad = findings.filter((f) => f.rule === "utvecklingsmedel_fordelning" && f.differs);
    expect(bad).toHaveLength(1);
    // line numbers count the header as line 1
    expect(bad[0]).toMatchObject({file: "utvecklingsmedel.csv", line: i + 1, agreement: "avtal/23-2026.json"});
    expect(nb(bad[0].message)).toMatch(new RegExp(`^utvecklingsmedel\\.csv rad ${i + 1}: projektet .* delas 70/30 \\(regionen/kommunerna\\), men avtalet anger 50/50`));
  });

  it("the rule itself: 50/50 passes, 49,5/50,5 does not, a county without an agreed split is not checked", async () => {
    const agreements = await readAgreements(DATA);
    const row = {line: 7, countyCode: "23", project: "P", year: 2026};
    expect(fundSplitFindings([{...row, region: "50.00", municipal: "50.00"}], agreements)).toEqual([]);
    expect(fundSplitFindings([{...row, region: "49.5", municipal: "50.5"}], agreements)[0].message).toMatch(/rad 7: .* delas 49,5\/50,5/);
    expect(fundSplitFindings([{...row, countyCode: "24", region: "70", municipal: "30"}], agreements)).toEqual([]);
  });
});

describe("the demo data and the agreement files agree", () => {
  it("band, amounts and swap: no differences", async () => {
    const findings = await findingsFor(DATA);
    expect(findings.filter((f) => f.differs)).toEqual([]);
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["normalvariation_avtalad", "tillaggsbelopp_formel", "skattevaxling_avtal"]));
  });

  it("a swap in skattevaxling.csv that differs from the agreement file is named with its line", async () => {
    const text = readFileSync(join(DATA, "skattevaxling.csv"), "utf8").replace(/^24;2016;25;/m, "24;2016;27;");
    const f = (await findingsFor(dataFolder({"skattevaxling.csv": text}))).filter((x) => x.rule === "skattevaxling_avtal" && x.differs);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({file: "skattevaxling.csv", line: 3});
    expect(f[0].message).toMatch(/27 öre från 2016 för län 24, men avtal\/24-2013\.json anger 25 öre \(föreslagen\)/);
  });
});
