import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { REDACTED, redactQuery } from "./redact.js";

const SECRETS = ["X-Amz-Signature", "X-Amz-Security-Token", "X-Amz-Credential"];

/** Spells `name` in a random mix of cases and percent escapes (upper or lower hex), as a client might. */
const spelling = (name: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom("keep", "upper", "lower", "escape", "escape-lower")), {
      minLength: name.length,
      maxLength: name.length,
    })
    .map((choices) =>
      [...name]
        .map((char, i) => {
          const [flip, how] = choices[i] as [boolean, string];
          const cased = flip ? char.toLowerCase() : char.toUpperCase();
          const hex = cased.charCodeAt(0).toString(16).padStart(2, "0");
          if (how === "escape") return `%${hex.toUpperCase()}`;
          if (how === "escape-lower") return `%${hex.toLowerCase()}`;
          return how === "upper" ? char.toUpperCase() : how === "lower" ? char.toLowerCase() : cased;
        })
        .join(""),
    );

describe("redactQuery", () => {
  test.each([
    ["X-Amz-Signature=abc&page-size=5", `X-Amz-Signature=${REDACTED}&page-size=5`],
    ["a=1&X%2DAmz%2DSignature=abc", `a=1&X%2DAmz%2DSignature=${REDACTED}`],
    ["X-Amz-Security%2DToken=t0k&b=2", `X-Amz-Security%2DToken=${REDACTED}&b=2`],
    ["x-amz-credential=AKID%2F20260101", `x-amz-credential=${REDACTED}`],
    ["X%2dAmz%2dSignature%zz=abc", "X%2dAmz%2dSignature%zz=abc"],
    ["page-size=5&token=abc", "page-size=5&token=abc"],
    ["X-Amz-Date=20260101T000000Z", "X-Amz-Date=20260101T000000Z"],
    ["", ""],
  ])("%s", (query, expected) => {
    expect(redactQuery(query)).toBe(expected);
  });

  test("redacts every encoding of every credential name, and keeps the rest byte for byte", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECRETS).chain((name) => spelling(name)),
        fc.string({ unit: fc.constantFrom(..."abcXYZ0189%+/=-_.~"), maxLength: 40 }).map(encodeURIComponent),
        fc.array(fc.tuple(fc.constantFrom("page-size", "token", "X-Amz-Date"), fc.stringMatching(/^[a-z0-9]{0,8}$/)), {
          maxLength: 3,
        }),
        (name, secret, others) => {
          const rest = others.map(([n, v]) => `${n}=${v}`);
          const query = [...rest, `${name}=${secret}`, ...rest].join("&");
          const redacted = redactQuery(query);
          expect(redacted).toBe([...rest, `${name}=${REDACTED}`, ...rest].join("&"));
          if (secret.length > 12) expect(redacted).not.toContain(secret);
        },
      ),
    );
  });
});
