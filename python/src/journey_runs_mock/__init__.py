"""journey-runs-mock for Python: start the stateful fake of Amazon Pinpoint GetJourneyRuns, drive it through
its control plane, and test boto3 code against it (the pytest plugin registers itself)."""

from .boto3_client import pinpoint_client, retry_without_sleeping
from .control import JourneyRunsControl
from .errors import (
    BadRequestError,
    BusyError,
    ConflictError,
    ControlError,
    ControlErrorCode,
    ControlProtocolError,
    InternalError,
    JourneyRunsMockError,
    LaunchError,
    NotFoundError,
    PayloadTooLargeError,
    UnauthorizedError,
    UnsupportedMediaTypeError,
)
from .launcher import JourneyRunsMock, start_mock
from .node import find_node

__version__ = "0.1.0"

__all__ = [
    "BadRequestError",
    "BusyError",
    "ConflictError",
    "ControlError",
    "ControlErrorCode",
    "ControlProtocolError",
    "InternalError",
    "JourneyRunsControl",
    "JourneyRunsMock",
    "JourneyRunsMockError",
    "LaunchError",
    "NotFoundError",
    "PayloadTooLargeError",
    "UnauthorizedError",
    "UnsupportedMediaTypeError",
    "find_node",
    "pinpoint_client",
    "retry_without_sleeping",
    "start_mock",
]
