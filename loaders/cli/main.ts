/** `npx samverkan <command>`: the CLI of Samverkan i siffror. */
import {dataDir} from "../warehouse.ts";
import {flagString, parseArgs} from "./args.ts";
import {runCheck} from "./check.ts";

const HELP = `Samverkan i siffror

Användning:
  npx samverkan check [--data MAPP] [--json]     Kontrollera en datamapp (avslutar med 1 vid fel)

Utan --data läses SAMVERKAN_DATA eller den inbyggda mappen data/.`;

export async function main(argv: string[]): Promise<number> {
  const {command, flags} = parseArgs(argv);
  const dir = dataDir(flagString(flags, "data"));
  const json = flags.json === true;
  switch (command) {
    case "check":
      return runCheck(dir, json);
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(HELP + "\n");
      return command ? 0 : 2;
    default:
      process.stderr.write(`Okänt kommando: ${command}\n\n${HELP}\n`);
      return 2;
  }
}
