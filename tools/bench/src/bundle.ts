/**
 * Bundles a small app the way the client's size budget says: esbuild, browser, ESM, minified; gzip -9. The budget
 * (docs/decisions/0023-client-size-budget.md) is relative: the client's app at most `BUNDLE_BUDGET_RATIO` times the
 * aws4fetch + openapi-fetch app, both bundled in the same run.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The client's app, gzip -9 bytes, at most this many times the aws4fetch + openapi-fetch app's. */
export const BUNDLE_BUDGET_RATIO = 1.15;

/** Whether `clientBytes` (gzip -9) is within the budget beside `peerBytes`, the aws4fetch + openapi-fetch app's. */
export const withinBundleBudget = (clientBytes: number, peerBytes: number): boolean =>
  clientBytes <= Math.floor(BUNDLE_BUDGET_RATIO * peerBytes);

/** An app that creates a client with credentials, calls getJourneyRuns and iterates paginateJourneyRuns. */
export const CLIENT_APP = `
import { createJourneyRunsClient } from "@journey-runs/client";
const client = createJourneyRunsClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" },
});
const input = { applicationId: "11111111112222222222333333333344", journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd" };
console.log(await client.getJourneyRuns(input));
for await (const page of client.paginateJourneyRuns(input)) console.log(page.Item.length);
`;

/** One signed GetJourneyRuns call with openapi-fetch, signed by aws4fetch (no retries, typed errors or paginators). */
export const AWS4FETCH_APP = `
import createClient from "openapi-fetch";
import { AwsClient } from "aws4fetch";
const aws = new AwsClient({
  accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token",
  service: "mobiletargeting", region: "us-east-1",
});
const client = createClient({ baseUrl: "https://pinpoint.us-east-1.amazonaws.com", fetch: (request) => aws.fetch(request) });
const params = { path: { "application-id": "11111111112222222222333333333344", "journey-id": "aaaaaaaaaabbbbbbbbbbccccccccccdd" } };
console.log(await client.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", { params }));
`;

/** The same calls with openapi-fetch alone (no signing, no retries). */
export const OPENAPI_FETCH_APP = `
import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://pinpoint.us-east-1.amazonaws.com" });
const params = { path: { "application-id": "1111", "journey-id": "aaaa" } };
console.log(await client.GET("/v1/apps/{application-id}/journeys/{journey-id}/runs", { params }));
`;

/** The same call with the official AWS SDK v3 client. */
export const AWS_SDK_APP = `
import { GetJourneyRunsCommand, PinpointClient } from "@aws-sdk/client-pinpoint";
const client = new PinpointClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" },
});
console.log(await client.send(new GetJourneyRunsCommand({ ApplicationId: "1111", JourneyId: "aaaa" })));
`;

/** What a bundle is made of: its text, its minified and gzip -9 sizes, and the minified bytes each input left in it. */
export interface Bundle {
  code: string;
  minified: number;
  gzipped: number;
  /** Minified bytes in the output per input file (esbuild metafile), paths shortened to `node_modules/...`. */
  inputs: Record<string, number>;
}

/** Bundles `source` (its imports resolved from tools/bench) for browsers, as ESM, minified. */
export const bundle = async (source: string): Promise<Bundle> => {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL("..", import.meta.url).pathname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild wrote nothing");
  const inputs: Record<string, number> = {};
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
    inputs[path.replace(/^.*?node_modules\//, "node_modules/").replace(/^\.\.\/\.\.\//, "")] = bytesInOutput;
  }
  return {
    code: output.text,
    inputs,
    minified: output.contents.length,
    gzipped: gzipSync(output.contents, { level: 9 }).length,
  };
};
