import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createJourneyRunsClient, isJourneyRunsError } from "@journey-runs/client";
import { startMock } from "../lib/start-mock.mjs";

// The official AWS example ids, which the mock always has.
const input = { applicationId: "11111111112222222222333333333344", journeyId: "aaaaaaaaaabbbbbbbbbbccccccccccdd" };
// Made-up keys: the mock only checks that requests are signed with them.
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
// Tests wait for no backoff: no jitter and no shared retry quota.
const retry = { random: () => 0, quota: false };

let mock;
before(async () => {
  mock = await startMock(["--runs", "120", "--seed", "7"], {
    JOURNEY_RUNS_MOCK_ACCESS_KEY_ID: credentials.accessKeyId,
    JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  });
});
after(async () => {
  assert.equal(await mock.stop(), 0, "journey-runs-mock exits 0 on SIGTERM");
});

test("iterateJourneyRuns reads every run of every page, signed", async () => {
  const client = createJourneyRunsClient({ endpoint: mock.url, region: "us-east-1", credentials, retry });
  const pages = [];
  for await (const page of client.paginateJourneyRuns({ ...input, pageSize: 25 })) pages.push(page.Item.length);
  // The example journey's 2 runs and the 120 added ones: four full pages and a last one of 22.
  assert.deepEqual(pages, [25, 25, 25, 25, 22]);

  const runs = [];
  for await (const run of client.iterateJourneyRuns({ ...input, pageSize: 100 })) runs.push(run);
  assert.equal(runs.length, 122);
  assert.equal(new Set(runs.map((run) => run.RunId)).size, 122, "no run twice");
  const times = runs.map((run) => run.CreationTime);
  assert.deepEqual(times, [...times].sort(), "in order of creation time");
});

// Refusals of Pinpoint's front door (API Gateway) are not Pinpoint's modeled errors: PinpointServiceException with the
// front door's type.
test("an unsigned request is refused as Pinpoint's front door refuses it: MissingAuthenticationTokenException", async () => {
  const client = createJourneyRunsClient({ endpoint: mock.url, retry });
  await assert.rejects(client.getJourneyRuns(input), (error) => {
    assert.ok(isJourneyRunsError(error, "PinpointServiceException"), String(error));
    assert.equal(error.errorType, "MissingAuthenticationTokenException");
    assert.equal(error.status, 403);
    return true;
  });
});

test("a request signed with another secret is refused, and the secret is in no message", async () => {
  const wrongSecret = "this-is-not-the-secret-the-mock-knows";
  const client = createJourneyRunsClient({
    endpoint: mock.url,
    region: "eu-west-1",
    credentials: { ...credentials, secretAccessKey: wrongSecret },
    retry,
  });
  await assert.rejects(client.getJourneyRuns(input), (error) => {
    assert.ok(isJourneyRunsError(error, "PinpointServiceException"), String(error));
    assert.equal(error.errorType, "InvalidSignatureException");
    assert.ok(!JSON.stringify({ message: error.message, error }).includes(wrongSecret));
    return true;
  });
});

test("an unknown journey is NotFoundException with the request id", async () => {
  const client = createJourneyRunsClient({ endpoint: mock.url, region: "us-east-1", credentials, retry });
  await assert.rejects(client.getJourneyRuns({ ...input, journeyId: "no-such-journey" }), (error) => {
    assert.ok(isJourneyRunsError(error, "NotFoundException"), String(error));
    assert.match(error.requestId ?? "", /\S/);
    return true;
  });
});
