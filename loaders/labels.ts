/**
 * Swedish names for the codes that the input files use for categories (kostnader.csv's kategori, the
 * ledger's konto): a reader meets "hemsjukvård i ordinärt boende", never "hemsjukvard_ordinart". One
 * mapping for every page, CSV, CLI text and PDF; a code that is not here is shown as written in the
 * file, with its underscores as spaces.
 */
export const COST_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  hemsjukvard_ordinart: "hemsjukvård i ordinärt boende",
  hemsjukvard_sabo: "hemsjukvård i särskilt boende",
  hjalpmedel: "hjälpmedel",
  lakarmedverkan: "läkarmedverkan",
  palliativ_specialiserad: "specialiserad palliativ vård"
};

/** The Swedish name of a cost category code (lower case, for use inside a sentence). */
export function costCategoryLabel(code: string): string {
  return COST_CATEGORY_LABELS[code] ?? code.replace(/_/g, " ");
}

/** Several categories in a sentence: "hemsjukvård i ordinärt boende och hemsjukvård i särskilt boende". */
export function costCategoryList(codes: readonly string[]): string {
  const names = codes.map(costCategoryLabel);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} och ${names.at(-1)}` : (names[0] ?? "");
}
