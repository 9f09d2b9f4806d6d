/**
 * The sv-SE formats for the browser: src/components/format.ts re-exports the bundle the build makes of
 * this file (src/components/generated/format.js), since Framework serves only files under src/.
 */
export * from "../format.ts";
// The Swedish names of the data's category codes go with the formats: pages name categories in words.
export {costCategoryLabel, costCategoryList} from "../labels.ts";
