// @ts-check
/**
 * The examples' package-lock.json files pin every registry package (with its integrity), but not the three tarballs:
 * those change with every build, and npm, given an `integrity`, installs the tarball it cached under that hash
 * instead of reading the file again (it silently tests yesterday's build). So the tarball entries carry no
 * `integrity`, and the runner removes any that `npm install` by hand put there (docs/decisions/0015-jest.md).
 */

const TARBALL_ENTRY = /^node_modules\/@journey-runs\/(types|client|msw)$/;

/**
 * Removes `integrity` from the lockfile entries of the tarballs.
 * @param {string} text the package-lock.json
 * @returns {{ text: string, stripped: string[] }} the lockfile to write, and the entries that had one
 */
export function stripTarballIntegrity(text) {
  /** @type {{ packages?: Record<string, Record<string, unknown>> }} */
  const lock = JSON.parse(text);
  /** @type {string[]} */
  const stripped = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!TARBALL_ENTRY.test(key) || entry === null || typeof entry !== "object") continue;
    if (typeof entry.resolved === "string" && !entry.resolved.startsWith("file:")) {
      throw new Error(
        `${key} resolves to ${entry.resolved}, not to a tarball of examples/.tarballs: ` +
          'depend on it with "file:../.tarballs/<name>.tgz" and an "overrides" entry',
      );
    }
    if ("integrity" in entry) {
      delete entry.integrity;
      stripped.push(key);
    }
  }
  return { text: `${JSON.stringify(lock, null, 2)}\n`, stripped };
}
