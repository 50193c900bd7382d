import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContractValidator } from "../src/contract.js";
import { frontDoorErrors, isFrontDoor } from "./support/front-door.js";
import { type MockChild, parseResponse, rawExchange, startMockChild } from "./support/mock-child.js";

// Checks that need no body come before any body byte is read; a body is counted as it
// arrives whatever its framing (413 past 7 MB), hashed when SigV4 needs it, never kept; a request dripped slowly
// is cut after the request timeout with a documented 400.

const KEY = { JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: "AKIDBODY", JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: "body/secret" };
const PATH = "/v1/apps/11111111112222222222333333333344/journeys/aaaaaaaaaabbbbbbbbbbccccccccccdd/runs";
const MB = 1024 * 1024;
const validate = createContractValidator();

const amzDate = () => new Date().toISOString().replace(/[-:]|\.\d{3}/g, "");
/** An Authorization that passes every check but the signature's (right key, scope and date; a made-up signature). */
const wellFormed = (keyId = KEY.JOURNEY_RUNS_MOCK_ACCESS_KEY_ID, date = amzDate()) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${keyId}/${date.slice(0, 8)}/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
  "x-amz-date": date,
});
const head = (headers: Record<string, string>, method = "GET") =>
  `${method} ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;

/** Writes `total` bytes in 64 KB pieces (chunked framing when `chunked`), respecting back-pressure, until the socket closes. */
const pour = async (socket: Socket, total: number, chunked: boolean) => {
  const piece = Buffer.alloc(64 * 1024, 97);
  for (let sent = 0; sent < total && !socket.destroyed; sent += piece.length) {
    const data = piece.subarray(0, Math.min(piece.length, total - sent));
    const ok = socket.write(
      chunked ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]) : data,
    );
    if (!ok) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
  }
  if (chunked && !socket.destroyed) socket.write("0\r\n\r\n");
};

const expectAws = (text: string, status: number) => {
  const answer = parseResponse(text);
  expect(answer?.status).toBe(status);
  const checked = answer as NonNullable<typeof answer>;
  expect(isFrontDoor(checked) ? frontDoorErrors(checked) : validate(checked)).toEqual([]);
  return answer as NonNullable<typeof answer>;
};

describe("journey-runs-mock with SigV4: the head is checked before the body", () => {
  let mock: MockChild;
  beforeAll(async () => {
    mock = await startMockChild(["--quiet"], { env: KEY });
  });
  afterAll(() => {
    mock.child.kill("SIGKILL");
  });

  it.each<[string, Record<string, string>]>([
    ["no Authorization", {}],
    ["a garbage Authorization", { authorization: "Bearer x".repeat(50) }],
    ["another access key id", wellFormed("AKIDSOMEONEELSE")],
    [
      "an X-Amz-Date a day old",
      wellFormed(
        undefined,
        amzDate().replace(/^(\d{6})(\d{2})/, (_, ym, d) => `${ym}${d === "01" ? "02" : "01"}`),
      ),
    ],
  ])("refuses %s with 403 before reading a declared 7 MB body, and closes", async (_, headers) => {
    for (const framing of [{ "content-length": String(7 * MB) }, { "transfer-encoding": "chunked" }]) {
      const { text, closed } = await rawExchange(mock.port, (socket) => socket.write(head({ ...headers, ...framing })));
      expectAws(text, 403);
      expect(closed).toBe(true);
    }
  });

  it("keeps the memory of 60 connections each sending a 6 MB body flat: bodies are hashed, not kept", {
    timeout: 120_000,
  }, async () => {
    const before = mock.memory();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        rawExchange(
          mock.port,
          (socket) => {
            socket.write(head({ ...wellFormed(), "content-length": String(6 * MB) }));
            void pour(socket, 6 * MB, false);
          },
          100_000,
        ),
      ),
    );
    const after = mock.memory();
    console.info(
      `[reliability] 60 x 6 MB bodies: RSS ${before.rss.toFixed(0)} -> ${after.rss.toFixed(0)} MiB, peak ${before.peak.toFixed(0)} -> ${after.peak.toFixed(0)} MiB`,
    );
    for (const { text } of answers) expect(expectAws(text, 403).body).toMatch(/signature we calculated does not match/);
    // Kept bodies would take 360 MB; a hashed stream takes socket buffers only.
    expect(after.peak - before.rss).toBeLessThan(120);
  });
});

describe("journey-runs-mock without SigV4: bodies are counted whatever their framing", () => {
  let mock: MockChild;
  beforeAll(async () => {
    mock = await startMockChild(["--quiet", "--request-timeout", "1500"]);
  });
  afterAll(() => {
    mock.child.kill("SIGKILL");
  });

  it.each([
    ["chunked", 8 * MB, 413, true],
    ["Content-Length", 7 * MB + 1, 413, false],
    ["chunked", MB, 200, true],
    ["Content-Length", MB, 200, false],
  ] as const)("answers a GET with a %s body of %i bytes with %i", async (_, size, status, chunked) => {
    const framing = chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(size) };
    const { text } = await rawExchange(
      mock.port,
      (socket) => {
        socket.write(head(framing));
        void pour(socket, size, chunked);
      },
      30_000,
      true,
    );
    expectAws(text, status);
  });

  it.each([
    ["a body dripped a byte at a time", `${head({ "content-length": "1000" })}`],
    ["headers dripped a byte at a time", `GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `],
  ])("cuts %s after the request timeout with 400, and closes", async (_, start) => {
    const { text, closed } = await rawExchange(
      mock.port,
      (socket) => {
        socket.write(start);
        const drip = setInterval(() => (socket.destroyed ? clearInterval(drip) : socket.write("a")), 200);
        socket.once("close", () => clearInterval(drip));
      },
      10_000,
    );
    expect(closed).toBe(true);
    expect(expectAws(text, 400).body).toMatch(/did not arrive in full within 1500 ms/);
  });
});
