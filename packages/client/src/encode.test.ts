import { describe, expect, it } from "vitest";
import { awsEncode, safeDecode } from "./encode.js";

describe("awsEncode", () => {
  it.each([
    ["leaves RFC 3986 unreserved characters alone", "AZaz09-._~", "AZaz09-._~"],
    ["encodes !'()* that encodeURIComponent leaves", "!'()*", "%21%27%28%29%2A"],
    ["encodes space as %20, never +", "a b+c", "a%20b%2Bc"],
    ["encodes / and % in a label", "a/b%2F", "a%2Fb%252F"],
    ["encodes UTF-8 bytes in upper-case hex", "ሴé", "%E1%88%B4%C3%A9"],
  ])("%s", (_, given, want) => {
    expect(awsEncode(given)).toBe(want);
  });

  it("throws URIError for a lone surrogate", () => {
    expect(() => awsEncode("\uD800")).toThrow(URIError);
  });
});

describe("safeDecode", () => {
  it("decodes percent-escapes and keeps a malformed escape as it is", () => {
    expect(safeDecode("a%20b")).toBe("a b");
    expect(safeDecode("100%")).toBe("100%");
  });
});
