import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { responses } from "../../src/generated/contract.js";

// Both packages are CommonJS whose module.exports is the class/function and which also set `.default` to it.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** A response as the validator reads it. */
export interface ResponseLike {
  status: number;
  headers: Headers;
  text(): Promise<string>;
}

/**
 * Builds a validator from the contract's generated response schemas (ajv, JSON Schema 2020-12, with formats):
 * it returns the list of ways a response breaks the contract, empty when it conforms.
 */
export function createContractValidator(): (response: ResponseLike) => Promise<string[]> {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const byStatus = new Map(
    Object.entries(responses).map(([status, rule]) => [
      Number(status),
      {
        body: ajv.compile(rule.schema),
        headers: Object.entries(rule.headers).map(([name, header]) => ({
          name,
          required: header.required,
          check: ajv.compile(header.schema),
        })),
      },
    ]),
  );
  return async (response) => {
    const rule = byStatus.get(response.status);
    if (!rule) return [`status ${response.status} is not documented`];
    const problems: string[] = [];
    if (response.headers.get("content-type") !== "application/json") {
      problems.push(`Content-Type is ${response.headers.get("content-type")}, not application/json`);
    }
    for (const header of rule.headers) {
      const value = response.headers.get(header.name);
      if (value === null) {
        if (header.required) problems.push(`header ${header.name} is missing`);
      } else if (!header.check(value)) {
        problems.push(`header ${header.name}: ${ajv.errorsText(header.check.errors)}`);
      }
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [...problems, `body is not JSON: ${text.slice(0, 80)}`];
    }
    if (!rule.body(body)) problems.push(`body: ${ajv.errorsText(rule.body.errors)}`);
    const requestId = (body as { RequestID?: unknown }).RequestID;
    if (response.status >= 400 && requestId !== response.headers.get("x-amzn-RequestId")) {
      problems.push("RequestID in the body differs from the x-amzn-RequestId header");
    }
    return problems;
  };
}
