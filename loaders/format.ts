// The one sv-SE format module lives with the components (the browser needs it); Node code uses it too.
export * from "../src/components/format.ts";
