import { check } from "../errors.js";
import type { RunIndex } from "./run-index.js";

/** Characters of page text a store keeps by default: 64 pages of the default size, 17 of the largest. */
export const PAGE_CACHE_CHARS = 256 * 1024;

/** Page sizes up to this are cached (the contract allows 1 to 100). */
const MAX_COUNT = 1024;

interface Entry {
  readonly index: RunIndex;
  readonly key: number;
  readonly generation: number;
  /** The version of each run of the page when its text was made. */
  readonly versions: readonly number[];
  readonly text: string;
  /** Read since it was last passed over for eviction (a second chance). */
  used: boolean;
}

/**
 * The JSON text of pages served lately, so that a page read again (a poller, a retry, the first page of every test)
 * is not assembled again. A text is used only while its journey has the same runs in the same places (the index's
 * generation) and none of them has changed since (their versions): a hit returns exactly what assembling would.
 * Bounded in characters; pages that were not read again go first (second-chance FIFO, so a hit costs no reordering).
 */
export class PageCache {
  readonly #byIndex = new Map<RunIndex, Map<number, Entry>>();
  /** Every entry, oldest first. */
  readonly #order = new Set<Entry>();
  #chars = 0;

  constructor(readonly maxChars: number = PAGE_CACHE_CHARS) {
    check(
      Number.isSafeInteger(maxChars) && maxChars >= 0,
      `pageCacheChars must be a whole number >= 0 (0 turns the cache off); got ${maxChars}.`,
    );
  }

  /** The cached text of `count` runs from place `start` of `index`, if it is still what the page would be. */
  get(index: RunIndex, start: number, count: number): string | undefined {
    if (count >= MAX_COUNT || this.maxChars === 0) return undefined;
    const entry = this.#byIndex.get(index)?.get(start * MAX_COUNT + count);
    if (entry === undefined) return undefined;
    if (entry.generation !== index.generation || !fresh(entry, start)) {
      this.#drop(entry);
      return undefined;
    }
    entry.used = true;
    return entry.text;
  }

  set(index: RunIndex, start: number, count: number, text: string): void {
    if (count >= MAX_COUNT || text.length > this.maxChars) return;
    const key = start * MAX_COUNT + count;
    let pages = this.#byIndex.get(index);
    const old = pages?.get(key);
    if (old) this.#drop(old);
    const versions: number[] = [];
    const end = Math.min(start + count, index.size);
    for (let place = start; place < end; place++) versions.push((index.at(place) as { version: number }).version);
    const entry: Entry = { index, key, generation: index.generation, versions, text, used: false };
    if (pages === undefined) {
      pages = new Map();
      this.#byIndex.set(index, pages);
    }
    pages.set(key, entry);
    this.#order.add(entry);
    this.#chars += text.length;
    while (this.#chars > this.maxChars) {
      const oldest = this.#order.values().next().value as Entry;
      this.#order.delete(oldest);
      if (oldest.used && oldest !== entry) {
        oldest.used = false;
        this.#order.add(oldest);
      } else this.#drop(oldest);
    }
  }

  /** Forgets every page (journeys were removed or replaced: their runs must not be kept alive here). */
  clear(): void {
    this.#byIndex.clear();
    this.#order.clear();
    this.#chars = 0;
  }

  get size(): number {
    return this.#order.size;
  }

  #drop(entry: Entry): void {
    this.#order.delete(entry);
    const pages = this.#byIndex.get(entry.index);
    if (pages?.get(entry.key) === entry) {
      pages.delete(entry.key);
      if (pages.size === 0) this.#byIndex.delete(entry.index);
    }
    this.#chars -= entry.text.length;
  }
}

function fresh(entry: Entry, start: number): boolean {
  const { index, versions } = entry;
  for (let i = 0; i < versions.length; i++) {
    if (index.at(start + i)?.version !== versions[i]) return false;
  }
  return true;
}
