import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE } from "./support/arbitraries.js";
import { rawRequest } from "./support/http.js";
import { checkProperty } from "./support/property.js";

// The request log redacts credential query values by the parameter's decoded name, whatever
// its case or percent-encoding (X%2DAmz%2DSignature, x-amz-security%2dtoken, X-Amz-Credential, ...).

const PATH = `/v1/apps/${EXAMPLE.applicationId}/journeys/${EXAMPLE.journeyId}/runs`;
const SECRET_NAMES = ["X-Amz-Signature", "X-Amz-Security-Token", "X-Amz-Credential"];

const lines: string[] = [];
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, log: (line) => lines.push(line) });
});
afterAll(() => server.close());

/** A name spelled in any case, each character either as is or percent-encoded (upper or lower hex). */
const spelled = (name: string) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom("encode", "plain"), fc.boolean()), {
      minLength: name.length,
      maxLength: name.length,
    })
    .map((choices) =>
      [...name]
        .map((char, i) => {
          const [upper, how, upperHex] = choices[i] as [boolean, string, boolean];
          const cased = upper ? char.toUpperCase() : char.toLowerCase();
          if (how === "plain") return cased;
          const hex = cased.charCodeAt(0).toString(16).padStart(2, "0");
          return `%${upperHex ? hex.toUpperCase() : hex}`;
        })
        .join(""),
    );

const secretValue = fc.stringMatching(/^[A-Za-z0-9]{24,40}$/).map((v) => `SECRET${v}`);

describe("journey-runs-mock's request log", () => {
  it("never prints the value of a credential parameter, however its name is spelled", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.constantFrom(...SECRET_NAMES).chain(spelled),
        secretValue,
        fc.constantFrom("before", "after"),
        async (name, value, where) => {
          lines.length = 0;
          const query = where === "before" ? `${name}=${value}&page-size=2` : `page-size=2&${name}=${value}`;
          const answer = await rawRequest(server.url, { method: "GET", path: `${PATH}?${query}`, headers: {} });
          expect(answer.status).toBe(200);
          expect(lines).toHaveLength(1);
          expect(lines[0]).not.toContain(value);
          expect(lines[0]).toContain("[redacted]");
        },
      ),
      300,
    );
  });
});
