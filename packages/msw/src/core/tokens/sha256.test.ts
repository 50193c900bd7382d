import { createHash, createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { hmacSha256, sha256 } from "./sha256.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("sha256", () => {
  // Vectors from FIPS 180-4 examples (NIST CSRC "SHA256.pdf"): "abc" and the two-block message.
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("hashes %j as FIPS 180-4 says", (input, want) => {
    expect(hex(sha256(utf8(input)))).toBe(want);
  });

  test("agrees with node:crypto on every length around the block boundaries", () => {
    for (let n = 0; n < 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256(data))).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });
});

describe("hmacSha256", () => {
  // RFC 4231, test cases 2 and 6 (a key longer than the block size).
  test.each([
    ["Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
    [
      "\xaa".repeat(131),
      "Test Using Larger Than Block-Size Key - Hash Key First",
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ],
  ])("matches RFC 4231 for key %#", (key, message, want) => {
    const keyBytes = Uint8Array.from(key, (c) => c.charCodeAt(0));
    expect(hex(hmacSha256(keyBytes, utf8(message)))).toBe(want);
  });

  test("agrees with node:crypto for keys of 0 to 100 bytes", () => {
    for (let n = 0; n <= 100; n += 7) {
      const key = Uint8Array.from({ length: n }, (_, i) => i);
      expect(hex(hmacSha256(key, utf8("page")))).toBe(createHmac("sha256", key).update("page").digest("hex"));
    }
  });
});
