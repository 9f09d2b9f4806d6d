import {describe, expect, it} from "vitest";
import {duckdbLimits} from "../../loaders/duckdb-settings.ts";

// Issue 18: the build's memory is set by one setting, not by luck. The default keeps the ingest's
// whole process tree under 1,5 GiB on the national set (DuckDB's buffer plus Node, about 300 MB more).
describe("SAMVERKAN_DUCKDB", () => {
  it("defaults to a 1000 MB buffer and DuckDB's own thread count", () => {
    expect(duckdbLimits({})).toEqual({memoryLimit: "1000MB", threads: null});
  });
  it("reads both limits, and the older SAMVERKAN_MEMORY_LIMIT when the new setting names no memory", () => {
    expect(duckdbLimits({SAMVERKAN_DUCKDB: "memory_limit=24GB, threads=16"})).toEqual({memoryLimit: "24GB", threads: 16});
    expect(duckdbLimits({SAMVERKAN_DUCKDB: "threads=1", SAMVERKAN_MEMORY_LIMIT: "800MB"})).toEqual({memoryLimit: "800MB", threads: 1});
  });
  it("refuses what DuckDB would misread, in Swedish", () => {
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "memory_limit=lots"})).toThrow(/ska vara en storlek/);
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "threads=0"})).toThrow(/heltal/);
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "cores=2"})).toThrow(/okänd inställning/);
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "memory_limit"})).toThrow(/namn=värde/);
  });
});
