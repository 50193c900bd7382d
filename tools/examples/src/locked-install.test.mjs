import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { compareLockPackages, declarationDrift, lockedInstall } from "./locked-install.mjs";

const root = mkdtempSync(join(tmpdir(), "locked-install-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** @param {string} dir @param {object} manifest */
const writeManifest = (dir, manifest) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
};
/** @param {string[]} args @param {string} cwd */
const npm = (args, cwd) => {
  const result = spawnSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8" });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout.trim();
};
const readLock = (dir) => JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));

describe("lockedInstall on fixture projects (npm and the registry, as CI uses them)", () => {
  test("a lockfile that lacks an optional dependency published after it was written installs and stays as committed", () => {
    // dep-a declares an optional dependency; the committed lockfile was written while it did not exist yet.
    const dir = join(root, "optional-published-later");
    writeManifest(join(dir, "dep-a"), {
      name: "dep-a",
      version: "1.0.0",
      optionalDependencies: { "is-number": "7.0.0" },
    });
    npm(["pack", "--pack-destination", ".."], join(dir, "dep-a"));
    writeManifest(dir, { name: "fixture", private: true, dependencies: { "dep-a": "file:dep-a-1.0.0.tgz" } });
    npm(["install", "--package-lock-only"], dir);
    const lock = readLock(dir);
    expect(lock.packages["node_modules/is-number"]?.optional).toBe(true);
    delete lock.packages["node_modules/is-number"];
    const committed = `${JSON.stringify(lock, null, 2)}\n`;
    writeFileSync(join(dir, "package-lock.json"), committed);
    // What npm ci alone does with it: refuses, as it did to the examples.
    const plain = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8" });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toMatch(/Missing: is-number@7\.0\.0 from lock file/);

    const notes = [];
    const result = lockedInstall(dir, { log: (line) => notes.push(line) });
    expect(result).toMatchObject({ ok: true, moved: ["is-number@7.0.0"] });
    expect(notes.join("\n")).toMatch(
      /the registry moved under .*: it now publishes optional package is-number@7\.0\.0/,
    );
    expect(readFileSync(join(dir, "package-lock.json"), "utf8")).toBe(committed);
    expect(existsSync(join(dir, "node_modules", "dep-a", "package.json"))).toBe(true);
  }, 120_000);

  test("a package.json that gained a dependency its lockfile lacks fails before installing, naming it", () => {
    const dir = join(root, "dependency-added");
    writeManifest(dir, { name: "fixture", private: true, dependencies: { "is-number": "7.0.0" } });
    npm(["install", "--package-lock-only"], dir);
    const committed = readFileSync(join(dir, "package-lock.json"), "utf8");
    writeManifest(dir, { name: "fixture", private: true, dependencies: { "is-number": "7.0.0", "is-odd": "3.0.1" } });
    const result = lockedInstall(dir, { log: () => {} });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(
      /package-lock\.json is out of date with package\.json \(package\.json dependencies has is-odd@3\.0\.1, the lockfile does not\): run npm install there and commit/,
    );
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
    expect(readFileSync(join(dir, "package-lock.json"), "utf8")).toBe(committed);
  }, 60_000);
});

describe("declarationDrift", () => {
  const lockOf = (rootEntry, extra = {}) => ({ packages: { "": rootEntry, ...extra } });
  const dir = join(root, "drift");
  writeManifest(dir, { dependencies: { a: "^1.0.0" }, devDependencies: { b: "2.0.0" } });
  writeManifest(join(dir, "packages", "w"), { dependencies: { c: "^3.0.0" } });

  test("agrees when every package.json declares what its lockfile entry records", () => {
    const lock = lockOf(
      { dependencies: { a: "^1.0.0" }, devDependencies: { b: "2.0.0" } },
      { "packages/w": { dependencies: { c: "^3.0.0" } }, "node_modules/a": { version: "1.0.0" } },
    );
    expect(declarationDrift(dir, lock)).toEqual([]);
  });

  test("names a changed range, a removed dependency and a workspace's drift", () => {
    const lock = lockOf(
      { dependencies: { a: "^0.9.0", z: "1.0.0" }, devDependencies: { b: "2.0.0" } },
      { "packages/w": { dependencies: {} } },
    );
    expect(declarationDrift(dir, lock)).toEqual([
      "package.json dependencies has a@^1.0.0, the lockfile a@^0.9.0",
      "package.json dependencies no longer has z, the lockfile still does",
      "packages/w/package.json dependencies has c@^3.0.0, the lockfile does not",
    ]);
  });
});

describe("compareLockPackages", () => {
  const base = { "": {}, "node_modules/a": { version: "1.0.0", resolved: "r/a-1.0.0.tgz" } };

  test("accepts optional additions only, and says which platform they are for", () => {
    const fresh = { ...base, "node_modules/w": { version: "0.1.0", optional: true, os: ["win32"] } };
    expect(compareLockPackages(base, fresh)).toEqual({ added: ["w@0.1.0 (os win32)"], problems: [] });
  });

  test("refuses a moved version, a removed entry and a new required entry", () => {
    const fresh = {
      "": {},
      "node_modules/a": { version: "1.0.1", resolved: "r/a-1.0.1.tgz" },
      "node_modules/n": { version: "1.0.0" },
    };
    expect(compareLockPackages(base, fresh).problems).toEqual([
      "node_modules/a moved from 1.0.0 to 1.0.1",
      "n@1.0.0 is new and not optional",
    ]);
    expect(compareLockPackages(base, { "": {} }).problems).toEqual(["node_modules/a is gone"]);
  });
});
