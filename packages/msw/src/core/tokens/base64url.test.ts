import { describe, expect, test } from "vitest";
import { fromBase64Url, toBase64Url } from "./base64url.js";

describe("base64url", () => {
  test("agrees with Buffer's base64url for lengths 0 to 40", () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64url"));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  test.each([
    ["a character outside the alphabet", "ab+c"],
    ["padding", "YQ=="],
    ["an impossible length", "abcde"],
    ["non-zero leftover bits", "YR"],
  ])("refuses %s", (_name, text) => {
    expect(fromBase64Url(text)).toBeUndefined();
  });
});
