// Normalvariation: the agreement's band for every enrolment and cost series of every municipality and
// county, the points outside it in words, SPC rules as extra cues, the monthly XmR charts, and the
// schedule of base windows (loaders/reports/normal-variation.ts).
// inputs: kommuner.csv, inskrivna.csv, inskrivningar.csv, kostnader.csv, kostnader-huvudbok.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {normalVariationReport} from "../../loaders/reports/normal-variation.ts";

await runLoader(normalVariationReport);
