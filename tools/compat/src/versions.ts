import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { publicPackages, repoRoot } from "./paths.js";

/** A release that pending changesets plan for one package (the shape `@changesets/get-release-plan` returns). */
export interface PlannedRelease {
  readonly name: string;
  readonly newVersion: string;
}

/** The contract's `info.version`. */
export function contractVersion(): string {
  const contract = parse(readFileSync(join(repoRoot, "openapi", "journey-runs.yaml"), "utf8")) as {
    info?: { version?: unknown };
  };
  const version = contract.info?.version;
  if (typeof version !== "string") throw new Error("[compat] openapi/journey-runs.yaml has no info.version.");
  return version;
}

/** The `version` of each public package's package.json, by name. */
export function packageVersions(): Map<string, string> {
  return new Map(
    publicPackages.map((pkg) => {
      const manifest = JSON.parse(readFileSync(join(pkg.dir, "package.json"), "utf8")) as { version: string };
      return [pkg.name, manifest.version];
    }),
  );
}

/**
 * The version each public package will have once the pending changesets are applied (`changeset version`):
 * the planned `newVersion`, or the current version when no changeset touches the package.
 *
 * @example
 * ```ts
 * plannedVersions(new Map([["@journey-runs/types", "0.1.0"]]), [{ name: "@journey-runs/types", newVersion: "0.2.0" }]);
 * // Map { "@journey-runs/types" => "0.2.0" }
 * ```
 */
export function plannedVersions(
  current: Map<string, string>,
  releases: readonly PlannedRelease[],
): Map<string, string> {
  const planned = new Map(current);
  for (const release of releases) {
    if (planned.has(release.name)) planned.set(release.name, release.newVersion);
  }
  return planned;
}
