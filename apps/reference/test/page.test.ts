import { describe, expect, test } from "vitest";
import { contentSecurityPolicy } from "../src/content-security-policy.js";
import { findExamples } from "../src/examples.js";
import { embeddedDefinition } from "../src/page.js";
import { builtPage, contract } from "./contract.js";

const page = builtPage();
const definition = embeddedDefinition(page);

describe("the built API reference", () => {
  test("renders the contract's own version of the API", () => {
    expect(definition.info.version).toBe(contract.info.version);
  });

  test("shows every example of the contract, by name and value, and no other", () => {
    const inContract = findExamples(contract);
    // Parameters, headers, the three 200 examples and one per error response at least.
    expect(inContract.length).toBeGreaterThanOrEqual(10);
    expect(findExamples(definition)).toEqual(inContract);
  });

  test("documents the seven error types, each as a response of GetJourneyRuns", () => {
    const errorTypes = contract.components.schemas.ErrorType.enum;
    expect(errorTypes).toHaveLength(7);
    const operation = Object.values(definition.paths as typeof contract.paths)[0]?.get;
    const referenced = Object.values(operation?.responses ?? {}).map((response) => JSON.stringify(response));
    for (const type of errorTypes) {
      expect(referenced, `no response of the operation refers to ${type}`).toContain(
        JSON.stringify({ $ref: `#/components/responses/${type}` }),
      );
      expect(page).toContain(`\`${type}\`: `);
    }
  });

  test("loads nothing from the network: scripts and styles are inline and a CSP forbids the rest", () => {
    expect(page).not.toMatch(/<script[^>]+src=/i);
    expect(page).not.toMatch(/<link[^>]+rel="?stylesheet/i);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`);
    expect(page).not.toContain("fonts.googleapis.com");
  });
});
