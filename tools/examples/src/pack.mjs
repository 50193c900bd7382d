// @ts-check
/** `npm pack` of the public packages into `examples/.tarballs/` under fixed names. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { publicPackages, tarballsDir } from "./paths.mjs";

/**
 * Packs every public package as `npm publish` would (the `files` whitelist, `prepack` scripts if any) and returns
 * the tarballs' paths. The packages must be built: turbo's `^build` does that before the `test` task.
 * @returns {{ name: string, path: string }[]}
 */
export function packAll() {
  mkdirSync(tarballsDir, { recursive: true });
  const scratch = mkdtempSync(join(tarballsDir, ".pack-"));
  try {
    return publicPackages.map(({ name, dir, file }) => {
      const out = execFileSync("npm", ["pack", "--json", "--pack-destination", scratch], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      const [packed] = /** @type {{ filename: string }[]} */ (JSON.parse(out));
      if (!packed) throw new Error(`npm pack of ${name} printed no tarball`);
      const path = join(tarballsDir, file);
      // npm names the file after the version (journey-runs-client-0.1.0.tgz); examples need a name that stays.
      renameSync(join(scratch, packed.filename), path);
      return { name, path };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
