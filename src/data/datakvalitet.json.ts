// The ingest report of this build: every file, every rejected row (the first 500 per file).
import {runLoader} from "../../loaders/loader-kit.ts";

await runLoader(async (wh) => wh.report);
