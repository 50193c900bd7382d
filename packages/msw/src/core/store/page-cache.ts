import { check } from "../errors.js";
import type { RunIndex } from "./run-index.js";

/** Characters of page text a store keeps by default: 64 pages of the default size, 17 of the largest. */
export const PAGE_CACHE_CHARS = 256 * 1024;

/**
 * Characters of page text a tenant of an isolating server keeps (8 pages of the default size): enough for the pages
 * a test reads again, 32 MiB over 1,000 tenants (decision 0020).
 */
export const TENANT_PAGE_CACHE_CHARS = 32 * 1024;

/** Page sizes up to this are cached (the contract allows 1 to 100). */
const MAX_COUNT = 1024;

/** Characters of a page of the default size (25 runs of about 160 characters): sizes the doorkeeper. */
const PAGE_CHARS = 4096;

/** The doorkeeper's slots: about as many as the pages the cache holds, a power of two from 16 to 1,024. */
export function doorkeeperSlots(maxChars: number): number {
  return 2 ** Math.min(10, Math.max(4, Math.ceil(Math.log2(Math.max(1, maxChars / PAGE_CHARS)))));
}

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
 *
 * A page is kept the second time it is assembled, not the first (a doorkeeper, as in TinyLFU's admission). A page
 * read once (a walk over a long journey, a test that reads a page and then changes the runs) would cost the cache
 * its versions, its entry and an eviction, and its text would live long enough to be copied by every young-generation
 * collection until it was evicted: on a walk of 401 pages at random, that made the server's CPU per request 65% higher
 * with the cache than without it. The doorkeeper is a fixed table of fingerprints (4 bytes a slot, `doorkeeperSlots`),
 * so a page asked twice close together is kept, and a page asked once costs one slot write.
 */
export class PageCache {
  readonly #byIndex = new Map<RunIndex, Map<number, Entry>>();
  /** Every entry, oldest first. */
  readonly #order = new Set<Entry>();
  #chars = 0;
  /** Fingerprints of pages assembled once and not kept; 0 is an empty slot. */
  readonly #seen: Uint32Array;
  /** A fingerprint's slot is its top bits: 32 - log2(slots). */
  readonly #shift: number;
  /** A number for each index, for the fingerprints (weak: a removed journey's index is not kept alive here). */
  readonly #ids = new WeakMap<RunIndex, number>();
  #nextId = 1;

  constructor(readonly maxChars: number = PAGE_CACHE_CHARS) {
    check(
      Number.isSafeInteger(maxChars) && maxChars >= 0,
      `pageCacheChars must be a whole number >= 0 (0 turns the cache off); got ${maxChars}.`,
    );
    const slots = doorkeeperSlots(maxChars);
    this.#seen = new Uint32Array(slots);
    this.#shift = 32 - Math.log2(slots);
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

  /**
   * Offers the text of a page just assembled. It is kept if the same page was offered lately (the doorkeeper saw it);
   * otherwise the doorkeeper notes it and the text is not kept.
   */
  set(index: RunIndex, start: number, count: number, text: string): void {
    if (count >= MAX_COUNT || text.length > this.maxChars) return;
    if (!this.#admit(index, start, count)) return;
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
    this.#seen.fill(0);
  }

  /** True when this page was offered lately (its fingerprint is in its slot); otherwise notes it and says false. */
  #admit(index: RunIndex, start: number, count: number): boolean {
    let id = this.#ids.get(index);
    if (id === undefined) {
      id = this.#nextId++;
      this.#ids.set(index, id);
    }
    let h = Math.imul(id, 0x9e3779b1) ^ Math.imul(start, 0x85ebca6b) ^ Math.imul(count, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    const fingerprint = ((h ^ (h >>> 15)) | 1) >>> 0;
    const slot = fingerprint >>> this.#shift;
    if (this.#seen[slot] === fingerprint) {
      this.#seen[slot] = 0;
      return true;
    }
    this.#seen[slot] = fingerprint;
    return false;
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
