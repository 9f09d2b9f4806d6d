// The review tables are loaders/reports/tax-swap-tables.ts (the CLI prints them too); the browser gets them bundled.
export * from "./generated/tax-swap-tables.js";
