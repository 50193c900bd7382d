// @ts-check
/** Proves that an example runs the packages just packed, not a cached or leaked copy. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tarballsDir } from "./paths.mjs";

/**
 * For each public package the example installed, compares its installed package.json and entry file with the
 * tarball's. A difference means npm reused an older copy (a cache hit on an old integrity, or a kept node_modules).
 * @param {string} dir the example
 * @param {readonly { name: string, file: string }[]} packages
 * @returns {string[]} what is wrong, empty when every installed copy is the tarball's
 */
export function checkInstalledFromTarball(dir, packages) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  /** @type {string[]} */
  const problems = [];
  for (const { name, file } of packages) {
    if (!(name in declared)) continue;
    const want = `file:../.tarballs/${file}`;
    if (declared[name] !== want) problems.push(`${name} must be "${want}" in package.json, not "${declared[name]}"`);
    const installed = join(dir, "node_modules", ...name.split("/"));
    for (const inner of ["package.json", "dist/index.js"]) {
      const path = join(installed, inner);
      if (!existsSync(path)) {
        problems.push(`${name}: ${inner} is not installed in the example's node_modules`);
        continue;
      }
      const packed = execFileSync("tar", ["-xzOf", join(tarballsDir, file), `package/${inner}`], { encoding: "utf8" });
      if (readFileSync(path, "utf8") !== packed) problems.push(`${name}: the installed ${inner} is not the tarball's`);
    }
  }
  return problems;
}
