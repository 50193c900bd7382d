"""Conformance of journey-runs-mock for the AWS CLI (`aws pinpoint get-journey-runs`): captures served back page
by page as the CLI printed them, and a modelled error as the CLI reports it."""

import json
import os
import shutil
import subprocess

import pytest

from repo import CAPTURED

APP = "5cd4ac3de7a14a2ea0e1e0fd0a1f4a55"
JOURNEY = "0f9d8b7c6a5e4d3c2b1a09f8e7d6c5b4"


@pytest.fixture
def aws(journey_runs_mock_server, journey_runs_mock):
    """Runs `aws pinpoint get-journey-runs` against the fake, one attempt, and returns the completed process."""
    if shutil.which("aws") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true needs the AWS CLI (aws) on PATH")
        pytest.skip("the AWS CLI (aws) is not on PATH")
    s = journey_runs_mock_server
    env = {
        **os.environ,
        "AWS_ACCESS_KEY_ID": s.access_key_id,
        "AWS_SECRET_ACCESS_KEY": s.secret_access_key,
        "AWS_DEFAULT_REGION": s.region_name,
        "AWS_RETRY_MODE": "standard",
        "AWS_MAX_ATTEMPTS": "1",
        "AWS_ENDPOINT_URL_PINPOINT": s.url,
    }
    env.pop("AWS_PROFILE", None)

    def run(*args):
        command = ["aws", "pinpoint", "get-journey-runs", "--output", "json", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    return run


def test_captured_pages_come_back_as_the_cli_printed_them(aws):
    folder = CAPTURED / APP / JOURNEY
    captured = [json.loads(path.read_text()) for path in sorted(folder.glob("*.json"))]
    size = str(len(captured[0]["JourneyRunsResponse"]["Item"]))
    served, token = [], None
    for _ in captured:
        done = aws("--application-id", APP, "--journey-id", JOURNEY, "--page-size", size, *(["--token", token] if token else []))
        assert done.returncode == 0, done.stderr
        page = json.loads(done.stdout)
        served.append(page["JourneyRunsResponse"]["Item"])
        token = page["JourneyRunsResponse"].get("NextToken")
    assert served == [page["JourneyRunsResponse"]["Item"] for page in captured]
    assert token is None


def test_a_forced_error_is_reported_by_the_cli_with_its_modelled_name(aws, journey_runs_mock):
    journey_runs_mock.fail_next(404, message="No such journey")
    done = aws("--application-id", APP, "--journey-id", "missing")
    assert done.returncode != 0
    assert "NotFoundException" in done.stderr and "No such journey" in done.stderr
