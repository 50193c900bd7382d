/** Bundles a small app the way the size budget of issue 3 says: esbuild, browser, ESM, minified; gzip -9. */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The budget of issue 3 for the app below, gzip -9 bytes. */
export const BUNDLE_BUDGET = 6_000;

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

/** Bundles `source` (resolved from this package) for browsers, as ESM, minified. */
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
