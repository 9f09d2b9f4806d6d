// The quartile rule of the ranked tables is loaders/models/municipality-comparison.ts; the browser gets it bundled (loaders/browser/ranking.ts).
export * from "./generated/ranking.js";
