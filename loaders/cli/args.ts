/** Minimal flag parsing for the CLI: --name value, --flag, positional command first. */
export interface Args {
  command: string | undefined;
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): Args {
  const flags: Record<string, string | true> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      if (inline !== undefined) flags[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags[name] = argv[++i];
      else flags[name] = true;
    } else if (!command) command = a;
  }
  return {command, flags};
}

export const flagString = (flags: Args["flags"], name: string): string | undefined => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
