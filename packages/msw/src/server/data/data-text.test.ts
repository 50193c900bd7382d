import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { DataFileError } from "./data-errors.js";
import { readDataText, type TextBuffer } from "./data-text.js";

const scratch = mkdtempSync(join(tmpdir(), "journey-runs-data-text-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("readDataText", () => {
  test("gives what readFileSync(file, 'utf8') gives, for any bytes and sizes, through one reused buffer", () => {
    const buffer: TextBuffer = { bytes: Buffer.allocUnsafe(16) };
    let index = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const file = join(scratch, `bytes-${index++}`);
        writeFileSync(file, bytes);
        expect(readDataText(file, 1_000, buffer)).toBe(readFileSync(file, "utf8"));
      }),
      { numRuns: 300 },
    );
  });

  test("refuses a file over the limit before reading it, with its size", () => {
    const file = join(scratch, "large.json");
    writeFileSync(file, "x".repeat(11));
    expect(readDataText(file, 11, { bytes: Buffer.allocUnsafe(4) })).toBe("x".repeat(11));
    const error = (() => {
      try {
        readDataText(file, 10, { bytes: Buffer.allocUnsafe(4) });
      } catch (e) {
        return e as DataFileError;
      }
    })();
    expect(error).toBeInstanceOf(DataFileError);
    expect(error?.message).toBe(`[journey-runs/msw] ${file}: the file has 11 bytes, over the limit of 10; split it.`);
  });

  test("a file that cannot be read says why (as JSON.parse of readFileSync did); a missing one fails its stat", () => {
    const folder = join(scratch, "folder.json");
    mkdirSync(folder);
    expect(() => readDataText(folder, 1_000_000, { bytes: Buffer.allocUnsafe(4) })).toThrow(
      `${folder}: expected JSON; EISDIR: illegal operation on a directory, read.`,
    );
    expect(() => readDataText(join(scratch, "missing.json"), 1_000, { bytes: Buffer.allocUnsafe(4) })).toThrow(
      /ENOENT: no such file or directory, stat/,
    );
  });
});
