/**
 * The ranking rules the browser needs (the quartile of a rank): src/components/ranking.ts re-exports the
 * bundle the build makes of this file (src/components/generated/ranking.js).
 */
export {rankQuartile} from "../models/municipality-comparison.ts";
