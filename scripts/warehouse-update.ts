/**
 * Brings the warehouse up to date for scripts/build.ts, in a process of its own: DuckDB's memory (up
 * to its limit, 800 MB by default) goes back to the system when this process ends, instead of staying
 * with the build while the loaders and the render processes run beside it (issue 18: the build's
 * whole process tree within 1,5 GiB).
 *
 * Started with fork() (an IPC channel, `--import tsx`) with the data folder and the fingerprints the
 * build just took of it (JSON, or "null": lookAtWarehouse) as its arguments; it answers {update},
 * {fatal} (a file the ingest cannot use: the message for the reader) or {error}.
 */
import {updateWarehouse, type InputStamps, type WarehouseUpdate} from "../loaders/warehouse.ts";
import {IngestFatalError} from "../loaders/ingest/errors.ts";

export type UpdateReply = {update: WarehouseUpdate} | {fatal: string} | {error: string};

const send = process.send?.bind(process);
if (!send) {
  console.error("scripts/warehouse-update.ts startas av scripts/build.ts (fork, med en IPC-kanal).");
  process.exit(2);
}
let reply: UpdateReply;
try {
  reply = {update: await updateWarehouse(process.argv[2], JSON.parse(process.argv[3] ?? "null") as InputStamps | null)};
} catch (e) {
  reply = e instanceof IngestFatalError ? {fatal: e.message} : {error: (e as Error).stack ?? String(e)};
}
send(reply, undefined, {}, () => process.disconnect?.());
