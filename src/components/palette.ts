/**
 * The shared look: a colour-blind-safe palette (Okabe–Ito) and symbols, so that colour is never the
 * only cue. Every chart takes its colours from here.
 */
export const COLORS = {
  primary: "#0072B2",
  secondary: "#E69F00",
  accent: "#009E73",
  alert: "#D55E00",
  muted: "#6b6b6b",
  band: "#56B4E9",
  purple: "#CC79A7",
  yellow: "#F0E442"
} as const;

/** Categorical scheme for series (Okabe–Ito without black). */
export const SCHEME = [COLORS.primary, COLORS.secondary, COLORS.accent, COLORS.alert, COLORS.purple, COLORS.band, COLORS.yellow, COLORS.muted];

/** Symbols that go with the status colours: the shape carries the meaning too. */
export const STATUS = {
  inside: {color: COLORS.primary, symbol: "circle", label: "Inom"},
  above: {color: COLORS.alert, symbol: "triangle", label: "Över"},
  below: {color: COLORS.secondary, symbol: "diamond", label: "Under"}
} as const;
