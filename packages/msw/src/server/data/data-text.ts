import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { DataFileError } from "./data-errors.js";

/** Where the files of one read of `--data` are read into: one buffer, grown to the largest file, for all of them. */
export interface TextBuffer {
  bytes: Buffer;
}

const tooLarge = (file: string, size: number, max: number) =>
  new DataFileError(file, "", `the file has ${size} bytes, over the limit of ${max}; split it.`);
const notRead = (file: string, error: unknown) =>
  new DataFileError(file, "", `expected JSON; ${(error as Error).message}.`);

/**
 * The text of a data file (UTF-8), at most `maxBytes` long: one open, one fstat for the size, reads into `buffer`
 * (reused from file to file) and one close, instead of a stat by path and a new buffer per file. A file over the
 * limit is refused before it is read, and also when it grew past the limit while being read. A file that cannot be
 * opened or read gives the errors it gave before: the stat (its error or the size) first, then `expected JSON`
 * with the reason.
 */
export function readDataText(file: string, maxBytes: number, buffer: TextBuffer): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    const size = statSync(file).size;
    if (size > maxBytes) throw tooLarge(file, size, maxBytes);
    throw notRead(file, error);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw tooLarge(file, size, maxBytes);
    if (buffer.bytes.length < size + 1) buffer.bytes = Buffer.allocUnsafe(Math.min(maxBytes, size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.bytes.length) {
        if (length > maxBytes) throw tooLarge(file, length, maxBytes);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, length * 2));
        buffer.bytes.copy(grown, 0, 0, length);
        buffer.bytes = grown;
      }
      let read: number;
      try {
        read = readSync(fd, buffer.bytes, length, buffer.bytes.length - length, null);
      } catch (error) {
        throw notRead(file, error);
      }
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw tooLarge(file, length, maxBytes);
    return buffer.bytes.toString("utf8", 0, length);
  } finally {
    closeSync(fd);
  }
}
