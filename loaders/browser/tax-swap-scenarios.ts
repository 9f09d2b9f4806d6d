/**
 * The skatteväxling scenarios for the page's what-if panel (bundled by the build to
 * src/components/generated/tax-swap-scenarios.js): the same model the loader, the CLI and the review pack call.
 */
export {runScenario, scenarioText} from "../models/tax-swap-scenarios.ts";
