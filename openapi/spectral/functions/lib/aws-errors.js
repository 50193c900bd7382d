// @ts-check
/**
 * The seven AWS errors that every GetJourneyRuns response set documents, by HTTP status.
 * Source: the error table of the Pinpoint API reference for GetJourneyRuns, repeated in
 * shared/reference/pinpoint-get-journey-runs.md. The house rules check the contract against this list, so it is
 * written here and never read from the contract it checks.
 */

/** @typedef {{ readonly status: string, readonly type: string }} AwsError */

/** The seven AWS errors of GetJourneyRuns, in status order. */
export const AWS_ERRORS = Object.freeze(
  /** @type {readonly AwsError[]} */ ([
    { status: "400", type: "BadRequestException" },
    { status: "403", type: "ForbiddenException" },
    { status: "404", type: "NotFoundException" },
    { status: "405", type: "MethodNotAllowedException" },
    { status: "413", type: "PayloadTooLargeException" },
    { status: "429", type: "TooManyRequestsException" },
    { status: "500", type: "InternalServerErrorException" },
  ]),
);

/**
 * The AWS error types that a response key may carry: one type for an exact status, every type of the range for a
 * range key such as `4XX`, none for a status that GetJourneyRuns does not document.
 * @param {string} statusKey a key of an OpenAPI Responses Object
 * @returns {string[]}
 */
export function errorTypesForStatus(statusKey) {
  const key = statusKey.toUpperCase();
  if (/^[45]XX$/.test(key)) {
    return AWS_ERRORS.filter((error) => error.status[0] === key[0]).map((error) => error.type);
  }
  return AWS_ERRORS.filter((error) => error.status === key).map((error) => error.type);
}

/**
 * Whether a response key is an error status (4xx or 5xx, exact or as a range).
 * @param {string} statusKey a key of an OpenAPI Responses Object
 * @returns {boolean}
 */
export function isErrorStatus(statusKey) {
  return /^[45](\d\d|XX)$/i.test(statusKey);
}
