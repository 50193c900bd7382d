/**
 * `npx tsx bench/breakdown.ts`: what the app of the size budget (bench/bundle.ts) is made of, from esbuild's metafile:
 * the minified bytes each module leaves in the output, largest first, then the totals (minified and gzip -9).
 * Bundles `dist/` (the published code): run `npm run build` first.
 */
import { BUNDLE_BUDGET, bundle, CLIENT_APP } from "./bundle.js";

const { minified, gzipped, inputs } = await bundle(CLIENT_APP);
const rows = Object.entries(inputs).sort(([, a], [, b]) => b - a);
const width = Math.max(...rows.map(([path]) => path.length));
for (const [path, bytes] of rows) process.stdout.write(`${path.padEnd(width)} ${String(bytes).padStart(6)}\n`);
process.stdout.write(
  `${"total minified".padEnd(width)} ${String(minified).padStart(6)}\n${"total gzip -9".padEnd(width)} ${String(gzipped).padStart(6)} (budget ${BUNDLE_BUDGET})\n`,
);
