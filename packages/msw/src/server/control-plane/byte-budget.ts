/**
 * The bytes that all requests of a control plane may hold at once (bodies being read, dumps being sent): each
 * request takes what it holds before it holds it and gives it back when its answer is done, so that many
 * connections cannot together hold more than the bound, however each stays within its own.
 */
export class ByteBudget {
  #used = 0;

  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  /** Takes `bytes` when they fit (then true), else takes nothing (false). */
  take(bytes: number): boolean {
    if (this.#used + bytes > this.limit) return false;
    this.#used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}
