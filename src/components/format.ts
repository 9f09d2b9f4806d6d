// The sv-SE formats are loaders/format.ts; the browser gets them bundled (loaders/browser/format.ts).
export * from "./generated/format.js";
