import pytest

from runs_report import RunsReport


@pytest.fixture
def report(pinpoint_client):
    """The service under test, on the plugin's boto3 client of the fake (reset before each test)."""
    return RunsReport(pinpoint_client)
