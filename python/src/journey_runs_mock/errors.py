"""The errors of journey-runs-mock's Python package: one base, one class per control-plane status."""

from __future__ import annotations

from enum import Enum
from typing import Dict, Optional, Type


class ControlErrorCode(str, Enum):
    """The stable codes of the control plane's `ControlError` (openapi/journey-runs-mock-control.yaml)."""

    UNKNOWN_JOURNEY = "UNKNOWN_JOURNEY"
    UNKNOWN_RUN = "UNKNOWN_RUN"
    DUPLICATE_RUN = "DUPLICATE_RUN"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    INVALID_STATE = "INVALID_STATE"
    CLOCK_NOT_MANUAL = "CLOCK_NOT_MANUAL"
    INVALID_JSON = "INVALID_JSON"
    INVALID_TENANT = "INVALID_TENANT"
    TENANT_LIMIT = "TENANT_LIMIT"
    UNAUTHORIZED = "UNAUTHORIZED"
    NOT_FOUND = "NOT_FOUND"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    # Codes of the control plane's bounds: known ahead so that a server that sends them gets a typed code.
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    BUSY = "BUSY"


class JourneyRunsMockError(Exception):
    """The base of every error this package raises."""


class LaunchError(JourneyRunsMockError):
    """The fake could not be started: no suitable Node, a bad option, or the bin exited; the message says why."""


class ControlProtocolError(JourneyRunsMockError):
    """The server did not answer as journey-runs-mock's control plane does (wrong server, or `--no-control`)."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status


class ControlError(JourneyRunsMockError):
    """An error answer of the control plane: `code` (a `ControlErrorCode`, or the raw string of a newer
    server), `status` (HTTP) and the server's `message`, which says what to do."""

    def __init__(self, code: str, message: str, status: int, operation: str) -> None:
        super().__init__(f"{operation} failed with {status} {code}: {message}")
        try:
            self.code: "ControlErrorCode | str" = ControlErrorCode(code)
        except ValueError:
            self.code = code
        self.message = message
        self.status = status
        self.operation = operation


class BadRequestError(ControlError):
    """400: malformed JSON, a value the fake cannot honour, an invalid dump or a tenant it cannot address."""


class UnauthorizedError(ControlError):
    """401: the control token is missing or wrong."""


class NotFoundError(ControlError):
    """404: an unknown journey or run, or no control operation at that path."""


class ConflictError(ControlError):
    """409: a duplicate run, a transition the run cannot take, a clock that is not manual, a full isolation."""


class PayloadTooLargeError(ControlError):
    """413: the body is over the control plane's limit."""


class UnsupportedMediaTypeError(ControlError):
    """415: the body was not sent as JSON."""


class InternalError(ControlError):
    """500: a bug of the fake."""


class BusyError(ControlError):
    """503: the server holds as many bodies as it may; try again."""


ERROR_CLASSES: Dict[int, Type[ControlError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaTypeError,
    500: InternalError,
    503: BusyError,
}
"""The error class of each status the control contract lists."""
