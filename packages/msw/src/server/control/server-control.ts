import type { IncomingMessage, ServerResponse } from "node:http";
import { awsErrorResponse, type FakeResponse } from "../../aws-response.js";
import { checkedState } from "../../checked-state.js";
import { createLocalControl } from "../../control/local.js";
import type { JourneyRunsControl, JourneyRunsState } from "../../control/types.js";
import { JourneyRunsMockError } from "../../errors.js";
import { createJourneyRunsFake, type JourneyRunsFake } from "../../fake.js";
import { CONTROL_LIMITS } from "../../generated/control-limits.js";
import type { Seed } from "../../random.js";
import { createJourneyRunsStore, type JourneyRunsStore } from "../../store.js";
import type { SigV4Check, SigV4Credentials, SigV4VerifierOptions } from "../sigv4.js";
import { accessKeyIdOf } from "./access-key.js";
import { ControlHttpError } from "./control-error.js";
import { createControlPlane } from "./control-plane.js";
import { readDataPaths } from "./data-files.js";
import { createTenants, DEFAULT_TENANT_LIMIT, type Tenant, tenantLimitMessage } from "./tenants.js";
import { ControlTokenRequiredError, isLoopbackHost, isSendableToken, TOKEN_RULE } from "./token.js";

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

/** What `startMockServer` needs to build the fake of a server or of a tenant. */
export interface FakeRecipe {
  seed?: Seed | undefined;
  runs?: number | undefined;
  latency?: number | undefined;
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
}

/**
 * Makes the fake of a server or tenant from the seed, with the data as part of the creation state that `reset()`
 * returns to, then `runs` finished runs on the example journey (as before data files existed: not kept by reset).
 * The `--data` runs are shared by every fake made from the same data (copied only by a fake that changes them);
 * what a fake writes is bounded by the control contract's `x-max-runs`, on top of the `runs` asked at start.
 */
export function createServerFake(recipe: FakeRecipe, data: JourneyRunsState | undefined): JourneyRunsFake {
  const store = createJourneyRunsStore({
    ...(recipe.seed === undefined ? {} : { seed: recipe.seed }),
    ...(data ? { setup: (s: JourneyRunsStore) => s.load(data) } : {}),
    maxRuns: CONTROL_LIMITS.storeRuns + (recipe.runs ?? 0) + ownedRunsOf(data),
  });
  const fake = createJourneyRunsFake({ store, ...(recipe.latency === undefined ? {} : { latency: recipe.latency }) });
  if (recipe.runs) fake.store.example?.addRuns(recipe.runs);
  return fake;
}

/**
 * The runs of a start state that its stores will own: none for a `--data` state (checked once and shared by every
 * store), all for a state given as an object (each store loads its own copy). They are the operator's choice, not
 * writes of the control plane, so they come on top of the store's bound.
 */
function ownedRunsOf(data: JourneyRunsState | undefined): number {
  if (data === undefined || checkedState(data) !== undefined || !Array.isArray(data.applications)) return 0;
  let runs = 0;
  for (const app of data.applications) {
    for (const journey of Array.isArray(app?.journeys) ? app.journeys : []) {
      if (Array.isArray(journey?.runs)) runs += journey.runs.length;
    }
  }
  return runs;
}

/**
 * The control of a fake on the HTTP door: the in-process control, with the bound of the control contract on what
 * a dump may cost (`x-max-dump-runs`), checked before anything is formatted.
 */
function boundedControl(fake: JourneyRunsFake): JourneyRunsControl {
  const control = createLocalControl(fake);
  return {
    ...control,
    dump: async () => {
      const runs = fake.store.size;
      if (runs > CONTROL_LIMITS.dumpRuns) {
        throw new JourneyRunsMockError(
          "LIMIT_EXCEEDED",
          `The store holds ${runs} runs; GET /state dumps at most ${CONTROL_LIMITS.dumpRuns} (a larger dump would not fit PUT /state). Read the runs page by page with GetJourneyRuns, or remove some.`,
        );
      }
      return control.dump();
    },
  };
}

/** Reads `data` (paths are read now, so a bad file stops the server before it listens). */
export function resolveData(data: ControlServerOptions["data"]): JourneyRunsState | undefined {
  if (data === undefined) return undefined;
  if (Array.isArray(data)) return data.length === 0 ? undefined : readDataPaths(data as readonly string[]);
  return data as JourneyRunsState;
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
    data: JourneyRunsState | undefined;
    credentials: SigV4Credentials | undefined;
    /** Makes a signature check (the verifier module, loaded only when credentials are set). */
    createCheck: ((options: SigV4VerifierOptions) => SigV4Check) | undefined;
  },
): ServerControl {
  const token = typeof options.control === "object" ? options.control.token : undefined;
  if (options.control && token === undefined && !isLoopbackHost(host)) throw new ControlTokenRequiredError(host);
  if (token !== undefined && !isSendableToken(token)) {
    throw new ControlHttpError("INVALID_ARGUMENT", `The control token must be ${TOKEN_RULE}; pick another one.`);
  }
  const { createCheck, credentials } = base;
  const checkBase = credentials && createCheck ? createCheck(credentials) : undefined;
  const limit =
    options.isolate === true ? DEFAULT_TENANT_LIMIT : typeof options.isolate === "number" ? options.isolate : 0;
  const checks = new Map<string, SigV4Check>();
  const tenants =
    limit > 0
      ? createTenants(limit, (): Tenant => {
          const fake = createServerFake(base.recipe, base.data);
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
    if (tenant === undefined || !/^[A-Za-z0-9._-]{1,128}$/.test(tenant)) {
      throw new ControlHttpError(
        "INVALID_TENANT",
        "With isolation on, name the tenant: send x-journey-runs-mock-tenant: <AWS access key id>.",
      );
    }
    return tenants.forControl(tenant).control;
  };

  // Without isolation every request has the same target: made once, not per request (the hot path).
  const shared: PinpointTarget = { check: checkBase, fake: () => base.fake };
  return {
    handle: options.control ? createControlPlane({ token, controlFor }) : undefined,
    target(req, query) {
      if (tenants === undefined) return shared;
      const key = accessKeyIdOf(req.headers.authorization, query);
      if (key === undefined) {
        const refusal = awsErrorResponse(
          403,
          "journey-runs-mock isolates tenants by AWS access key id: sign the request with SigV4.",
        );
        return { check: undefined, fake: () => refusal };
      }
      // A check is kept only for a key whose tenant exists, so that bad requests cannot grow the map.
      let check = checks.get(key);
      if (check === undefined && credentials && createCheck) {
        check = createCheck({ accessKeyId: key, secretAccessKey: credentials.secretAccessKey });
      }
      return {
        check,
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
