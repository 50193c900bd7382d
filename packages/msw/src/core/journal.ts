import type { JournalEntry } from "../control-api/types.js";
import { check } from "./errors.js";
import { redactQuery } from "./redact.js";
import { formatUuid } from "./request-id.js";

/** How many requests a fake's journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_LIMIT = 1000;

/** The `amz-sdk-*` headers the journal keeps: what tells calls and attempts apart. */
export const JOURNAL_HEADERS = ["amz-sdk-invocation-id", "amz-sdk-request"] as const;

const MAX_TEXT = 2048;
const MAX_HEADER = 256;

const bounded = (value: string | null): string | null =>
  value !== null && value.length > MAX_HEADER ? value.slice(0, MAX_HEADER) : value;

/**
 * A copy of `text` that holds only its own characters. A slice of a longer string may keep that whole string alive
 * (V8 makes slices of 13 characters or more point into their parent): a path cut to 2,048 characters would keep the
 * request's whole target (up to 16 KB) for as long as the journal keeps the entry. Made only for a text the journal
 * has not seen (shared texts are reused), so a repeated request costs nothing here.
 */
const own = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));

/** Distinct texts a journal shares between its entries (paths, queries, headers), and the longest it shares. */
const SHARED_TEXTS = 64;
const SHARED_LENGTH = 256;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The value of a lower-case hex digit's character code (the UUID pattern was checked). */
const nibble = (code: number): number => (code <= 57 ? code - 48 : code - 87);
/** Where the 32 hex digits of a UUID are in its text. */
const UUID_DIGITS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/**
 * The requests a fake answered, newest last, in a ring of fixed size. The ring is a set of parallel arrays (one slot
 * per field), so recording a request allocates no object: entries are built, and times formatted, only when someone
 * reads them. Nor does it keep a string per request where it can help it: request ids (UUIDs) are kept as 16 bytes,
 * and paths, queries and header values that repeat point to one shared copy. A ring that kept each request's strings
 * would hold them past the young generation: with many fakes (one per tenant) the garbage collector then copied them
 * on every scavenge. Queries are redacted when recorded, so no credential stays in memory.
 */
export class Journal {
  readonly #at: Float64Array;
  readonly #method: string[];
  readonly #path: string[];
  readonly #query: string[];
  readonly #invocation: (string | null)[];
  readonly #attempt: (string | null)[];
  readonly #status: (number | "network-error")[];
  /** Why the server refused the request before the fake saw it (a SigV4 refusal); undefined when the fake answered. */
  readonly #reason: (string | undefined)[];
  /** Request ids that are UUIDs, as bytes (16 per entry); `#requestText` holds the others. */
  readonly #requestBytes: Uint8Array;
  readonly #requestText: (string | undefined)[];
  /** 0: no request id; 1: in `#requestBytes`; 2: in `#requestText`. */
  readonly #requestKind: Uint8Array;
  readonly #shared = new Map<string, string>();
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
    this.#reason = new Array(limit).fill(undefined);
    this.#requestBytes = new Uint8Array(limit * 16);
    this.#requestText = new Array(limit).fill(undefined);
    this.#requestKind = new Uint8Array(limit);
  }

  record(
    at: number,
    method: string,
    path: string,
    query: string,
    headers: { get(name: string): string | null },
    status: number | "network-error",
    requestId: string | undefined,
    reason?: string,
  ): void {
    if (this.limit === 0) return;
    const i = this.#next;
    this.#at[i] = at;
    this.#method[i] = this.#share(method.length > 32 ? method.slice(0, 32) : method);
    this.#path[i] = this.#share(path.length > MAX_TEXT ? path.slice(0, MAX_TEXT) : path);
    this.#query[i] = this.#share(redactQuery(query.length > MAX_TEXT ? query.slice(0, MAX_TEXT) : query));
    this.#invocation[i] = this.#shareOrNull(bounded(headers.get(JOURNAL_HEADERS[0])));
    this.#attempt[i] = this.#shareOrNull(bounded(headers.get(JOURNAL_HEADERS[1])));
    this.#status[i] = status;
    this.#reason[i] =
      reason === undefined ? undefined : this.#share(reason.length > MAX_TEXT ? reason.slice(0, MAX_TEXT) : reason);
    this.#requestText[i] = undefined;
    if (requestId === undefined) this.#requestKind[i] = 0;
    else if (UUID.test(requestId)) {
      this.#requestKind[i] = 1;
      for (let b = 0; b < 16; b++) {
        const at = UUID_DIGITS[b] as number;
        this.#requestBytes[i * 16 + b] = (nibble(requestId.charCodeAt(at)) << 4) | nibble(requestId.charCodeAt(at + 1));
      }
    } else {
      this.#requestKind[i] = 2;
      this.#requestText[i] = own(requestId.length > MAX_HEADER ? requestId.slice(0, MAX_HEADER) : requestId);
    }
    this.#next = i + 1 === this.limit ? 0 : i + 1;
    if (this.#size < this.limit) this.#size++;
  }

  /** The shared copy of a text seen before, or the text itself (shared from now on while there is room). */
  #share(text: string): string {
    const known = this.#shared.get(text);
    if (known !== undefined) return known;
    const copy = own(text);
    if (this.#shared.size < SHARED_TEXTS && text.length <= SHARED_LENGTH) this.#shared.set(copy, copy);
    return copy;
  }

  #shareOrNull(text: string | null): string | null {
    return text === null ? null : this.#share(text);
  }

  #requestId(i: number): string | undefined {
    const kind = this.#requestKind[i];
    if (kind === 0) return undefined;
    if (kind === 2) return this.#requestText[i];
    return formatUuid(this.#requestBytes, i * 16);
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
      const requestId = this.#requestId(i);
      const reason = this.#reason[i];
      out.push({
        time: new Date(this.#at[i] as number).toISOString(),
        method: this.#method[i] as string,
        path: this.#path[i] as string,
        query: this.#query[i] as string,
        headers,
        status: this.#status[i] as number | "network-error",
        ...(requestId === undefined ? {} : { requestId }),
        ...(reason === undefined ? {} : { reason }),
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
    this.#requestText.fill(undefined);
    this.#reason.fill(undefined);
    this.#requestKind.fill(0);
    this.#shared.clear();
    this.#next = 0;
    this.#size = 0;
  }
}
