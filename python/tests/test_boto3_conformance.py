"""Conformance of journey-runs-mock for boto3, on the pytest plugin: paging, the seven modelled errors with
their request ids, faults through boto3's retries, SigV4 verification, and AWS CLI captures served back."""

import json
import re

import botocore.exceptions
import pytest

from journey_runs_mock import pinpoint_client as make_client
from repo import CAPTURED

CAPTURED_APP = "5cd4ac3de7a14a2ea0e1e0fd0a1f4a55"
CAPTURED_JOURNEY = "0f9d8b7c6a5e4d3c2b1a09f8e7d6c5b4"
ERRORS = {
    400: "BadRequestException",
    403: "ForbiddenException",
    404: "NotFoundException",
    405: "MethodNotAllowedException",
    413: "PayloadTooLargeException",
    429: "TooManyRequestsException",
    500: "InternalServerErrorException",
}


def all_pages(client, app, journey, page_size="10"):
    """Every page of a journey, following `Token` (boto3 has no paginator for GetJourneyRuns)."""
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


@pytest.fixture
def seeded(journey_runs_mock):
    journey_runs_mock.set_scene({"example": False, "journeys": [{"applicationId": "app", "journeyId": "journey", "runs": 37}]})
    return journey_runs_mock


def one_attempt(session, secret=None):
    return make_client(
        session.url,
        access_key_id=session.access_key_id,
        secret_access_key=secret or session.secret_access_key,
        max_attempts=1,
    )


def test_every_page_of_a_seeded_journey(seeded, pinpoint_client):
    pages = all_pages(pinpoint_client, "app", "journey")
    assert [len(page["Item"]) for page in pages] == [10, 10, 10, 7]
    served = [run["RunId"] for page in pages for run in page["Item"]]
    state = seeded.dump()
    stored = [app for app in state["applications"] if app["applicationId"] == "app"][0]["journeys"][0]["runs"]
    assert served == [run["RunId"] for run in stored]
    assert len(seeded.journal()) == 4


@pytest.mark.parametrize(("status", "name"), ERRORS.items())
def test_each_of_the_seven_errors_is_its_modelled_exception_with_a_request_id(
    seeded, journey_runs_mock_server, status, name
):
    client = one_attempt(journey_runs_mock_server)
    seeded.fail_next(status)
    with pytest.raises(getattr(client.exceptions, name)) as caught:
        client.get_journey_runs(ApplicationId="app", JourneyId="journey")
    request_id = caught.value.response["ResponseMetadata"]["RequestId"]
    assert re.fullmatch(r"[0-9a-f-]{36}", request_id)
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
    journal = seeded.journal(limit=1)
    assert (journal[0]["status"], journal[0]["requestId"]) == (status, request_id)


def test_a_fault_for_the_next_call_survives_boto3_retries(seeded, pinpoint_client):
    seeded.fail_next(500)
    with pytest.raises(pinpoint_client.exceptions.InternalServerErrorException):
        pinpoint_client.get_journey_runs(ApplicationId="app", JourneyId="journey")
    attempts = seeded.journal()
    assert [entry["status"] for entry in attempts] == [500, 500, 500]
    assert len({entry["headers"]["amz-sdk-invocation-id"] for entry in attempts}) == 1
    # The next call is a new call: it succeeds.
    page = pinpoint_client.get_journey_runs(ApplicationId="app", JourneyId="journey")
    assert len(page["JourneyRunsResponse"]["Item"]) == 25


def test_a_burst_of_throttling_per_request_is_retried_through(seeded, pinpoint_client):
    seeded.throttle(2, scope="request")
    page = pinpoint_client.get_journey_runs(ApplicationId="app", JourneyId="journey", PageSize="5")
    assert len(page["JourneyRunsResponse"]["Item"]) == 5
    assert [entry["status"] for entry in seeded.journal()] == [429, 429, 200]


def test_sigv4_is_verified_and_refused_as_pinpoints_front_door_refuses_it(seeded, journey_runs_mock_server):
    # Not a modeled error of Pinpoint: boto3 has no class for it and raises ClientError with API Gateway's type.
    client = one_attempt(journey_runs_mock_server, secret="not-the-secret")
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        client.get_journey_runs(ApplicationId="app", JourneyId="journey")
    error = caught.value.response
    assert error["Error"]["Code"] == "InvalidSignatureException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert error["Error"]["Message"].startswith("The request signature we calculated does not match")
    assert re.fullmatch(r"[0-9a-f-]{36}", error["ResponseMetadata"]["RequestId"])


def test_data_loaded_from_a_captured_aws_cli_folder_is_served_as_captured(journey_runs_mock, pinpoint_client):
    folder = CAPTURED / CAPTURED_APP / CAPTURED_JOURNEY
    captured = [json.loads(path.read_text())["JourneyRunsResponse"]["Item"] for path in sorted(folder.glob("*.json"))]
    pages = all_pages(pinpoint_client, CAPTURED_APP, CAPTURED_JOURNEY)
    assert [page["Item"] for page in pages] == captured
