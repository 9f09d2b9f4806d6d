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

/** The members of an archive written by tarArchive (ustar, regular files), in order. */
export function tarMembers(archive: Uint8Array): {name: string; data: Buffer}[] {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const out: {name: string; data: Buffer}[] = [];
  for (let at = 0; at + BLOCK <= buf.length; ) {
    const header = buf.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const text = (from: number, length: number) => header.toString("utf8", from, from + length).replace(/\0.*$/s, "");
    const size = parseInt(text(124, 12).trim() || "0", 8);
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    if (!Number.isFinite(size) || at + BLOCK + size > buf.length) throw new Error(`tar: truncated member ${name}`);
    const type = text(156, 1);
    if (type === "0" || type === "") out.push({name, data: buf.subarray(at + BLOCK, at + BLOCK + size)});
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
