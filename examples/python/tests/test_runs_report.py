import pytest

from runs_report import JourneyNotFound

APP, JOURNEY = "my-app", "welcome-journey"


def test_reads_one_page(journey_runs_mock, report):
    journey_runs_mock.set_scene({"example": False, "journeys": [{"applicationId": APP, "journeyId": JOURNEY, "runs": 3}]})
    assert len(list(report.runs(APP, JOURNEY))) == 3


def test_reads_every_page_by_token(journey_runs_mock, report):
    journey_runs_mock.set_scene({"example": False, "journeys": [{"applicationId": APP, "journeyId": JOURNEY, "runs": 120}]})
    runs = list(report.runs(APP, JOURNEY))
    assert len(runs) == 120 and len({run["RunId"] for run in runs}) == 120
    queries = [entry["query"] for entry in journey_runs_mock.journal()]
    assert len(queries) == 3 and "token=" not in queries[0] and all("token=" in q for q in queries[1:])


def test_summarizes_runs_by_status(journey_runs_mock, report):
    journey_runs_mock.add_journey(APP, JOURNEY)
    journey_runs_mock.add_runs(APP, JOURNEY, [{"status": "COMPLETED"}, {"status": "COMPLETED"}, {"status": "CANCELLED"}])
    journey_runs_mock.schedule_run(APP, JOURNEY, starts_in=60_000)
    assert report.summary(APP, JOURNEY) == {"COMPLETED": 2, "CANCELLED": 1, "SCHEDULED": 1}
    journey_runs_mock.advance_clock(60_000)
    assert report.summary(APP, JOURNEY)["RUNNING"] == 1


def test_rides_out_throttling(journey_runs_mock, report):
    journey_runs_mock.set_scene({"journeys": [{"applicationId": APP, "journeyId": JOURNEY, "runs": 5}]})
    journey_runs_mock.throttle(2)
    assert len(list(report.runs(APP, JOURNEY))) == 5
    assert [entry["status"] for entry in journey_runs_mock.journal()] == [429, 429, 200]


def test_a_missing_journey_is_its_own_error(journey_runs_mock, report):
    journey_runs_mock.fail_next(404, message="Resource not found")
    with pytest.raises(JourneyNotFound, match="Resource not found"):
        list(report.runs(APP, "gone"))


def test_a_server_error_on_every_attempt_is_raised(journey_runs_mock, report, pinpoint_client):
    journey_runs_mock.fail_next(500)
    with pytest.raises(pinpoint_client.exceptions.InternalServerErrorException):
        list(report.runs(APP, JOURNEY))
    assert len(journey_runs_mock.journal()) == 3
