import { JourneyRunsMockError } from "../../core/errors.js";

/** Thrown by `startMockServer` when a `--data` file or folder cannot be loaded; the server then does not start. */
export class DataFileError extends JourneyRunsMockError {
  override name = "DataFileError";
  declare readonly code: "INVALID_DATA";
  /** The file at fault. */
  readonly file: string;
  /** The JSON pointer of the fault inside the file ("" for the whole file). */
  readonly pointer: string;

  constructor(file: string, pointer: string, message: string) {
    super("INVALID_DATA", `${file}${pointer === "" ? "" : ` at ${pointer}`}: ${message}`);
    this.file = file;
    this.pointer = pointer;
  }
}

/** A value for an error message: short, JSON, never more than 64 characters. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? "nothing" : (JSON.stringify(value) ?? String(value));
  } catch {
    // Nested too deep to write out (or not JSON): say what it is instead.
    text = Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value;
  }
  return text.length > 64 ? `${text.slice(0, 61)}...` : text;
}
