/**
 * `npm run bench:bundle -w @journey-runs/bench`: what the app of the client's size budget (src/bundle.ts) is made of,
 * from esbuild's metafile: the minified bytes each module leaves in the output, largest first, then the totals
 * (minified and gzip -9) beside the budget. Bundles the client's `dist/` (the published code): build it first.
 */
import { AWS4FETCH_APP, BUNDLE_BUDGET_RATIO, bundle, CLIENT_APP } from "./bundle.js";

const { minified, gzipped, inputs } = await bundle(CLIENT_APP);
const peer = await bundle(AWS4FETCH_APP);
const budget = Math.floor(BUNDLE_BUDGET_RATIO * peer.gzipped);
const rows = Object.entries(inputs).sort(([, a], [, b]) => b - a);
const width = Math.max(...rows.map(([path]) => path.length));
for (const [path, bytes] of rows) process.stdout.write(`${path.padEnd(width)} ${String(bytes).padStart(6)}\n`);
process.stdout.write(
  `${"total minified".padEnd(width)} ${String(minified).padStart(6)}\n${"total gzip -9".padEnd(width)} ${String(gzipped).padStart(6)} (budget ${budget}: ${BUNDLE_BUDGET_RATIO}x the aws4fetch + openapi-fetch app's ${peer.gzipped})\n`,
);
