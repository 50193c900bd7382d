import { fileURLToPath } from "node:url";

/** The folder of the `@journey-runs/contract` workspace. */
export const CONTRACT_DIR = fileURLToPath(new URL("../../", import.meta.url));
/** The contract that CI lints. */
export const CONTRACT_PATH = fileURLToPath(new URL("../../journey-runs.yaml", import.meta.url));
/** The second contract: the control plane of journey-runs-mock, linted by the same ruleset. */
export const CONTROL_CONTRACT_PATH = fileURLToPath(new URL("../../journey-runs-mock-control.yaml", import.meta.url));
/** The ruleset that CI lints with. */
export const RULESET_PATH = fileURLToPath(new URL("../../spectral/ruleset.yaml", import.meta.url));
/** The broken-contract fixtures (patches of the contract). */
export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));
