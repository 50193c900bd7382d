/**
 * Bytes of one signed call: the client's app of src/bundle.ts beside the smallest pair that signs, aws4fetch +
 * openapi-fetch, bundled the same way (esbuild, browser, ESM, minified; gzip -9). Writes the `peer-bundle` section of
 * docs/benchmarks.md; exits 1 when the client's app is over its budget (decision 0023: at most 1.15x the peers' app).
 */
import { AWS4FETCH_APP, BUNDLE_BUDGET_RATIO, bundle, CLIENT_APP, withinBundleBudget } from "./bundle.js";
import { int, machineLine, verdict, writeSection } from "./support.js";

const ours = await bundle(CLIENT_APP);
const peer = await bundle(AWS4FETCH_APP);
const ok = withinBundleBudget(ours.gzipped, peer.gzipped);
const ratio = (ours.gzipped / peer.gzipped).toFixed(3);
writeSection(
  "peer-bundle",
  `## Bytes of one signed call, beside aws4fetch + openapi-fetch

Command: \`npm run bench\` (runs \`tsx src/peer-bundle.ts\` in \`tools/bench\`). ${machineLine()}

Both apps are bundled by \`bundle()\` of \`tools/bench/src/bundle.ts\` (esbuild, browser, ESM, minified; gzip -9).
The client's app signs, calls \`getJourneyRuns\` and iterates \`paginateJourneyRuns\` (with retries, typed errors and
paginators); the peer's app makes one call with openapi-fetch through \`AwsClient.fetch\` of aws4fetch.

| bundle | minified bytes | gzip -9 bytes |
|---|---:|---:|
| @journey-runs/client | ${int(ours.minified)} | ${int(ours.gzipped)} |
| aws4fetch + openapi-fetch | ${int(peer.minified)} | ${int(peer.gzipped)} |

Budget (decision 0023): the client's app at most ${BUNDLE_BUDGET_RATIO}x the peers' app, gzip -9, measured in the same run
(${int(Math.floor(BUNDLE_BUDGET_RATIO * peer.gzipped))} B here): ${verdict(ok)} (${int(ours.gzipped)} B, ${ratio}x).`,
);
console.log(
  `bundle: client ${ours.gzipped} B gzip, aws4fetch + openapi-fetch ${peer.gzipped} B, ${ratio}x (budget <= ${BUNDLE_BUDGET_RATIO}x): ${verdict(ok)}`,
);
process.exitCode = ok ? 0 : 1;
