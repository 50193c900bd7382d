"""Every control operation against a running fake, its typed errors, the token and the tenant."""

import pytest

from journey_runs_mock import (
    ConflictError,
    ControlErrorCode,
    ControlProtocolError,
    JourneyRunsMockError,
    NotFoundError,
    UnauthorizedError,
    start_mock,
)

APP, JOURNEY = "app", "journey"


@pytest.fixture(scope="module")
def mock():
    with start_mock() as running:
        yield running


@pytest.fixture
def control(mock):
    control = mock.control()
    control.full_reset()
    return control


def test_journeys_and_runs_are_added_scheduled_set_and_removed(control):
    control.add_journey(APP, JOURNEY)
    added = control.add_runs(APP, JOURNEY, 2) + control.add_runs(APP, JOURNEY, [{"runId": "given", "status": "RUNNING"}])
    assert [run["RunId"] for run in added][-1] == "given" and len(added) == 3
    scheduled = control.schedule_run(APP, JOURNEY, run_id="later", starts_in=60_000, runs_for=1_000, outcome="CANCELLED")
    assert scheduled["Status"] == "SCHEDULED"
    assert control.set_run_status(APP, JOURNEY, "given", "COMPLETED")["Status"] == "COMPLETED"
    control.advance_clock(61_000)
    runs = [j for a in control.dump()["applications"] if a["applicationId"] == APP for j in a["journeys"]][0]["runs"]
    assert {run["RunId"]: run["Status"] for run in runs}["later"] == "CANCELLED"
    assert control.remove_journey(APP, JOURNEY) is True
    assert control.remove_journey(APP, JOURNEY) is False
    control.add_journey(APP, JOURNEY)
    assert control.remove_application(APP) is True


def test_ids_with_slashes_and_spaces_are_one_path_segment(control):
    control.add_journey("app/one", "a journey")
    assert control.add_runs("app/one", "a journey", 1)[0]["Status"] in ("COMPLETED", "CANCELLED")


def test_clock_faults_latency_journal_and_the_state_round_trip(control):
    assert control.health() == {"status": "ok", "clock": "manual", "now": "2026-01-01T00:00:00.000Z"}
    assert control.set_clock("2026-06-01T00:00:00.000Z") == "2026-06-01T00:00:00.000Z"
    assert control.advance_clock(1_000) == "2026-06-01T00:00:01.000Z"
    control.fault("status", status=500, times=1, scope="request", message="boom")
    control.fail_next(404)
    control.fail_always(403, message="no")
    control.throttle(2)
    control.network_error_next(times=1)
    control.clear_faults()
    control.set_latency(0)
    state = control.dump()
    control.load(state)
    assert control.dump() == state
    assert control.journal() == [] and control.journal(limit=1) == []
    control.clear_journal()


def test_a_full_reset_keeps_the_connection_usable_and_reconnects_after_idle(control, monkeypatch):
    from journey_runs_mock import _http

    control.full_reset()
    assert control.health()["status"] == "ok"
    monkeypatch.setattr(_http, "MAX_IDLE_SECONDS", 0.0)  # every call finds the connection too old
    control.full_reset()
    control.full_reset()
    assert control.journal() == []


def test_reset_returns_to_the_scene_and_full_reset_to_the_start(control):
    start = control.dump()
    control.set_scene({"example": False, "journeys": [{"applicationId": APP, "journeyId": JOURNEY, "runs": 3}]})
    control.add_runs(APP, JOURNEY, 1)
    control.reset()
    runs = [j["runs"] for a in control.dump()["applications"] if a["applicationId"] == APP for j in a["journeys"]]
    assert [len(r) for r in runs] == [3]
    control.set_clock("2027-01-01T00:00:00.000Z")
    control.full_reset()
    assert control.dump() == start


def test_reset_all_is_one_call_that_clears_state_faults_clock_and_journal_or_sets_a_scene(control, monkeypatch):
    start = control.dump()
    control.add_journey(APP, JOURNEY)
    control.set_clock("2027-01-01T00:00:00.000Z")
    control.fail_always(500)
    sent = []
    real = control._call
    monkeypatch.setattr(control, "_call", lambda *call: sent.append(call[:3]) or real(*call))
    control.reset_all()
    assert sent == [("resetAll", "POST", "/reset-all")]
    assert control.dump() == start and control.journal() == []
    assert control.health()["now"] == "2026-01-01T00:00:00.000Z"
    control.reset_all({"example": False, "journeys": [{"applicationId": APP, "journeyId": JOURNEY, "runs": 2}]})
    control.add_runs(APP, JOURNEY, 1)
    control.reset()
    assert [len(j["runs"]) for a in control.dump()["applications"] for j in a["journeys"]] == [2]
    with pytest.raises(ConflictError):
        control.reset_all({"journeys": [{"applicationId": APP, "journeyId": "j", "runs": [{"runId": "a"}, {"runId": "a"}]}]})
    assert [len(j["runs"]) for a in control.dump()["applications"] for j in a["journeys"]] == [2]


def test_errors_are_typed_with_the_contract_code_and_a_hint(control):
    with pytest.raises(NotFoundError) as caught:
        control.add_runs("nope", "nope", 1)
    assert caught.value.code is ControlErrorCode.UNKNOWN_JOURNEY
    assert caught.value.status == 404 and "addRuns failed with 404 UNKNOWN_JOURNEY" in str(caught.value)
    control.add_journey(APP, JOURNEY)
    control.add_runs(APP, JOURNEY, [{"runId": "r1"}])
    with pytest.raises(ConflictError) as duplicate:
        control.add_runs(APP, JOURNEY, [{"runId": "r1"}])
    assert duplicate.value.code is ControlErrorCode.DUPLICATE_RUN


def test_a_control_token_is_sent_and_never_shown():
    token = "token-never-shown-123"
    with start_mock(control_token=token) as mock:
        assert mock.control().health()["status"] == "ok"
        anonymous = mock.control().with_tenant(None)
        anonymous._headers.pop("Authorization")
        with pytest.raises(UnauthorizedError) as caught:
            anonymous.reset()
        assert caught.value.code is ControlErrorCode.UNAUTHORIZED
        with pytest.raises(UnauthorizedError, match="resetAll failed with 401"):
            anonymous.full_reset()
        assert token not in repr(mock.control()) and token not in str(caught.value)


def test_a_tenant_sees_only_its_own_fake_under_isolate():
    with start_mock(isolate=True) as mock:
        first, second = mock.control("AKIDFIRST"), mock.control("AKIDSECOND")
        first.set_scene({"example": False, "journeys": [{"applicationId": APP, "journeyId": JOURNEY}]})
        assert APP in [a["applicationId"] for a in first.dump()["applications"]]
        assert APP not in [a["applicationId"] for a in second.dump()["applications"]]


def test_a_stopped_fake_is_a_clear_error():
    with start_mock() as running:
        control = running.control()
    with pytest.raises(JourneyRunsMockError, match="health: cannot reach journey-runs-mock at .*is it running"):
        control.health()


def test_a_server_without_the_control_plane_is_a_protocol_error_that_says_so():
    with start_mock(args=["--no-control"]) as running:
        with pytest.raises(ControlProtocolError, match="answered 404 without a control-plane error.*--no-control"):
            running.control().health()
