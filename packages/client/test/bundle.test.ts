import { describe, expect, it } from "vitest";
import { BUNDLE_BUDGET, bundle, CLIENT_APP } from "../bench/bundle.js";

/** The size gate that `npm test` runs: the app of issue 3, bundled for browsers, within the budget of issue 3. */
describe("the browser bundle of an app using the client", () => {
  it("builds for browsers without any Node built-in (WebCrypto path of #crypto)", async () => {
    const { code } = await bundle(CLIENT_APP);
    // esbuild (platform browser) fails on a Node built-in import; this also proves the WebCrypto variant was picked.
    expect(code).not.toMatch(/["']node:|require\(|createHmac|randomUUID\(\)\s*\{/);
    expect(code).toContain("crypto.subtle");
  });

  it(`stays within the budget of issue 3: ${BUNDLE_BUDGET} bytes gzip -9`, async () => {
    const { gzipped } = await bundle(CLIENT_APP);
    expect(gzipped).toBeLessThanOrEqual(BUNDLE_BUDGET);
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
