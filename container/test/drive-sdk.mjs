// Drives a running journey-runs-mock image with the AWS SDK for JavaScript v3 (@aws-sdk/client-pinpoint from npm),
// as a Node service's tests would (container/ci.sh). Usage: node drive-sdk.mjs URL ACCESS_KEY SECRET
// The server runs with --isolate and SigV4 on; drive-boto3.py has seeded this key's tenant with 30 runs.
import assert from "node:assert/strict";
import { GetJourneyRunsCommand, PinpointClient } from "@aws-sdk/client-pinpoint";

const [url, accessKeyId, secretAccessKey] = process.argv.slice(2);
const sdk = (secret = secretAccessKey) =>
  new PinpointClient({ endpoint: url, region: "us-east-1", credentials: { accessKeyId, secretAccessKey: secret } });

const ids = [];
let token;
do {
  const page = await sdk().send(
    new GetJourneyRunsCommand({
      ApplicationId: "app",
      JourneyId: "j",
      PageSize: "7",
      ...(token ? { Token: token } : {}),
    }),
  );
  ids.push(...page.JourneyRunsResponse.Item.map((run) => run.RunId));
  token = page.JourneyRunsResponse.NextToken;
} while (token);
assert.equal(new Set(ids).size, 30, `30 distinct runs, got ${ids.length}`);
console.log("ok sdk: pages every run of the journey boto3 seeded");

const refused = await sdk("not-the-secret")
  .send(new GetJourneyRunsCommand({ ApplicationId: "app", JourneyId: "j" }))
  .catch((error) => error);
assert.equal(refused.name, "InvalidSignatureException", String(refused));
assert.equal(refused.$metadata.httpStatusCode, 403);
assert.match(refused.message, /^The request signature we calculated does not match/);
console.log("ok sdk: a wrong secret is the front door's 403 InvalidSignatureException");
