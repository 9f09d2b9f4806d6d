import {readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {agreementFor, agreementStatus, parameterEntries, parseAgreement, readAgreements, termEntries, type Agreement} from "../../loaders/agreements.ts";
import {readParameters} from "../../loaders/ingest/ingest.ts";
import {DATA, dataFolder} from "../ingest/helpers.ts";

const agreements = await readAgreements(DATA);
const byId = (id: string) => agreements.find((a) => a.id === id)!;
const raw = (name: string) => JSON.parse(readFileSync(join(DATA, "avtal", name), "utf8"));

describe("the agreement files of data/avtal", () => {
  it("Jämtland Härjedalen 2026–2027 and Västerbotten's 2013 transfer", () => {
    expect(agreements.map((a) => a.id)).toEqual(["23-2026", "24-2013"]);
    const j = byId("23-2026");
    expect([j.validFrom, j.validTo, j.noticeMonths, j.prolongYears]).toEqual(["2026-01-01", "2027-12-31", 12, 2]);
  });

  it("2026–2027 is a recommendation of SVOM 2025-09-05, not shown as in force", () => {
    const s = agreementStatus(byId("23-2026"));
    expect(s).toMatchObject({status: "rekommenderat", date: "2025-09-05"});
    expect(s.by).toMatch(/SVOM/);
    expect(s.text).toMatch(/^Rekommenderat av SVOM/);
    expect(s.text).not.toMatch(/^Gäller|Avtalet gäller/);
  });

  it("nothing labelled avtalat lacks a document and a section (every file, raw JSON)", () => {
    const bad: string[] = [];
    const walk = (node: unknown, path: string, file: string) => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}.${i}`, file));
      if (!node || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.kind === "avtalat") {
        const s = o.source as Record<string, unknown> | undefined;
        if (!s || typeof s.document !== "string" || !s.document.trim() || typeof s.section !== "string" || !s.section.trim()) bad.push(`${file}${path}`);
      }
      if (o.kind === "antagande") {
        const s = o.source as Record<string, unknown> | undefined;
        if (!s?.by || !s?.reason) bad.push(`${file}${path}`);
      }
      if (o.kind === "beräknat" && !(o.source as Record<string, unknown> | undefined)?.formula) bad.push(`${file}${path}`);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`, file);
    };
    const files = readdirSync(join(DATA, "avtal"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) walk(raw(f), "", f);
    expect(bad).toEqual([]);
    for (const a of agreements) for (const e of [...parameterEntries(a), ...termEntries(a)]) expect(e.sourceText.trim()).not.toBe("");
  });

  it("the figures DOMAIN.md calls agreed are avtalat, the analyst's choices antagande", () => {
    const kinds = Object.fromEntries(agreements.flatMap((a) => parameterEntries(a).map((e) => [`${a.id}:${e.id}`, e.kind])));
    for (const id of ["posts", "readinessFactor", "monthlySalary", "payrollOverheadPercent", "levelYear", "amount", "adjustmentAmount", "band.agreed.0", "band.recomputeEvery", "upratingIndex", "followUpEvery"])
      expect(kinds[`23-2026:supplementaryAmount.${id}`], id).toBe("avtalat");
    for (const id of ["supplementaryAmount.weights.elderly", "supplementaryAmount.weights.sparsity", "supplementaryAmount.weights.socioeconomics", "supplementaryAmount.elderlyAgeBand", "supplementaryAmount.reading", "medtech.fixedPartPricing"])
      expect(kinds[`23-2026:${id}`], id).toBe("antagande");
    expect(kinds["24-2013:vaccination.pricePerDoseKronor"]).toBe("antagande");
    for (const id of ["medtech.baseHoursPerYear", "medtech.minutesPerDevice", "medtech.hourlyRate.kronor", "rates.hiredStaff.kronor", "rates.sightHearing.kronor", "rates.workHours.dayStart", "rates.workHours.dayEnd", "rates.workHours.nightPaid", "developmentFunds.regionSharePercent", "developmentFunds.municipalSharePercent"])
      expect(kinds[`23-2026:${id}`], id).toBe("avtalat");
    expect(kinds["24-2013:taxSwap.reviewEvery"]).toBe("avtalat");
  });

  it("the stored amounts are the agreement's: 3 × 1,5 × 47 000 × 12 × 1,4718 = 3 735 428,4 → 3 735 428 kr; 3 735 428 / 144 = 25 940,47 → 25 940 kr", () => {
    const sa = byId("23-2026").supplementaryAmount!;
    expect(sa.amount.value).toBe(3_735_428);
    expect(sa.adjustmentAmount.value).toBe(25_940);
    // hand computation in öre: 3 × 1.5 × 47 000 × 12 = 2 538 000; × 1.4718 = 3 735 428.4
    expect(Math.round((2_538_000 * 14_718) / 10_000)).toBe(3_735_428);
    expect(Math.round(3_735_428 / sa.baseCount.value)).toBe(25_940);
  });

  it("the band 129–169 is stored as agreed (base years 2019–2024, mean 149 ± 2 × 10)", () => {
    const band = byId("23-2026").supplementaryAmount!.band;
    expect(band.agreed.map((b) => b.value)).toEqual([{validFrom: 2026, baseFrom: 2019, baseTo: 2024, lower: 129, upper: 169}]);
    expect(band.agreed[0].source.quote).toMatch(/129–169/);
    expect((129 + 169) / 2).toBe(149);
  });

  it("Västerbotten: 20 öre from 2013, 25 öre proposed from 2016", () => {
    expect(byId("24-2013").taxSwap!.swaps.map((s) => s.value)).toEqual([
      {fromYear: 2013, ore: "20", decision: "beslutad"},
      {fromYear: 2016, ore: "25", decision: "föreslagen"}
    ]);
  });

  it("agreementFor: the agreement in force in a year", () => {
    expect(agreementFor(agreements, "23", 2026)?.id).toBe("23-2026");
    expect(agreementFor(agreements, "23", 2025)).toBeNull();
    expect(agreementFor(agreements, "23", 2030)?.id).toBe("23-2026"); // prolonged unless terminated
    expect(agreementFor(agreements, "24", 2020)?.id).toBe("24-2013");
    expect(agreementFor(agreements, "25", 2026)).toBeNull();
    const ended: Agreement = {...byId("23-2026"), history: [...byId("23-2026").history, {date: "2027-12-31", status: "upphört", by: "Region Jämtland Härjedalen"}]};
    expect(agreementFor([ended], "23", 2028)).toBeNull();
  });

  it("wh.parameters keeps its shape, its values from the agreement files", async () => {
    const p = await readParameters(DATA);
    expect(p.supplementaryAmount).toMatchObject({countyCode: "23", posts: "3", readinessFactor: "1.5", monthlySalary: "47000", payrollOverheadPercent: "47.18", baseCount: 144, weights: {elderly: "0.5", sparsity: "0.3", socioeconomics: "0.2"}, elderlyAgeBand: "80+"});
    expect(p.supplementaryAmount.band).toMatchObject({baseFrom: 2019, baseTo: 2024, k: "2", recomputeEvery: 3, validFrom: 2026});
    expect(p.medtech).toMatchObject({countyCode: "23", baseHoursPerYear: "40", minutesPerDevice: "12", hourlyRate: {kronor: "1123", baseYear: 2025, index: "VPI", startedHour: false}});
    expect(p.rates.hiredStaff).toMatchObject({kronor: "640", index: "VPI", startedHour: true});
    expect(p.rates.sightHearing).toMatchObject({kronor: "338", index: "OPI", startedHour: true});
    expect(p.taxSwap).toMatchObject({countyCode: "24", startYear: 2013, reviewEvery: 4});
    expect(p.agreement).toEqual({validFrom: "2026-01-01", validTo: "2027-12-31", prolongYears: 2});
  });
});

describe("a bad agreement file gets a Swedish error naming the file and the field", () => {
  const good = raw("23-2026.json");
  const withChange = (change: (j: any) => void) => {
    const j = structuredClone(good);
    change(j);
    return j;
  };
  const cases: [string, (j: any) => void, RegExp][] = [
    ["a missing field", (j) => delete j.supplementaryAmount.posts, /avtal\/23-2026\.json: fältet "supplementaryAmount\.posts" saknas/],
    ["an unknown kind", (j) => (j.supplementaryAmount.posts.kind = "gissat"), /fältet "supplementaryAmount\.posts\.kind" ska vara "avtalat", "antagande" eller "beräknat"/],
    ["avtalat without a section", (j) => delete j.supplementaryAmount.posts.source.section, /fältet "supplementaryAmount\.posts\.source\.section" saknas/],
    ["antagande without a reason", (j) => (j.supplementaryAmount.weights.elderly.source = {by: "x"}), /fältet "supplementaryAmount\.weights\.elderly\.source\.reason" saknas/],
    ["a decimal that is not one", (j) => (j.supplementaryAmount.monthlySalary.value = "47 tusen"), /fältet "supplementaryAmount\.monthlySalary\.value" ska vara ett decimaltal/],
    ["an agreed band assumed", (j) => (j.supplementaryAmount.band.agreed[0].kind = "antagande"), /fältet "supplementaryAmount\.band\.agreed\.0\.kind" ska vara "avtalat"/],
    ["weights that do not add up", (j) => (j.supplementaryAmount.weights.elderly.value = "0.6"), /weights.* ska summera till 1/],
    ["a status that does not exist", (j) => (j.history[0].status = "gäller"), /fältet "history\.0\.status" ska vara ett av förslag, rekommenderat, antaget, upphört/],
    ["another county than the file name", (j) => (j.countyCode = "24"), /fältet "countyCode" är 24 men filnamnet säger län 23/]
  ];
  for (const [name, change, message] of cases) {
    it(name, () => {
      expect(() => parseAgreement(withChange(change), "avtal/23-2026.json")).toThrow(message);
    });
  }

  it("in a data folder the build stops with the same sentence", async () => {
    const dir = dataFolder();
    writeFileSync(join(dir, "avtal", "23-2026.json"), JSON.stringify(withChange((j) => delete j.supplementaryAmount.posts)));
    await expect(readParameters(dir)).rejects.toThrow(/avtal\/23-2026\.json: fältet "supplementaryAmount\.posts" saknas/);
  });

  it("an older parametrar.json with the agreement's figures is told where they went", async () => {
    const dir = dataFolder({"parametrar.json": JSON.stringify({...raw("../parametrar.json"), supplementaryAmount: {}})});
    await expect(readParameters(dir)).rejects.toThrow(/parametrar\.json: fältet "supplementaryAmount" hör nu till avtalsfilerna i mappen avtal\//);
  });

  it("a folder without avtal/ says what to copy", async () => {
    const dir = dataFolder();
    rmSync(join(dir, "avtal"), {recursive: true});
    await expect(readParameters(dir)).rejects.toThrow(/avtal\/: mappen med avtalsfiler saknas .* Kopiera data\/avtal/);
  });
});
