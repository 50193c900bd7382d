"""One keep-alive HTTP/1.1 connection to the control plane, so that a reset before each test costs a round trip,
not a TCP handshake."""

from __future__ import annotations

import http.client
import json
import threading
import time
from typing import Any, Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

# A dump may be as large as `PUT /state` accepts (64 MiB); nothing the control plane sends is larger.
MAX_ANSWER_BYTES = 64 * 1024 * 1024 + 4096
# Node's http server closes a keep-alive connection idle for 5 s; reconnect well before, rather than race it.
MAX_IDLE_SECONDS = 2.0


Request = Tuple[str, str, Optional[bytes], Dict[str, str]]
"""Method, path, body and headers of one request."""


class Connection:
    """A thread-safe keep-alive connection to one origin (`http://host:port`)."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"journey-runs-mock's URL must be http://HOST:PORT; got {url!r}.")
        self.host = parts.hostname
        self.port = parts.port or 80
        self.timeout = timeout
        self._lock = threading.Lock()
        self._conn: Optional[http.client.HTTPConnection] = None
        self._last_used = 0.0

    def request(self, method: str, path: str, body: Optional[bytes], headers: Dict[str, str]) -> Tuple[int, bytes]:
        """Sends one request and returns the status and body. A connection the server closed while idle is
        reopened once; any other failure is raised as `OSError`."""
        with self._lock:
            reused = self._conn is not None and time.monotonic() - self._last_used < MAX_IDLE_SECONDS
            if not reused:
                self.close_unlocked()
            for attempt in (1, 2):
                conn = self._conn or http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self._conn = conn
                try:
                    conn.request(method, path, body=body, headers=headers)
                    response = conn.getresponse()
                    data = response.read(MAX_ANSWER_BYTES + 1)
                    if len(data) > MAX_ANSWER_BYTES:
                        raise OSError(f"the answer to {method} {path} is over {MAX_ANSWER_BYTES} bytes")
                    if response.will_close:
                        self.close_unlocked()
                    self._last_used = time.monotonic()
                    return response.status, data
                except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                    self.close_unlocked()
                    # Only a reused connection may have been closed by the server before it read the request.
                    if attempt == 2 or not reused:
                        raise
                except BaseException:
                    self.close_unlocked()
                    raise
            raise AssertionError("unreachable")

    def pipeline(self, requests: Sequence[Request]) -> List[Tuple[int, bytes]]:
        """Sends idempotent requests back to back on the connection, then reads their answers in order (HTTP/1.1
        pipelining, which node:http serves in order): one round trip instead of one each. A connection the server
        closed while idle is reopened once, which is safe because the requests are idempotent."""
        with self._lock:
            reused = self._conn is not None and time.monotonic() - self._last_used < MAX_IDLE_SECONDS
            if not reused:
                self.close_unlocked()
            for attempt in (1, 2):
                conn = self._conn or http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self._conn = conn
                try:
                    answers = self._pipeline_on(conn, requests)
                    self._last_used = time.monotonic()
                    return answers
                except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                    self.close_unlocked()
                    if attempt == 2 or not reused:
                        raise
                except BaseException:
                    self.close_unlocked()
                    raise
            raise AssertionError("unreachable")

    def _pipeline_on(self, conn: http.client.HTTPConnection, requests: Sequence[Request]) -> List[Tuple[int, bytes]]:
        if conn.sock is None:
            conn.connect()
        sock = conn.sock
        assert sock is not None
        sock.sendall(b"".join(self._encode(*request) for request in requests))
        reader = _KeptOpen(sock.makefile("rb"))
        answers = []
        closing = False
        try:
            for method, path, _body, _headers in requests:
                response = http.client.HTTPResponse(reader, method=method)  # type: ignore[arg-type]
                response.begin()
                data = response.read(MAX_ANSWER_BYTES + 1)
                if len(data) > MAX_ANSWER_BYTES:
                    raise OSError(f"the answer to {method} {path} is over {MAX_ANSWER_BYTES} bytes")
                answers.append((response.status, data))
                if response.will_close:
                    closing = True
                    break
        finally:
            reader.file.close()
        if closing:
            self.close_unlocked()
            if len(answers) < len(requests):
                raise http.client.RemoteDisconnected("the server closed the connection within a pipeline")
        return answers

    def _encode(self, method: str, path: str, body: Optional[bytes], headers: Dict[str, str]) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")

    def close(self) -> None:
        """Closes the connection; the next request opens a new one."""
        with self._lock:
            self.close_unlocked()

    def close_unlocked(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _KeptOpen:
    """A socket stand-in whose `makefile` hands every HTTPResponse the one buffered reader, which they may not close:
    the bytes of the next answer may already sit in its buffer."""

    def __init__(self, file: Any) -> None:
        self.file = file

    def makefile(self, mode: str) -> "_KeptOpen":
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)

    def close(self) -> None:
        return None


def decode_json(data: bytes) -> Any:
    """The JSON of an answer, or `None` for an empty one."""
    return json.loads(data) if data else None
