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

export { shown } from "../../core/errors.js";
