/** The text of data/README.md, made from the input schemas and the parameter schema. */
import {INPUTS} from "./inputs.ts";
import {describeKind} from "./columns.ts";
import {AGREEMENT_README} from "./agreement-readme.ts";
import {disclosurePolicy, policyParagraphs} from "../disclosure/policy.ts";

const esc = (s: string) => s.replace(/\|/g, "\\|");

export function renderDataReadme(): string {
  const out: string[] = [];
  out.push("# Indata: filer och kolumner");
  out.push("");
  out.push("<!-- Genererad av scripts/data-readme.ts ur loaders/schemas/: ändra schemat, inte denna fil. -->");
  out.push("");
  out.push("Den inbyggda mappen `data/` innehåller **demodata** (påhittade kostnader, antal och täckning för");
  out.push("Jämtlands och Västerbottens län 2013–2025, skapade av `scripts/generate-demo.ts` med fast frö) och");
  out.push("avtalens **verkliga** siffror i mappen `avtal/` (en fil per avtal). Egna data: lägg samma filer i en mapp och kör");
  out.push("`SAMVERKAN_DATA=/sökväg/till/mappen npm run build`, eller kontrollera dem först med");
  out.push("`npx samverkan check --data /sökväg/till/mappen`.");
  out.push("");
  out.push("## Hur filerna läses");
  out.push("");
  out.push("- CSV från Excel: avgränsare `;`, `,` eller tabb (känns igen på rubrikraden; en första rad `sep=;` godtas),");
  out.push("  UTF-8 med eller utan BOM, eller Windows-1252 (ANSI). Decimalkomma eller decimalpunkt; mellanslag som");
  out.push("  tusentalsavgränsare (`1 123,50`) godtas. Fält med avgränsare eller radbrytning skrivs inom citattecken.");
  out.push("- Rubrikerna matchas utan hänsyn till versaler, accenter och mellanslag (`År`, `ar` och `år` är samma kolumn).");
  out.push("  Okända kolumner hoppas över med en anmärkning.");
  out.push("- Varje rad blir antingen godkänd eller redovisad med fil, rad, kolumn, värde och regel");
  out.push("  (sidan Datakvalitet och `npx samverkan check`). Godkända + avvisade = lästa.");
  out.push("- En fil som inte går att använda alls (saknas fast den krävs, är tom, saknar en kolumn eller hör till en");
  out.push("  annan filtyp) stoppar bygget med ett meddelande som säger vilken fil och vad som ska rättas.");
  out.push("- Belopp i kronor lagras exakt (DECIMAL, öre); inget belopp går genom flyttal före avrundningen.");
  out.push("");
  out.push("## Filer");
  out.push("");
  out.push("| fil | innehåll | krävs |");
  out.push("| --- | --- | --- |");
  out.push("| `parametrar.json` | Datamängdens etikett, år och inställningar (se nedan) | ja |");
  out.push("| `avtal/<länskod>-<år>.json` | Ett avtal per fil: varje siffra med sin sort och källa (se nedan) | ja, minst en |");
  for (const spec of INPUTS) out.push(`| \`${spec.file}\` | ${esc(spec.title)} | ${spec.required ? "ja" : "nej"} |`);
  for (const spec of INPUTS) {
    out.push("");
    out.push(`### \`${spec.file}\`: ${spec.title}`);
    out.push("");
    out.push(spec.description);
    out.push("");
    out.push("| kolumn | typ | enhet | obligatorisk | beskrivning |");
    out.push("| --- | --- | --- | --- | --- |");
    for (const c of spec.columns)
      out.push(`| \`${c.header}\` | ${esc(describeKind(c.kind))} | ${c.unit ?? ""} | ${c.optionalColumn ? "nej (kolumnen kan saknas)" : c.optional ? "nej (får vara tom)" : "ja"} | ${esc(c.description)} |`);
    const rules: string[] = [];
    if (spec.key.length) rules.push(`Nyckel: ${spec.key.map((k) => `\`${spec.columns.find((c) => c.field === k)?.header}\``).join(" + ")}; en andra rad med samma nyckel avvisas som dubblett.`);
    if (spec.checkMunicipality) rules.push("Kommunkoden ska finnas i `kommuner.csv`.");
    for (const c of spec.checks ?? []) rules.push(`${c.message} (regel \`${c.rule}\`)`);
    if (rules.length) {
      out.push("");
      for (const r of rules) out.push(`- ${r}`);
    }
  }
  out.push("");
  out.push("## `parametrar.json`");
  out.push("");
  out.push("Datamängdens egna inställningar, kontrollerade med zod när bygget startar. Avtalens siffror står inte här");
  out.push("utan i mappen `avtal/` (en äldre `parametrar.json` med avtalets fält ger ett fel som säger vart de ska flyttas).");
  out.push("");
  out.push("| fält | betydelse |");
  out.push("| --- | --- |");
  const params: [string, string][] = [
    ["dataset.label, dataset.demo", "Datamängdens namn; `demo: true` ger etiketten Demodata på varje sida"],
    ["years.from, years.to", "Åren som visas"],
    ["suppressionThreshold", "Antal personer under detta tal (men över 0) visas aldrig (standard 5); se Sekretess nedan"],
    ["suppressionAllOrNoneBelow", "0 % och 100 % visas inte i målgrupper med färre personer än detta (standard 50; 0 stänger av regeln)"],
    ["comparison.municipalIndex, comparison.regionIndex", "Index för fasta priser: kommunernas kostnader och regionens (LPIK)"]
  ];
  for (const [k, v] of params) out.push(`| \`${k}\` | ${esc(v)} |`);
  out.push("");
  out.push(...AGREEMENT_README);
  out.push("");
  out.push("## Sekretess: små antal och röjandekontroll");
  out.push("");
  out.push("Regeln gäller hela webbplatsen, CSV-filerna, seminarierapporten och kommandoradens `--json`");
  out.push("(loaders/disclosure/, sidan *Sekretess och röjandekontroll*). Med standardvärdena:");
  out.push("");
  for (const p of policyParagraphs(disclosurePolicy({suppressionThreshold: 5}))) out.push(`- ${p}`, "");
  return out.join("\n");
}
