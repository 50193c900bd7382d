import type { JournalEntry } from "./control/types.js";
import { check } from "./errors.js";
import { redactQuery } from "./redact.js";

/** How many requests a fake's journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_LIMIT = 1000;

/** The `amz-sdk-*` headers the journal keeps: what tells calls and attempts apart. */
export const JOURNAL_HEADERS = ["amz-sdk-invocation-id", "amz-sdk-request"] as const;

const MAX_TEXT = 2048;
const MAX_HEADER = 256;

const bounded = (value: string | null): string | null =>
  value !== null && value.length > MAX_HEADER ? value.slice(0, MAX_HEADER) : value;

/**
 * The requests a fake answered, newest last, in a ring of fixed size. The ring is a set of parallel arrays (one slot
 * per field), so recording a request allocates no object: entries are built, and times formatted, only when someone
 * reads them. Queries are redacted when recorded, so no credential stays in memory.
 */
export class Journal {
  readonly #at: Float64Array;
  readonly #method: string[];
  readonly #path: string[];
  readonly #query: string[];
  readonly #invocation: (string | null)[];
  readonly #attempt: (string | null)[];
  readonly #status: (number | "network-error")[];
  readonly #requestId: (string | undefined)[];
  #next = 0;
  #size = 0;

  constructor(readonly limit: number = DEFAULT_JOURNAL_LIMIT) {
    check(
      Number.isSafeInteger(limit) && limit >= 0 && limit <= 1_000_000,
      `journalLimit must be a whole number from 0 to 1000000; got ${limit}.`,
    );
    this.#at = new Float64Array(limit);
    this.#method = new Array(limit).fill("");
    this.#path = new Array(limit).fill("");
    this.#query = new Array(limit).fill("");
    this.#invocation = new Array(limit).fill(null);
    this.#attempt = new Array(limit).fill(null);
    this.#status = new Array(limit).fill(0);
    this.#requestId = new Array(limit).fill(undefined);
  }

  record(
    at: number,
    method: string,
    path: string,
    query: string,
    headers: { get(name: string): string | null },
    status: number | "network-error",
    requestId: string | undefined,
  ): void {
    if (this.limit === 0) return;
    const i = this.#next;
    this.#at[i] = at;
    this.#method[i] = method.length > 32 ? method.slice(0, 32) : method;
    this.#path[i] = path.length > MAX_TEXT ? path.slice(0, MAX_TEXT) : path;
    this.#query[i] = redactQuery(query.length > MAX_TEXT ? query.slice(0, MAX_TEXT) : query);
    this.#invocation[i] = bounded(headers.get(JOURNAL_HEADERS[0]));
    this.#attempt[i] = bounded(headers.get(JOURNAL_HEADERS[1]));
    this.#status[i] = status;
    this.#requestId[i] = requestId;
    this.#next = i + 1 === this.limit ? 0 : i + 1;
    if (this.#size < this.limit) this.#size++;
  }

  /** The newest `limit` entries (all by default), oldest first. */
  entries(limit?: number): JournalEntry[] {
    if (limit !== undefined) {
      check(Number.isSafeInteger(limit) && limit >= 0, `limit must be a whole number >= 0; got ${limit}.`);
    }
    const count = Math.min(this.#size, limit ?? this.#size);
    const out: JournalEntry[] = [];
    for (let n = count; n > 0; n--) {
      const i = (this.#next - n + this.limit) % this.limit;
      const headers: Record<string, string> = {};
      const invocation = this.#invocation[i];
      const attempt = this.#attempt[i];
      if (invocation !== null) headers[JOURNAL_HEADERS[0]] = invocation as string;
      if (attempt !== null) headers[JOURNAL_HEADERS[1]] = attempt as string;
      const requestId = this.#requestId[i];
      out.push({
        time: new Date(this.#at[i] as number).toISOString(),
        method: this.#method[i] as string,
        path: this.#path[i] as string,
        query: this.#query[i] as string,
        headers,
        status: this.#status[i] as number | "network-error",
        ...(requestId === undefined ? {} : { requestId }),
      });
    }
    return out;
  }

  clear(): void {
    this.#method.fill("");
    this.#path.fill("");
    this.#query.fill("");
    this.#invocation.fill(null);
    this.#attempt.fill(null);
    this.#requestId.fill(undefined);
    this.#next = 0;
    this.#size = 0;
  }
}
