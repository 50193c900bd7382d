/**
 * Generators that read `openapi/journey-runs.yaml` and write what the packages derive from it.
 *
 * @example
 * ```ts
 * import { generateMswContract } from "@journey-runs/codegen";
 * const source = generateMswContract(readFileSync("openapi/journey-runs.yaml", "utf8"));
 * ```
 * @packageDocumentation
 */
import { emitControlLimits } from "./emit-control-limits.js";
import { emitMswContract } from "./emit-msw-contract.js";
import { parseContract } from "./openapi-document.js";
import { extractOperationContract } from "./operation-contract.js";

export { CONTROL_CONTRACT_PATH, CONTROL_LIMIT_POINTERS, emitControlLimits } from "./emit-control-limits.js";
export type { EmitOptions } from "./emit-msw-contract.js";
export { emitMswContract } from "./emit-msw-contract.js";
export type { JsonObject, JsonValue } from "./openapi-document.js";
export { ContractError, dereference, parseContract, resolvePointer } from "./openapi-document.js";
export type { ErrorRule, HeaderRule, OperationContract, ParameterRule, ResponseRule } from "./operation-contract.js";
export { ERROR_TYPE_HEADER, extractOperationContract, trimSchema } from "./operation-contract.js";

/** The operation that this repository's contract describes. */
export const OPERATION_ID = "GetJourneyRuns";

/** The contract's path relative to the repository root, as named in generated headers. */
export const CONTRACT_PATH = "openapi/journey-runs.yaml";

/**
 * Generates the text of `packages/msw/src/generated/contract.ts` from the contract's YAML text.
 *
 * @example
 * ```ts
 * const stale = generateMswContract(contractText) !== readFileSync(outFile, "utf8");
 * ```
 */
export function generateMswContract(contractText: string): string {
  const contract = extractOperationContract(parseContract(contractText), OPERATION_ID);
  return emitMswContract(contract, { source: CONTRACT_PATH });
}

/**
 * Generates the text of `packages/msw/src/generated/control-limits.ts` from the control contract's YAML text.
 *
 * @example
 * ```ts
 * const stale = generateControlLimits(controlText) !== readFileSync(outFile, "utf8");
 * ```
 */
export function generateControlLimits(controlContractText: string): string {
  return emitControlLimits(parseContract(controlContractText));
}
