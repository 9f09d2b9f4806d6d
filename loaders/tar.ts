/**
 * A minimal, deterministic POSIX tar writer (ustar, regular files only). A data loader that writes a
 * .tar lets one run of a report give every county's and municipality's file: Framework extracts
 * `data/jamfor/23/meta.json` from the output of `data/jamfor.tar.ts` and copies only the members
 * that pages reference. Modification times are 0 so that two builds give the same bytes.
 */
const BLOCK = 512;

function field(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, Math.min(length, Buffer.byteLength(value)), "utf8");
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, "0") + "\0";
}

/** The archive of the given members, in the order given. Names are relative paths of at most 100 bytes. */
export function tarArchive(members: readonly {name: string; data: string | Uint8Array}[]): Buffer {
  const parts: Buffer[] = [];
  const seen = new Set<string>();
  for (const {name, data} of members) {
    if (!name || Buffer.byteLength(name) > 100 || name.startsWith("/") || name.split("/").includes("..")) throw new Error(`tar: invalid member name ${JSON.stringify(name)}`);
    if (seen.has(name)) throw new Error(`tar: duplicate member ${name}`);
    seen.add(name);
    const body = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
    const header = Buffer.alloc(BLOCK);
    field(header, 0, 100, name);
    field(header, 100, 8, "0000644\0");
    field(header, 108, 8, "0000000\0");
    field(header, 116, 8, "0000000\0");
    field(header, 124, 12, octal(body.length, 12));
    field(header, 136, 12, octal(0, 12));
    header.fill(" ", 148, 156); // the checksum is computed with its own field as spaces
    field(header, 156, 1, "0");
    field(header, 257, 6, "ustar\0");
    field(header, 263, 2, "00");
    let sum = 0;
    for (const b of header) sum += b;
    field(header, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
    parts.push(header, body);
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}
