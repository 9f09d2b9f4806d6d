/**
 * The input files of a data folder: one definition per file is the source of truth for its columns,
 * types and rules. The DuckDB tables, the validation SQL and data/README.md are all made from these.
 */
import type {ColumnSpec} from "./columns.ts";

export type Family = "reference" | "costs" | "enrolment" | "inventory" | "vaccination" | "agreement";

export interface RowCheck {
  rule: string;
  /** The column blamed in the report. */
  column: string;
  /** SQL on the typed fields that is TRUE when the row breaks the rule. */
  invalid: string;
  /** Swedish explanation. */
  message: string;
}

export interface InputSpec {
  /** Table name in DuckDB (English). */
  table: string;
  file: string;
  family: Family;
  title: string;
  description: string;
  required: boolean;
  columns: ColumnSpec[];
  /** Fields that identify a row: a second row with the same key is rejected as a duplicate. */
  key: string[];
  checks?: RowCheck[];
  /** Municipality codes are checked against kommuner.csv (all but kommuner.csv itself). */
  checkMunicipality?: boolean;
  /** Rows whose required figure is a statistics symbol stay in the table with NULL (the readers handle it); else they leave it, kept in value_symbols. */
  keepSymbolRows?: boolean;
  /** Tables that must be read before this one (for cross-file rules). */
  after?: string[];
}

const municipality = (description = "Kommunkod (SCB), t.ex. 2380 för Östersund"): ColumnSpec => ({
  header: "kommunkod",
  field: "municipality_code",
  kind: {type: "municipality"},
  description
});
const year = (description = "Kalenderår"): ColumnSpec => ({header: "år", field: "year", kind: {type: "year"}, description});
const persons = (header: string, field: string, description: string, max = 10_000_000): ColumnSpec => ({
  header,
  field,
  kind: {type: "integer", min: 0, max},
  unit: "personer",
  description
});
const kronor = (header: string, field: string, description: string, max = 1e13, min = 0): ColumnSpec => ({
  header,
  field,
  kind: {type: "decimal", min, max, scale: 2},
  unit: "kr",
  description
});

export const SERVICES = ["palliativ", "hemsjukvard", "sabo", "korttid", "lss"] as const;
export const TARGET_GROUPS = ["sabo", "hemsjukvard", "hemtjanst", "lss"] as const;
export const VACCINES = ["covid-19", "influensa"] as const;
export const AGE_BANDS = ["0-64", "65-79", "80+"] as const;
export const PRINCIPALS = ["region", "kommun"] as const;
export const INDICES = ["LPIK", "VPI", "OPI", "KPI"] as const;
export const WORK_KINDS = ["inhyrd_personal", "synombud", "horselombud"] as const;

const serviceAliases = {"palliativt team": "palliativ", "hemsjukvård": "hemsjukvard", "säbo": "sabo", "särskilt boende": "sabo", korttidsplats: "korttid"};
const groupAliases = {"säbo": "sabo", "särskilt boende": "sabo", "hemsjukvård": "hemsjukvard", "hemtjänst": "hemtjanst"};

export const INPUTS: InputSpec[] = [
  {
    table: "municipalities",
    file: "kommuner.csv",
    family: "reference",
    title: "Kommuner och län",
    description: "Länen och kommunerna som ingår, med SCB:s koder. Alla andra filer kontrolleras mot denna.",
    required: true,
    columns: [
      {header: "länskod", field: "county_code", kind: {type: "county"}, description: "Länskod (SCB), t.ex. 23"},
      {header: "län", field: "county_name", kind: {type: "text", maxLength: 80}, description: "Länets namn, t.ex. Jämtlands län"},
      {header: "region", field: "region_name", kind: {type: "text", maxLength: 80}, optionalColumn: true, optional: true, description: "Regionens namn, t.ex. Region Jämtland Härjedalen"},
      municipality(),
      {header: "kommun", field: "municipality_name", kind: {type: "text", maxLength: 80}, description: "Kommunens namn"}
    ],
    key: ["municipality_code"],
    checks: [
      {rule: "lanskod_matchar_inte", column: "länskod", invalid: "left(municipality_code, 2) <> county_code", message: "Kommunkodens två första siffror ska vara länskoden."}
    ]
  },
  {
    table: "population",
    file: "befolkning.csv",
    family: "reference",
    title: "Befolkning",
    description: "Folkmängd per kommun, år och åldersgrupp (31 december, SCB).",
    required: true,
    checkMunicipality: true,
    keepSymbolRows: true,
    columns: [
      municipality(),
      year("År (folkmängd 31 december)"),
      {header: "åldersgrupp", field: "age_band", kind: {type: "enum", values: AGE_BANDS, aliases: {"0–64": "0-64", "65–79": "65-79", "80-": "80+", "80-w": "80+"}}, description: "Åldersgrupp"},
      persons("antal", "population", "Antal invånare", 2_000_000)
    ],
    key: ["municipality_code", "year", "age_band"]
  },
  {
    table: "allocation_factors",
    file: "fordelningsfaktorer.csv",
    family: "reference",
    title: "Fördelningsfaktorer",
    description: "Faktorerna i resursfördelningsmodellen (som i hälsovalet) per kommun och år: glesbygd/tillgänglighet och socioekonomi (GNI). Äldrefaktorn räknas fram ur befolkningen.",
    required: true,
    checkMunicipality: true,
    columns: [
      municipality(),
      year(),
      {header: "glesbygd", field: "sparsity", kind: {type: "decimal", min: 0, max: 100, scale: 4}, unit: "index", description: "Glesbygds-/tillgänglighetsindex, 1 = genomsnitt"},
      {header: "socioekonomi", field: "socioeconomics", kind: {type: "decimal", min: 0, max: 100, scale: 4}, unit: "index", description: "Socioekonomiskt index (GNI), 1 = genomsnitt"}
    ],
    key: ["municipality_code", "year"]
  },
  {
    table: "price_indices",
    file: "prisindex.csv",
    family: "reference",
    title: "Prisindex",
    description: "SKR:s prisindex per år som årlig förändring i procent. Prognoser revideras: varje värde har sitt publiceringsdatum, och det senaste gäller.",
    required: true,
    columns: [
      {header: "index", field: "index_name", kind: {type: "enum", values: INDICES}, description: "LPIK, VPI, OPI eller KPI"},
      year("Året som förändringen avser"),
      {header: "förändring_procent", field: "change_percent", kind: {type: "decimal", min: -50, max: 50, scale: 3}, unit: "%", description: "Årlig förändring i procent, t.ex. 2,7"},
      {header: "publicerad", field: "edition", kind: {type: "date"}, description: "Datum då värdet publicerades (utgåva)"},
      {header: "status", field: "status", kind: {type: "enum", values: ["utfall", "prognos"]}, description: "utfall eller prognos"},
      {header: "källa", field: "source", kind: {type: "text", maxLength: 120}, description: "Källa, t.ex. SKR eller Demodata"},
      {header: "indextal", field: "index_level", kind: {type: "decimal", min: 0, max: 100000, scale: 4}, optional: true, optionalColumn: true, unit: "index", description: "Indextalet för året (valfritt). Finns det för båda åren räknas fasta priser som kvoten mellan indextalen i stället för produkten av de avrundade årliga förändringarna."}
    ],
    key: ["index_name", "year", "edition"]
  },
  {
    table: "tax_base",
    file: "skatteunderlag.csv",
    family: "reference",
    title: "Skatteunderlag",
    description: "Kommunens skatteunderlag per år (beskattningsbar förvärvsinkomst).",
    required: true,
    checkMunicipality: true,
    columns: [municipality(), year("Inkomstår som skatten betalas för"), kronor("skatteunderlag_kr", "tax_base", "Skatteunderlag i kronor")],
    key: ["municipality_code", "year"]
  },
  {
    table: "tax_swap",
    file: "skattevaxling.csv",
    family: "reference",
    title: "Skatteväxling",
    description: "Växlade öre per skattekrona per län, från och med ett år (en serie, inte en konstant).",
    required: true,
    columns: [
      {header: "länskod", field: "county_code", kind: {type: "county"}, description: "Länskod"},
      {header: "från_år", field: "from_year", kind: {type: "year"}, description: "Första år som öretalet gäller"},
      {header: "öre", field: "ore", kind: {type: "decimal", min: 0, max: 500, scale: 2}, unit: "öre per skattekrona", description: "Växlade öre per skattekrona"},
      {header: "beslut", field: "decision", kind: {type: "text", maxLength: 300}, optional: true, optionalColumn: true, description: "Beslut eller källa"}
    ],
    key: ["county_code", "from_year"]
  },
  {
    table: "mean_tax_base",
    file: "medelskattekraft.csv",
    family: "reference",
    title: "Medelskattekraft (inkomstutjämningen)",
    description: "Rikets medelskattekraft per invånare per år (SCB:s beräkning av kommunalekonomisk utjämning), på samma grund som skatteunderlag.csv. Behövs för inkomstutjämningens effekt i skatteväxlingens uppföljning; saknas filen säger sidan det.",
    required: false,
    columns: [
      year("Året som skatteunderlaget avser (samma som i skatteunderlag.csv)"),
      kronor("medelskattekraft_kr", "mean_tax_base", "Rikets skatteunderlag per invånare i kronor", 1e8),
      {header: "källa", field: "source", kind: {type: "text", maxLength: 160}, optional: true, optionalColumn: true, description: "Källa, t.ex. SCB Kommunalekonomisk utjämning 2024, eller Demodata"}
    ],
    key: ["year"]
  },
  {
    table: "county_tax_rate",
    file: "lansvis-skattesats.csv",
    family: "reference",
    title: "Länsvis skattesats (inkomstutjämningen)",
    description: "Den länsvisa skattesatsen för kommunerna i inkomstutjämningen (förordning (2004:881) 2 §), per län och år. Visar bidragets eller avgiftens storlek; växlingens effekt räknas utan den.",
    required: false,
    columns: [
      {header: "länskod", field: "county_code", kind: {type: "county"}, description: "Länskod"},
      year("Utjämningsår"),
      {header: "skattesats", field: "rate", kind: {type: "decimal", min: 0, max: 40, scale: 2}, unit: "kr per skattekrona", description: "Länsvis skattesats för kommunerna, t.ex. 20,55"},
      {header: "källa", field: "source", kind: {type: "text", maxLength: 160}, optional: true, optionalColumn: true, description: "Källa, t.ex. SFS 2019:797"}
    ],
    key: ["county_code", "year"]
  },
  {
    table: "elderly_standard_cost",
    file: "standardkostnad-aldreomsorg.csv",
    family: "reference",
    title: "Standardkostnad äldreomsorg (kostnadsutjämningen)",
    description: "Kommunens standardkostnad för äldreomsorg i kostnadsutjämningen, kronor per invånare och år (SCB/SKR). Underlag för scenariot med hemsjukvårdstillägg (SOU 2011:55: 1,5 % av standardkostnaden); saknas filen säger sidan det.",
    required: false,
    checkMunicipality: true,
    columns: [
      municipality(),
      year("Utjämningsår"),
      kronor("standardkostnad_kr_per_invanare", "per_inhabitant", "Standardkostnad för äldreomsorg, kronor per invånare", 1e6),
      {header: "källa", field: "source", kind: {type: "text", maxLength: 160}, optional: true, optionalColumn: true, description: "Källa, t.ex. SCB Kostnadsutjämning 2024, eller Demodata"}
    ],
    key: ["municipality_code", "year"]
  },
  {
    table: "costs",
    file: "kostnader.csv",
    family: "costs",
    title: "Kostnader",
    description: "Kostnad i kronor per kommun, år, kostnadsslag och huvudman.",
    required: true,
    checkMunicipality: true,
    columns: [
      municipality(),
      year(),
      {header: "kategori", field: "category", kind: {type: "text", maxLength: 80}, description: "Kostnadsslag, t.ex. hemsjukvard_ordinart, hemsjukvard_sabo, hjalpmedel"},
      {header: "huvudman", field: "principal", kind: {type: "enum", values: PRINCIPALS}, description: "region eller kommun"},
      kronor("belopp_kr", "amount", "Kostnad i kronor (löpande priser)")
    ],
    key: ["municipality_code", "year", "category", "principal"]
  },
  {
    table: "ledger",
    file: "kostnader-huvudbok.csv",
    family: "costs",
    title: "Kostnader (huvudboksrader)",
    description: "Kostnader som enskilda huvudboksrader per månad; DuckDB summerar dem per kommun, år, kostnadsslag (konto) och huvudman. Finns samma nyckel i kostnader.csv gäller den.",
    required: false,
    checkMunicipality: true,
    columns: [
      municipality(),
      year(),
      {header: "månad", field: "month", kind: {type: "integer", min: 1, max: 12}, description: "Månad 1–12"},
      {header: "konto", field: "category", kind: {type: "text", maxLength: 80}, description: "Konto eller kostnadsslag, t.ex. hemsjukvard_ordinart"},
      {header: "huvudman", field: "principal", kind: {type: "enum", values: PRINCIPALS}, description: "region eller kommun"},
      kronor("belopp_kr", "amount", "Belopp i kronor (kreditering negativ)", 1e11, -1e11)
    ],
    key: []
  },
  {
    table: "enrolment_counts",
    file: "inskrivna.csv",
    family: "enrolment",
    title: "Inskrivna (antal)",
    description: "Antal personer inskrivna i en insats per kommun och period. Anslutna till palliativa teamet är underlaget för tilläggsbeloppets normalvariation.",
    required: false,
    checkMunicipality: true,
    columns: [
      municipality(),
      {header: "period", field: "period", kind: {type: "period"}, description: "År (ÅÅÅÅ) eller månad (ÅÅÅÅ-MM)"},
      {header: "tjänst", field: "service", kind: {type: "enum", values: SERVICES, aliases: serviceAliases}, description: "palliativ, hemsjukvard, sabo, korttid eller lss"},
      persons("antal", "enrolled", "Antal personer (en person räknas en gång per period)")
    ],
    key: ["municipality_code", "period", "service"]
  },
  {
    table: "enrolment_episodes",
    file: "inskrivningar.csv",
    family: "enrolment",
    title: "Inskrivningar (episoder)",
    description: "Enskilda inskrivningar med pseudonymiserat id. DuckDB räknar varje person en gång per år och kommun.",
    required: false,
    checkMunicipality: true,
    columns: [
      {header: "person_id", field: "person_id", kind: {type: "text", maxLength: 64}, description: "Pseudonymiserat id (aldrig personnummer)"},
      municipality(),
      {header: "tjänst", field: "service", kind: {type: "enum", values: SERVICES, aliases: serviceAliases}, description: "Insats"},
      {header: "start", field: "start_date", kind: {type: "date"}, description: "Inskrivningsdatum"},
      {header: "slut", field: "end_date", kind: {type: "date"}, optional: true, description: "Utskrivningsdatum, tomt om pågående"}
    ],
    key: ["person_id", "municipality_code", "service", "start_date"],
    checks: [{rule: "slut_fore_start", column: "slut", invalid: "end_date < start_date", message: "Slutdatum är före startdatum."}]
  },
  {
    table: "device_counts",
    file: "mt-enheter.csv",
    family: "inventory",
    title: "Medicintekniska produkter (antal)",
    description: "Antal registrerade kommunägda medicintekniska produkter per kommun vid ett datum (MT-enhetens inventariedatabas).",
    required: false,
    checkMunicipality: true,
    columns: [municipality(), {header: "datum", field: "date", kind: {type: "date"}, description: "Datum för uttaget, t.ex. 2025-06-30"}, persons("antal", "devices", "Antal registrerade produkter", 1_000_000)],
    key: ["municipality_code", "date"]
  },
  {
    table: "devices",
    file: "mt-utrustning.csv",
    family: "inventory",
    title: "Medicintekniska produkter (en rad per produkt)",
    description: "En rad per registrerad produkt; antalet vid ett datum räknas fram (registrerad, inte avregistrerad).",
    required: false,
    checkMunicipality: true,
    columns: [
      {header: "utrustnings_id", field: "device_id", kind: {type: "text", maxLength: 64}, description: "Inventarienummer"},
      municipality(),
      {header: "registrerad", field: "registered", kind: {type: "date"}, description: "Registreringsdatum"},
      {header: "avregistrerad", field: "decommissioned", kind: {type: "date"}, optional: true, description: "Avregistreringsdatum, tomt om i bruk"}
    ],
    key: ["device_id"],
    checks: [{rule: "avregistrerad_fore_registrerad", column: "avregistrerad", invalid: "decommissioned < registered", message: "Avregistrerad före registrering."}]
  },
  {
    table: "medtech_jobs",
    file: "mt-uppdrag.csv",
    family: "inventory",
    title: "MT-uppdrag (rörlig del)",
    description: "Beställda MT-uppdrag som faktureras månadsvis: timmar, resor, förbrukning och reservdelar.",
    required: false,
    checkMunicipality: true,
    columns: [
      municipality(),
      {header: "datum", field: "date", kind: {type: "date"}, description: "Datum för uppdraget"},
      {header: "timmar", field: "hours", kind: {type: "decimal", min: 0, max: 1000, scale: 2}, unit: "timmar", description: "Arbetad tid"},
      kronor("resekostnad_kr", "travel", "Resekostnad", 1e7),
      kronor("material_kr", "parts", "Förbrukning och reservdelar", 1e8)
    ],
    key: []
  },
  {
    table: "vaccination",
    file: "vaccination.csv",
    family: "vaccination",
    title: "Vaccinationstäckning",
    description: "Vaccinerade och antal i målgruppen per kommun, säsong, målgrupp och vaccin.",
    required: false,
    checkMunicipality: true,
    columns: [
      municipality(),
      {header: "säsong", field: "season", kind: {type: "season"}, description: "Säsong, t.ex. 2023/24"},
      {header: "målgrupp", field: "target_group", kind: {type: "enum", values: TARGET_GROUPS, aliases: groupAliases}, description: "sabo, hemsjukvard, hemtjanst eller lss"},
      {header: "vaccin", field: "vaccine", kind: {type: "enum", values: VACCINES, aliases: {covid: "covid-19", covid19: "covid-19", influenza: "influensa"}}, description: "covid-19 eller influensa"},
      persons("vaccinerade", "vaccinated", "Antal vaccinerade i målgruppen"),
      persons("målgrupp_antal", "target_size", "Antal personer i målgruppen")
    ],
    key: ["municipality_code", "season", "target_group", "vaccine"],
    checks: [{rule: "fler_vaccinerade_an_malgrupp", column: "vaccinerade", invalid: "vaccinated > target_size", message: "Fler vaccinerade än personer i målgruppen."}]
  },
  {
    table: "vaccination_doses",
    file: "vaccinationsdoser.csv",
    family: "vaccination",
    title: "Vaccinationsdoser (individnivå)",
    description: "En rad per given dos med pseudonymiserat id. DuckDB räknar vaccinerade personer (en gång per säsong, målgrupp och vaccin) och doser; säsongen går 1 juli–30 juni. Målgruppens storlek kommer från vaccination.csv.",
    required: false,
    checkMunicipality: true,
    columns: [
      {header: "person_id", field: "person_id", kind: {type: "text", maxLength: 64}, description: "Pseudonymiserat id"},
      municipality(),
      {header: "målgrupp", field: "target_group", kind: {type: "enum", values: TARGET_GROUPS, aliases: groupAliases}, description: "sabo, hemsjukvard, hemtjanst eller lss"},
      {header: "vaccin", field: "vaccine", kind: {type: "enum", values: VACCINES, aliases: {covid: "covid-19", covid19: "covid-19", influenza: "influensa"}}, description: "Vaccin"},
      {header: "datum", field: "date", kind: {type: "date"}, description: "Vaccinationsdatum"}
    ],
    key: ["person_id", "vaccine", "date"]
  },
  {
    table: "vaccination_reference",
    file: "vaccination-referens.csv",
    family: "vaccination",
    title: "Vaccinationstäckning, jämförelser",
    description: "Täckning för län och riket att jämföra med (publicerad statistik). Flera län ger länets rang.",
    required: false,
    columns: [
      {header: "nivå", field: "level", kind: {type: "enum", values: ["lan", "riket"], aliases: {"län": "lan"}}, description: "lan eller riket"},
      {header: "kod", field: "code", kind: {type: "text", maxLength: 4}, description: "Länskod (2 siffror) eller 00 för riket"},
      {header: "namn", field: "name", kind: {type: "text", maxLength: 80}, description: "Namn"},
      {header: "säsong", field: "season", kind: {type: "season"}, description: "Säsong"},
      {header: "målgrupp", field: "target_group", kind: {type: "enum", values: [...TARGET_GROUPS, "65+"], aliases: groupAliases}, description: "Målgrupp (även 65+)"},
      {header: "vaccin", field: "vaccine", kind: {type: "enum", values: VACCINES, aliases: {covid: "covid-19", influenza: "influensa"}}, description: "Vaccin"},
      {header: "täckning_procent", field: "coverage_percent", kind: {type: "decimal", min: 0, max: 100, scale: 1}, unit: "%", description: "Täckning i procent"}
    ],
    key: ["level", "code", "season", "target_group", "vaccine"]
  },
  {
    table: "vaccination_volume",
    file: "vaccinationsvolym.csv",
    family: "vaccination",
    title: "Utförda vaccinationer",
    description: "Antal vaccinationer som kommunens personal har gett per säsong (arbetet vars ersättning är omtvistad).",
    required: false,
    checkMunicipality: true,
    columns: [
      municipality(),
      {header: "säsong", field: "season", kind: {type: "season"}, description: "Säsong"},
      {header: "vaccin", field: "vaccine", kind: {type: "enum", values: VACCINES, aliases: {covid: "covid-19", influenza: "influensa"}}, description: "Vaccin"},
      {header: "doser", field: "doses", kind: {type: "integer", min: 0, max: 10_000_000}, unit: "doser", description: "Antal givna doser"}
    ],
    key: ["municipality_code", "season", "vaccine"]
  },
  {
    table: "work_hours",
    file: "insatser.csv",
    family: "agreement",
    title: "Arbete för den andra partens räkning",
    description: "Inhyrd personal och syn-/hörselombud: en rad per uppdrag, faktureras per påbörjad timme.",
    required: false,
    checkMunicipality: true,
    columns: [
      {header: "datum", field: "date", kind: {type: "date"}, description: "Datum"},
      municipality(),
      {header: "utförare", field: "performer", kind: {type: "enum", values: PRINCIPALS}, description: "Part som utförde arbetet: region eller kommun"},
      {header: "typ", field: "kind", kind: {type: "enum", values: WORK_KINDS, aliases: {"inhyrd personal": "inhyrd_personal", "synombud": "synombud", "hörselombud": "horselombud"}}, description: "inhyrd_personal, synombud eller horselombud"},
      {header: "timmar", field: "hours", kind: {type: "decimal", min: 0, max: 1000, scale: 2}, unit: "timmar", description: "Tid inklusive administration, dokumentation, återrapportering och resa"},
      {header: "start", field: "start_time", kind: {type: "text", maxLength: 5}, optional: true, optionalColumn: true, description: "Klockslag då uppdraget började, TT:MM (valfritt; skiljer dagtid från kväll och natt)"},
      {header: "slut", field: "end_time", kind: {type: "text", maxLength: 5}, optional: true, optionalColumn: true, description: "Klockslag då uppdraget slutade, TT:MM (före start = nästa dag)"}
    ],
    key: [],
    checks: [
      {rule: "ogiltigt_klockslag", column: "start", invalid: "start_time IS NOT NULL AND NOT regexp_full_match(start_time, '([01]?[0-9]|2[0-3])[:.][0-5][0-9]')", message: "Start ska vara ett klockslag TT:MM, t.ex. 08:00."},
      {rule: "ogiltigt_klockslag", column: "slut", invalid: "end_time IS NOT NULL AND NOT regexp_full_match(end_time, '([01]?[0-9]|2[0-3])[:.][0-5][0-9]')", message: "Slut ska vara ett klockslag TT:MM, t.ex. 17:00."},
      {rule: "start_utan_slut", column: "slut", invalid: "(start_time IS NULL) <> (end_time IS NULL)", message: "Start och slut anges båda eller ingen av dem."}
    ]
  },
  {
    table: "development_funds",
    file: "utvecklingsmedel.csv",
    family: "agreement",
    title: "Gemensamma utvecklingsmedel",
    description: "Projekt som finansieras av de gemensamma utvecklingsmedlen (50 % region, 50 % kommunerna).",
    required: false,
    columns: [
      {header: "länskod", field: "county_code", kind: {type: "county"}, description: "Länskod"},
      {header: "projekt", field: "project", kind: {type: "text", maxLength: 120}, description: "Projektets namn"},
      year(),
      kronor("budget_kr", "budget", "Budget"),
      kronor("utfall_kr", "spent", "Utfall (förbrukat)"),
      {header: "regionens_andel_procent", field: "region_share_percent", kind: {type: "decimal", min: 0, max: 100, scale: 2}, unit: "%", description: "Regionens finansieringsandel"},
      {header: "kommunernas_andel_procent", field: "municipal_share_percent", kind: {type: "decimal", min: 0, max: 100, scale: 2}, unit: "%", description: "Kommunernas finansieringsandel"}
    ],
    key: ["county_code", "project", "year"],
    checks: [{rule: "andelar_summerar_inte", column: "kommunernas_andel_procent", invalid: "region_share_percent + municipal_share_percent <> 100", message: "Regionens och kommunernas andelar ska bli 100 %."}]
  },
  {
    table: "kolada_values",
    file: "kolada.csv",
    family: "reference",
    title: "Nyckeltal från Kolada",
    description:
      "Publicerade värden från Kolada (RKA), skrivna av `npx samverkan import kolada`: ett värde per nyckeltal, område, år och kön, med nyckeltalets id som källa. Län (00LL) och riket (0000) finns med som jämförelser. Ett tomt värde saknas i Kolada (aldrig 0); Koladas status står bredvid. Källa: Kolada.",
    required: false,
    columns: [
      {header: "nyckeltal", field: "kpi", kind: {type: "text", maxLength: 12}, description: "Koladas id för nyckeltalet (källan), t.ex. N01951"},
      {header: "område", field: "area_code", kind: {type: "text", maxLength: 4}, description: "Kommunkod, 00LL för en region (län) eller 0000 för riket"},
      {header: "nivå", field: "level", kind: {type: "enum", values: ["kommun", "lan", "riket"], aliases: {"län": "lan"}}, description: "kommun, lan eller riket"},
      year(),
      {header: "kön", field: "gender", kind: {type: "enum", values: ["T", "K", "M"]}, description: "T (totalt), K (kvinnor) eller M (män)"},
      {header: "värde", field: "value", kind: {type: "decimal", min: -1e11, max: 1e11, scale: 6}, optional: true, description: "Värdet som Kolada publicerar; tomt när Kolada saknar det"},
      {header: "status", field: "status", kind: {type: "text", maxLength: 40}, optional: true, optionalColumn: true, description: "Koladas status för värdet (tom när inget anges)"},
      {header: "antal", field: "count", kind: {type: "integer", min: 0}, optional: true, optionalColumn: true, description: "Koladas count för värdet"}
    ],
    key: ["kpi", "area_code", "year", "gender"]
  }
];

export const inputByTable = (table: string): InputSpec => {
  const spec = INPUTS.find((i) => i.table === table);
  if (!spec) throw new Error(`unknown input table ${table}`);
  return spec;
};
