import type { JourneyRunsControl } from "../control-api/types.js";
import type { JourneyRunsFake } from "../core/fake.js";
import { ControlHttpError } from "./control-plane/control-error.js";

/** One tenant of an isolated server: its own fake (store, faults, journal) and its control. */
export interface Tenant {
  readonly fake: JourneyRunsFake;
  readonly control: JourneyRunsControl;
}

/** The default bound on tenants. */
export const DEFAULT_TENANT_LIMIT = 1000;

/** The tenants of an isolated server, by access key id; at most `limit`, created on first use. */
export interface Tenants {
  readonly limit: number;
  readonly size: number;
  /** The tenant of `key`, created when new; `undefined` when it is new and the bound is reached. */
  get(key: string): Tenant | undefined;
  /** The tenant of `key` for the control plane, or TENANT_LIMIT when the bound is reached. */
  forControl(key: string): Tenant;
}

/** Creates the tenant map of isolation mode; `create` makes the fake of a new tenant. */
export function createTenants(limit: number, create: () => Tenant): Tenants {
  const map = new Map<string, Tenant>();
  const tenants: Tenants = {
    limit,
    get size() {
      return map.size;
    },
    get(key) {
      let tenant = map.get(key);
      if (tenant === undefined) {
        if (map.size >= limit) return undefined;
        tenant = create();
        map.set(key, tenant);
      }
      return tenant;
    },
    forControl(key) {
      const tenant = tenants.get(key);
      if (tenant === undefined) throw new ControlHttpError("TENANT_LIMIT", tenantLimitMessage(limit));
      return tenant;
    },
  };
  return tenants;
}

/** The message of a request past the tenant bound, for the control plane and the AWS-shaped 403. */
export function tenantLimitMessage(limit: number): string {
  return `journey-runs-mock isolates at most ${limit} access keys and all are in use; restart it with a larger --isolate N, or reuse an access key id.`;
}
