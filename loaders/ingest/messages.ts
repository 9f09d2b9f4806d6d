/** The rules a row can break, in the words the report uses. */
export const RULES: Record<string, string> = {
  saknat_varde: "Värde saknas.",
  ogiltig_kommunkod: "Kommunkoden ska vara fyra siffror (SCB).",
  ogiltig_lanskod: "Länskoden ska vara två siffror (SCB).",
  okand_kommun: "Kommunkoden finns inte i kommuner.csv.",
  ogiltigt_ar: "Året ska vara fyra siffror mellan 1990 och 2100.",
  ogiltigt_heltal: "Ska vara ett heltal.",
  ogiltigt_tal: "Ska vara ett tal med decimalkomma eller punkt och högst så många decimaler som kolumnen tillåter.",
  ogiltigt_datum: "Datum ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern.",
  for_lang_text: "Texten är för lång.",
  okant_varde: "Värdet är inte ett av de tillåtna.",
  ogiltig_period: "Perioden ska vara ÅÅÅÅ eller ÅÅÅÅ-MM.",
  ogiltig_sasong: "Säsongen ska skrivas ÅÅÅÅ/ÅÅ, t.ex. 2023/24.",
  negativt_varde: "Värdet får inte vara negativt.",
  for_litet_varde: "Värdet är mindre än det minsta tillåtna.",
  orimligt_stort_varde: "Värdet är orimligt stort.",
  dubblett: "Raden har samma nyckel som en tidigare rad.",
  fel_antal_kolumner: "Raden har fel antal fält (kontrollera avgränsare och citattecken)."
};
