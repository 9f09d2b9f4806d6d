// The seminar sentences follow the figures: rises and falls, named municipalities, budget use.
import {describe, expect, it} from "vitest";
import {costSentence, enrolmentSentence, fundsSentence, relativeChange, standOut} from "../../loaders/reports/seminar-text.ts";

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

describe("seminar sentences", () => {
  it("say rises and falls, and name the municipalities that stand out", () => {
    const changes = [
      {name: "Berg", current: 110, previous: 100}, // +10 %
      {name: "Krokom", current: 95, previous: 100}, // −5 %
      {name: "Åre", current: 101, previous: 100}, // +1 %
      {name: "Ragunda", current: 50, previous: null}
    ];
    expect(nb(standOut(changes))).toBe("störst ökning: Berg (+10,0 %) och Åre (+1,0 %); störst minskning: Krokom (-5,0 %).");
    // 412 500 000 kr against 400 000 000 kr: +3,125 % → "3,1 %".
    expect(nb(costSentence("Jämtlands län", 2025, 41_250_000_000, 40_000_000_000, changes))).toBe(
      "Kostnaderna för hälso- och sjukvård i hemmet i Jämtlands län steg med 3,1 % till 412,5 mnkr 2025 (400,0 mnkr 2024). Störst ökning: Berg (+10,0 %) och Åre (+1,0 %); störst minskning: Krokom (-5,0 %)."
    );
    expect(nb(costSentence("Jämtlands län", 2025, 39_000_000_000, 40_000_000_000, []))).toMatch(/^Kostnaderna .* minskade med 2,5 % till 390,0 mnkr 2025/);
  });

  it("change when the data change", () => {
    expect(nb(enrolmentSentence("X län", 2025, 1030, 1000, []))).toBe("1 030 personer var inskrivna i hemsjukvården i X län 2025, 3,0 % fler än 2024. Ingen kommun ändrades nämnvärt.");
    expect(nb(enrolmentSentence("X län", 2025, 970, 1000, []))).toContain("3,0 % färre än 2024");
    expect(nb(enrolmentSentence("X län", 2025, 1000, 1000, []))).toContain("lika många som 2024");
    expect(relativeChange({current: 5, previous: 0})).toBeNull();
  });

  it("report the joint development funds with the 50/50 split and the projects that stand out", () => {
    const projects = [
      {project: "Trygg hemgång", budgetOre: 100_000_000, spentOre: 50_000_000},
      {project: "Digital tillsyn", budgetOre: 100_000_000, spentOre: 110_000_000}
    ];
    expect(nb(fundsSentence(2025, projects, 80_000_000, 80_000_000))).toBe(
      "Av 2,0 mnkr i gemensamma utvecklingsmedel 2025 förbrukades 1,6 mnkr (80 %); regionen bär 0,8 mnkr och kommunerna 0,8 mnkr. Över budget: Digital tillsyn. Under 70 % av budgeten använd: Trygg hemgång."
    );
    expect(fundsSentence(2025, [], 0, 0)).toBe("Inga projekt med gemensamma utvecklingsmedel redovisades 2025.");
  });
});
