"""One keep-alive HTTP/1.1 connection to the control plane, so that a reset before each test costs a round trip,
not a TCP handshake."""

from __future__ import annotations

import http.client
import json
import threading
import time
from typing import Any, Dict, Optional, Tuple
from urllib.parse import urlsplit

# A dump may be as large as `PUT /state` accepts (64 MiB); nothing the control plane sends is larger.
MAX_ANSWER_BYTES = 64 * 1024 * 1024 + 4096
# Node's http server closes a keep-alive connection idle for 5 s; reconnect well before, rather than race it.
MAX_IDLE_SECONDS = 2.0


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

    def close(self) -> None:
        """Closes the connection; the next request opens a new one."""
        with self._lock:
            self.close_unlocked()

    def close_unlocked(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def decode_json(data: bytes) -> Any:
    """The JSON of an answer, or `None` for an empty one."""
    return json.loads(data) if data else None
