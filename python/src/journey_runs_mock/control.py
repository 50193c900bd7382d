"""A client of journey-runs-mock's control plane (openapi/journey-runs-mock-control.yaml), one method per
operation in Python's naming, standard library only."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Sequence, Union
from urllib.parse import quote, urlencode

from ._http import Connection, decode_json
from .errors import ERROR_CLASSES, ControlError, ControlProtocolError, JourneyRunsMockError
from .types import (
    FaultScope,
    Health,
    JournalEntry,
    JourneyRunResponse,
    JourneyRunsScene,
    JourneyRunsState,
    JourneyRunStatus,
    RunInput,
    TimeInput,
)

PREFIX = "/_journey-runs-mock"
TENANT_HEADER = "x-journey-runs-mock-tenant"
# Writes must show that a program, not a web page, sends them; servers that do not ask for it ignore it.
INTENT_HEADERS = {"X-Journey-Runs-Mock-Intent": "control"}


def _segment(value: str) -> str:
    return quote(value, safe="")


class JourneyRunsControl:
    """The control plane of a running journey-runs-mock.

    `tenant` addresses one access key's fake of a server started with `--isolate`; `token` is its control token.

    Example::

        control = JourneyRunsControl("http://127.0.0.1:4010")
        control.set_scene({"example": False, "journeys": [{"applicationId": "app", "journeyId": "j", "runs": 3}]})
        control.fail_next(500)
        control.full_reset()
    """

    def __init__(
        self, url: str, *, token: Optional[str] = None, tenant: Optional[str] = None, timeout: float = 10.0
    ) -> None:
        self.url = url.rstrip("/")
        self.tenant = tenant
        self._token = token
        self._timeout = timeout
        self._connection = Connection(self.url, timeout)
        headers = {"Accept": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if tenant is not None:
            headers[TENANT_HEADER] = tenant
        self._headers = headers

    def __repr__(self) -> str:
        # Never the token.
        return f"JourneyRunsControl({self.url!r}, tenant={self.tenant!r})"

    def with_tenant(self, tenant: Optional[str]) -> "JourneyRunsControl":
        """The same server's control plane for another tenant (an access key id under `--isolate`)."""
        return JourneyRunsControl(self.url, token=self._token, tenant=tenant, timeout=self._timeout)

    def close(self) -> None:
        """Closes the kept-alive connection (a later call opens a new one)."""
        self._connection.close()

    # -- Health and state ------------------------------------------------------------------------------------
    def health(self) -> Health:
        """Whether the fake is up and how its clock runs (200 once every `--data` file has loaded)."""
        return self._call("health", "GET", "/health")

    def reset(self) -> None:
        """Store, faults, latency and clock back to the current scene; the journal is kept."""
        self._call("reset", "POST", "/reset")

    def reset_all(self, scene: Optional[JourneyRunsScene] = None) -> None:
        """Everything back to the start in one call, as moto's `/moto-api/reset` does: the creation state (with
        its `--data`) or `scene`, no faults, the initial latency and clock, and an empty journal. `reset()`
        returns to that state afterwards. A scene the fake cannot apply raises (the fake is then back at its previous scene) and the journal is kept."""
        self._call("resetAll", "POST", "/reset-all", {} if scene is None else {"scene": scene})

    def full_reset(self) -> None:
        """`reset_all()` with no scene: everything back to the creation state (the pytest plugin's reset)."""
        self.reset_all()

    def set_scene(self, scene: JourneyRunsScene) -> None:
        """Resets the fake to its creation state, then applies `scene`; `reset()` returns here."""
        self._call("setScene", "PUT", "/scene", scene)

    def dump(self) -> JourneyRunsState:
        """The whole store as JSON, the format that `load()` and `--data` read."""
        return self._call("dump", "GET", "/state")

    def load(self, state: JourneyRunsState) -> None:
        """Replaces the store's content with a dump (faults and latency are unchanged)."""
        self._call("load", "PUT", "/state", state)

    # -- Journeys and runs -----------------------------------------------------------------------------------
    def remove_application(self, application_id: str) -> bool:
        """Removes the application and its journeys; whether it existed."""
        return self._call("removeApplication", "DELETE", f"/apps/{_segment(application_id)}")["removed"]

    def add_journey(self, application_id: str, journey_id: str) -> None:
        """Adds an empty journey (and its application); a journey that exists is kept as it is."""
        self._call("addJourney", "PUT", self._journey(application_id, journey_id))

    def remove_journey(self, application_id: str, journey_id: str) -> bool:
        """Removes the journey and its runs; whether it existed."""
        return self._call("removeJourney", "DELETE", self._journey(application_id, journey_id))["removed"]

    def add_runs(
        self, application_id: str, journey_id: str, runs: Union[int, Sequence[RunInput]]
    ) -> List[JourneyRunResponse]:
        """Adds runs after the journey's last: a count of finished runs from the seed, or runs as given."""
        body = {"runs": runs if isinstance(runs, int) else list(runs)}
        path = f"{self._journey(application_id, journey_id)}/runs"
        return self._call("addRuns", "POST", path, body)["runs"]

    def schedule_run(
        self,
        application_id: str,
        journey_id: str,
        *,
        run_id: Optional[str] = None,
        starts_in: Optional[float] = None,
        runs_for: Optional[float] = None,
        outcome: Optional[str] = None,
    ) -> JourneyRunResponse:
        """Adds a SCHEDULED run whose lifecycle (RUNNING, then `outcome`) follows the fake's clock."""
        body = _present(runId=run_id, startsIn=starts_in, runsFor=runs_for, outcome=outcome)
        path = f"{self._journey(application_id, journey_id)}/scheduled-runs"
        return self._call("scheduleRun", "POST", path, body)

    def set_run_status(
        self, application_id: str, journey_id: str, run_id: str, status: JourneyRunStatus
    ) -> JourneyRunResponse:
        """Sets a run's status and LastUpdateTime, and cancels its planned lifecycle."""
        path = f"{self._journey(application_id, journey_id)}/runs/{_segment(run_id)}/status"
        return self._call("setRunStatus", "PUT", path, {"status": status})

    # -- Clock -----------------------------------------------------------------------------------------------
    def set_clock(self, time: TimeInput) -> str:
        """Sets the manual clock (it may go back); returns the new time."""
        return self._call("setClock", "PUT", "/clock", {"time": time})["now"]

    def advance_clock(self, ms: float) -> str:
        """Moves the manual clock forward; scheduled runs take the states they reach. Returns the new time."""
        return self._call("advanceClock", "POST", "/clock/advance", {"ms": ms})["now"]

    # -- Faults and latency ----------------------------------------------------------------------------------
    def fault(
        self,
        kind: str,
        *,
        status: Optional[int] = None,
        times: Optional[int] = None,
        scope: Optional[FaultScope] = None,
        message: Optional[str] = None,
    ) -> None:
        """Injects a fault on the GetJourneyRuns path (`kind`: "status", "network-error" or "always")."""
        body = _present(kind=kind, status=status, times=times, scope=scope, message=message)
        self._call("fault", "POST", "/faults", body)

    def fail_next(
        self, status: int, *, times: Optional[int] = None, scope: Optional[FaultScope] = None, message: Optional[str] = None
    ) -> None:
        """Every attempt of the next call(s) (scope "call", the default) or the next request(s) gets `status`."""
        self.fault("status", status=status, times=times, scope=scope, message=message)

    def fail_always(self, status: int, *, message: Optional[str] = None) -> None:
        """Every request gets `status` until `clear_faults()` or a reset."""
        self.fault("always", status=status, message=message)

    def throttle(self, count: int = 1, *, scope: FaultScope = "request") -> None:
        """The next `count` requests get 429, a burst a retrying client recovers from."""
        self.fault("status", status=429, times=count, scope=scope)

    def network_error_next(self, *, times: Optional[int] = None, scope: Optional[FaultScope] = None) -> None:
        """The next call(s) or request(s) fail at the network level (the connection is dropped)."""
        self.fault("network-error", times=times, scope=scope)

    def clear_faults(self) -> None:
        """Removes every pending and permanent fault."""
        self._call("clearFaults", "DELETE", "/faults")

    def set_latency(self, ms: float) -> None:
        """Sets the delay before each GetJourneyRuns answer, in milliseconds."""
        self._call("setLatency", "PUT", "/latency", {"ms": ms})

    # -- Journal ---------------------------------------------------------------------------------------------
    def journal(self, *, limit: Optional[int] = None) -> List[JournalEntry]:
        """The GetJourneyRuns requests answered, oldest first (only the last `limit` when given)."""
        query = "" if limit is None else "?" + urlencode({"limit": limit})
        return self._call("journal", "GET", f"/journal{query}")["entries"]

    def clear_journal(self) -> None:
        """Removes every journal entry."""
        self._call("clearJournal", "DELETE", "/journal")

    # -- Transport -------------------------------------------------------------------------------------------
    @staticmethod
    def _journey(application_id: str, journey_id: str) -> str:
        return f"/apps/{_segment(application_id)}/journeys/{_segment(journey_id)}"

    def _call(self, operation: str, method: str, path: str, body: Any = None) -> Any:
        """Sends one control call and returns its decoded answer, or raises its typed error."""
        headers = dict(self._headers)
        data = None
        if method not in ("GET", "HEAD"):
            headers.update(INTENT_HEADERS)
        if body is not None:
            data = json.dumps(body, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        try:
            status, answer = self._connection.request(method, PREFIX + path, data, headers)
        except OSError as error:
            raise JourneyRunsMockError(
                f"{operation}: cannot reach journey-runs-mock at {self.url} ({error}); is it running?"
            ) from None
        if not 200 <= status < 300:
            raise _error(operation, status, answer, self.url)
        return decode_json(answer)


def _present(**fields: Any) -> Dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def _error(operation: str, status: int, answer: bytes, url: str) -> JourneyRunsMockError:
    try:
        body = json.loads(answer)
        code, message = body["code"], body["message"]
        if not isinstance(code, str) or not isinstance(message, str):
            raise TypeError
    except (ValueError, TypeError, KeyError):
        return ControlProtocolError(
            f"{operation}: {url} answered {status} without a control-plane error; is it journey-runs-mock with "
            "its control plane on (not --no-control)?",
            status,
        )
    return ERROR_CLASSES.get(status, ControlError)(code, message, status, operation)
