"""The JSON documents of the control plane, as TypedDicts named after the contract's schemas.

Keys are the wire's own (camelCase, or PascalCase where GetJourneyRuns uses it). `tests/test_contract.py` fails
when a schema of openapi/journey-runs-mock-control.yaml gains, loses or makes required a property that its
TypedDict here does not match.
"""

from __future__ import annotations

from typing import Dict, List, Literal, TypedDict, Union

JourneyRunStatus = Literal["SCHEDULED", "RUNNING", "COMPLETED", "CANCELLED"]
FaultScope = Literal["call", "request"]
TimeInput = Union[str, float, int]
"""An ISO 8601 string or epoch milliseconds."""


class JourneyRunResponse(TypedDict):
    """One run, as GetJourneyRuns shows it."""

    CreationTime: str
    LastUpdateTime: str
    RunId: str
    Status: JourneyRunStatus


class _StatusFaultRequired(TypedDict):
    kind: Literal["status"]
    status: int


class StatusFault(_StatusFaultRequired, total=False):
    """The next call(s) or request(s) get this error status."""

    times: int
    scope: FaultScope
    message: str


class _NetworkErrorFaultRequired(TypedDict):
    kind: Literal["network-error"]


class NetworkErrorFault(_NetworkErrorFaultRequired, total=False):
    """The next call(s) or request(s) fail at the network level."""

    times: int
    scope: FaultScope


class _AlwaysFaultRequired(TypedDict):
    kind: Literal["always"]
    status: int


class AlwaysFault(_AlwaysFaultRequired, total=False):
    """Every request gets this error until the faults are cleared."""

    message: str


FaultSpec = Union[StatusFault, NetworkErrorFault, AlwaysFault]


class RunInput(TypedDict, total=False):
    """A run to add; every field is optional."""

    runId: str
    status: JourneyRunStatus
    creationTime: TimeInput
    lastUpdateTime: TimeInput


class ScheduleInput(TypedDict, total=False):
    """A SCHEDULED run whose lifecycle follows the clock."""

    runId: str
    startsIn: float
    runsFor: float
    outcome: Literal["COMPLETED", "CANCELLED"]


class _SceneJourneyRequired(TypedDict):
    applicationId: str
    journeyId: str


class SceneJourney(_SceneJourneyRequired, total=False):
    """A journey of a scene: `runs` is a count of finished runs from the seed, or the runs as given."""

    runs: Union[int, List[RunInput]]
    scheduled: List[ScheduleInput]


class JourneyRunsScene(TypedDict, total=False):
    """A declarative scene; `reset()` returns to it."""

    example: bool
    exampleRuns: int
    journeys: List[SceneJourney]
    faults: List[FaultSpec]
    latency: float
    clock: str


class StateJourney(TypedDict):
    """A journey of a dump, runs in page order."""

    journeyId: str
    runs: List[JourneyRunResponse]


class StateApplication(TypedDict):
    """An application of a dump."""

    applicationId: str
    journeys: List[StateJourney]


class ResetAllRequest(TypedDict, total=False):
    """What `reset_all` resets to; empty, the creation state."""

    scene: JourneyRunsScene


class JourneyRunsState(TypedDict):
    """The whole store (dump and load; also a `--data` file)."""

    format: Literal["journey-runs-mock/state"]
    version: int
    now: str
    applications: List[StateApplication]


class AddRunsRequest(TypedDict):
    """The runs to add."""

    runs: Union[int, List[RunInput]]


class AddRunsResponse(TypedDict):
    """The runs added."""

    runs: List[JourneyRunResponse]


class SetRunStatusRequest(TypedDict):
    """The new status of a run."""

    status: JourneyRunStatus


class SetClockRequest(TypedDict):
    """The time to set the manual clock to."""

    time: TimeInput


class AdvanceClockRequest(TypedDict):
    """How far to move the manual clock."""

    ms: float


class SetLatencyRequest(TypedDict):
    """The delay before each answer."""

    ms: float


class NowResponse(TypedDict):
    """The clock's time."""

    now: str


class RemovedResponse(TypedDict):
    """Whether the resource existed."""

    removed: bool


class Health(TypedDict):
    """The fake is up."""

    status: Literal["ok"]
    clock: Literal["manual", "system"]
    now: str


class _JournalEntryRequired(TypedDict):
    time: str
    method: str
    path: str
    query: str
    headers: Dict[str, str]
    status: Union[int, Literal["network-error"]]


class JournalEntry(_JournalEntryRequired, total=False):
    """One GetJourneyRuns request the fake answered (or the server refused, with its `reason`)."""

    requestId: str
    reason: str


class JournalResponse(TypedDict):
    """The journal, oldest first."""

    entries: List[JournalEntry]


class ControlErrorBody(TypedDict):
    """Every error of the control plane (the contract's `ControlError`)."""

    code: str
    message: str
