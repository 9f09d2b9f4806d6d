import type {Args} from "./args.ts";

/** One CLI command: loaders/cli/commands/<name>.ts exports `command`. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(context: {dir: string; json: boolean; flags: Args["flags"]; positional?: string[]}): Promise<number>;
}
