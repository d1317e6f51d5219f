"""`curlgen docs` against real Gradio 4, 5 and 6: every example block runs as it is written.

The docs of blocks_app (and of auth_app, with the login variables) are made once per major by
discovery; each endpoint's two bash blocks run in bash and in dash as a user would run them:
the two-step block's lines before the GET together, then the GET with EVENT_ID set to the id
the POST printed; the one-liner as it is. Examples that fetch a file from the internet (the
schema's example inputs point at github.com) are checked for that URL and skipped: there is
no network here.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli, run_in_shell
from e2e_conftest import AUTH, MAJOR_IDS, MAJORS, RealApps, Target

pytestmark = pytest.mark.e2e

SHELLS = ("bash", "dash")
LOGIN_ENV = {"GRADIO_USERNAME": AUTH[0], "GRADIO_PASSWORD": AUTH[1]}

# The endpoints on blocks_app's API page (hidden ones are left out), in the page's order.
BLOCKS_ENDPOINTS = (
    "reverse",
    "multi",
    "file_info",
    "image_flip",
    "stream",
    "stream_fail",
    "counter",
    "fail",
    "crash",
    "slow",
    "types",
    "echo",
    "big",
    "file_out",
    "files_multi",
)
AUTH_ENDPOINTS = ("reverse", "counter")
FAILING = {"fail", "crash", "stream_fail"}
# The last data line of an example run with the docs' inputs (defaults, else examples).
FINAL_DATA = {
    "reverse": '["olleh"]',
    "multi": '["hi hi", 4]',
    "stream": '["a b c"]',
    "counter": '["count=1", null]',
    "slow": '["slept 1s"]',
    "big": '["xxxxxxxxxx"]',
}

# Docs per (major, app), made once per worker.
_DOCS: dict[tuple[int, str], str] = {}


def docs_of(app: Target, env: dict[str, str] | None = None) -> str:
    """`curlgen docs APP`, discovered from the running app (cached per major and app)."""
    key = (app.major, app.app)
    if key not in _DOCS:
        res = run_cli("docs", app.url, env=env)
        assert res.exit_code == 0, res.stderr
        assert res.stderr == ""
        _DOCS[key] = res.stdout
    return _DOCS[key]


def sections(markdown: str) -> dict[str, list[str]]:
    """Endpoint name (no slash) -> its fenced bash blocks."""
    out: dict[str, list[str]] = {}
    for part in re.split(r"^## ", markdown, flags=re.M)[1:]:
        name = part.split("\n", 1)[0].strip()
        out[name.lstrip("/")] = re.findall(r"```bash\n(.*?)```", part, flags=re.S)
    return out


def outside_urls(blocks: list[str]) -> list[str]:
    """The URLs in the examples that are not on the loopback interface."""
    urls = re.findall(r"https?://[^\s'\"\\]+", "".join(blocks))
    return sorted({u for u in urls if not u.startswith(("http://127.0.0.1", "https://127.0.0.1"))})


def run_blocks(
    blocks: list[str], shell: str, cwd: Path, env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """Run the two-step block as a user would (EVENT_ID set from the POST), then the one-liner."""
    two_step, one_liner = blocks
    lines = [line for line in two_step.splitlines() if line and not line.startswith("#")]
    get = lines.pop()
    assert get.startswith("curl -N ") and "$EVENT_ID" in get, get
    post = run_in_shell(shell, "\n".join(lines), env=env, cwd=cwd, timeout=90)
    assert post.returncode == 0, post
    event_id = re.search(r'\{"event_id":"([0-9a-f]{32})"\}$', post.stdout)
    assert event_id, post
    first = run_in_shell(
        shell, get, env={**env, "EVENT_ID": event_id.group(1)}, cwd=cwd, timeout=90
    )
    assert one_liner.count("\n") == 1, one_liner
    second = run_in_shell(shell, one_liner, env=env, cwd=cwd, timeout=90)
    return first, second


def last_event(sse: str) -> tuple[str, str]:
    """The event name and data line of the last event of an SSE stream."""
    assert sse.endswith("\n\n"), sse
    event, data = sse[:-2].split("\n\n")[-1].split("\n")
    assert event.startswith("event: ") and data.startswith("data: "), sse
    return event[len("event: ") :], data[len("data: ") :]


def check_endpoint(
    app: Target, docs: str, name: str, shell: str, cwd: Path, env: dict[str, str]
) -> None:
    """Run one endpoint's examples and check how their streams end."""
    blocks = sections(docs)[name]
    assert len(blocks) == 2, blocks
    assert all(f"{app.api_url}/call/{name}" in block for block in blocks)
    outside = outside_urls(blocks)
    if outside:
        # The schema's example file lives on GitHub: the example is right, but needs a network.
        assert all(re.match(r"https://(raw\.githubusercontent|github)\.com/", u) for u in outside)
        pytest.skip(f"the example fetches {', '.join(outside)}: no network here")
    first, second = run_blocks(blocks, shell, cwd, env)
    # The two-step GET is the guide's `curl -N` (no -s): curl's progress meter goes to stderr.
    assert first.returncode == 0, first
    assert (second.returncode, second.stderr) == (0, ""), second
    for res in (first, second):
        event, data = last_event(res.stdout)
        if name in FAILING:
            assert event == "error", res.stdout
            if app.major == 6 and name == "fail":
                assert json.loads(data)["error"] == "custom failure for 'boom'"
        else:
            assert event == "complete", res.stdout
            if name in FINAL_DATA:
                assert data == FINAL_DATA[name], res.stdout
    if name in ("stream", "stream_fail"):
        assert second.stdout.count("event: generating\n") >= 2, second.stdout


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_docs_lists_every_endpoint(real: RealApps, major: int) -> None:
    """The docs of blocks_app: every API page endpoint, two bash blocks each, nothing hidden."""
    app = real.get(major, "blocks_app")
    docs = docs_of(app)
    assert docs.startswith(f"# API of {app.url}\n")
    found = sections(docs)
    assert tuple(found) == BLOCKS_ENDPOINTS
    assert all(len(blocks) == 2 for blocks in found.values()), found
    assert "/hidden" not in docs and "/private" not in docs


@pytest.mark.parametrize("endpoint", BLOCKS_ENDPOINTS)
@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_docs_examples_run(
    real: RealApps, major: int, shell: str, endpoint: str, tmp_path: Path
) -> None:
    """Each endpoint's two-step block and one-liner, in bash and in dash."""
    app = real.get(major, "blocks_app")
    check_endpoint(app, docs_of(app), endpoint, shell, tmp_path, {})


@pytest.mark.parametrize("endpoint", AUTH_ENDPOINTS)
@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_docs_examples_run_behind_login(
    real: RealApps, major: int, shell: str, endpoint: str, tmp_path: Path
) -> None:
    """auth_app: the docs log in first, with the variables; the cookie jar opens every call."""
    app = real.get(major, "auth_app")
    docs = docs_of(app, env=LOGIN_ENV)
    assert "behind Gradio's login" in docs
    assert tuple(sections(docs)) == AUTH_ENDPOINTS
    assert f"password={AUTH[1]}" not in docs and "$GRADIO_PASSWORD" in docs, "read at run time"
    check_endpoint(app, docs, endpoint, shell, tmp_path, LOGIN_ENV)
    assert (tmp_path / "cookies.txt").is_file()
