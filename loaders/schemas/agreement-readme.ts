/** The section of data/README.md on the agreement files (avtal/*.json): the format and every field. */
import {PARAMETER_LABELS} from "../agreements.ts";
import {STATUSES} from "./agreement.ts";

const lines = `## \`avtal/<länskod>-<år>.json\`: avtalen

Ett avtal per fil, namngiven efter länet och avtalets första år: \`avtal/23-2026.json\` (Region Jämtland
Härjedalen och kommunerna 2026–2027) och \`avtal/24-2013.json\` (hemsjukvårdens överföring i Västerbotten 2013).
Ett län kan ha flera avtal över tid; det som gäller ett år är det senaste som har börjat och inte upphört.
Filerna kontrolleras med zod (\`loaders/schemas/agreement.ts\`); ett fel stoppar bygget och nämner fil och fält.

**Varje siffra är en parameter** \`{"value": …, "kind": …, "source": {…}}\` med en av tre sorter:

| kind | betyder | source |
| --- | --- | --- |
| \`avtalat\` | står i avtalet | \`{"document": "dokumentets titel", "section": "avsnitt", "page": "valfri sida", "quote": "valfritt citat"}\` |
| \`antagande\` | valt av en analytiker eftersom avtalet inte säger något | \`{"by": "vem som valde", "reason": "varför"}\` |
| \`beräknat\` | härlett ur andra värden | \`{"formula": "formeln"}\` |

En parameter kan också ha \`"note"\` (en förklaring som visas på sidan /avtal/<län>). Sidorna, CSV-filerna,
kommandona och seminarierapporten visar sorten bredvid siffran; ett antagande länkar till sin rad på /avtal/<län>.
Decimaltal som används i belopp skrivs som text (\`"47.18"\`) så att de blir exakta.

**Avtalet självt:**

| fält | betydelse |
| --- | --- |
| \`countyCode\` | Länskod; ska stämma med filnamnet |
| \`title\`, \`region\`, \`parties\` | Avtalets namn, regionen och parterna |
| \`validFrom\`, \`validTo\` | Giltighetstid (ÅÅÅÅ-MM-DD); \`validTo: null\` = tills vidare. \`validFrom\` ska börja det år filnamnet säger |
| \`noticeMonths\`, \`prolongYears\` | Uppsägning senast så många månader före slutet; annars förlängs avtalet så många år i taget (\`null\` = anges inte) |
| \`termsSource\` | Var giltighet, uppsägning och förlängning står (\`{document, section}\`) |
| \`history\` | Besluten i datumordning: \`{"date", "status", "by", "note"}\`, status ${STATUSES.map((s) => `\`${s}\``).join(", ")}. Avtalets status är det senaste beslutet; ett rekommenderat avtal visas aldrig som gällande |
| \`principles\` | Valfri lista med avtalets principer: \`{"id", "name", "source", "indicators"}\`, där \`indicators\` (seminarieavsnittens id, t.ex. \`tillaggsbelopp\`) är en parameter, oftast \`antagande\` |

**Grupper av parametrar** (alla valfria; sidorna tar varje grupp från den första filen som har den):
\`supplementaryAmount\` (tilläggsbelopp och normalvariation), \`medtech\` (medicinteknik), \`rates\` (timpriser och
dag-/kvällstid), \`developmentFunds\` (utvecklingsmedlens fördelning), \`taxSwap\` (skatteväxling), \`vaccination\`.

Normalvariationen lagras som avtalad (\`supplementaryAmount.band.agreed\`: en lista med \`{validFrom, baseFrom,
baseTo, lower, upper}\`, sort \`avtalat\`). Avstämningen använder det senast avtalade bandet; bandet som räknas om
ur data vid varje omräkningspunkt visas som förslag bredvid och ersätter det aldrig. När parterna har kommit överens
om ett nytt band skrivs det in som en ny rad i \`agreed\`.

Skatteväxlingens öre per år läses ur \`skattevaxling.csv\` (data); avtalsfilens \`taxSwap.swaps\` är det avtalade
eller föreslagna med källa. Skiljer de sig åt står det på sidan Datakvalitet.

| parameter | betydelse |
| --- | --- |
${Object.entries(PARAMETER_LABELS)
  .map(([id, label]) => `| \`${id.replace(/\*/g, "<n>")}\` | ${label.replace(/\|/g, "\\|")} |`)
  .join("\n")}`;

export const AGREEMENT_README: string[] = lines.split("\n");
