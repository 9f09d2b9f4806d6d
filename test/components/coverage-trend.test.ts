// @vitest-environment jsdom
// The influenza chart compares the county with the nation (or other counties) in the same season only:
// the labels at the line ends sit in the last season that every series has.
import {expect, it} from "vitest";
import {CoverageTrend} from "../../src/components/coverage-trend.ts";

const seasons = ["2020/21", "2021/22", "2022/23", "2023/24"];

it("labels the line ends in the last common season, not each series' own last one", () => {
  // Jämtland has no figure for 2023/24; the nation has (63 % in 2022/23 as DOMAIN.md, 65 % invented for 2023/24).
  const chart = CoverageTrend(
    [
      {series: "Jämtlands län", season: "2021/22", value: 0.58},
      {series: "Jämtlands län", season: "2022/23", value: 0.6},
      {series: "Riket", season: "2021/22", value: 0.61},
      {series: "Riket", season: "2022/23", value: 0.63},
      {series: "Riket", season: "2023/24", value: 0.65}
    ],
    {seasons, target: 0.75, description: "test"}
  );
  const texts = [...chart.querySelectorAll("text")].map((t) => t.textContent!.replace(/[\u00a0\u202f]/g, " "));
  expect(texts).toContain("Jämtlands län 60,0 %");
  expect(texts).toContain("Riket 63,0 %");
  expect(texts).not.toContain("Riket 65,0 %");
});

it("without a common season, each label names its season", () => {
  const chart = CoverageTrend(
    [
      {series: "Jämtlands län", season: "2021/22", value: 0.58},
      {series: "Riket", season: "2023/24", value: 0.65}
    ],
    {seasons, description: "test"}
  );
  const texts = [...chart.querySelectorAll("text")].map((t) => t.textContent!.replace(/[\u00a0\u202f]/g, " "));
  expect(texts).toContain("Jämtlands län 2021/22 58,0 %");
  expect(texts).toContain("Riket 2023/24 65,0 %");
});
