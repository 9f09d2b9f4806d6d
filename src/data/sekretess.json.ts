// Sekretess och röjandekontroll: the site's one disclosure policy and how many cells its pass hid per
// kind of table and reason (loaders/disclosure/summary.ts).
// inputs: kommuner.csv, vaccination.csv, vaccinationsdoser.csv, inskrivna.csv, inskrivningar.csv
import {runLoader} from "../../loaders/loader-kit.ts";
import {disclosureSummary} from "../../loaders/disclosure/summary.ts";

await runLoader(disclosureSummary);
