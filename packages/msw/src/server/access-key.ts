/** What an access key id may be, as the control contract's `AccessKeyId` says. */
export const ACCESS_KEY_ID = /^[A-Za-z0-9._-]{1,128}$/;

const AUTHORIZATION_KEY = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]{1,129})\//;

/**
 * The AWS access key id of a SigV4 request: the first part of the credential scope, from the `Authorization`
 * header or, for a presigned URL, the `X-Amz-Credential` query parameter (matched by its decoded name).
 * `undefined` when the request carries none or it is not a plausible key id.
 */
export function accessKeyIdOf(authorization: string | undefined, query: string): string | undefined {
  let key: string | undefined;
  if (authorization !== undefined) key = AUTHORIZATION_KEY.exec(authorization)?.[1];
  else if (query.length > 0) {
    for (const [name, value] of new URLSearchParams(query)) {
      if (name === "X-Amz-Credential") {
        key = value.split("/", 1)[0];
        break;
      }
    }
  }
  return key !== undefined && ACCESS_KEY_ID.test(key) ? key : undefined;
}
