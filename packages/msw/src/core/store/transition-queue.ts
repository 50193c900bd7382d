/** A pending change, due at `at`: a min-heap orders them by time, then by the order they were planned. */
export interface Due<T> {
  at: number;
  order: number;
  value: T;
}

/** A min-heap of pending changes; `takeDue(now)` pops, in time order, every change due by `now`. */
export class TransitionQueue<T> {
  readonly #heap: Due<T>[] = [];
  #order = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(at: number, value: T): void {
    const heap = this.#heap;
    heap.push({ at, order: this.#order++, value });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns the earliest change if it is due by `now`. */
  takeDue(now: number): Due<T> | undefined {
    const heap = this.#heap;
    const top = heap[0];
    if (!top || top.at > now) return undefined;
    const last = heap.pop() as Due<T>;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < heap.length && this.#less(left, smallest)) smallest = left;
        if (left + 1 < heap.length && this.#less(left + 1, smallest)) smallest = left + 1;
        if (smallest === i) break;
        this.#swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  clear(): void {
    this.#heap.length = 0;
  }

  #less(a: number, b: number): boolean {
    const x = this.#heap[a] as Due<T>;
    const y = this.#heap[b] as Due<T>;
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }

  #swap(a: number, b: number): void {
    const heap = this.#heap;
    [heap[a], heap[b]] = [heap[b] as Due<T>, heap[a] as Due<T>];
  }
}
