import type { IncomingMessage, ServerResponse } from "node:http";
import type { JourneyRunsControl, JourneyRunsState } from "../control-api/types.js";
import { awsErrorResponse, type FakeResponse } from "../core/aws-response.js";
import { JourneyRunsMockError } from "../core/errors.js";
import type { JourneyRunsFake } from "../core/fake.js";
import { TENANT_PAGE_CACHE_CHARS } from "../core/store/page-cache.js";
import { ACCESS_KEY_ID, accessKeyIdOf } from "./access-key.js";
import { boundedControl } from "./control-plane/bounded-control.js";
import { ControlHttpError } from "./control-plane/control-error.js";
import { createControlPlane } from "./control-plane/control-plane.js";
import { ControlTokenRequiredError, isLoopbackHost, isSendableToken, TOKEN_RULE } from "./control-plane/token.js";
import { createServerFake, type FakeRecipe, type ServerData } from "./data/server-fake.js";
import { frontDoorResponse, MISSING_AUTHENTICATION_TOKEN } from "./front-door.js";
import type { SigV4Check, SigV4Checks } from "./sigv4.js";
import { createTenants, DEFAULT_TENANT_LIMIT, type Tenant, tenantLimitMessage } from "./tenants.js";

/** The options of `startMockServer` that the control plane, data files and isolation read. */
export interface ControlServerOptions {
  /**
   * The control plane under `/_journey-runs-mock/` (see `openapi/journey-runs-mock-control.yaml`): `true`, or
   * `{ token }` to require `Authorization: Bearer <token>`. A non-loopback `host` needs a token. Default off.
   */
  control?: boolean | { token?: string | undefined } | undefined;
  /** Isolation: a fake (store, faults, journal) per AWS access key id; `true` for at most 1,000 keys, or the bound. */
  isolate?: boolean | number | undefined;
  /** Data the store starts with (and returns to on reset): a state, or `--data` paths (files or folders). */
  data?: JourneyRunsState | readonly string[] | undefined;
}

/** The control plane of a server, set up before it listens. */
export interface ServerControl {
  /** Serves a request of the control plane's prefix; `undefined` when the control plane is off. */
  handle: ((req: IncomingMessage, res: ServerResponse, path: string, query: string) => Promise<void>) | undefined;
  /**
   * Who answers a Pinpoint request: the check of its signature (if verification is on) and `fake()`, to call
   * only after the signature verified, which gives the fake (a tenant's, created on first use) or an AWS-shaped
   * 403 when isolation refuses the request.
   */
  target(req: IncomingMessage, query: string): PinpointTarget;
}

/** See {@link ServerControl.target}. */
export interface PinpointTarget {
  check: SigV4Check | undefined;
  fake(): JourneyRunsFake | FakeResponse;
  /** The fake whose journal records a refusal of the signature: never a tenant made for it (none is). */
  journal(): JourneyRunsFake | undefined;
}

/**
 * Sets up the control plane, isolation and auth of a server listening on `host`. Throws
 * {@link ControlTokenRequiredError} when the control plane would be open on a non-loopback interface.
 */
export function setUpServerControl(
  host: string,
  options: ControlServerOptions,
  base: {
    fake: JourneyRunsFake;
    recipe: FakeRecipe;
    data: ServerData | undefined;
    /** The signature checks (sigv4.ts, loaded only when credentials are set); `undefined` when signing is off. */
    checks: SigV4Checks | undefined;
  },
): ServerControl {
  const token = typeof options.control === "object" ? options.control.token : undefined;
  if (options.control && token === undefined && !isLoopbackHost(host)) throw new ControlTokenRequiredError(host);
  if (token !== undefined && !isSendableToken(token)) {
    throw new JourneyRunsMockError("INVALID_ARGUMENT", `The control token must be ${TOKEN_RULE}; pick another one.`);
  }
  const signatures = base.checks;
  const limit =
    options.isolate === true ? DEFAULT_TENANT_LIMIT : typeof options.isolate === "number" ? options.isolate : 0;
  const checks = new Map<string, SigV4Check>();
  const tenants =
    limit > 0
      ? createTenants(limit, (): Tenant => {
          // A tenant serves one test worker or key: a small page cache, for the pages a test reads again (decision 0020).
          const fake = createServerFake({ ...base.recipe, pageCacheChars: TENANT_PAGE_CACHE_CHARS }, base.data);
          return { fake, control: boundedControl(fake) };
        })
      : undefined;
  const baseControl = boundedControl(base.fake);

  const controlFor = (tenant: string | undefined): JourneyRunsControl => {
    if (tenants === undefined) {
      if (tenant !== undefined) {
        throw new ControlHttpError(
          "INVALID_TENANT",
          "This server does not isolate tenants (start it with --isolate); drop the x-journey-runs-mock-tenant header.",
        );
      }
      return baseControl;
    }
    if (tenant === undefined || !ACCESS_KEY_ID.test(tenant)) {
      throw new ControlHttpError(
        "INVALID_TENANT",
        "With isolation on, name the tenant: send x-journey-runs-mock-tenant: <AWS access key id>.",
      );
    }
    return tenants.forControl(tenant).control;
  };

  // Without isolation every request has the same target: made once, not per request (the hot path).
  const shared: PinpointTarget = { check: signatures?.base, fake: () => base.fake, journal: () => base.fake };
  return {
    handle: options.control ? createControlPlane({ token, controlFor, serverControl: baseControl }) : undefined,
    target(req, query) {
      if (tenants === undefined) return shared;
      const key = accessKeyIdOf(req.headers.authorization, query);
      if (key === undefined) {
        // Unsigned: what Pinpoint's front door answers. Signed in a form whose key cannot be read: the fake's own 403.
        const refusal =
          req.headers.authorization === undefined
            ? frontDoorResponse("MissingAuthenticationTokenException", MISSING_AUTHENTICATION_TOKEN)
            : awsErrorResponse(
                403,
                "journey-runs-mock isolates tenants by AWS access key id: sign the request with SigV4.",
              );
        return { check: undefined, fake: () => refusal, journal: () => undefined };
      }
      // A check is kept only for a key whose tenant exists, so that bad requests cannot grow the map.
      let check = checks.get(key);
      if (check === undefined && signatures) check = signatures.forKey(key);
      return {
        check,
        journal: () => tenants.existing(key)?.fake,
        fake() {
          const tenant = tenants.get(key);
          if (tenant === undefined) return awsErrorResponse(403, tenantLimitMessage(tenants.limit));
          if (check !== undefined && !checks.has(key)) checks.set(key, check);
          return tenant.fake;
        },
      };
    },
  };
}
