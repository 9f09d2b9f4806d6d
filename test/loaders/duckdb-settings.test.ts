import {describe, expect, it} from "vitest";
import {duckdbLimits, duckdbShare} from "../../loaders/duckdb-settings.ts";

// Issue 18: the build's memory is set by one setting, not by luck. The default keeps the ingest's
// whole process tree under 1,5 GiB on the national set (DuckDB's buffer plus Node, about 300 MB more).
describe("SAMVERKAN_DUCKDB", () => {
  it("defaults to an 800 MB buffer and DuckDB's own thread count", () => {
    expect(duckdbLimits({})).toEqual({memoryLimit: "800MB", threads: null});
  });
  it("reads both limits, and the older SAMVERKAN_MEMORY_LIMIT when the new setting names no memory", () => {
    expect(duckdbLimits({SAMVERKAN_DUCKDB: "memory_limit=24GB, threads=16"})).toEqual({memoryLimit: "24GB", threads: 16});
    expect(duckdbLimits({SAMVERKAN_DUCKDB: "threads=1", SAMVERKAN_MEMORY_LIMIT: "700MB"})).toEqual({memoryLimit: "700MB", threads: 1});
  });
  it("refuses what DuckDB would misread, in Swedish", () => {
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "memory_limit=lots"})).toThrow(/ska vara en storlek/);
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "threads=0"})).toThrow(/heltal/);
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "cores=2"})).toThrow(/okänd inställning/);
    expect(() => duckdbLimits({SAMVERKAN_DUCKDB: "memory_limit"})).toThrow(/namn=värde/);
  });
  it("splits the one limit between loaders that run side by side", () => {
    // 1000 MB over 2 loaders on 2 cores: 500 MB and 1 thread each.
    expect(duckdbShare(2, {memoryLimit: "1000MB", threads: null}, 2)).toBe("memory_limit=500MB,threads=1");
    // 24 GB and 16 threads over 2: 12 000 MB and 8 threads each.
    expect(duckdbShare(2, {memoryLimit: "24GB", threads: 16}, 2)).toBe("memory_limit=12000MB,threads=8");
    // 1 GiB = 1 073 741 824 B over 4: 268 435 456 B, written as 268 MB (rounded down, never over the whole).
    expect(duckdbShare(4, {memoryLimit: "1GiB", threads: 1}, 8)).toBe("memory_limit=268MB,threads=1");
    // Never below 64 MB, never below one thread.
    expect(duckdbShare(64, {memoryLimit: "100MB", threads: 2}, 2)).toBe("memory_limit=64MB,threads=1");
    // What it writes reads back as a valid setting.
    expect(duckdbLimits({SAMVERKAN_DUCKDB: duckdbShare(2, {memoryLimit: "1000MB", threads: null}, 2)})).toEqual({memoryLimit: "500MB", threads: 1});
  });
});
