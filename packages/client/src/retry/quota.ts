import type { RetryKind } from "../errors/create-service-error.js";

/** Retry cost of a throttling error and of a transient one (timeouts and connection errors included). */
const COST = { throttling: 5, transient: 10 } as const;

/** The retry quota of AWS standard mode: a bucket of tokens; a retry takes its cost, a success gives some back. */
export interface RetryQuota {
  /** Takes the cost of a retry of `kind`; returns it, or `undefined` (no retry) when the bucket is short. */
  take(kind: Exclude<RetryKind, undefined>): number | undefined;
  /** A call succeeded: give back the cost of the retry that succeeded, or 1 for a first attempt, up to the size. */
  success(cost: number | undefined): void;
}

/** A retry quota of `size` tokens (500 in AWS SDKs), or an endless one for `false`. */
export const createRetryQuota = (size: number | false): RetryQuota => {
  let tokens = size === false ? Infinity : size;
  return {
    take(kind) {
      const cost = COST[kind];
      if (tokens < cost) return undefined;
      tokens -= cost;
      return cost;
    },
    success(cost) {
      if (size !== false) tokens = Math.min(size, tokens + (cost ?? 1));
    },
  };
};
