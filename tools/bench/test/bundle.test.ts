import { describe, expect, it } from "vitest";
import { AWS4FETCH_APP, BUNDLE_BUDGET_RATIO, bundle, CLIENT_APP, withinBundleBudget } from "../src/bundle.js";

/**
 * The size gate that `npm test` runs: the client's app, bundled for browsers, within its budget beside the
 * aws4fetch + openapi-fetch app bundled in the same run (docs/decisions/0023-client-size-budget.md).
 */
describe("the browser bundle of an app using the client", () => {
  it("builds for browsers without any Node built-in (WebCrypto path of #crypto)", async () => {
    const { code } = await bundle(CLIENT_APP);
    // esbuild (platform browser) fails on a Node built-in import; this also proves the WebCrypto variant was picked.
    expect(code).not.toMatch(/["']node:|require\(|createHmac|randomUUID\(\)\s*\{/);
    expect(code).toContain("crypto.subtle");
  });

  it(`stays within ${BUNDLE_BUDGET_RATIO}x the aws4fetch + openapi-fetch app, gzip -9`, async () => {
    const [ours, peer] = await Promise.all([bundle(CLIENT_APP), bundle(AWS4FETCH_APP)]);
    console.info(`[bench] client app ${ours.gzipped} B, peers' app ${peer.gzipped} B gzip -9`);
    expect(withinBundleBudget(ours.gzipped, peer.gzipped)).toBe(true);
  });

  it("holds the budget at the bound and refuses one byte past it", () => {
    // 5,530 B (the peers' app when the budget was set) x 1.15 = 6,359.5: 6,359 B is within, 6,360 B is not.
    expect(withinBundleBudget(6_359, 5_530)).toBe(true);
    expect(withinBundleBudget(6_360, 5_530)).toBe(false);
    expect(withinBundleBudget(1_150, 1_000)).toBe(true);
    expect(withinBundleBudget(1_151, 1_000)).toBe(false);
  });

  it("leaves openapi-fetch's createClient out of an app that does not call createJourneyRunsFetchClient", async () => {
    const openapiFetch = "node_modules/openapi-fetch/dist/index.mjs";
    const [without, withFetchClient] = await Promise.all([
      bundle(CLIENT_APP),
      bundle(`${CLIENT_APP}\nimport { createJourneyRunsFetchClient } from "@journey-runs/client";
console.log(createJourneyRunsFetchClient({ region: "us-east-1" }));`),
    ]);
    // createClient is several KB.
    // getJourneyRuns builds its URL with the serializers alone: nothing of openapi-fetch is left.
    expect(without.inputs[openapiFetch] ?? 0).toBe(0);
    expect(withFetchClient.inputs[openapiFetch]).toBeGreaterThan(4_000);
  });
});
