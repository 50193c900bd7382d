import { readdirSync } from "node:fs";
import type { Ruleset } from "@stoplight/spectral-core";
import { beforeAll, describe, expect, test } from "vitest";
import { brokenContract } from "./support/fixtures.js";
import { FIXTURES_DIR } from "./support/paths.js";
import { type Finding, lintAsContract, loadRuleset } from "./support/spectral.js";

/** A result a fixture must produce: its rule, where it points, and (for house rules) what its message says. */
interface Want {
  code: string;
  pointer: string;
  message?: RegExp;
}

const OPERATION = "#/paths/~1v1~1apps~1{application-id}~1journeys~1{journey-id}~1runs/get";
const RESPONSES = "#/components/responses";

// Each fixture is linted as if it were the contract, with the full ruleset of `lint:contract`; `want` is every
// result it must produce, of any rule and severity, so a fixture also proves that nothing else went wrong.
const cases: [string, { fixture: string; want: Want[] }][] = [
  [
    "an operation without its 413 is caught where its responses are",
    {
      fixture: "missing-413.yaml",
      want: [
        {
          code: "journey-runs-aws-errors",
          pointer: `${OPERATION}/responses`,
          message: /does not document the 413 PayloadTooLargeException response\. Add `"413": \{ \$ref:/,
        },
        { code: "oas3-unused-component", pointer: `${RESPONSES}/PayloadTooLargeException` },
      ],
    },
  ],
  [
    "a 404 whose body is an inline copy of MessageBody is caught at its schema",
    {
      fixture: "404-inline-body.yaml",
      want: [
        {
          code: "journey-runs-aws-errors",
          pointer: `${RESPONSES}/NotFoundException/content/application~1json/schema`,
          message:
            /is an inline schema, not the shared MessageBody\. Use `schema: \{ \$ref: "#\/components\/schemas\/MessageBody" \}`/,
        },
        {
          code: "owasp:api4:2023-string-restricted",
          pointer: `${RESPONSES}/NotFoundException/content/application~1json/schema/properties/Message`,
        },
      ],
    },
  ],
  [
    "a 500 without application/json content is caught at its content",
    {
      fixture: "500-text-body.yaml",
      want: [
        {
          code: "journey-runs-aws-errors",
          pointer: `${RESPONSES}/InternalServerErrorException/content`,
          message: /has no application\/json content\. Add `content:/,
        },
      ],
    },
  ],
  [
    "a 403 body that adds keywords beside its $ref to MessageBody is caught",
    {
      fixture: "403-body-with-extra-required.yaml",
      want: [
        {
          code: "journey-runs-aws-errors",
          pointer: `${RESPONSES}/ForbiddenException/content/application~1json/schema`,
          message: /adds `required` beside `\$ref: #\/components\/schemas\/MessageBody`/,
        },
      ],
    },
  ],
  [
    "a 405 body that reaches MessageBody through an alias $ref is accepted",
    { fixture: "405-body-through-alias.yaml", want: [] },
  ],
  [
    "a 404 $ref to a missing response is reported by the house rules, not crashed on",
    {
      fixture: "404-dangling-ref.yaml",
      want: [
        { code: "invalid-ref", pointer: `${OPERATION}/responses/404/$ref` },
        {
          code: "journey-runs-aws-errors",
          pointer: `${OPERATION}/responses/404/$ref`,
          message: /`#\/components\/responses\/NotFound` points at nothing in this document: fix the reference/,
        },
        {
          code: "journey-runs-error-type-header",
          pointer: `${OPERATION}/responses/404/$ref`,
          message: /points at nothing in this document/,
        },
        // The OWASP rules read the resolved document, where the broken 404 has no headers to silence.
        { code: "owasp:api4:2023-rate-limit", pointer: RESPONSES },
        { code: "oas3-unused-component", pointer: `${RESPONSES}/NotFoundException` },
      ],
    },
  ],
  [
    "a 429 without X-Amzn-ErrorType is caught at its headers",
    {
      fixture: "429-without-error-type.yaml",
      want: [
        {
          code: "journey-runs-error-type-header",
          pointer: `${RESPONSES}/TooManyRequestsException/headers`,
          message:
            /declares no `X-Amzn-ErrorType` header\. Add it under `headers` with `required: true`.*TooManyRequestsException/,
        },
      ],
    },
  ],
  [
    "an X-Amzn-ErrorType that is not required is caught at `required`",
    {
      fixture: "403-error-type-optional.yaml",
      want: [
        {
          code: "journey-runs-error-type-header",
          pointer: `${RESPONSES}/ForbiddenException/headers/X-Amzn-ErrorType/required`,
          message: /is not required\. Set `required: true`/,
        },
      ],
    },
  ],
  [
    "a 404 whose X-Amzn-ErrorType const names another error is caught at the const",
    {
      fixture: "404-error-type-of-403.yaml",
      want: [
        {
          code: "journey-runs-error-type-header",
          pointer: `${RESPONSES}/NotFoundException/headers/X-Amzn-ErrorType/schema/const`,
          message:
            /is fixed to "ForbiddenException", but Pinpoint answers 404 with `NotFoundException`\. Set its `const`/,
        },
      ],
    },
  ],
  [
    "a 500 without x-amzn-RequestId is caught at its headers",
    {
      fixture: "500-without-request-id.yaml",
      want: [
        {
          code: "journey-runs-error-type-header",
          pointer: `${RESPONSES}/InternalServerErrorException/headers`,
          message: /declares no `x-amzn-RequestId` header/,
        },
      ],
    },
  ],
  [
    "an inline error response without headers is caught once for each missing header",
    {
      fixture: "409-inline-without-headers.yaml",
      want: [
        {
          code: "journey-runs-error-type-header",
          pointer: `${OPERATION}/responses/409`,
          message: /^The 409 response of GET \/v1\/apps\/.* declares no `X-Amzn-ErrorType` header/,
        },
        {
          code: "journey-runs-error-type-header",
          pointer: `${OPERATION}/responses/409`,
          message: /^The 409 response of GET .* declares no `x-amzn-RequestId` header/,
        },
        { code: "owasp:api4:2023-rate-limit", pointer: `${OPERATION}/responses/409` },
      ],
    },
  ],
  [
    "an example run with the Status DONE is caught at that Status",
    {
      fixture: "status-done.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: "#/components/examples/OfficialExample/value/Item/0/Status",
          message:
            /^Example `official` \(`#\/components\/examples\/OfficialExample`\) .*: `\/Item\/0\/Status` must be equal to one of the allowed values \("SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"\)\. Fix the example/,
        },
        { code: "oas3-valid-media-example", pointer: "#/components/examples/OfficialExample/value/Item/0/Status" },
      ],
    },
  ],
  [
    "a NextToken example of the wrong type is caught at the NextToken",
    {
      fixture: "next-token-number.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: "#/components/examples/FirstOfSeveralPages/value/NextToken",
          message: /^Example `firstOfSeveralPages` .*`\/NextToken` must be string\./,
        },
        { code: "oas3-valid-media-example", pointer: "#/components/examples/FirstOfSeveralPages/value/NextToken" },
      ],
    },
  ],
  [
    "an example without the required Item is caught at its value",
    {
      fixture: "empty-journey-without-item.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: "#/components/examples/EmptyJourney/value",
          message: /^Example `emptyJourney` .*: the value must have required property 'Item'/,
        },
        { code: "oas3-valid-media-example", pointer: "#/components/examples/EmptyJourney/value" },
      ],
    },
  ],
  [
    "a parameter example below the minimum is caught at the example",
    {
      fixture: "page-size-example-zero.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: "#/components/parameters/PageSize/example",
          message: /^The example of `#\/components\/parameters\/PageSize` .*: the value must be >= 1\./,
        },
        { code: "oas3-valid-media-example", pointer: "#/components/parameters/PageSize/example" },
      ],
    },
  ],
  [
    "a header example that is not a UUID is caught by its format",
    {
      fixture: "request-id-not-uuid.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: "#/components/headers/RequestId/example",
          message: /the value must match format "uuid"/,
        },
        { code: "oas3-valid-media-example", pointer: "#/components/headers/RequestId/example" },
      ],
    },
  ],
  [
    "an inline error example with a property MessageBody forbids is caught at that property",
    {
      fixture: "error-example-extra-property.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: `${RESPONSES}/BadRequestException/content/application~1json/examples/badPageSize/value/Code`,
          message:
            /^Example `badPageSize` of the application\/json body of .*must NOT have additional properties \(`Code`\)/,
        },
        {
          code: "oas3-valid-media-example",
          pointer: `${RESPONSES}/BadRequestException/content/application~1json/examples/badPageSize/value`,
        },
      ],
    },
  ],
  [
    "schema examples are checked too (spectral:oas does not check them)",
    {
      fixture: "schema-examples-status.yaml",
      want: [
        {
          code: "journey-runs-valid-examples",
          pointer: "#/components/schemas/JourneyRunStatus/examples/1",
          message:
            /^Example 1 of schema `#\/components\/schemas\/JourneyRunStatus` .*must be equal to one of the allowed values/,
        },
      ],
    },
  ],
  [
    "not a house rule: an unused schema is a warning of spectral:oas",
    {
      fixture: "unused-schema.yaml",
      want: [{ code: "oas3-unused-component", pointer: "#/components/schemas/Unused" }],
    },
  ],
  [
    "not a house rule: a `callback` query parameter is information from the OWASP ruleset",
    {
      fixture: "concerning-url-parameter.yaml",
      want: [{ code: "owasp:api7:2023-concerning-url-parameter", pointer: `${OPERATION}/parameters/2/name` }],
    },
  ],
];

/** A stable order for comparing lists of results. */
function byCodeAndPointer(a: Pick<Finding, "code" | "pointer">, b: Pick<Finding, "code" | "pointer">): number {
  return a.code.localeCompare(b.code) || a.pointer.localeCompare(b.pointer);
}

let ruleset: Ruleset;

beforeAll(async () => {
  ruleset = await loadRuleset();
});

describe("house rules on broken contracts", () => {
  test.each(cases)("%s", async (_name, { fixture, want }) => {
    const found = await lintAsContract(ruleset, brokenContract(fixture));

    const located = found.map(({ code, pointer }) => ({ code, pointer })).sort(byCodeAndPointer);
    expect(located).toEqual(want.map(({ code, pointer }) => ({ code, pointer })).sort(byCodeAndPointer));
    for (const { code, pointer, message } of want) {
      if (message === undefined) continue;
      const messages = found.filter((f) => f.code === code && f.pointer === pointer).map((f) => f.message);
      expect(
        messages.some((text) => message.test(text)),
        `${code} at ${pointer}: ${messages.join(" | ")}`,
      ).toBe(true);
    }
    for (const finding of found.filter((f) => f.code.startsWith("journey-runs-"))) {
      expect(finding.severity).toBe("error");
    }
  });

  test("every house rule of the ruleset is caught by at least one fixture", () => {
    const houseRules = Object.keys(ruleset.rules).filter((name) => name.startsWith("journey-runs-"));
    const covered = new Set(cases.flatMap(([, { want }]) => want.map((w) => w.code)));
    expect(houseRules.sort()).toEqual([
      "journey-runs-aws-errors",
      "journey-runs-error-type-header",
      "journey-runs-valid-examples",
    ]);
    for (const rule of houseRules) expect(covered, rule).toContain(rule);
  });

  test("every fixture file has a row in the table", () => {
    const files = readdirSync(FIXTURES_DIR).filter((file) => file.endsWith(".yaml"));
    expect(files.sort()).toEqual(cases.map(([, { fixture }]) => fixture).sort());
  });
});
