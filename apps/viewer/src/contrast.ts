/** An sRGB colour with channels 0..255. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Parses `#rgb` or `#rrggbb`; anything else is a typed mistake in the palette, so it throws and says so. */
export function parseHexColor(text: string): Rgb {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (match?.[1] === undefined) throw new TypeError(`"${text}" is not a #rgb or #rrggbb colour.`);
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join("") : match[1];
  return {
    r: Number.parseInt(hex.slice(0, 2), 16),
    g: Number.parseInt(hex.slice(2, 4), 16),
    b: Number.parseInt(hex.slice(4, 6), 16),
  };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance as WCAG 2.2 defines it (0 black .. 1 white). */
export function relativeLuminance(color: Rgb): number {
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/**
 * Contrast ratio of two colours, 1..21, as WCAG 2.2 defines it; AA asks 4.5 for text and 3 for large text and
 * graphics.
 *
 * @example
 * contrastRatio("#000000", "#ffffff"); // 21
 */
export function contrastRatio(foreground: string, background: string): number {
  const a = relativeLuminance(parseHexColor(foreground));
  const b = relativeLuminance(parseHexColor(background));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
