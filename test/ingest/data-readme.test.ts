// data/README.md is made from the schemas; this fails when someone changes one without the other.
import {expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {renderDataReadme} from "../../loaders/schemas/readme.ts";
import {INPUTS} from "../../loaders/schemas/inputs.ts";

it("data/README.md documents every input file as the schemas define it", () => {
  const text = readFileSync(resolve(import.meta.dirname, "../../data/README.md"), "utf8");
  expect(text, "run: npx tsx scripts/data-readme.ts").toBe(renderDataReadme());
  for (const spec of INPUTS) for (const c of spec.columns) expect(text).toContain(`\`${c.header}\``);
});
