import type { FetchFunction } from "@journey-runs/client";

/** A 200 answer with `body` as JSON, as Pinpoint sends a page. */
export const jsonAnswer = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-amzn-requestid": "7c3b6c3d-9f5e-4a51-8d0e-0f2b8d9a1e11" },
  });

/** A `fetch` option that answers each request with `answer(token)` (the `token` query value) and counts requests. */
export const stubFetch = (answer: (token: string | null) => unknown): FetchFunction & { readonly calls: number } => {
  let calls = 0;
  const fetch = async (url: string) => {
    calls++;
    return jsonAnswer(answer(new URL(url).searchParams.get("token")));
  };
  return Object.defineProperty(fetch, "calls", { get: () => calls }) as unknown as FetchFunction & {
    readonly calls: number;
  };
};

/** A run that the contract allows. */
export const run = (id: string) => ({
  CreationTime: "2000-01-01T00:00:00.000Z",
  LastUpdateTime: "2000-01-01T00:00:05.000Z",
  RunId: id,
  Status: "COMPLETED",
});

/** The ids of the example journey. */
export const INPUT = {
  applicationId: "11111111112222222222333333333344",
  journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd",
} as const;
