import type { JournalEntry } from "./control/types.js";
import { check } from "./errors.js";
import { redactQuery } from "./redact.js";

/** How many requests a fake's journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_LIMIT = 1000;

/** The `amz-sdk-*` headers the journal keeps: what tells calls and attempts apart. */
export const JOURNAL_HEADERS = ["amz-sdk-invocation-id", "amz-sdk-request"] as const;

const MAX_TEXT = 2048;
const MAX_HEADER = 256;

interface Recorded {
  at: number;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  status: number | "network-error";
  requestId: string | undefined;
}

/**
 * The requests a fake answered, newest last, in a ring of fixed size: recording is one small object per request;
 * times are formatted and entries copied only when someone reads them. Queries are redacted when recorded, so no
 * credential stays in memory.
 */
export class Journal {
  readonly #ring: (Recorded | undefined)[];
  #next = 0;
  #size = 0;

  constructor(readonly limit: number = DEFAULT_JOURNAL_LIMIT) {
    check(
      Number.isSafeInteger(limit) && limit >= 0 && limit <= 1_000_000,
      `journalLimit must be a whole number from 0 to 1000000; got ${limit}.`,
    );
    this.#ring = new Array(limit);
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
    const kept: Record<string, string> = Object.create(null);
    for (const name of JOURNAL_HEADERS) {
      const value = headers.get(name);
      if (value !== null) kept[name] = value.slice(0, MAX_HEADER);
    }
    this.#ring[this.#next] = {
      at,
      method: method.slice(0, 32),
      path: path.slice(0, MAX_TEXT),
      query: redactQuery(query.slice(0, MAX_TEXT)),
      headers: kept,
      status,
      requestId,
    };
    this.#next = (this.#next + 1) % this.limit;
    if (this.#size < this.limit) this.#size++;
  }

  /** The newest `limit` entries (all by default), oldest first. */
  entries(limit?: number): JournalEntry[] {
    if (limit !== undefined) {
      check(Number.isSafeInteger(limit) && limit >= 0, `limit must be a whole number >= 0; got ${limit}.`);
    }
    const count = Math.min(this.#size, limit ?? this.#size);
    const out: JournalEntry[] = [];
    for (let i = count; i > 0; i--) {
      const entry = this.#ring[(this.#next - i + this.limit) % this.limit] as Recorded;
      out.push({
        time: new Date(entry.at).toISOString(),
        method: entry.method,
        path: entry.path,
        query: entry.query,
        headers: { ...entry.headers },
        status: entry.status,
        ...(entry.requestId === undefined ? {} : { requestId: entry.requestId }),
      });
    }
    return out;
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#next = 0;
    this.#size = 0;
  }
}
