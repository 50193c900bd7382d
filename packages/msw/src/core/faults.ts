import type { FaultScope, FaultSpec } from "../control-api/types.js";
import {
  defaultMessageOf,
  ERROR_STATUSES,
  errorTypeOf,
  isErrorStatus,
  type JourneyRunsErrorStatus,
} from "./contract-rules.js";
import { check } from "./errors.js";

/** What a fault does to the request it hits. */
export type Fault = { kind: "status"; status: JourneyRunsErrorStatus; message: string } | { kind: "network-error" };

interface Pending {
  fault: Fault;
  scope: FaultScope;
  remaining: number;
}

/** How many call ids a fake remembers with the fault they were bound to. */
export const REMEMBERED_CALLS = 1024;

/** The header that AWS SDKs, the AWS CLI, boto3 and `@journey-runs/client` send, the same for every attempt of a call. */
export const INVOCATION_ID_HEADER = "amz-sdk-invocation-id";

const MAX_MESSAGE = 2048;

/** Statuses whose contract example describes the service (a missing journey, throttling, a failure), not the request. */
const ABOUT_THE_SERVICE = new Set<JourneyRunsErrorStatus>([404, 429, 500]);

/**
 * The message of a forced error (a fault, `Prefer: code=NNN`) that names none. The contract's examples of 400, 403,
 * 405 and 413 describe a request (a page-size of "0", a wrong signature, a DELETE, a 7 MB body) that the forced
 * request need not be, and a message must not contradict the request it answers: those say that the error was forced.
 */
export function forcedMessageOf(status: JourneyRunsErrorStatus): string {
  if (ABOUT_THE_SERVICE.has(status)) return defaultMessageOf(status);
  return `${errorTypeOf(status)} forced by journey-runs-mock (a fault or "Prefer: code=${status}"), whatever the request.`;
}

function checkStatus(status: unknown): asserts status is JourneyRunsErrorStatus {
  check(
    typeof status === "number" && isErrorStatus(status),
    `status must be a documented error status (${ERROR_STATUSES.join(", ")}); got ${String(status)}.`,
  );
}

function checkTimes(times: unknown): number {
  if (times === undefined) return 1;
  check(
    typeof times === "number" && Number.isSafeInteger(times) && times >= 1,
    `times must be a whole number >= 1; got ${String(times)}.`,
  );
  return times;
}

function checkScope(scope: unknown, fallback: FaultScope): FaultScope {
  if (scope === undefined) return fallback;
  check(scope === "call" || scope === "request", `scope must be "call" or "request"; got ${String(scope)}.`);
  return scope;
}

function checkMessage(message: unknown, status: JourneyRunsErrorStatus): string {
  if (message === undefined) return forcedMessageOf(status);
  check(
    typeof message === "string" && message.length <= MAX_MESSAGE,
    `message must be a string of at most ${MAX_MESSAGE} characters.`,
  );
  return message;
}

/**
 * The faults of one fake: a queue of pending faults (each for the next requests or the next calls), a permanent one,
 * and the calls already bound to a fault. A call is bound when its first request meets a call fault; its later
 * attempts (same `amz-sdk-invocation-id`) get the same answer. Bound ids are kept in a small LRU.
 */
export class Faults {
  #queue: Pending[] = [];
  #always: Fault | undefined;
  readonly #calls = new Map<string, Fault>();

  /** Validates a fault given as data (from a scene, over HTTP: anything may arrive) and queues it. */
  add(spec: FaultSpec): void {
    check(typeof spec === "object" && spec !== null, "A fault must be an object with a kind.");
    const { kind, status, times, scope, message } = spec as Partial<Record<string, unknown>>;
    check(
      kind === "status" || kind === "network-error" || kind === "always",
      `fault kind must be "status", "network-error" or "always"; got ${String(kind)}.`,
    );
    if (kind === "network-error") {
      this.#queue.push({ fault: { kind }, scope: checkScope(scope, "call"), remaining: checkTimes(times) });
      return;
    }
    checkStatus(status);
    const fault: Fault = { kind: "status", status, message: checkMessage(message, status) };
    if (kind === "always") this.#always = fault;
    else this.#queue.push({ fault, scope: checkScope(scope, "call"), remaining: checkTimes(times) });
  }

  clear(): void {
    this.#queue = [];
    this.#always = undefined;
    this.#calls.clear();
  }

  /** Whether any request could meet a fault: the hot path skips everything else when not. */
  get idle(): boolean {
    return this.#queue.length === 0 && this.#calls.size === 0 && this.#always === undefined;
  }

  /** The fault a call is bound to, if any; uses up nothing. */
  boundTo(callId: string | null): Fault | undefined {
    return callId === null ? undefined : this.#calls.get(callId);
  }

  /** The fault for a request of call `callId` (`null`: a call of its own), using up a pending one if it applies. */
  take(callId: string | null): Fault | undefined {
    if (callId !== null && this.#calls.size > 0) {
      const bound = this.#calls.get(callId);
      if (bound) return bound;
    }
    const next = this.#queue[0];
    if (next) {
      if (--next.remaining === 0) this.#queue.shift();
      if (next.scope === "call" && callId !== null) this.#bind(callId, next.fault);
      return next.fault;
    }
    return this.#always;
  }

  #bind(callId: string, fault: Fault): void {
    if (this.#calls.size >= REMEMBERED_CALLS) {
      const oldest = this.#calls.keys().next().value as string;
      this.#calls.delete(oldest);
    }
    this.#calls.set(callId, fault);
  }
}
