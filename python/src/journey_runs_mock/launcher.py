"""Starting journey-runs-mock as a child process: a free port, ready when it returns, stopped by pid with the
SIGTERM drain, and never outliving its parent (`--exit-with-parent`)."""

from __future__ import annotations

import collections
import os
import selectors
import signal
import subprocess
import threading
import time
from typing import Deque, Dict, Iterable, List, Optional, Sequence

from .control import JourneyRunsControl
from .errors import LaunchError
from .node import bundled_bin, find_node

# stderr lines kept to explain a failure; the rest is dropped so that a chatty fake never grows memory.
KEPT_LINES = 50


class JourneyRunsMock:
    """A running journey-runs-mock. Stop it with `stop()`, or use it as a context manager."""

    def __init__(self, process: subprocess.Popen, url: str, token: Optional[str], tail: Deque[str]) -> None:
        self.process = process
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])
        self._token = token
        self._tail = tail

    @property
    def pid(self) -> int:
        """The pid of the fake's Node process."""
        return self.process.pid

    def control(self, tenant: Optional[str] = None) -> JourneyRunsControl:
        """A control client of this fake (of one tenant's fake under `--isolate`)."""
        return JourneyRunsControl(self.url, token=self._token, tenant=tenant)

    def stop(self, timeout: float = 10.0) -> int:
        """Sends SIGTERM (requests in flight finish, up to the fake's `--grace`), waits, and returns the exit
        code: 0 when every request was answered. Past `timeout` seconds the process is killed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def output(self) -> List[str]:
        """The last lines the fake wrote on stderr (and stdout without `--quiet`)."""
        return list(self._tail)

    def __enter__(self) -> "JourneyRunsMock":
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def start_mock(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    access_key_id: Optional[str] = None,
    secret_access_key: Optional[str] = None,
    isolate: bool = False,
    max_tenants: Optional[int] = None,
    data: Iterable[str] = (),
    seed: Optional[str] = None,
    control_token: Optional[str] = None,
    quiet: bool = True,
    args: Sequence[str] = (),
    node: Optional[str] = None,
    timeout: float = 30.0,
) -> JourneyRunsMock:
    """Starts journey-runs-mock and returns once it answers (after every `data` path has loaded).

    `port=0` picks a free port; `access_key_id` and `secret_access_key` turn on SigV4 verification (the secret
    goes through the environment, never the command line). Raises `LaunchError` with the fake's own words.

    Example::

        with start_mock(access_key_id="AKIDEXAMPLE", secret_access_key="secret") as mock:
            mock.control().add_runs("11111111112222222222333333333344", "aaaaaaaaaabbbbbbbbbbccccccccccdd", 3)
    """
    command = [find_node(node), str(bundled_bin()), "--host", host, "--port", str(port), "--exit-with-parent"]
    env: Dict[str, str] = dict(os.environ)
    for name in ("JOURNEY_RUNS_MOCK_ACCESS_KEY_ID", "JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY", "JOURNEY_RUNS_MOCK_CONTROL_TOKEN"):
        env.pop(name, None)
    # Node 20 reads an extra CA bundle at every start, before the fake's first line runs (about 40 ms where CI images
    # set one); the fake only listens and never opens a TLS connection, so it starts without it.
    env.pop("NODE_EXTRA_CA_CERTS", None)
    if access_key_id is not None or secret_access_key is not None:
        env["JOURNEY_RUNS_MOCK_ACCESS_KEY_ID"] = access_key_id or ""
        env["JOURNEY_RUNS_MOCK_SECRET_ACCESS_KEY"] = secret_access_key or ""
    if control_token is not None:
        env["JOURNEY_RUNS_MOCK_CONTROL_TOKEN"] = control_token
    if quiet:
        command.append("--quiet")
    if seed is not None:
        command += ["--seed", seed]
    if isolate:
        command.append("--isolate")
        if max_tenants is not None:
            command += ["--max-tenants", str(max_tenants)]
    for path in data:
        command += ["--data", str(path)]
    command += list(args)
    try:
        # A session of its own: Ctrl-C in a terminal interrupts the tests, whose teardown then stops the fake with
        # the drain, instead of the fake dying under requests still in flight.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except OSError as error:
        raise LaunchError(f"cannot start journey-runs-mock ({command[0]}): {error}") from None
    tail: Deque[str] = collections.deque(maxlen=KEPT_LINES)
    url = _first_line(process, timeout, tail)
    if not url.startswith("http://"):
        process.kill()
        process.wait()
        raise LaunchError(f"journey-runs-mock did not start: {url or 'no output'}")
    _drain(process.stdout, tail)
    mock = JourneyRunsMock(process, url, control_token, tail)
    # The URL is printed once the server listens, after its data loaded; one health call proves the control
    # plane answers too (under --isolate health asks for a tenant, any access key id will do).
    if "--no-control" in args:
        return mock
    try:
        mock.control(tenant="AKIDHEALTHCHECK" if isolate else None).health()
    except Exception:
        mock.stop()
        raise
    return mock


def _first_line(process: subprocess.Popen, timeout: float, tail: Deque[str]) -> str:
    """The first stdout line (the URL), or the reason the fake stopped, within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    out, err = process.stdout, process.stderr
    assert out is not None and err is not None
    line = b""
    with selectors.DefaultSelector() as selector:
        selector.register(out, selectors.EVENT_READ)
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                process.kill()
                process.wait()
                raise LaunchError(f"journey-runs-mock printed no URL within {timeout} s; it was stopped.")
            if not selector.select(left):
                continue
            chunk = os.read(out.fileno(), 1)
            if not chunk:
                process.wait()
                reason = err.read().decode("utf8", "replace").strip()
                raise LaunchError(f"journey-runs-mock exited with {process.returncode}: {reason or 'no message'}")
            line += chunk
    _drain(err, tail)
    return line.decode("utf8", "replace").strip()


def _drain(stream, tail: Deque[str]) -> None:
    """Reads a pipe until it closes so that the fake never blocks on a full pipe; keeps the last lines."""

    def run() -> None:
        for raw in iter(stream.readline, b""):
            tail.append(raw.decode("utf8", "replace").rstrip("\n"))
        stream.close()

    threading.Thread(target=run, name="journey-runs-mock-output", daemon=True).start()
