/** The brand of every error this package throws; `Symbol.for` makes it the same in every realm and copy of the package. */
export const BRAND: unique symbol = Symbol.for("@journey-runs/client.error") as never;

/**
 * The base of every error thrown by `@journey-runs/client`. Test for it with `isJourneyRunsError`, which also works
 * across realms (iframes, workers, two copies of the package) where `instanceof` does not.
 */
export class JourneyRunsError extends Error {
  override name: string = "JourneyRunsError";
  /** Whether trying the same call again may succeed (throttling, a failed server, a timeout, a lost connection). */
  declare readonly retryable: boolean;

  /** `fields` become properties of the error (`retryable` defaults to false); `cause` is kept as `cause`. */
  constructor(message: string, fields?: object, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, { retryable: false }, fields);
  }

  /** The brand that `isJourneyRunsError` looks for, on the prototype (so never in an error's own properties). */
  get [BRAND](): true {
    return true;
  }
}
