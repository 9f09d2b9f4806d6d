import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    projects: [
      {extends: true, test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/browser/**"]}},
      // Browser tests share dist/, Chromium and Framework's loader cache (some of them build): one file at a time.
      {extends: true, test: {name: "browser", include: ["test/browser/**/*.test.ts"], fileParallelism: false}}
    ]
  }
});
