"""Runs every code block of docs/backend-guide.md and python/README.md, in order, in a scratch project.

A Python or ini block whose first line is `# <path>` is a file of the project; any other Python block is a script;
a shell block runs in bash with `pytest` and `python` of this environment, `pip` installing into it, and the
AWS_* variables of a running fake seeded with `my-app/my-journey`. Each block carries the marker
`<!-- readme-check: tested-by python/tests/test_docs.py -->`; a block without it fails the test.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journey_runs_mock import start_mock
from repo import ROOT

DOCS = ["docs/backend-guide.md", "python/README.md"]
MARKER = "<!-- readme-check: tested-by python/tests/test_docs.py -->"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)
KEY, SECRET = "AKIDGUIDE", "guide-secret"


def blocks(text):
    """(language, code, marked) of every fenced block."""
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        found.append((match.group(1), match.group(2), before == MARKER))
    return found


def wheel():
    built = sorted((ROOT / "python" / "dist").glob("journey_runs_mock-*.whl"))
    assert built, "python/dist has no wheel: run python/build-wheel.sh (python/ci.sh does) first"
    return built[-1]


def pip_python():
    """A Python with pip: this one, or the python3 on PATH (a venv made --without-pip has none)."""
    has_pip = subprocess.run([sys.executable, "-c", "import pip"], capture_output=True).returncode == 0
    return sys.executable if has_pip else shutil.which("python3")


@pytest.mark.parametrize("doc", DOCS)
def test_every_code_block_of_the_doc_runs(doc, tmp_path):
    found = blocks((ROOT / doc).read_text())
    assert found, f"{doc} has no code block"
    unmarked = [code.splitlines()[0] for _lang, code, marked in found if not marked]
    assert unmarked == [], f"{doc}: blocks without the marker {MARKER}"
    shutil.copy(wheel(), tmp_path)
    with start_mock(access_key_id=KEY, secret_access_key=SECRET) as mock:
        mock.control().set_scene({"journeys": [{"applicationId": "my-app", "journeyId": "my-journey", "runs": 2}]})
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "AWS_ENDPOINT_URL_PINPOINT": mock.url,
            "AWS_ACCESS_KEY_ID": KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET,
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_RETRY_MODE": "standard",
            "AWS_MAX_ATTEMPTS": "1",
            "VENV_PYTHON": sys.executable,
            "PIP_PYTHON": pip_python(),
        }
        env.pop("AWS_PROFILE", None)
        for lang, code, _marked in found:
            first = code.splitlines()[0]
            if lang in ("python", "ini") and re.fullmatch(r"# [\w/.-]+\.(py|ini)", first):
                target = tmp_path / first[2:]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(code)
                continue
            if lang == "python":
                command = [sys.executable, "-c", code]
            elif lang == "sh":
                # `pip` installs into this environment (which may have no pip of its own).
                prelude = 'pip() { "$PIP_PYTHON" -m pip --python "$VENV_PYTHON" --quiet "$@"; }\n'
                command = ["bash", "-euo", "pipefail", "-c", prelude + code]
            else:
                pytest.fail(f"{doc}: a {lang or 'plain'} block cannot be run: {first}")
            done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, f"{doc}: the block starting {first!r} failed:\n{done.stdout}\n{done.stderr}"


def test_a_block_without_the_marker_is_found():
    text = f"{MARKER}\n```sh\ntrue\n```\n\n```python\nprint(1)\n```\n"
    assert [marked for _lang, _code, marked in blocks(text)] == [True, False]


def test_the_example_conftest_is_at_most_ten_lines():
    lines = (ROOT / "examples" / "python" / "tests" / "conftest.py").read_text().splitlines()
    assert len(lines) <= 10, f"examples/python/tests/conftest.py has {len(lines)} lines; a new user's is at most 10"
