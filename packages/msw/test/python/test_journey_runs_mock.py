"""Conformance of journey-runs-mock for boto3: driven through its control plane with urllib, read with boto3.

Standard library unittest only. Run from packages/msw after `npm run build`:

    python3 -m unittest discover -s test/python -v

JOURNEY_RUNS_MOCK_BIN names the bin to start (default: dist/server/cli.js of this package).
"""

import json
import os
import subprocess
import unittest
import urllib.request
from pathlib import Path

import boto3
from botocore.config import Config

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent
BIN = os.environ.get("JOURNEY_RUNS_MOCK_BIN", str(PACKAGE / "dist" / "server" / "cli.js"))
CAPTURED = PACKAGE / "test" / "fixtures" / "captured"
CAPTURED_APP = "5cd4ac3de7a14a2ea0e1e0fd0a1f4a55"
CAPTURED_JOURNEY = "0f9d8b7c6a5e4d3c2b1a09f8e7d6c5b4"
KEY_ID = "AKIAPYTHONSUITE00000"
SECRET = "python-suite-secret"
ERRORS = {
    400: "BadRequestException",
    403: "ForbiddenException",
    404: "NotFoundException",
    405: "MethodNotAllowedException",
    413: "PayloadTooLargeException",
    429: "TooManyRequestsException",
    500: "InternalServerErrorException",
}


class MockServer:
    """journey-runs-mock started as a child process, with SigV4 verification on and the captured data loaded."""

    def __init__(self):
        self.process = subprocess.Popen(
            ["node", BIN, "--port", "0", "--quiet", "--access-key-id", KEY_ID, "--data", str(CAPTURED)],
            env={**os.environ, "JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY": SECRET},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self.process.kill()
            raise RuntimeError(f"journey-runs-mock did not start: {self.process.stderr.read()}")

    def control(self, method, path, body=None):
        """One control-plane call: returns the decoded JSON answer, or None for 204."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/_journey-runs-mock{path}", data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if method not in ("GET", "HEAD"):
            # Writes prove they come from a program, not a web page (docs/decisions/0021-control-plane-intent.md).
            request.add_header("X-Journey-Runs-Mock-Intent", "control")
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            return json.loads(text) if text else None

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()


def pinpoint(url, secret=SECRET, attempts=3):
    return boto3.client(
        "pinpoint",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=secret,
        config=Config(retries={"mode": "standard", "total_max_attempts": attempts}),
    )


def all_pages(client, app, journey, page_size="10"):
    pages, token = [], None
    while True:
        kwargs = {"ApplicationId": app, "JourneyId": journey, "PageSize": page_size}
        if token:
            kwargs["Token"] = token
        page = client.get_journey_runs(**kwargs)["JourneyRunsResponse"]
        pages.append(page)
        token = page.get("NextToken")
        if not token:
            return pages


class JourneyRunsMockConformance(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mock = MockServer()
        cls.client = pinpoint(cls.mock.url)

    @classmethod
    def tearDownClass(cls):
        cls.mock.stop()

    def setUp(self):
        self.mock.control("PUT", "/scene", {"example": False, "journeys": [{"applicationId": "app", "journeyId": "journey", "runs": 37}]})
        self.mock.control("DELETE", "/journal")

    def test_every_page_of_a_seeded_journey(self):
        pages = all_pages(self.client, "app", "journey")
        self.assertEqual([len(page["Item"]) for page in pages], [10, 10, 10, 7])
        served = [run["RunId"] for page in pages for run in page["Item"]]
        state = self.mock.control("GET", "/state")
        stored = [app for app in state["applications"] if app["applicationId"] == "app"][0]["journeys"][0]["runs"]
        self.assertEqual(served, [run["RunId"] for run in stored])
        self.assertEqual(len(self.mock.control("GET", "/journal")["entries"]), 4)

    def test_each_of_the_seven_errors_is_its_modelled_exception_with_a_request_id(self):
        client = pinpoint(self.mock.url, attempts=1)
        for status, name in ERRORS.items():
            with self.subTest(status=status):
                self.mock.control("POST", "/faults", {"kind": "status", "status": status})
                with self.assertRaises(getattr(client.exceptions, name)) as caught:
                    client.get_journey_runs(ApplicationId="app", JourneyId="journey")
                request_id = caught.exception.response["ResponseMetadata"]["RequestId"]
                self.assertRegex(request_id, r"^[0-9a-f-]{36}$")
                self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPStatusCode"], status)
                journal = self.mock.control("GET", "/journal?limit=1")["entries"]
                self.assertEqual((journal[0]["status"], journal[0]["requestId"]), (status, request_id))

    def test_a_fault_for_the_next_call_survives_boto3_retries(self):
        self.mock.control("POST", "/faults", {"kind": "status", "status": 500})
        with self.assertRaises(self.client.exceptions.InternalServerErrorException):
            self.client.get_journey_runs(ApplicationId="app", JourneyId="journey")
        attempts = self.mock.control("GET", "/journal")["entries"]
        self.assertEqual([entry["status"] for entry in attempts], [500, 500, 500])
        self.assertEqual(len({entry["headers"]["amz-sdk-invocation-id"] for entry in attempts}), 1)
        # The next call is a new call: it succeeds.
        self.assertEqual(len(self.client.get_journey_runs(ApplicationId="app", JourneyId="journey")["JourneyRunsResponse"]["Item"]), 25)

    def test_a_burst_of_throttling_per_request_is_retried_through(self):
        self.mock.control("POST", "/faults", {"kind": "status", "status": 429, "times": 2, "scope": "request"})
        page = self.client.get_journey_runs(ApplicationId="app", JourneyId="journey", PageSize="5")
        self.assertEqual(len(page["JourneyRunsResponse"]["Item"]), 5)
        statuses = [entry["status"] for entry in self.mock.control("GET", "/journal")["entries"]]
        self.assertEqual(statuses, [429, 429, 200])

    def test_sigv4_is_verified(self):
        client = pinpoint(self.mock.url, secret="not-the-secret", attempts=1)
        with self.assertRaises(client.exceptions.ForbiddenException) as caught:
            client.get_journey_runs(ApplicationId="app", JourneyId="journey")
        self.assertIn("signature", str(caught.exception).lower())

    def test_data_loaded_from_a_captured_aws_cli_folder_is_served_as_captured(self):
        self.mock.control("POST", "/reset")
        folder = CAPTURED / CAPTURED_APP / CAPTURED_JOURNEY
        captured = [json.loads(path.read_text())["JourneyRunsResponse"]["Item"] for path in sorted(folder.glob("*.json"))]
        pages = all_pages(self.client, CAPTURED_APP, CAPTURED_JOURNEY)
        self.assertEqual([page["Item"] for page in pages], captured)


if __name__ == "__main__":
    unittest.main()
