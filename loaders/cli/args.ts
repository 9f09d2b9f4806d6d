/** Minimal flag parsing for the CLI: --name value, --flag, positional command first. */
export interface Args {
  command: string | undefined;
  flags: Record<string, string | true>;
  /** Words after the command that are not flags or flag values (e.g. `import kolada a.json b.json`). */
  positional: string[];
}

export function parseArgs(argv: string[]): Args {
  const flags: Record<string, string | true> = {};
  let command: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      if (inline !== undefined) flags[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags[name] = argv[++i];
      else flags[name] = true;
    } else if (!command) command = a;
    else positional.push(a);
  }
  return {command, flags, positional};
}

export const flagString = (flags: Args["flags"], name: string): string | undefined => (typeof flags[name] === "string" ? (flags[name] as string) : undefined);
