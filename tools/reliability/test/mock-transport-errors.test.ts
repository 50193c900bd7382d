import { type MockServer, startMockServer } from "@journey-runs/msw/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContractValidator } from "../src/contract.js";
import { parseResponse, rawExchange } from "./support/mock-child.js";
import { checkProperty } from "./support/property.js";

// What node:http's parser would answer itself (431, bare 400s, 408, 417, CONNECT closed with no
// answer) gets the documented AWS error that fits, in the contract's shape, with Connection: close.

const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const VALID = `GET ${PATH}?page-size=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n`;
const validate = createContractValidator();

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, requestTimeout: 1_000 });
});
afterAll(() => server.close());

/** Sends raw bytes; the first answer must be in the contract's shape. Returns it. */
const answerTo = async (raw: string | Buffer, waitMs = 3_000) => {
  const { text } = await rawExchange(server.port, (socket) => socket.write(raw), waitMs, true);
  const answer = parseResponse(text);
  expect(answer, `no answer to ${JSON.stringify(raw.toString().slice(0, 80))}`).toBeDefined();
  const found = answer as NonNullable<typeof answer>;
  expect(validate(found)).toEqual([]);
  return found;
};

describe("journey-runs-mock answers what node:http's parser refuses in the AWS shape", () => {
  it.each<[string, number, string]>([
    ["a 1 MB URL", 400, `GET ${PATH}?token=${"a".repeat(1024 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ["a 100 KB header", 400, `GET ${PATH} HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(100 * 1024)}\r\n\r\n`],
    ["an unknown method", 405, `FOO ${PATH} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ["a lower-case method", 405, `get ${PATH} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ["HTTP/1.1 without Host", 400, `GET ${PATH} HTTP/1.1\r\n\r\n`],
    ["a bad chunk size", 400, `GET ${PATH} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`],
    [
      "both Content-Length and chunked",
      400,
      `GET ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    ["Expect: foo", 400, `GET ${PATH} HTTP/1.1\r\nHost: x\r\nExpect: foo\r\n\r\n`],
    ["CONNECT", 405, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"],
    ["a bad Content-Length", 400, `GET ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`],
    ["a header name with a space", 400, `GET ${PATH} HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n`],
    ["an HTTP version 9.9", 400, `GET ${PATH} HTTP/9.9\r\nHost: x\r\n\r\n`],
    ["the HTTP/2 preface", 400, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"],
    ["bytes that are not HTTP", 400, "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003"],
    ["a request line that never ends", 400, `GET ${PATH}`],
  ])("%s gets %i", async (name, status, raw) => {
    const answer = await answerTo(raw);
    expect(answer.status).toBe(status);
    // Parse errors close the connection (the next request cannot be found); a request that parsed may keep it.
    if (!["HTTP/1.1 without Host", "Expect: foo"].includes(name))
      expect(answer.headers.get("connection")).toBe("close");
    expect(JSON.parse(answer.body).RequestID).toBe(answer.headers.get("x-amzn-requestid"));
  });

  it("answers every one-byte change, insertion or cut of a valid request in the contract's shape", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.integer({ min: 0, max: VALID.length - 1 }),
        fc.constantFrom("delete", "insert", "replace"),
        fc.integer({ min: 0, max: 255 }),
        async (at, edit, byte) => {
          const bytes = Buffer.from(VALID, "latin1");
          const b = Buffer.from([byte]);
          const changed =
            edit === "delete"
              ? Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)])
              : Buffer.concat([bytes.subarray(0, at), b, bytes.subarray(edit === "insert" ? at : at + 1)]);
          // A change may make a valid request for another path (404) or the same page (200): any documented answer.
          await answerTo(changed);
        },
      ),
      200,
    );
  });

  it("still serves a well-formed request after all of that", async () => {
    expect((await answerTo(VALID)).status).toBe(200);
  });
});
