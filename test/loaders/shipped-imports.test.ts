// What `npm ci --omit=dev` installs must be enough for the command line: from the CLI's entry
// (loaders/cli/main.ts, and `samverkan rapport` in particular, which once imported the browser tests'
// harness) no module under test/ is reached, and every package imported for its value is a dependency,
// not a devDependency. Type-only imports vanish when tsx runs the code and do not count.
import {existsSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** The specifiers a module imports for their value (not `import type`), static and dynamic. */
export function valueImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s*)?["']([^"']+)["']/gm)) if (!m[1]) out.push(m[2]);
  for (const m of source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]);
  return out;
}

/** Every module reached from `entry` through relative value imports, and the packages they import. */
function reach(entry: string): {modules: string[]; packages: string[]} {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const s of valueImports(readFileSync(file, "utf8"))) {
      if (s.startsWith(".")) {
        const target = resolve(dirname(file), s);
        const ts = target.replace(/\.js$/, ".ts");
        visit(existsSync(ts) ? ts : target);
      } else if (!s.startsWith("node:")) packages.add(s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]);
    }
  };
  visit(entry);
  return {modules: [...modules].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort()};
}

describe("the shipped command line", () => {
  it("reads value imports and skips type-only ones (the check itself)", () => {
    expect(valueImports('import type {A} from "vitest";\nimport {b} from "./b.ts";\nexport {c} from "../c.ts";\nimport "zod";\nconst d = await import("./d.ts");')).toEqual(["./b.ts", "../c.ts", "zod", "./d.ts"]);
  });

  for (const entry of ["loaders/cli/main.ts", "loaders/cli/commands/rapport.ts"]) {
    it(`${entry} reaches no test code and no devDependency`, () => {
      const {modules, packages} = reach(join(ROOT, entry));
      expect(modules.length).toBeGreaterThan(entry.endsWith("main.ts") ? 10 : 5);
      expect(modules.filter((m) => m.startsWith("test/"))).toEqual([]);
      expect(packages.filter((p) => !(p in (pkg.dependencies ?? {})))).toEqual([]);
    });
  }
});
