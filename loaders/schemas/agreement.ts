/**
 * One agreement file, `avtal/<länskod>-<från år>.json`, validated with zod. Every figure is a
 * parameter `{value, kind, source}`:
 * - `avtalat`: written in the agreement; source = {document, section} (and page or quote if wanted);
 * - `antagande`: chosen by an analyst because the agreement is silent; source = {by, reason};
 * - `beräknat`: derived, source = {formula}.
 * The agreement also carries its decision history (status), validity, notice period and prolongation.
 * Decimals that feed money are exact decimal text ("47.18"), never binary floats.
 */
import {z} from "zod";

const decimal = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).replace(",", ".").trim())
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, "ska vara ett decimaltal, t.ex. \"47.18\""));
const county = z.string().regex(/^\d{2}$/, "ska vara en länskod med två siffror, t.ex. \"23\"");
const year = z.number().int("ska vara ett heltal").min(1990, "ska vara ett år 1990–2100").max(2100, "ska vara ett år 1990–2100");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ska vara ett datum ÅÅÅÅ-MM-DD");
const clock = z.string().regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, "ska vara ett klockslag TT:MM, t.ex. \"08:00\"").transform((t) => t.replace(".", ":"));
const index = z.enum(["LPIK", "VPI", "OPI", "KPI"], "ska vara LPIK, VPI, OPI eller KPI");
const text = z.string().trim().min(1, "får inte vara tom");

export const AgreedSourceSchema = z.object({
  /** The document's title, e.g. "Överenskommelse om samverkan kring hälso- och sjukvård i hemmet 2026–2027". */
  document: text,
  /** Section heading (or clause) in the document. */
  section: text,
  page: z.string().optional(),
  quote: z.string().optional()
});
export const AssumedSourceSchema = z.object({by: text, reason: text});
export const ComputedSourceSchema = z.object({formula: text});

export type AgreedSource = z.infer<typeof AgreedSourceSchema>;
export type AssumedSource = z.infer<typeof AssumedSourceSchema>;
export type ComputedSource = z.infer<typeof ComputedSourceSchema>;
export type Kind = "avtalat" | "antagande" | "beräknat";
export const KINDS: Kind[] = ["avtalat", "antagande", "beräknat"];

/** A value with its kind and source. */
export function param<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion(
    "kind",
    [
      z.object({value, kind: z.literal("avtalat"), source: AgreedSourceSchema, note: z.string().optional()}),
      z.object({value, kind: z.literal("antagande"), source: AssumedSourceSchema, note: z.string().optional()}),
      z.object({value, kind: z.literal("beräknat"), source: ComputedSourceSchema, note: z.string().optional()})
    ],
    {error: "ska vara \"avtalat\", \"antagande\" eller \"beräknat\""}
  );
}
/** A value the agreement itself states (kind must be avtalat). */
function agreed<T extends z.ZodType>(value: T) {
  return z.object({value, kind: z.literal("avtalat", "ska vara \"avtalat\""), source: AgreedSourceSchema, note: z.string().optional()});
}

export type Param<T> =
  | {value: T; kind: "avtalat"; source: AgreedSource; note?: string}
  | {value: T; kind: "antagande"; source: AssumedSource; note?: string}
  | {value: T; kind: "beräknat"; source: ComputedSource; note?: string};

const rate = z.object({
  label: text,
  baseYear: param(year),
  kronor: param(decimal),
  index: param(index),
  startedHour: param(z.boolean())
});

const bandValue = z.object({validFrom: year, baseFrom: year, baseTo: year, lower: z.number().int(), upper: z.number().int()});

const SupplementaryAmountSchema = z.object({
  service: param(z.string()),
  levelYear: param(year),
  posts: param(decimal),
  readinessFactor: param(decimal),
  monthlySalary: param(decimal),
  months: param(z.number().int().min(1).max(12)),
  payrollOverheadPercent: param(decimal),
  /** The amounts as the agreement writes them (kronor): checked against the formula, never recomputed from data. */
  amount: param(z.number().int()),
  adjustmentAmount: param(z.number().int()),
  baseCount: param(z.number().int().min(1)),
  band: z.object({
    baseFrom: param(year),
    baseTo: param(year),
    k: param(decimal),
    sd: param(z.enum(["sample", "population"])),
    recomputeEvery: param(z.number().int().min(1)),
    validFrom: param(year),
    /** The bands the parties agreed on, each from its first reconciliation year: the verdict uses these. */
    agreed: z.array(agreed(bandValue)).min(1, "ska ha minst ett avtalat band")
  }),
  upratingIndex: param(index),
  upratingFrom: param(year),
  reading: param(z.enum(["beyond-limit", "from-base"])),
  weights: z.object({elderly: param(decimal), sparsity: param(decimal), socioeconomics: param(decimal)}),
  elderlyAgeBand: param(z.enum(["65+", "80+"])),
  followUpEvery: param(z.number().int().min(1))
});

const MedtechSchema = z.object({
  baseHoursPerYear: param(decimal),
  minutesPerDevice: param(decimal),
  hourlyRate: rate,
  /** How the fixed part is priced: "timpris" = the resource need in hours × the variable part's hourly rate. */
  fixedPartPricing: param(z.enum(["timpris", "styckkostnad"])),
  baseCostPerYear: param(decimal).optional(),
  costPerDevicePerYear: param(decimal).optional(),
  fixedInvoiceEveryMonths: param(z.number().int().min(1)).optional(),
  variableInvoiceEveryMonths: param(z.number().int().min(1)).optional()
});

const WorkHoursSchema = z.object({
  dayStart: param(clock),
  dayEnd: param(clock),
  /** Evening/night work in the region's primary care is done without compensation. */
  nightPaid: param(z.boolean()),
  /** Rows without a time of day: billed as daytime (an assumption). */
  untimedRows: param(z.enum(["dag"]))
});

const TaxSwapSchema = z.object({
  startYear: param(year),
  reviewEvery: param(z.number().int().min(1)),
  costCategories: param(z.array(z.string()).min(1)),
  principal: param(z.enum(["region", "kommun"])),
  /** The swapped öre per skattekrona from a year, as decided or proposed. */
  swaps: z.array(param(z.object({fromYear: year, ore: decimal, decision: z.enum(["beslutad", "föreslagen"])}))).default([])
});

const PrincipleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, "ska vara ett id med små bokstäver, siffror och bindestreck"),
  name: text,
  source: AgreedSourceSchema,
  /** Which indicators (seminar section ids, e.g. "tillaggsbelopp") follow the principle: an analyst's choice. */
  indicators: param(z.array(z.string()))
});

export const STATUSES = ["förslag", "rekommenderat", "antaget", "upphört"] as const;
export type AgreementStatus = (typeof STATUSES)[number];

export const AgreementSchema = z.object({
  countyCode: county,
  title: text,
  region: z.string().optional(),
  parties: z.array(z.string()).default([]),
  validFrom: isoDate,
  /** null: until further notice. */
  validTo: isoDate.nullable(),
  noticeMonths: z.number().int().min(0).nullable().default(null),
  prolongYears: z.number().int().min(0).nullable().default(null),
  /** Where validity, notice and prolongation are written. */
  termsSource: AgreedSourceSchema,
  history: z
    .array(z.object({date: isoDate, status: z.enum(STATUSES, `ska vara ett av ${STATUSES.join(", ")}`), by: text, note: z.string().optional(), source: z.string().optional()}))
    .min(1, "ska ha minst en händelse (t.ex. rekommenderat av den politiska samverkansarenan)"),
  supplementaryAmount: SupplementaryAmountSchema.optional(),
  medtech: MedtechSchema.optional(),
  rates: z.object({hiredStaff: rate, sightHearing: rate, workHours: WorkHoursSchema.optional()}).optional(),
  developmentFunds: z.object({regionSharePercent: param(decimal), municipalSharePercent: param(decimal), followUpEvery: param(z.number().int().min(1))}).optional(),
  taxSwap: TaxSwapSchema.optional(),
  vaccination: z.object({pricePerDoseKronor: param(decimal)}).optional(),
  principles: z.array(PrincipleSchema).optional()
});

export type AgreementFile = z.infer<typeof AgreementSchema>;

/** Zod's issue in Swedish, naming the field. */
export function swedishIssue(issue: z.core.$ZodIssue): string {
  const where = `fältet "${issue.path.join(".") || "(roten)"}"`;
  if ("input" in issue && issue.input === undefined && issue.code !== "custom") return `${where} saknas`;
  const custom = issue.message && !/^Invalid|^Expected|^Too |^Unrecognized/.test(issue.message) ? issue.message : null;
  if (custom) return `${where} ${custom}`;
  switch (issue.code) {
    case "invalid_type":
      return (issue as {input?: unknown}).input === undefined ? `${where} saknas` : `${where} ska vara ${typeWord(issue.expected)}`;
    case "unrecognized_keys":
      return `${where}: okända fält ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "too_small":
      return `${where} är för litet eller för kort (minst ${String(issue.minimum)})`;
    case "too_big":
      return `${where} är för stort eller för långt (högst ${String(issue.maximum)})`;
    case "invalid_value":
      return `${where} ska vara ${issue.values.map((v) => JSON.stringify(v)).join(" eller ")}`;
    case "invalid_union":
      return `${where} har fel form`;
    default:
      return `${where} är ogiltigt`;
  }
}

function typeWord(t: string): string {
  return ({string: "text", number: "ett tal", boolean: "true eller false", object: "ett objekt { … }", array: "en lista [ … ]", int: "ett heltal"} as Record<string, string>)[t] ?? t;
}
