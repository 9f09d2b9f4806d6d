/** Encodes text as Windows-1252 (what Swedish Excel saves as "CSV (semikolonavgränsad)"). */
const EXTRA: Record<string, number> = {"€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "–": 0x96, "—": 0x97, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94};

export default function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      if (EXTRA[ch] != null) return EXTRA[ch];
      const c = ch.charCodeAt(0);
      if (c > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return c;
    })
  );
}
