import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColor, relativeLuminance } from "./contrast.js";

describe("contrastRatio", () => {
  it.each([
    // Reference values of the WCAG 2.2 formula, as WebAIM's contrast checker shows them.
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#777777", "#ffffff", 4.48],
    ["#767676", "#ffffff", 4.54],
    ["#0000ff", "#ffffff", 8.59],
  ])("%s on %s is %s:1", (fg, bg, want) => {
    expect(contrastRatio(fg, bg)).toBeCloseTo(want, 2);
  });

  it("does not depend on which colour is the text", () => {
    expect(contrastRatio("#1e3a8a", "#dbeafe")).toBe(contrastRatio("#dbeafe", "#1e3a8a"));
  });
});

describe("parseHexColor", () => {
  it("reads short and long hex", () => {
    expect(parseHexColor("#fa0")).toEqual({ r: 255, g: 170, b: 0 });
    expect(parseHexColor("#1E3A8A")).toEqual({ r: 30, g: 58, b: 138 });
  });

  it("rejects what is not a hex colour and says what it expects", () => {
    expect(() => parseHexColor("blue")).toThrow('"blue" is not a #rgb or #rrggbb colour.');
  });

  it("gives white a luminance of 1 and black 0", () => {
    expect(relativeLuminance(parseHexColor("#fff"))).toBe(1);
    expect(relativeLuminance(parseHexColor("#000"))).toBe(0);
  });
});
