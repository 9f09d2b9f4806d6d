/** The skatteväxling review's table columns for the page, bundled by the build (src/components/generated/tax-swap-tables.js). */
export * from "../reports/tax-swap-tables.ts";
