/**
 * Runs data loaders (src/data/*.ts) one after the other in one process, for scripts/build.ts's run
 * of them before Framework's build: each loader's own process spent about a second starting Node
 * and tsx and importing the library and DuckDB, more than most of the loaders' own work.
 *
 * Started with fork() (an IPC channel, `--import tsx`): the parent sends {loader, out}, the host
 * imports the loader with its output sent to the file `out` (loaders/loader-kit.ts, setLoaderOutput)
 * and answers {loader, ok}. A loader that fails here is left to Framework, which runs it again on
 * its own and shows its message; a host that dies leaves the rest to the other hosts.
 */
import {appendFile, writeFile} from "node:fs/promises";
import {pathToFileURL} from "node:url";
import {setLoaderOutput} from "../loaders/loader-kit.ts";

export interface HostRequest {
  loader: string;
  out: string;
}
export interface HostReply {
  loader: string;
  ok: boolean;
  error?: string;
}

async function runOne({loader, out}: HostRequest): Promise<HostReply> {
  await writeFile(out, "");
  setLoaderOutput((data) => appendFile(out, data));
  try {
    // The loader's top-level await ends when its output is written.
    await import(pathToFileURL(loader).href);
    return {loader, ok: true};
  } catch (e) {
    return {loader, ok: false, error: (e as Error).message};
  } finally {
    setLoaderOutput(null);
  }
}

if (!process.send) {
  console.error("scripts/loader-host.ts startas av scripts/build.ts (fork, med en IPC-kanal).");
  process.exit(2);
}
// One request at a time: the parent sends the next when this one answered.
let queue = Promise.resolve();
process.on("message", (request: HostRequest) => {
  queue = queue.then(async () => {
    process.send!(await runOne(request));
  });
});
process.on("disconnect", () => process.exit(0));
