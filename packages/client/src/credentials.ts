import { invalidInput } from "./errors/invalid-input-error.js";

/** AWS credentials, the shape of the AWS SDK v3 `AwsCredentialIdentity`. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The session token of temporary credentials (STS, Cognito, SSO, ...); sent as `x-amz-security-token`. */
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working; the client asks its provider again 5 minutes before. */
  readonly expiration?: Date | undefined;
}

/**
 * An async source of credentials with the shape of AWS SDK v3 credential providers, so `fromCognitoIdentityPool()`
 * and `fromNodeProviderChain()` from `@aws-sdk/credential-providers` can be passed as they are.
 */
export type CredentialsProvider = () => Promise<Credentials>;

/** Ask the provider again this long before the credentials expire (the AWS SDK v3 window). */
export const REFRESH_BEFORE_MS = 300_000;

const check = (c: Partial<Credentials> | undefined): Credentials => {
  if ([c?.accessKeyId, c?.secretAccessKey].every((key) => typeof key === "string" && key)) return c as Credentials;
  throw invalidInput("credentials", "must have an accessKeyId and a secretAccessKey");
};

/**
 * Turns the `credentials` option into a function that gives credentials for one signature: static ones are checked
 * once; a provider's answer is cached until 5 minutes before its `expiration`, and concurrent calls share one request.
 * Static and cached credentials come as they are, not in a promise (the signer on Node then never waits).
 * What a provider throws reaches the caller unchanged (as with the AWS SDK), unless the cached credentials have not
 * expired yet: they are used until then.
 */
export const credentialsResolver = (
  option: Credentials | CredentialsProvider,
  now: () => number,
): (() => Credentials | Promise<Credentials>) => {
  if (typeof option !== "function") {
    const fixed = check(option);
    return () => fixed;
  }
  let cached: Credentials | undefined;
  let pending: Promise<Credentials> | undefined;
  /** Time left before `cached` expires, in ms (NaN, so asked again at each call, for an invalid date). */
  const left = () => (cached?.expiration ? new Date(cached.expiration).getTime() : Infinity) - now();
  return () => {
    if (cached && left() > REFRESH_BEFORE_MS) return cached;
    pending ??= (async () => {
      try {
        cached = check(await option());
      } catch (error) {
        if (!(cached && left() > 0)) throw error;
      }
      return cached;
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  };
};
