// The shape of the library's imports: nothing under loaders/ imports from src/ (data moves one way:
// models and reports sit below the pages and components), and no module imports one that imports it
// back (a circle, such as the seminar report and its section modules had, makes load order matter).
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** The relative specifiers of a module: static imports and re-exports (types too), side-effect and dynamic imports. */
export function relativeImports(source: string): string[] {
  const out: string[] = [];
  for (const re of [/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g]) {
    for (const m of source.matchAll(re)) out.push(m[1]);
  }
  return out;
}

/** Every circle in a graph, each once, as the path that closes it ("a → b → a"). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    seen.add(node);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!seen.has(next)) visit(next);
      else if (!done.has(next)) found.push([...stack.slice(stack.indexOf(next)), next]);
    }
    stack.pop();
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) if (!seen.has(node)) visit(node);
  return found;
}

const files = walk(join(ROOT, "loaders"));
const graph = new Map<string, string[]>();
for (const file of files) {
  const deps = relativeImports(readFileSync(file, "utf8")).map((s) => relative(ROOT, resolve(dirname(file), s)).replace(/\.js$/, ".ts"));
  graph.set(relative(ROOT, file), deps);
}

describe("the imports of loaders/", () => {
  it("finds a circle where there is one, and none in a tree (the check itself)", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c", "a"]]);
    expect(cycles(new Map([["a", ["b", "c"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
    expect(relativeImports('import type {X} from "./x.ts";\nexport {y} from "../y.ts";\nimport "./z.ts";\nconst m = await import("./m.ts");')).toEqual(["./x.ts", "../y.ts", "./z.ts", "./m.ts"]);
  });

  it("reads the modules", () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get("loaders/reports/seminar.ts")).toContain("loaders/reports/vaccination.ts");
  });

  it("nothing under loaders/ imports from src/", () => {
    const intoSrc = [...graph].flatMap(([file, deps]) => deps.filter((d) => d.startsWith("src/")).map((d) => `${file} → ${d}`));
    expect(intoSrc).toEqual([]);
  });

  it("no module imports one that imports it back (no import circles)", () => {
    expect(cycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });
});
