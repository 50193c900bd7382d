"""The pytest plugin of journey-runs-mock (entry point `pytest11`).

One fake per pytest session, so one per pytest-xdist worker, started on first use and stopped at the end; or,
with `--journey-runs-mock-shared`, one fake for the whole run started with `--isolate` and a tenant (an access
key id) per worker. Every test that uses a fixture below starts from a full reset.

Fixtures: `journey_runs_mock` (the control client, after the reset), `pinpoint_client` (a boto3 client, signed,
3 attempts without sleeps, after the reset), `pinpoint_env` (the AWS_* variables for code that makes its own
client), `journey_runs_mock_server` (the session's `MockSession`).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, List, Optional

import pytest

from .control import JourneyRunsControl
from .launcher import JourneyRunsMock, start_mock

ACCESS_KEY_ID = "AKIAJOURNEYRUNSMOCK0"
"""The access key id of the fake a session starts (SigV4 is verified with it)."""
REGION = "us-east-1"
_SHARED = "journey_runs_mock_shared"


@dataclass(frozen=True)
class MockSession:
    """The fake this session's tests use, and the credentials its boto3 clients sign with."""

    url: str
    access_key_id: str
    secret_access_key: str
    region_name: str
    tenant: Optional[str]
    control: JourneyRunsControl

    def __repr__(self) -> str:
        # Never the secret.
        return f"MockSession(url={self.url!r}, access_key_id={self.access_key_id!r}, tenant={self.tenant!r})"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("journey-runs-mock", "journey-runs-mock, the fake of Pinpoint GetJourneyRuns")
    group.addoption(
        "--journey-runs-mock-shared",
        action="store_true",
        default=None,
        help="one fake for the whole run (--isolate) with a tenant per xdist worker, instead of one per worker",
    )
    group.addoption(
        "--journey-runs-mock-data",
        action="append",
        default=[],
        metavar="PATH",
        help="a state dump or a folder of captured pages the fake starts with (repeatable)",
    )
    parser.addini(_SHARED, "one fake for the whole run with a tenant per worker", type="bool", default=False)
    parser.addini("journey_runs_mock_data", "data paths, relative to the ini file (one a line)", type="linelist")


def _shared(config: pytest.Config) -> bool:
    flag = config.getoption("--journey-runs-mock-shared")
    return bool(config.getini(_SHARED)) if flag is None else True


def _data(config: pytest.Config) -> List[str]:
    base = Path(config.inipath).parent if config.inipath else config.rootpath
    paths = [str(base / line) for line in config.getini("journey_runs_mock_data")]
    return paths + [str(Path(p).resolve()) for p in config.getoption("--journey-runs-mock-data")]


def _worker_id(config: pytest.Config) -> Optional[str]:
    workerinput = getattr(config, "workerinput", None)
    return None if workerinput is None else workerinput["workerid"]


def pytest_configure(config: pytest.Config) -> None:
    # The controller of a shared run starts the one fake now, so that every xdist worker gets its URL.
    if _shared(config) and _worker_id(config) is None:
        secret = secrets.token_hex(16)
        mock = start_mock(access_key_id=ACCESS_KEY_ID, secret_access_key=secret, isolate=True, data=_data(config))
        config.stash[_shared_key] = (mock, secret)
        if config.pluginmanager.hasplugin("xdist"):
            config.pluginmanager.register(_SharedWithWorkers(mock.url, secret), "journey-runs-mock-shared")


def pytest_unconfigure(config: pytest.Config) -> None:
    shared = config.stash.get(_shared_key, None)
    if shared is not None:
        shared[0].stop()


_shared_key = pytest.StashKey[Any]()


class _SharedWithWorkers:
    """Hands the shared fake's URL and secret to each xdist worker."""

    def __init__(self, url: str, secret: str) -> None:
        self.url, self.secret = url, secret

    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput["journey_runs_mock"] = {"url": self.url, "secret": self.secret}


@pytest.fixture(scope="session")
def journey_runs_mock_server(pytestconfig: pytest.Config) -> Iterator[MockSession]:
    """The fake of this session (of this xdist worker): started on first use, stopped at the session's end."""
    worker = _worker_id(pytestconfig)
    if _shared(pytestconfig):
        given = getattr(pytestconfig, "workerinput", {}).get("journey_runs_mock")
        if given is None:
            mock, secret = pytestconfig.stash[_shared_key]
            given = {"url": mock.url, "secret": secret}
        # Any access key id signs with the shared secret; each worker's key is its own tenant.
        tenant = f"AKIAJOURNEYRUNS{(worker or 'main').upper()}"
        control = JourneyRunsControl(given["url"], tenant=tenant)
        yield MockSession(given["url"], tenant, given["secret"], REGION, tenant, control)
        control.close()
        return
    secret = secrets.token_hex(16)
    mock: JourneyRunsMock = start_mock(
        access_key_id=ACCESS_KEY_ID, secret_access_key=secret, data=_data(pytestconfig)
    )
    try:
        control = mock.control()
        yield MockSession(mock.url, ACCESS_KEY_ID, secret, REGION, None, control)
        control.close()
    finally:
        mock.stop()


@pytest.fixture
def journey_runs_mock(journey_runs_mock_server: MockSession) -> JourneyRunsControl:
    """The control client of the session's fake, after a full reset (state, faults, clock, journal)."""
    journey_runs_mock_server.control.reset_all()
    return journey_runs_mock_server.control


@pytest.fixture(scope="session")
def _journey_runs_mock_boto3(journey_runs_mock_server: MockSession) -> Any:
    from .boto3_client import pinpoint_client

    s = journey_runs_mock_server
    return pinpoint_client(
        s.url, access_key_id=s.access_key_id, secret_access_key=s.secret_access_key, region_name=s.region_name
    )


@pytest.fixture
def pinpoint_client(journey_runs_mock: JourneyRunsControl, _journey_runs_mock_boto3: Any) -> Any:
    """A boto3 `pinpoint` client of the fake after a full reset: SigV4-signed (the fake verifies it), standard
    retry mode with 3 attempts and no sleeps between them."""
    return _journey_runs_mock_boto3


@pytest.fixture
def pinpoint_env(
    journey_runs_mock: JourneyRunsControl, journey_runs_mock_server: MockSession, monkeypatch: pytest.MonkeyPatch
) -> MockSession:
    """Sets AWS_ENDPOINT_URL_PINPOINT, the credentials, the Region and standard retries for this test, for code
    that makes its own boto3 client (its retries do sleep: boto3's backoff)."""
    s = journey_runs_mock_server
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT", s.url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", s.access_key_id)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", s.secret_access_key)
    monkeypatch.setenv("AWS_DEFAULT_REGION", s.region_name)
    monkeypatch.setenv("AWS_RETRY_MODE", "standard")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "3")
    return s
