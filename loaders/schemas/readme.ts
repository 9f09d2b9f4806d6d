/** The text of data/README.md, made from the input schemas and the parameter schema. */
import {INPUTS} from "./inputs.ts";
import {describeKind} from "./columns.ts";
import {AGREEMENT_README} from "./agreement-readme.ts";
import {disclosurePolicy, policyParagraphs} from "../disclosure/policy.ts";
import {KOLADA_KPIS} from "../import/kolada.ts";

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
  out.push(...importSection());
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

/** How published statistics get into a data folder (`samverkan import`), and Excel files. */
function importSection(): string[] {
  return [
    "- Excel: varje datafil kan i stället vara en `.xlsx` med samma namn (`befolkning.xlsx` i stället för",
    "  `befolkning.csv`). Bladet med filens namn (`befolkning`) läses om det finns, annars det första bladet;",
    "  rad 1 är rubrikraden och radnumren i felrapporten är bladets radnummer. Datum, tal med decimaler,",
    "  procentformat (41,3 % läses som 41,3), tomma celler och formler (det sparade resultatet) läses som de",
    "  visas. Finns både `.csv` och `.xlsx` med samma namn stoppar bygget: ta bort den ena.",
    "",
    "## Importera publicerad statistik",
    "",
    "Filer som hämtats från Kolada eller SCB:s Statistikdatabas läses in med `npx samverkan import`, som skriver",
    "in raderna i datamappens filer: en rad med samma nyckel ersätts, övriga rader och kolumner lämnas som de var.",
    "Kör sedan `npx samverkan check --data MAPP`. Den inbyggda mappen `data/` (demodata) uppdateras aldrig.",
    "",
    "- `npx samverkan import kolada FIL… --data MAPP`: sparade svar från Koladas API (v3 `{values, count, next_url}`,",
    "  och v2:s form med `next_page`); en nedladdning i flera sidor ges som flera filer. Varje värde (kön T, K, M)",
    "  skrivs till `kolada.csv` med nyckeltalets id som källa; län (00LL) och riket (0000) följer med som",
    "  jämförelser; ett tomt värde (null) förblir tomt och Koladas status följer med. Befolkningen skrivs också",
    "  till `befolkning.csv`: 65-79 = N01956, 80+ = N01957 och 0-64 = N01951 − N01956 − N01957 (heltal, exakt).",
    "  Källa: Kolada.",
    "- `npx samverkan import kolada --fetch KPI… --years 2019-2024 --data MAPP`: hämtar samma sak från Koladas",
    "  API (kräver nätverk), sparar svaren i `MAPP/kolada-hamtat/` och läser dem som ovan.",
    "- `npx samverkan import scb FIL --year ÅÅÅÅ --data MAPP`: en CSV-export av folkmängden per region och ålder",
    "  (t.ex. \"Folkmängden efter region, ålder och kön\") som den laddades ner: BOM, CRLF, rubrikrad, regioner som",
    "  `0114 Upplands Väsby`, åldrar i ettårs- eller femårsklasser till `100+ år`, kön i kolumn eller rubrik,",
    "  fotnoter under tabellen. Åldrarna summeras till 0-64, 65-79 och 80+. Exporten behöver inte nämna året:",
    "  ange det med `--year` (om filen inte nämner det och `--year` saknas gissar importen inte). Samma tabell",
    "  som SCB:s API (PxWebApi) ger den med koder läses också: `\"Region\",\"Civilstand\",\"Alder\",\"Kon\",\"BE0101N1 2023\"`,",
    "  regioner som koder (`2514`), kön 1 = män och 2 = kvinnor; en kolumn civilstånd summeras bort.",
    "",
    "Siffror som SCB och Kolada skriver dem läses: symbolerna `..`, `.`, `-`, `–` och `x` som saknat värde (aldrig 0),",
    "mellanslag som tusentalsavgränsare och minus skrivet som `‑` (U+2011) eller `−` (U+2212).",
    "",
    "Verkliga publicerade filer finns som testfiler i `test/fixtures/real/` med källa (utgivare, adress, datum,",
    "licens) i dess README: SCB:s befolkningstabell för Kalix 2023–2024 (som API:t skriver den), kontrollerad mot",
    "Regionfaktas och SCB:s publicerade siffror. Där står också vad som inte gick att hitta (ett sparat svar från",
    "Koladas API, FHM:s influensatäckning); Kolada-filerna i `test/fixtures/import/` är konstruerade i Koladas format.",
    "",
    "Nyckeltalen som sidan använder:",
    "",
    "| nyckeltal | Koladas namn | används till |",
    "| --- | --- | --- |",
    ...Object.entries(KOLADA_KPIS).map(([id, k]) => `| \`${id}\` | ${esc(k.title)} | ${esc(k.use)} |`),
    "",
    "Id och namn på N01812, N01813 och N01951 är kontrollerade mot en publicerad kopia av Koladas",
    "nyckeltalslista (test/fixtures/real/README.md); övriga id är inte kontrollerade härifrån. Andelen i",
    "hemsjukvård har inget nyckeltal här ännu (inget id kunde bekräftas); andra nyckeltal i en fil sparas ändå",
    "i `kolada.csv`.",
    ""
  ];
}
