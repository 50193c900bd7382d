import { INVOCATION_ID_HEADER } from "./faults.js";

/** A request waiting out the fake's latency: what it asked for, and when it arrived. */
export interface Ticket {
  readonly key: string;
  readonly order: number;
}

/** The most distinct requests tracked while they wait; past it the oldest are forgotten (never superseded). */
const MAX_WAITING = 1024;

/**
 * The requests waiting out the latency while faults are queued, by what they ask for (method, path, query). A
 * request is superseded when another call asks the same thing while it waits: React StrictMode's mount-unmount-mount
 * sends a request, aborts it and sends it again, and msw/browser's service worker does not pass the abort on, so
 * the repeat is the only sign that the first request was abandoned.
 */
export class WaitingRequests {
  readonly #newest = new Map<string, { order: number; callId: string | null }>();
  #order = 0;

  arrive(request: {
    method: string;
    path: string;
    query: string;
    headers: { get(name: string): string | null };
  }): Ticket {
    const key = `${request.method} ${request.path}?${request.query}`;
    const order = ++this.#order;
    const callId = request.headers.get(INVOCATION_ID_HEADER);
    const previous = this.#newest.get(key);
    // A retry of the same call is not a repeat by another call: only another (or no) invocation id supersedes.
    if (!previous || previous.callId === null || previous.callId !== callId) {
      if (this.#newest.size >= MAX_WAITING && !previous) {
        this.#newest.delete(this.#newest.keys().next().value as string);
      }
      this.#newest.set(key, { order, callId });
    }
    return { key, order };
  }

  /** Marks the request answered; whether a newer request of another call asked the same thing meanwhile. */
  leave(ticket: Ticket): boolean {
    const newest = this.#newest.get(ticket.key);
    if (newest?.order === ticket.order) {
      this.#newest.delete(ticket.key);
      return false;
    }
    return newest !== undefined && newest.order > ticket.order;
  }
}
