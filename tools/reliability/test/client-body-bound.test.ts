/**
 * The client reads at most 1 MiB of an answer. An endless chunked body, a body announced as 1 GiB,
 * or a plain large one, for a 200, a 500 or a redirect, ends with InvalidResponseError (never a NetworkError saying
 * the endpoint "could not be reached"), without any timeoutMs, after the server could write only a bounded number of
 * bytes (what the client read, plus what the sockets' buffers held when it stopped), and it is not retried.
 */
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INPUT } from "./support/client-stub.js";
import { type FaultyServer, startFaultyServer } from "./support/faulty-server.js";
import { checkProperty } from "./support/property.js";

const MIB = 1_048_576;
/** What the server could write before the client stopped reading: the cap, plus socket buffers on both sides. */
const WRITTEN_BOUND = 1 * MIB + 16 * MIB;

let server: FaultyServer;
/** How the server answers now: status, chunk size, and whether it announces a Content-Length of 1 GiB. */
let mode = { status: 200, chunk: 65_536, announced: false };
/** Bytes written by the server on each connection, when it closed. */
const written: number[] = [];
/** Bytes the client read of each answer before its typed error. */
const reads: number[] = [];

beforeAll(async () => {
  server = await startFaultyServer((_req, res) => {
    res.writeHead(mode.status, {
      "content-type": "application/json",
      ...(mode.announced ? { "content-length": String(1024 * MIB) } : {}),
    });
    const chunk = Buffer.alloc(mode.chunk, 0x61);
    let open = true;
    res.on("close", () => {
      open = false;
      written.push(res.socket?.bytesWritten ?? Number.NaN);
    });
    // An endless body: write while the socket takes it, go on when it drains, stop when the client goes away.
    const pump = () => {
      while (open && res.write(chunk));
    };
    res.on("drain", pump);
    pump();
  });
});
afterAll(() => server.close());

describe("the client under huge and endless bodies", () => {
  it("stops after 1 MiB with InvalidResponseError, one request, the server's writes bounded", async () => {
    await checkProperty(
      fc.asyncProperty(
        fc.constantFrom(200, 500, 503, 302),
        fc.constantFrom(1, 1_000, 16_384, 65_536, 1_048_577),
        fc.boolean(),
        async (status, chunk, announced) => {
          mode = { status, chunk, announced };
          const before = server.requests;
          // What the client reads, counted on its way: the global fetch, its body passed through a counter.
          let read = 0;
          const counting = async (url: string, init: RequestInit) => {
            const response = await fetch(url, init);
            const counter = new TransformStream<Uint8Array, Uint8Array>({
              transform(bytes, controller) {
                read += bytes.length;
                controller.enqueue(bytes);
              },
            });
            return new Response(response.body?.pipeThrough(counter) ?? null, response);
          };
          const client = createJourneyRunsClient({ endpoint: server.url, fetch: counting, retry: { random: () => 0 } });
          const error = await client.getJourneyRuns(INPUT).catch((e: unknown) => e);
          expect(isJourneyRunsError(error, "InvalidResponseError"), String(error)).toBe(true);
          expect((error as Error).message).toContain("is over 1 MiB");
          expect(server.requests - before).toBe(1);
          // The server sees the connection close once the client cancels the body.
          await expect.poll(() => written.length, { timeout: 10_000 }).toBe(server.requests);
          expect(written.at(-1)).toBeLessThanOrEqual(WRITTEN_BOUND);
          // The cap, plus what was in flight in the counter's queues (a few socket reads of at most 64 KiB).
          expect(read).toBeLessThanOrEqual(MIB + 4 * 65_536);
          reads.push(read);
        },
      ),
      24,
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    console.info(
      `[reliability] before the typed error: the client read median ${median(reads)}, max ${Math.max(...reads)} bytes (cap ${MIB}); the server wrote median ${median(written)}, max ${Math.max(...written)}`,
    );
  });
});
