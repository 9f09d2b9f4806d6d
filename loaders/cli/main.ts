/** `npx samverkan <command>`: the CLI of Samverkan i siffror. Commands live in ./commands/. */
import {readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {dataDir} from "../warehouse.ts";
import {IngestFatalError} from "../ingest/errors.ts";
import {flagString, parseArgs} from "./args.ts";
import type {Command} from "./command.ts";

async function commands(): Promise<Command[]> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "commands");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
  return Promise.all(files.map(async (f) => (await import(pathToFileURL(join(dir, f)).href)).command as Command));
}

function help(list: Command[]): string {
  const width = Math.max(...list.map((c) => c.usage.length));
  return [
    "Samverkan i siffror",
    "",
    "Användning:",
    ...list.map((c) => `  npx samverkan ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Utan --data läses SAMVERKAN_DATA eller den inbyggda mappen data/. --json ger maskinläsbar utdata."
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const {command, flags, positional} = parseArgs(argv);
  const list = await commands();
  const found = list.find((c) => c.name === command);
  if (!found) {
    if (command && command !== "help" && command !== "--help") process.stderr.write(`Okänt kommando: ${command}\n\n`);
    process.stdout.write(help(list) + "\n");
    return command === "help" || command === "--help" ? 0 : 2;
  }
  try {
    return await found.run({dir: dataDir(flagString(flags, "data")), json: flags.json === true, flags, positional});
  } catch (e) {
    if (e instanceof IngestFatalError) {
      process.stderr.write(`Kan inte läsa datamappen: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
