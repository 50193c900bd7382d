import type { HttpHandler } from "msw";
import { createHandlers, createJourneyRunsMock, type JourneyRunsMock } from "./msw-handlers.js";

let defaultMock: JourneyRunsMock | undefined;

/**
 * The mock behind the ready `handlers` export, created on first use (seed 1, the official example journey).
 * Reset it between tests with `getDefaultJourneyRunsMock().reset()`.
 *
 * @example
 * ```ts
 * afterEach(() => getDefaultJourneyRunsMock().reset());
 * ```
 */
export function getDefaultJourneyRunsMock(): JourneyRunsMock {
  defaultMock ??= createJourneyRunsMock();
  return defaultMock;
}

/**
 * Ready MSW handlers over the default mock, matching the runs path on any origin. The mock is only created when
 * the first request arrives, so importing this costs nothing.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { handlers } from "@journey-runs/msw";
 * const server = setupServer(...handlers);
 * ```
 */
export const handlers: HttpHandler[] = /* @__PURE__ */ createHandlers(getDefaultJourneyRunsMock);
