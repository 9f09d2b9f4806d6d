import type {Command} from "../command.ts";
import {runCheck} from "../check.ts";

export const command: Command = {
  name: "check",
  usage: "check [--data MAPP] [--json]",
  summary: "Kontrollera en datamapp: varje avvisad rad med fil och rad (avslutar med 1 vid fel)",
  run: ({dir, json}) => runCheck(dir, json)
};
