import {fileURLToPath} from "node:url";
import {defineConfig} from "vitest/config";

// A component that re-exports a bundle of loaders/browser/<name>.ts (src/components/generated/<name>.js,
// made by the build) gets the source itself in tests, built or not (tsconfig's rootDirs does the same for tsc).
const browserEntries = fileURLToPath(new URL("./loaders/browser/", import.meta.url));

export default defineConfig({
  resolve: {alias: [{find: /^\.\/generated\/([\w-]+)\.js$/, replacement: `${browserEntries}$1.ts`}]},
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
