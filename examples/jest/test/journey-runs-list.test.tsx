import { afterAll, afterEach, beforeAll, expect, test } from "@jest/globals";
import type { RetryEvent } from "@journey-runs/client";
import { EXAMPLE_IDS } from "@journey-runs/msw";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JourneyRunsList } from "../src/journey-runs-list.js";
import { mock, server, testClient } from "./fake-pinpoint.js";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

test("shows the runs of the AWS example journey", async () => {
  render(<JourneyRunsList client={testClient()} {...EXAMPLE_IDS} />);
  expect(await screen.findByText("99999999998888888888777777777766 COMPLETED")).toBeDefined();
  expect(screen.getByText("ffffffffffeeeeeeeeeeddddddddddcc SCHEDULED")).toBeDefined();
  expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
});

test("pages through 60 runs with Load more", async () => {
  mock.store.example?.addRuns(58); // 60 with the example's two
  const user = userEvent.setup();
  render(<JourneyRunsList client={testClient()} {...EXAMPLE_IDS} />);
  await user.click(await screen.findByRole("button", { name: "Load more" }));
  await user.click(await screen.findByRole("button", { name: "Load more" }));
  await screen.findByText(/^\S+ \w+$/, { selector: "li:nth-child(60)" });
  expect(screen.getAllByRole("listitem")).toHaveLength(60);
  expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
});

test("shows NotFoundException for a journey that does not exist", async () => {
  render(<JourneyRunsList client={testClient()} applicationId={EXAMPLE_IDS.applicationId} journeyId="gone" />);
  expect((await screen.findByRole("alert")).textContent).toMatch(/^NotFoundException: /);
  expect(screen.queryAllByRole("listitem")).toHaveLength(0);
});

test("recovers from two throttled attempts without waiting", async () => {
  mock.throttle(2); // the next two requests get 429; the client's third attempt succeeds
  const retries: RetryEvent[] = [];
  render(<JourneyRunsList client={testClient(retries)} {...EXAMPLE_IDS} />);
  expect(await screen.findByText("99999999998888888888777777777766 COMPLETED")).toBeDefined();
  expect(screen.queryByRole("alert")).toBeNull();
  expect(retries.map((retry) => [retry.error.name, retry.delayMs])).toEqual([
    ["TooManyRequestsException", 0],
    ["TooManyRequestsException", 0],
  ]);
});

test("shows a 500 that lasts through every retry", async () => {
  // failNext fails every attempt of the next call (one amz-sdk-invocation-id), so retries cannot hide the error.
  mock.failNext(500);
  const retries: RetryEvent[] = [];
  render(<JourneyRunsList client={testClient(retries)} {...EXAMPLE_IDS} />);
  expect((await screen.findByRole("alert")).textContent).toMatch(/^InternalServerErrorException: /);
  expect(retries).toHaveLength(2); // three attempts, all answered 500
});

test("signs its requests under jsdom, which has no crypto.subtle", async () => {
  const authorizations: (string | null)[] = [];
  server.events.on("request:start", ({ request }) => void authorizations.push(request.headers.get("authorization")));
  const client = testClient([], {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  });
  render(<JourneyRunsList client={client} {...EXAMPLE_IDS} />);
  expect(await screen.findByText("99999999998888888888777777777766 COMPLETED")).toBeDefined();
  expect(globalThis.crypto?.subtle).toBeUndefined(); // jsdom's: the client signs with Node's WebCrypto instead
  expect(authorizations).toEqual([
    expect.stringMatching(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/mobiletargeting\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/,
    ),
  ]);
  server.events.removeAllListeners();
});
