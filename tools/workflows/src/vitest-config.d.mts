import type { UserConfig, defineConfig as vitestDefineConfig } from "vitest/config";

/** Where the JUnit report of this run goes, relative to the package (`test-results/junit-node<major>[-msw3].xml`). */
export declare const junitFile: string;
/** `config` with Vitest's default, `github-actions` and `junit` reporters when `GITHUB_ACTIONS=true`. */
export declare function withCiReporters(config: UserConfig, env?: Record<string, string | undefined>): UserConfig;
/** Vitest's `defineConfig`, plus JUnit and GitHub annotations in GitHub Actions. */
export declare const defineConfig: typeof vitestDefineConfig;
