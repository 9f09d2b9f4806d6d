/**
 * What a reader on a phone or with a keyboard meets on a page, measured in the browser: the viewport
 * (zoom), horizontal overflow, chart text as displayed, colliding or cut chart labels, small tap
 * targets, the skip link, the tab stops before the first chart or table, and the focus ring's contrast.
 * Used by test/browser/frame.test.ts and by scripts/frame-report.ts (which prints it for every page kind).
 */
import type {Page} from "playwright-core";

/** tsx (scripts) compiles with esbuild's keepNames, whose helper the page lacks. */
const KEEP_NAMES = "globalThis.__name ??= (f) => f";

/** One page of each kind, with its county or municipality. */
export const PAGE_KINDS = [
  "/",
  "/jamfor/23",
  "/kommun/2380",
  "/normalvariation/23",
  "/tillaggsbelopp",
  "/skattevaxling/23",
  "/vaccination/23",
  "/medicinteknik/23",
  "/ersattningar/23",
  "/seminarium/23/2025",
  "/datakvalitet"
];

export const PHONE = {viewport: {width: 360, height: 740}, deviceScaleFactor: 2, isMobile: true, hasTouch: true};
export const DESKTOP = {viewport: {width: 1280, height: 900}, deviceScaleFactor: 1};

export interface FrameMeasures {
  viewport: string;
  /** document width beyond the window, px */
  overflow: number;
  /** elements that stick out of the window (not inside a scrolling box) */
  wide: string[];
  /** smallest chart text as displayed, px; null without charts */
  smallestChartText: number | null;
  smallChartTexts: string[];
  /** pairs of chart texts that overlap */
  collisions: string[];
  /** chart texts that stick out of their chart (cut by the page or the box) */
  cut: string[];
  /** controls smaller than 24 × 24 px (links inside sentences excepted) */
  smallTargets: string[];
  title: string;
  /** code identifiers, file names and paths in the page's visible text */
  codeWords: string[];
}

/**
 * What a reader must not meet in a page's text: code identifiers (snake_case, dotted parameter paths),
 * file names of the build's inputs and configuration, environment variables and source paths.
 */
export const CODE_WORDS = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[A-Z]+_[A-Z_]+\b|\b[\w-]+\.(?:json|ts|js|csv|tsv|xlsx)\b|(?:loaders|src|scripts)\/[\w/.-]+|(?:\/(?:home|work|tmp|Users|var)\/)[\w/.-]+|\b[a-z]+[A-Z][a-zA-Z]*\.[a-z][a-zA-Z]+\b/g;

/** Measures a rendered page (see FrameMeasures). */
export async function measure(page: Page): Promise<FrameMeasures> {
  await page.evaluate(KEEP_NAMES);
  return page.evaluate((pattern) => {
    const vw = document.documentElement.clientWidth;
    const describe = (e: Element) => {
      const id = e.id ? `#${e.id}` : "";
      const cls = typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : "";
      return `${e.tagName.toLowerCase()}${id}${cls}`;
    };
    const scrolls = (e: Element | null): boolean => {
      for (let p = e; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (p !== e && (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden")) return true;
      }
      return false;
    };
    const hidden = (e: Element) => {
      for (let p: Element | null = e; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.display === "none" || s.visibility === "hidden") return true;
      }
      return false;
    };
    const wide: string[] = [];
    for (const e of Array.from(document.querySelectorAll("body *"))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1 || scrolls(e) || hidden(e)) continue;
      if (e.closest("#observablehq-sidebar")) continue;
      // Report the outermost element only.
      if (e.parentElement && wide.some((w) => w === describe(e.parentElement!))) continue;
      wide.push(describe(e));
      if (wide.length > 8) break;
    }
    const texts: {el: SVGTextElement; size: number; rect: DOMRect; svg: SVGSVGElement}[] = [];
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>("main svg"))) {
      const box = svg.getBoundingClientRect();
      const own = svg.width.baseVal.value || box.width;
      if (box.width === 0 || hidden(svg)) continue;
      const scale = box.width / own;
      for (const t of Array.from(svg.querySelectorAll<SVGTextElement>("text"))) {
        if (!t.textContent?.trim() || hidden(t)) continue;
        // A <text> of tspans: measure each tspan's own font size.
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        texts.push({el: t, size, rect: t.getBoundingClientRect(), svg});
      }
    }
    const label = (t: SVGTextElement) => JSON.stringify(t.textContent!.trim().slice(0, 30));
    const smallest = texts.length ? Math.min(...texts.map((t) => t.size)) : null;
    const collisions: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i];
        const b = texts[j];
        if (a.svg !== b.svg || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const dx = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const dy = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Glyph boxes include the line's leading: a true collision overlaps by more than a sliver.
        if (dx > 1.5 && dy > Math.min(a.rect.height, b.rect.height) * 0.3) collisions.push(`${label(a.el)} × ${label(b.el)}`);
      }
    }
    const cut: string[] = [];
    for (const t of texts) {
      const box = t.svg.getBoundingClientRect();
      const outside = t.rect.left < Math.max(0, box.left) - 1 || t.rect.right > Math.min(vw, box.right) + 1;
      const clipper = t.svg.parentElement ? t.svg.parentElement.getBoundingClientRect() : box;
      if (outside && (t.rect.left < clipper.left - 1 || t.rect.right > clipper.right + 1 || t.rect.right > vw || t.rect.left < 0)) cut.push(label(t.el));
    }
    const smallTargets: string[] = [];
    for (const e of Array.from(document.querySelectorAll<HTMLElement>("a[href], button, select, input, summary, [tabindex]:not([tabindex='-1'])"))) {
      if (hidden(e) || e.closest("#observablehq-sidebar") || e.id === "observablehq-sidebar-toggle") continue;
      if (e.classList.contains("skip-link")) continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // WCAG 2.5.8 exempts targets inline in a sentence, and those the user agent draws (radio buttons with their label).
      const inline = e.tagName === "A" && getComputedStyle(e).display === "inline" && !!e.closest("p, li, td, th, dd, figcaption, caption, .chart-note");
      if (inline) continue;
      if (e instanceof SVGElement) continue;
      if (e.tagName === "INPUT" && ["radio", "checkbox"].includes((e as HTMLInputElement).type) && e.closest("label")) continue;
      if (r.width < 24 || r.height < 24) smallTargets.push(`${describe(e)} ${Math.round(r.width)}×${Math.round(r.height)} ${JSON.stringify((e.textContent ?? "").trim().slice(0, 25))}`);
    }
    const words = (document.querySelector("main") as HTMLElement | null)?.innerText.match(new RegExp(pattern, "g")) ?? [];
    return {
      codeWords: [...new Set(words)].slice(0, 20),
      viewport: document.querySelector('meta[name="viewport"]')?.getAttribute("content") ?? "",
      overflow: document.documentElement.scrollWidth - vw,
      wide,
      smallestChartText: smallest == null ? null : Math.round(smallest * 10) / 10,
      smallChartTexts: texts.filter((t) => t.size < 11).slice(0, 6).map((t) => `${label(t.el)} ${t.size.toFixed(1)}px`),
      collisions: collisions.slice(0, 12),
      cut: cut.slice(0, 12),
      smallTargets: smallTargets.slice(0, 12),
      title: document.title
    };
  }, CODE_WORDS.source);
}

/** WCAG contrast ratio of two CSS colours (rgb/rgba strings). */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    // rgb(26, 26, 26) or color(srgb 0.96 0.96 0.97)
    const unit = c.startsWith("color(") ? 1 : 255;
    const [r, g, bl] = (c.replace(/^color\(srgb/, "").match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map(Number).map((v) => {
      const s = v / unit;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export interface TabStop {
  what: string;
  /** the focus indicator's colour and the colours it sits on (the element's and its surroundings') */
  ring: string;
  against: string[];
  /** at or inside the first chart or table */
  content: boolean;
}

/**
 * Presses Tab from the top of the page until the focus reaches the first chart or table of main (or
 * `limit` stops), recording each stop, its focus ring and what the ring sits on.
 */
export async function tabStops(page: Page, limit = 40): Promise<TabStop[]> {
  await page.evaluate(KEEP_NAMES);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: TabStop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const bg = (x: Element | null): string => {
        for (let p = x; p; p = p.parentElement) {
          const c = getComputedStyle(p).backgroundColor;
          if (c && !/rgba\(.*, 0\)$/.test(c) && c !== "transparent") return c;
        }
        return "rgb(255, 255, 255)";
      };
      const s = getComputedStyle(e);
      const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? s.outlineColor : s.boxShadow !== "none" ? (s.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? "") : "";
      // The ring is drawn outside the element (outline-offset ≥ 0) over its surroundings; inside an SVG it also sits on the shape's fill.
      const against = [bg(e.parentElement)];
      if (e instanceof SVGElement) {
        const shape = e.querySelector("rect, path, circle") as SVGElement | null;
        if (shape) against.push(getComputedStyle(shape).fill);
      }
      const content = !!e.closest("main svg, main table, main .table-scroll, main figure");
      const name = e.getAttribute("aria-label") ?? (e.textContent ?? "").trim().slice(0, 30);
      return {what: `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} ${JSON.stringify(name)}`, ring, against, content};
    });
    if (!stop) continue;
    stops.push(stop);
    if (stop.content) break;
  }
  return stops;
}
