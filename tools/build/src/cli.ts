/**
 * `tsx ../../tools/build/src/cli.ts` in a public package: its `build` script. Prints what it wrote.
 */
import { buildPackage } from "./build.js";

try {
  const { files } = await buildPackage(process.cwd());
  process.stdout.write(`built ${files.length} modules: ${files.join(", ")}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
