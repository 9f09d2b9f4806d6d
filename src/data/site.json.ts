// Counties, municipalities and the data set label: what every page needs.
// inputs: kommuner.csv
import {runLoader, siteInfo} from "../../loaders/loader-kit.ts";

await runLoader(siteInfo);
