// @ts-check
/**
 * Vitest's `defineConfig`, plus test reports for GitHub Actions: when `GITHUB_ACTIONS=true` and the config names no
 * reporters of its own, the run keeps Vitest's default output and its `github-actions` annotations, and also writes
 * JUnit XML to `test-results/junit-node<major>.xml` in the package (one file per Node major, and `-msw3` for the
 * compatibility matrix's msw 3 cell, which tools/compat marks with `COMPAT_MSW3_DIR`, so that the matrix's runs do
 * not overwrite Node 20's). The CI workflow keeps those files as artifacts. Anywhere else it is Vitest's
 * `defineConfig` unchanged.
 *
 * Every package's vitest.config.ts imports `defineConfig` from here instead of `vitest/config`: one line each.
 */
import { defineConfig as vitestDefineConfig } from "vitest/config";

/** Where the JUnit report of this run goes, relative to the package. */
export const junitFile = `test-results/junit-node${process.versions.node.split(".")[0]}${process.env.COMPAT_MSW3_DIR ? "-msw3" : ""}.xml`;

/**
 * @param {import("vitest/config").UserConfig} config
 * @returns {import("vitest/config").UserConfig}
 */
export function withCiReporters(config, env = process.env) {
  if (env.GITHUB_ACTIONS !== "true" || config.test?.reporters !== undefined) return config;
  const outputFile = typeof config.test?.outputFile === "object" ? config.test.outputFile : {};
  return {
    ...config,
    test: {
      ...config.test,
      reporters: ["default", "github-actions", "junit"],
      outputFile: { ...outputFile, junit: junitFile },
    },
  };
}

/** @type {typeof vitestDefineConfig} */
export const defineConfig = /** @type {any} */ (
  (/** @type {import("vitest/config").UserConfig} */ config) =>
    vitestDefineConfig(typeof config === "object" ? withCiReporters(config) : config)
);
