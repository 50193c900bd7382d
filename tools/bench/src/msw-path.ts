/**
 * The MSW path: the time of one `fetch` answered through msw/node by (a) a hand-written static `http.get` handler
 * that sends a fixed page with AWS's headers, (b) the same page from an openapi-msw handler, and (c) the stateful
 * fake of `@journey-runs/msw`. One `setupServer`; each batch swaps the handlers in with `resetHandlers`. Rounds run
 * the three batches in a random order; ratios to the static handler are per round, and the budget ("MSW path at most
 * 0.9x a static handler") is on the median of the fake's: its time per request at most 0.9x the
 * static handler's. Writes the `msw-path` section of docs/benchmarks.md; exits 1 when the budget is missed.
 */
import { createJourneyRunsMock, EXAMPLE_IDS } from "@journey-runs/msw";
import type { paths } from "@journey-runs/types";
import { HttpResponse, http, type RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { createOpenApiHttp } from "openapi-msw";
import { machineLine, median, quantile, shuffled, verdict, writeSection } from "./support.js";

const ROUNDS = Number(process.env.BENCH_MSW_ROUNDS ?? 30);
const BATCH = 200;
const BUDGET = 0.9;
const ORIGIN = "https://pinpoint.us-east-1.amazonaws.com";
const URL_ = `${ORIGIN}/v1/apps/${EXAMPLE_IDS.applicationId}/journeys/${EXAMPLE_IDS.journeyId}/runs`;

const mock = createJourneyRunsMock({ seed: 1 });
mock.store.example?.addRuns(1000);
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: "error" });
const first = await fetch(URL_);
const page = (await first.json()) as Record<string, unknown>;
const headers = { "x-amzn-RequestId": "3bf4b0c2-7d8a-4b2b-9d3e-1c2f3a4b5c6d" };

/**
 * openapi-msw 2.0.0 maps `{application-id}` to `:application-id` (path-mapping.js), which msw reads as the parameter
 * `:application` followed by the text `-id`: it never matches this contract's path. It gets the same operation under
 * parameter names without a hyphen.
 */
type Paths = {
  "/v1/apps/{applicationId}/journeys/{journeyId}/runs": paths["/v1/apps/{application-id}/journeys/{journey-id}/runs"];
};
const typed = createOpenApiHttp<Paths>({ baseUrl: ORIGIN });
const cases: readonly { name: string; handlers: RequestHandler[] }[] = [
  {
    name: "static msw http.get handler",
    handlers: [
      http.get(`${ORIGIN}/v1/apps/:applicationId/journeys/:journeyId/runs`, () => HttpResponse.json(page, { headers })),
    ],
  },
  {
    name: "openapi-msw handler",
    handlers: [
      typed.get("/v1/apps/{applicationId}/journeys/{journeyId}/runs", ({ response }) =>
        response(200).json(page as never, { headers }),
      ),
    ],
  },
  { name: "@journey-runs/msw fake", handlers: mock.handlers },
];
const STATIC = cases[0]?.name as string;
const OURS = "@journey-runs/msw fake";

/** Microseconds per request over `count` sequential fetches with `handlers` in place. */
async function batch(handlers: RequestHandler[], count: number): Promise<number> {
  server.resetHandlers(...handlers);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await fetch(URL_);
    if (response.status !== 200) throw new Error(`[bench] the MSW path answered ${response.status}`);
    await response.text();
  }
  return ((performance.now() - started) * 1000) / count;
}

for (const c of cases) await batch(c.handlers, 500);
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const ratios = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  const got = new Map<string, number>();
  for (const c of shuffled(cases)) got.set(c.name, await batch(c.handlers, BATCH));
  for (const c of cases) {
    times.get(c.name)?.push(got.get(c.name) as number);
    ratios.get(c.name)?.push((got.get(c.name) as number) / (got.get(STATIC) as number));
  }
}
server.close();

const ratio = median(ratios.get(OURS) ?? []);
const ok = ratio <= BUDGET;
const rows = cases.map((c) => {
  const r = ratios.get(c.name) ?? [];
  return `| ${c.name} | ${median(times.get(c.name) ?? []).toFixed(1)} | ${median(r).toFixed(2)} | ${quantile(r, 0.25).toFixed(2)} to ${quantile(r, 0.75).toFixed(2)} |`;
});
writeSection(
  "msw-path",
  `## The MSW path: the fake against a static handler and openapi-msw

Command: \`npm run bench\` (runs \`tsx src/msw-path.ts\` in \`tools/bench\`). ${machineLine()}

\`fetch\` of the first page (25 runs of a journey of 1,000, with a \`NextToken\`) through one msw/node \`setupServer\`.
The static handler and the openapi-msw handler send that very page, parsed once, with an \`x-amzn-RequestId\` header
(openapi-msw 2.0.0 turns \`{application-id}\` into \`:application-id\`, which msw reads as \`:application\` followed by
\`-id\`, so it never matches this contract's path: it is given the same operation under the names \`{applicationId}\`);
the fake builds it from its store on every request (validation, tokens, request ids, AWS headers). ${ROUNDS} rounds of
${BATCH} sequential requests per handler, in a random order per round, after 500 warm-up requests of each: the median
time per request, the median over rounds of the ratio to the static handler, and the middle half of those ratios.

| handler | us per request | x static handler | middle half of rounds |
|---|---:|---:|---:|
${rows.join("\n")}

Budget ("MSW path at most 0.9x a static handler": the fake's time per request over the static handler's,
median of the rounds' ratios): ${verdict(ok)} (${ratio.toFixed(2)}x).`,
);
console.log(rows.join("\n"));
console.log(`msw path: fake ${ratio.toFixed(2)}x a static handler (budget <= ${BUDGET}x): ${verdict(ok)}`);
process.exitCode = ok ? 0 : 1;
