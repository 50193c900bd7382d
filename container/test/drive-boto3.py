"""Drives a running journey-runs-mock image with boto3, as a Python service's tests would (container/ci.sh).

Usage: python3 drive-boto3.py URL ACCESS_KEY SECRET CONTROL_TOKEN [slow-call]
The server runs with --isolate and SigV4 on: the access key is also the tenant the control plane addresses.
Exits non-zero (an AssertionError or a boto3 error) on any failure; prints one line per check.
"""

import json
import sys
import urllib.error
import urllib.request

import boto3
import botocore.exceptions
from botocore.config import Config

URL, KEY, SECRET, TOKEN = sys.argv[1:5]


def control(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{URL}/_journey-runs-mock{path}",
        data=data,
        method=method,
        # Writes carry the proof of intent (docs/decisions/0021-control-plane-intent.md), token or not.
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}",
                 "x-journey-runs-mock-tenant": KEY, "X-Journey-Runs-Mock-Intent": "control"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
        return json.loads(text) if text else None


def pinpoint(secret=SECRET, attempts=3):
    # Standard mode, as the guide recommends: 3 attempts in all (legacy mode, boto3's default, makes 5).
    return boto3.client("pinpoint", endpoint_url=URL, region_name="us-east-1", aws_access_key_id=KEY,
                        aws_secret_access_key=secret,
                        config=Config(retries={"mode": "standard", "total_max_attempts": attempts}))


def check(name, condition, detail=""):
    assert condition, f"{name}: {detail}"
    print(f"ok boto3: {name}")


if len(sys.argv) > 5 and sys.argv[5] == "slow-call":
    # One call held by the server's latency while the container is stopped: it must be answered, not cut.
    client = pinpoint(attempts=1)
    print("sending", flush=True)  # ci.sh waits for this line before it stops the container
    page = client.get_journey_runs(ApplicationId="app", JourneyId="j", PageSize="5")
    check("a call in flight during docker stop is answered", len(page["JourneyRunsResponse"]["Item"]) == 5)
    sys.exit(0)

control("POST", "/reset")
control("PUT", "/scene", {"example": False, "journeys": [{"applicationId": "app", "journeyId": "j", "runs": 30}]})
client = pinpoint()

# boto3 has no paginator for GetJourneyRuns; its parameter is Token, the answer's field NextToken.
runs, token = [], None
while True:
    page = client.get_journey_runs(ApplicationId="app", JourneyId="j", PageSize="7",
                                   **({"Token": token} if token else {}))["JourneyRunsResponse"]
    runs += page["Item"]
    token = page.get("NextToken")
    if not token:
        break
check("pages every run of a seeded journey with Token", len(runs) == 30 and len({r["RunId"] for r in runs}) == 30,
      f"{len(runs)} runs")

control("DELETE", "/journal")
control("POST", "/faults", {"kind": "status", "status": 500})  # every attempt of the next call
try:
    client.get_journey_runs(ApplicationId="app", JourneyId="j")
    raise AssertionError("a fault for the next call did not fail it")
except client.exceptions.InternalServerErrorException as error:
    check("a fault for the next call fails every attempt of it", bool(error.response["ResponseMetadata"]["RequestId"]))
entries = control("GET", "/journal")["entries"]
check("standard mode makes 3 attempts, one amz-sdk-invocation-id",
      [e["status"] for e in entries] == [500, 500, 500]
      and len({e["headers"]["amz-sdk-invocation-id"] for e in entries}) == 1, json.dumps(entries)[:300])

# A client that sends no amz-sdk-invocation-id, as the AWS SDK for Go v1 (4 attempts: 3 retries), is what the README's
# "Other SDKs" section is about: a fault for the next call fails only its first attempt; counting attempts fails all.
def without_invocation_id(request, **_):
    # After signing (botocore adds the header unsigned, per attempt); a before-send handler must return None.
    request.headers.pop("amz-sdk-invocation-id", None)


go_v1 = pinpoint(attempts=4)
go_v1.meta.events.register("before-send.pinpoint.GetJourneyRuns", without_invocation_id)
control("DELETE", "/journal")
control("POST", "/faults", {"kind": "status", "status": 500})
go_v1.get_journey_runs(ApplicationId="app", JourneyId="j")
statuses = [e["status"] for e in control("GET", "/journal")["entries"]]
check("without amz-sdk-invocation-id, a fault for the next call fails only the first attempt", statuses == [500, 200],
      str(statuses))
control("DELETE", "/journal")
control("POST", "/faults", {"kind": "status", "status": 500, "scope": "request", "times": 4})
try:
    go_v1.get_journey_runs(ApplicationId="app", JourneyId="j")
    raise AssertionError("scope request, times 4 did not fail every attempt")
except go_v1.exceptions.InternalServerErrorException:
    pass
statuses = [e["status"] for e in control("GET", "/journal")["entries"]]
check("without it, scope request and times 4 fail every attempt of the call", statuses == [500] * 4, str(statuses))

try:
    pinpoint(secret="not-the-secret", attempts=1).get_journey_runs(ApplicationId="app", JourneyId="j")
    raise AssertionError("a wrong secret was accepted")
except botocore.exceptions.ClientError as error:
    response = error.response
    check("a wrong secret is the front door's 403 InvalidSignatureException",
          response["Error"]["Code"] == "InvalidSignatureException"
          and response["ResponseMetadata"]["HTTPStatusCode"] == 403
          and response["Error"]["Message"].startswith("The request signature we calculated does not match")
          and len(response["ResponseMetadata"]["RequestId"]) == 36, json.dumps(response, default=str)[:300])

try:
    urllib.request.urlopen(f"{URL}/v1/apps/app/journeys/j/runs", timeout=10)
    raise AssertionError("an unsigned request was accepted")
except urllib.error.HTTPError as error:
    body = json.loads(error.read())
    check("an unsigned request is the front door's 403 Missing Authentication Token",
          error.code == 403 and error.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
          and body == {"message": "Missing Authentication Token"} and len(error.headers["x-amz-apigw-id"]) == 16,
          f"{error.code} {dict(error.headers)} {body}")
