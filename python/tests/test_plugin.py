"""The pytest plugin, run by pytester in pytest subprocesses as a user's project runs it (xdist included)."""

import textwrap

import pytest

from repo import CAPTURED

APP, JOURNEY = "app", "journey"

DIRTY_THEN_CLEAN = """
import json, os

def test_a_dirties_everything(journey_runs_mock, pinpoint_client):
    journey_runs_mock.set_scene({"example": False, "journeys": [{"applicationId": "app", "journeyId": "j", "runs": 3}]})
    pinpoint_client.get_journey_runs(ApplicationId="app", JourneyId="j")
    journey_runs_mock.fail_always(500)
    journey_runs_mock.set_latency(5)
    journey_runs_mock.set_clock("2030-01-01T00:00:00.000Z")

def test_b_starts_from_the_start(journey_runs_mock, pinpoint_client):
    assert journey_runs_mock.journal() == []
    assert journey_runs_mock.health()["now"] == "2026-01-01T00:00:00.000Z"
    apps = {a["applicationId"] for a in journey_runs_mock.dump()["applications"]}
    assert apps == {"11111111112222222222333333333344"}
    page = pinpoint_client.get_journey_runs(
        ApplicationId="11111111112222222222333333333344", JourneyId="aaaaaaaaaabbbbbbbbbbccccccccccdd")
    assert len(page["JourneyRunsResponse"]["Item"]) == 2
"""


def test_each_test_starts_from_a_full_reset_state_journal_faults_latency_and_clock(pytester):
    pytester.makepyfile(test_reset=DIRTY_THEN_CLEAN)
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_the_boto3_client_is_signed_and_retries_three_times_without_sleeping(pytester):
    pytester.makepyfile(
        test_client="""
        import botocore.endpoint, pytest

        def test_retries(journey_runs_mock, pinpoint_client, monkeypatch):
            slept = []
            monkeypatch.setattr(botocore.endpoint.time, "sleep", slept.append)
            journey_runs_mock.throttle(2)
            pinpoint_client.get_journey_runs(
                ApplicationId="11111111112222222222333333333344", JourneyId="aaaaaaaaaabbbbbbbbbbccccccccccdd")
            assert [e["status"] for e in journey_runs_mock.journal()] == [429, 429, 200]
            assert slept == [0, 0]
            journey_runs_mock.fail_next(500)
            with pytest.raises(pinpoint_client.exceptions.InternalServerErrorException):
                pinpoint_client.get_journey_runs(ApplicationId="a", JourneyId="j")
            assert [e["status"] for e in journey_runs_mock.journal()][3:] == [500, 500, 500]

        def test_retries_do_not_depend_on_the_failures_before(journey_runs_mock, pinpoint_client):
            # 60 calls that fail every attempt cost more than the standard retry quota (500 tokens, 5 a retry).
            for _ in range(60):
                journey_runs_mock.fail_next(500)
                with pytest.raises(pinpoint_client.exceptions.InternalServerErrorException):
                    pinpoint_client.get_journey_runs(ApplicationId="a", JourneyId="j")
            assert len(journey_runs_mock.journal()) == 180

        def test_signed(journey_runs_mock_server, pinpoint_client):
            import boto3
            s = journey_runs_mock_server
            wrong = boto3.client("pinpoint", endpoint_url=s.url, region_name="us-east-1",
                                 aws_access_key_id=s.access_key_id, aws_secret_access_key="wrong")
            with pytest.raises(wrong.exceptions.ClientError) as caught:
                wrong.get_journey_runs(ApplicationId="a", JourneyId="j")
            assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
            assert "wrong" not in repr(s) and s.secret_access_key not in repr(s)
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=3)


def test_pinpoint_env_points_a_client_made_by_the_code_under_test_at_the_fake(pytester):
    pytester.makepyfile(
        test_env="""
        import boto3

        def test_env(pinpoint_env, journey_runs_mock):
            journey_runs_mock.set_scene({"journeys": [{"applicationId": "app", "journeyId": "j", "runs": 2}]})
            client = boto3.client("pinpoint")
            assert len(client.get_journey_runs(ApplicationId="app", JourneyId="j")["JourneyRunsResponse"]["Item"]) == 2
            assert client.meta.config.retries == {"mode": "standard", "total_max_attempts": 3}
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_data_from_the_option_and_the_ini_is_the_start_state(pytester):
    pytester.makeini(f"[pytest]\njourney_runs_mock_data =\n    {CAPTURED}\n")
    pytester.makepyfile(
        test_data="""
        def test_data(journey_runs_mock):
            assert "5cd4ac3de7a14a2ea0e1e0fd0a1f4a55" in {a["applicationId"] for a in journey_runs_mock.dump()["applications"]}
        """
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


WHO = r"""
import pytest

@pytest.mark.parametrize("n", range(6))
def test_who(journey_runs_mock_server, journey_runs_mock, pinpoint_client, n, worker_id):
    journey_runs_mock.set_scene({"example": False, "journeys": [{"applicationId": worker_id, "journeyId": "j", "runs": n + 1}]})
    items = pinpoint_client.get_journey_runs(ApplicationId=worker_id, JourneyId="j")["JourneyRunsResponse"]["Item"]
    assert len(items) == n + 1
    with open("who.txt", "a") as who:
        who.write(f"{worker_id} {journey_runs_mock_server.url} {journey_runs_mock_server.tenant}\n")
"""


def _who(pytester):
    return {tuple(line.split()) for line in (pytester.path / "who.txt").read_text().splitlines()}


def test_under_xdist_each_worker_has_its_own_fake(pytester):
    pytester.makepyfile(test_who=WHO)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=6)
    seen = {(worker, url) for worker, url, _tenant in _who(pytester)}
    assert len({worker for worker, _ in seen}) == 2 and len({url for _, url in seen}) == 2


def test_shared_runs_one_fake_with_a_tenant_per_worker(pytester):
    pytester.makepyfile(test_who=WHO)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "--journey-runs-mock-shared")
    result.assert_outcomes(passed=6)
    seen = _who(pytester)
    assert len({url for _, url, _ in seen}) == 1
    assert {tenant for _, _, tenant in seen} == {"AKIAJOURNEYRUNSGW0", "AKIAJOURNEYRUNSGW1"}


def test_shared_without_xdist_uses_one_tenant(pytester):
    pytester.makepyfile(test_who=WHO)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--journey-runs-mock-shared")
    result.assert_outcomes(passed=6)
    assert {tenant for _, _, tenant in _who(pytester)} == {"AKIAJOURNEYRUNSMAIN"}
