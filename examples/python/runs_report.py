"""A small service that reads a journey's runs from Amazon Pinpoint with boto3: every page, then a summary."""

from collections import Counter
from typing import Any, Dict, Iterator, Optional


class JourneyNotFound(Exception):
    """Pinpoint has no such application or journey."""


class RunsReport:
    """Reads GetJourneyRuns through a boto3 `pinpoint` client."""

    def __init__(self, client: Any, page_size: int = 50) -> None:
        self.client = client
        self.page_size = page_size

    def runs(self, application_id: str, journey_id: str) -> Iterator[Dict[str, Any]]:
        """Every run, page after page. boto3 has no paginator for this operation: the next page is asked for
        with `Token` (the request parameter) set to the previous page's `NextToken`."""
        token: Optional[str] = None
        while True:
            kwargs = {"ApplicationId": application_id, "JourneyId": journey_id, "PageSize": str(self.page_size)}
            if token:
                kwargs["Token"] = token
            try:
                page = self.client.get_journey_runs(**kwargs)["JourneyRunsResponse"]
            except self.client.exceptions.NotFoundException as error:
                raise JourneyNotFound(f"{application_id}/{journey_id}: {error}") from error
            yield from page["Item"]
            token = page.get("NextToken")
            if not token:
                return

    def summary(self, application_id: str, journey_id: str) -> Dict[str, int]:
        """How many runs are in each status."""
        return dict(Counter(run["Status"] for run in self.runs(application_id, journey_id)))
