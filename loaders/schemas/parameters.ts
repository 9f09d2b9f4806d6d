/**
 * `wh.parameters`: the settings of the data set (parametrar.json, SettingsSchema) together with the
 * values of the agreement files (avtal/*.json, loaders/agreements.ts parametersFromAgreements), in the
 * shape the reports read. Decimals that feed money are exact decimal text ("47.18"), never binary floats.
 */
import {z} from "zod";
import {swedishIssue} from "./agreement.ts";

const decimal = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).replace(",", ".").trim())
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, "ska vara ett decimaltal, t.ex. \"47.18\""));
const county = z.string().regex(/^\d{2}$/, "ska vara en länskod med två siffror");
const year = z.number().int().min(1990).max(2100);
const index = z.enum(["LPIK", "VPI", "OPI", "KPI"]);

const rate = z.object({
  label: z.string(),
  baseYear: year,
  kronor: decimal,
  index,
  startedHour: z.boolean().default(true)
});

export const ParametersSchema = z.object({
  dataset: z.object({
    label: z.string().min(1),
    demo: z.boolean(),
    description: z.string().default(""),
    source: z.string().default("")
  }),
  years: z.object({from: year, to: year}).refine((y) => y.from <= y.to, {message: "är före years.from: åren går baklänges (from är det första året, to det sista)", path: ["to"]}),
  suppressionThreshold: z.number().int().min(1).max(100).default(5),
  /** 0 %/100 % in a target group smaller than this is hidden (loaders/disclosure/policy.ts); 0: off. */
  suppressionAllOrNoneBelow: z.number().int().min(0).max(10000).default(50),
  supplementaryAmount: z.object({
    countyCode: county,
    service: z.string().default("palliativ"),
    levelYear: year,
    posts: decimal,
    readinessFactor: decimal,
    monthlySalary: decimal,
    months: z.number().int().min(1).max(12),
    payrollOverheadPercent: decimal,
    baseCount: z.number().int().min(1),
    band: z.object({
      baseFrom: year,
      baseTo: year,
      k: decimal,
      sd: z.enum(["sample", "population"]).default("sample"),
      recomputeEvery: z.number().int().min(1),
      validFrom: year,
      /** The bands the parties agreed on (avtal/*.json): the verdict uses these, never a recomputed one. */
      agreed: z.array(z.object({validFrom: year, baseFrom: year, baseTo: year, lower: z.number().int(), upper: z.number().int()})).default([])
    }).refine((b) => b.baseFrom <= b.baseTo, {message: "är före baseFrom: basperiodens år går baklänges", path: ["baseTo"]}),
    /** The amounts as the agreement writes them, in kronor (checked against the formula). */
    amount: z.number().int().optional(),
    adjustmentAmount: z.number().int().optional(),
    upratingIndex: index,
    upratingFrom: year,
    reading: z.enum(["beyond-limit", "from-base"]).default("beyond-limit"),
    weights: z.object({elderly: decimal, sparsity: decimal, socioeconomics: decimal}),
    elderlyAgeBand: z.enum(["65+", "80+"]).default("80+"),
    followUpEvery: z.number().int().min(1).default(2)
  }),
  medtech: z.object({
    countyCode: county,
    baseHoursPerYear: decimal,
    minutesPerDevice: decimal,
    hourlyRate: rate,
    /** Set both to price the fixed part with unit costs instead of hours × the year's rate (kronor per year). */
    baseCostPerYear: decimal.optional(),
    costPerDevicePerYear: decimal.optional()
  }),
  rates: z.object({
    hiredStaff: rate,
    sightHearing: rate,
    /** Daytime (paid) hours; evening and night work in the region's primary care is unpaid. */
    workHours: z.object({dayStart: z.string(), dayEnd: z.string(), nightPaid: z.boolean(), untimedRows: z.literal("dag")}).optional()
  }),
  taxSwap: z.object({
    countyCode: county,
    startYear: year,
    reviewEvery: z.number().int().min(1),
    costCategories: z.array(z.string()).min(1),
    principal: z.enum(["region", "kommun"]).default("kommun"),
    /**
     * Review settings per county (optional; backward compatible): a county listed here is reviewed with
     * its own start year, interval and cost categories; fields left out come from the fields above (the
     * start year from the county's first row in skattevaxling.csv).
     */
    counties: z
      .array(
        z.object({
          countyCode: county,
          startYear: year.optional(),
          reviewEvery: z.number().int().min(1).optional(),
          costCategories: z.array(z.string()).min(1).optional(),
          principal: z.enum(["region", "kommun"]).optional(),
          /** Where the settings come from, or that they are demo ("Demodata: källorna anger inte växlingens storlek"). */
          note: z.string().optional()
        })
      )
      .optional(),
    /** Overrides of the income-equalisation rules (loaders/models/income-equalisation.ts), each with its source. */
    incomeEqualisation: z
      .partialRecord(
        z.enum(["guaranteePercent", "compensationPercent", "feePercent", "feeHighPercent", "feeHighThresholdPercent"]),
        z.object({value: decimal, source: z.string().min(1), year})
      )
      .optional()
  }),
  vaccination: z.object({pricePerDoseKronor: decimal}),
  comparison: z.object({municipalIndex: index, regionIndex: index.default("LPIK")}),
  agreement: z.object({validFrom: z.string(), validTo: z.string(), prolongYears: z.number().int()}),
  developmentFunds: z.object({countyCode: county, regionSharePercent: decimal, municipalSharePercent: decimal}).optional()
});

/** The keys that moved from parametrar.json to the agreement files (avtal/*.json). */
export const AGREEMENT_KEYS = ["supplementaryAmount", "medtech", "rates", "taxSwap", "vaccination", "agreement"] as const;

/** parametrar.json: the data set's own settings; the agreement's figures are in avtal/*.json. */
export const SettingsSchema = ParametersSchema.pick({dataset: true, years: true, suppressionThreshold: true, suppressionAllOrNoneBelow: true, comparison: true})
  .extend({comparison: ParametersSchema.shape.comparison.default({municipalIndex: "OPI", regionIndex: "LPIK"})})
  .passthrough()
  .superRefine((v, ctx) => {
    for (const key of AGREEMENT_KEYS)
      if (key in v) ctx.addIssue({code: "custom", path: [key], message: `hör nu till avtalsfilerna i mappen avtal/ (en fil per avtal, med källa för varje värde): flytta det dit, se data/README.md`});
  });

export type Settings = z.infer<typeof SettingsSchema>;

export type Parameters = z.infer<typeof ParametersSchema>;

/** Zod's issues in one Swedish sentence per problem, naming the path in the file. */
export function describeParameterErrors(error: z.ZodError, file: string): string {
  return error.issues.map((i) => `${file}: ${swedishIssue(i)}`).join("\n");
}
