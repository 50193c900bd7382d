"""The launcher: a free port, ready on return, the SIGTERM drain, clear launch errors, and no orphan."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from journey_runs_mock import LaunchError, start_mock
from repo import ROOT


def test_two_fakes_get_two_free_ports_answer_at_once_and_stop_with_the_drain():
    with start_mock() as first, start_mock() as second:
        assert first.port != second.port and first.url == f"http://127.0.0.1:{first.port}"
        assert first.control().health()["status"] == "ok"
    assert (first.process.returncode, second.process.returncode) == (0, 0)
    assert any("every request was answered" in line for line in first.output())


def test_the_fake_verifies_sigv4_when_given_a_key_and_its_secret_never_reaches_the_command_line():
    with start_mock(access_key_id="AKIDLAUNCH", secret_access_key="launch-secret-value") as mock:
        with open(f"/proc/{mock.pid}/cmdline", "rb") as cmdline:
            assert b"launch-secret-value" not in cmdline.read()


def test_the_fake_starts_without_an_extra_ca_bundle_for_node_to_read(monkeypatch, tmp_path):
    bundle = tmp_path / "extra-ca.pem"
    bundle.write_text("")
    monkeypatch.setenv("NODE_EXTRA_CA_CERTS", str(bundle))
    monkeypatch.setenv("JOURNEY_RUNS_MOCK_TEST_MARKER", "kept")
    with start_mock() as mock:
        with open(f"/proc/{mock.pid}/environ", "rb") as environ:
            names = [entry.split(b"=", 1)[0] for entry in environ.read().split(b"\0")]
    assert b"NODE_EXTRA_CA_CERTS" not in names and b"JOURNEY_RUNS_MOCK_TEST_MARKER" in names


def test_a_bad_data_path_is_a_launch_error_in_the_fakes_own_words(tmp_path):
    with pytest.raises(LaunchError, match=r"exited with 1: .*nowhere"):
        start_mock(data=[str(tmp_path / "nowhere")])


def test_a_missing_node_says_how_to_provide_one(monkeypatch):
    monkeypatch.setenv("JOURNEY_RUNS_MOCK_NODE", "/nonexistent/node")
    with pytest.raises(LaunchError, match="set JOURNEY_RUNS_MOCK_NODE to the path of a node"):
        start_mock()


@pytest.mark.parametrize(("version", "accepted"), [("v20.18.3", False), ("v20.19.0", True)])
def test_node_older_than_20_19_is_refused_and_20_19_accepted(tmp_path, monkeypatch, version, accepted):
    from journey_runs_mock.node import find_node

    fake = tmp_path / "node"
    fake.write_text(f"#!/bin/sh\necho {version}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("JOURNEY_RUNS_MOCK_NODE", str(fake))
    if accepted:
        assert find_node() == str(fake)
    else:
        with pytest.raises(LaunchError, match=f"needs Node >= 20.19; {fake} is 20.18"):
            find_node()


def test_the_fake_does_not_outlive_a_parent_killed_with_sigkill():
    script = textwrap.dedent(
        """
        import sys, time
        from journey_runs_mock import start_mock
        mock = start_mock()
        print(mock.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    pid = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    alive = _alive(pid)
    if alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for every purpose here; /proc says which.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ")[1][0] != "Z"


def test_the_wheel_carries_the_bundled_bin_of_this_repository():
    from journey_runs_mock.node import bundled_bin

    built = ROOT / "packages" / "msw" / "dist" / "server" / "cli.js"
    if "JOURNEY_RUNS_MOCK_BIN" in os.environ:
        pytest.skip("JOURNEY_RUNS_MOCK_BIN names another bin")
    assert bundled_bin().read_bytes() == built.read_bytes()
