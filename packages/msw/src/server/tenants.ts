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
  /**
   * The tenant of `key` for a Pinpoint request whose signature verified (or that names its key, without
   * verification), created when new; `undefined` when it is new and every slot holds such a key.
   */
  get(key: string): Tenant | undefined;
  /** The tenant of `key` if it exists; never creates one. */
  existing(key: string): Tenant | undefined;
  /** The tenant of `key` for the control plane, or TENANT_LIMIT when the bound is reached. */
  forControl(key: string): Tenant;
}

interface Slot {
  tenant: Tenant;
  /** True until a Pinpoint request of the key arrives: only the control plane (unsigned) has named the key. */
  provisional: boolean;
}

/**
 * Creates the tenant map of isolation mode; `create` makes the fake of a new tenant. A tenant that only the control
 * plane has named (the control plane does not see AWS signatures, so anyone may name any key there) is provisional:
 * when the map is full, a new tenant takes the slot of the oldest provisional one, so that requests naming keys on
 * the control plane can never keep a key that signs its requests out.
 */
export function createTenants(limit: number, create: () => Tenant): Tenants {
  const map = new Map<string, Slot>();
  /** Keys of provisional tenants, oldest first (a Map keeps insertion order). */
  const provisional = new Map<string, true>();

  const add = (key: string, isProvisional: boolean): Tenant | undefined => {
    if (map.size >= limit) {
      const oldest = provisional.keys().next();
      if (oldest.done) return undefined;
      provisional.delete(oldest.value);
      map.delete(oldest.value);
    }
    const slot: Slot = { tenant: create(), provisional: isProvisional };
    map.set(key, slot);
    if (isProvisional) provisional.set(key, true);
    return slot.tenant;
  };

  const tenants: Tenants = {
    limit,
    get size() {
      return map.size;
    },
    get(key) {
      const slot = map.get(key);
      if (slot === undefined) return add(key, false);
      if (slot.provisional) {
        slot.provisional = false;
        provisional.delete(key);
      }
      return slot.tenant;
    },
    existing: (key) => map.get(key)?.tenant,
    forControl(key) {
      const tenant = map.get(key)?.tenant ?? add(key, true);
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
