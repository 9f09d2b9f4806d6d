import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Browser tests start Chromium against dist/: give them room, and run files one at a time there.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks"
  }
});
