/**
 * Bytes of one signed call: the client's app of packages/client/bench/bundle.ts beside the smallest pair that signs,
 * aws4fetch + openapi-fetch, bundled the same way (esbuild, browser, ESM, minified; gzip -9). Writes the
 * `peer-bundle` section of docs/benchmarks.md; exits 1 when the client's app is over its budget.
 */
import { BUNDLE_BUDGET, bundle, CLIENT_APP } from "../../../packages/client/bench/bundle.js";
import { int, machineLine, verdict, writeSection } from "./report.js";

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

const ours = await bundle(CLIENT_APP);
const peer = await bundle(AWS4FETCH_APP);
const ok = ours.gzipped <= BUNDLE_BUDGET;
writeSection(
  "peer-bundle",
  `## Bytes of one signed call, beside aws4fetch + openapi-fetch

Command: \`npm run bench\` (runs \`tsx src/peer-bundle.ts\` in \`tools/bench\`). ${machineLine()}

Both apps are bundled by \`bundle()\` of \`packages/client/bench/bundle.ts\` (esbuild, browser, ESM, minified; gzip -9).
The client's app signs, calls \`getJourneyRuns\` and iterates \`paginateJourneyRuns\` (with retries, typed errors and
paginators); the peer's app makes one call with openapi-fetch through \`AwsClient.fetch\` of aws4fetch.

| bundle | minified bytes | gzip -9 bytes |
|---|---:|---:|
| @journey-runs/client | ${int(ours.minified)} | ${int(ours.gzipped)} |
| aws4fetch + openapi-fetch | ${int(peer.minified)} | ${int(peer.gzipped)} |

Budget of issue 14: the client's app at most ${int(BUNDLE_BUDGET)} bytes gzip -9: ${verdict(ok)} (${int(ours.gzipped)}, ${(ours.gzipped / peer.gzipped).toFixed(2)}x the peers).`,
);
console.log(`bundle: client ${ours.gzipped} B gzip, aws4fetch + openapi-fetch ${peer.gzipped} B: ${verdict(ok)}`);
process.exitCode = ok ? 0 : 1;
