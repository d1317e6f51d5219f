"""End-to-end checks of scripts/gradio_env.py and the test apps on real Gradio 4, 5 and 6."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import gradio_env  # noqa: E402
from e2e_conftest import RealApps, Target  # noqa: E402

pytestmark = pytest.mark.e2e

MAJORS = sorted(gradio_env.VERSIONS)
BLOCKS_ENDPOINTS = {
    "/reverse",
    "/multi",
    "/file_info",
    "/image_flip",
    "/stream",
    "/stream_fail",
    "/counter",
    "/fail",
    "/crash",
    "/slow",
    "/types",
    "/echo",
    "/big",
    "/file_out",
    "/files_multi",
}
HIDDEN = {"/hidden", "/private"}
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def request(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes, Any]:
    """Return (status, body, headers) of a request, also for error statuses."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with OPENER.open(req, timeout=60) as response:
            return int(response.status), response.read(), response.headers
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read(), exc.headers


def get_json(url: str, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """GET a URL and decode its JSON body."""
    status, body, _ = request(url, headers=headers)
    return status, json.loads(body)


def call(app: Target, api: str, data: list[Any]) -> tuple[str, Any]:
    """POST /call/<api>, read its SSE stream, and return the last (event, data)."""
    body = json.dumps({"data": data}).encode()
    headers = {"Content-Type": "application/json"}
    status, raw, _ = request(f"{app.api_url}/call/{api}", data=body, headers=headers)
    assert status == 200, raw
    event_id = json.loads(raw)["event_id"]
    _, stream, _ = request(f"{app.api_url}/call/{api}/{event_id}")
    event, payload = "", None
    for line in stream.decode().splitlines():
        if line.startswith("event: "):
            event = line[len("event: ") :]
        elif line.startswith("data: "):
            payload = json.loads(line[len("data: ") :])
    return event, payload


class AppPool:
    """The apps of one Gradio major, from the session-wide pool of tests/e2e/conftest.py."""

    def __init__(self, major: int, real: RealApps) -> None:
        """Remember the major and the shared pool; nothing is started yet."""
        self.major = major
        self.real = real

    def __getitem__(self, name: str) -> Target:
        """Return the running app, started on first use (once per session)."""
        return self.real.get(self.major, name)


@pytest.fixture(params=MAJORS, ids=[f"gradio{m}" for m in MAJORS])
def pool(request: pytest.FixtureRequest, real: RealApps) -> AppPool:
    """An AppPool for one major; the apps stop at the end of the session."""
    return AppPool(int(request.param), real)


def test_venv_is_ready_and_pinned(pool: AppPool) -> None:
    """ensure_venv gives a python whose gradio is the pinned version, with a ready marker."""
    python = gradio_env.ensure_venv(pool.major)
    assert python == gradio_env.venv_python(pool.major)
    assert gradio_env.is_ready(pool.major)
    marker = json.loads((gradio_env.venv_dir(pool.major) / gradio_env.READY_MARKER).read_text())
    assert marker["requirements"] == gradio_env.REQUIREMENTS[pool.major]
    assert f"gradio=={gradio_env.VERSIONS[pool.major]}" in marker["freeze"]


@pytest.mark.parametrize("name", ["blocks_app", "interface_app", "mount_app"])
def test_config_version_and_prefix(pool: AppPool, name: str) -> None:
    """/config answers with the pinned version and the version's api_prefix."""
    app = pool[name]
    status, config = get_json(app.url + "/config")
    assert status == 200
    assert config["version"] == gradio_env.VERSIONS[pool.major]
    assert config.get("api_prefix", "") == gradio_env.api_prefix(pool.major)
    assert config["protocol"] == "sse_v3"
    assert config["root"] == app.url


def test_blocks_info_lists_named_endpoints(pool: AppPool) -> None:
    """The info schema has every public endpoint and none of the hidden ones."""
    app = pool["blocks_app"]
    status, info = get_json(app.api_url + "/info")
    assert status == 200
    named = set(info["named_endpoints"])
    assert named == BLOCKS_ENDPOINTS
    assert not named & HIDDEN
    _, config = get_json(app.url + "/config")
    api_names = {dep.get("api_name") for dep in config["dependencies"]}
    assert "hidden" in api_names


def test_interface_endpoint_name(pool: AppPool) -> None:
    """gr.Interface is /predict on 4 and 5, the function's name on 6."""
    app = pool["interface_app"]
    _, info = get_json(app.api_url + "/info")
    api = "shout" if pool.major >= 6 else "predict"
    assert set(info["named_endpoints"]) == {f"/{api}"}
    assert call(app, api, ["hi"]) == ("complete", ["HI"])


def test_auth_app_needs_login(pool: AppPool) -> None:
    """The auth app answers 401 until a form login, then serves config and info."""
    app = pool["auth_app"]
    assert request(app.url + "/config")[0] == 401
    assert request(app.api_url + "/info")[0] == 401
    form = urllib.parse.urlencode({"username": "user", "password": "pass"}).encode()
    status, _, headers = request(app.url + "/login", data=form)
    assert status == 200
    cookie = "; ".join(c.split(";", 1)[0] for c in headers.get_all("set-cookie"))
    status, config = get_json(app.url + "/config", headers={"Cookie": cookie})
    assert status == 200
    assert config["version"] == gradio_env.VERSIONS[pool.major]
    _, info = get_json(app.api_url + "/info", headers={"Cookie": cookie})
    assert set(info["named_endpoints"]) == {"/reverse", "/counter"}


def test_mount_app_answers_under_its_path(pool: AppPool) -> None:
    """The mounted app lives under /gradio; the FastAPI root is not Gradio."""
    app = pool["mount_app"]
    assert app.url == f"http://127.0.0.1:{app.port}/gradio"
    assert get_json(app.root + "/")[1] == {"app": "fastapi", "gradio": "/gradio"}
    assert request(app.root + "/config")[0] == 404
    status, info = get_json(app.api_url + "/info")
    assert status == 200
    assert set(info["named_endpoints"]) == {"/reverse"}
    assert call(app, "reverse", ["hello"]) == ("complete", ["olleh"])


def test_typed_values_arrive_typed(pool: AppPool) -> None:
    """JSON strings, numbers and booleans reach the function as str, int/float and bool."""
    event, data = call(pool["blocks_app"], "types", ["héllo", 3, True, 2.5, "b"])
    assert event == "complete"
    got = {name: (item["value"], item["type"]) for name, item in data[0].items()}
    assert got == {
        "text": ("héllo", "str"),
        "number": (3, "int"),
        "flag": (True, "bool"),
        "slider": (2.5, "float"),
        "choice": ("b", "str"),
    }


def test_echo_big_and_hidden(pool: AppPool) -> None:
    """echo keeps a tricky string, big returns its size, the hidden endpoint still answers."""
    app = pool["blocks_app"]
    tricky = 'quote\' "dq" $HOME `tick` \\ back\nnewline\ttab 😀 ü'
    assert call(app, "echo", [tricky]) == ("complete", [tricky])
    assert call(app, "big", [5000]) == ("complete", ["x" * 5000])
    assert call(app, "hidden", ["x"]) == ("complete", ["hidden:x"])


def test_file_out_name_survives(pool: AppPool) -> None:
    """file_out returns a file named 'report ü é.txt' that downloads from $P/file=<path>."""
    app = pool["blocks_app"]
    event, data = call(app, "file_out", ["hello from curlgen"])
    assert event == "complete"
    assert data[0]["orig_name"] == "report ü é.txt"
    status, body, _ = request(f"{app.api_url}/file={urllib.parse.quote(data[0]['path'])}")
    assert (status, body) == (200, b"hello from curlgen")


def test_stop_leaves_no_process(pool: AppPool) -> None:
    """stop() ends the app and its process group and removes its work folder."""
    with gradio_env.start_app(pool.major, "interface_app") as app:
        pid, workdir = app.pid, app.workdir
        assert app.alive()
        assert workdir.is_dir()
    assert not app.alive()
    assert not workdir.exists()
    assert not _group_members(pid)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _group_members(pgid: int) -> list[int]:
    """Return the PIDs whose process group is ``pgid`` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


@pytest.fixture
def keep_logs_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make start_app create its work folder (kept on failure, for the log) under tmp_path."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_start_app_reports_a_dying_app(keep_logs_in_tmp: Path) -> None:
    """An app that exits before answering raises GradioEnvError with its log tail."""
    tmp_path = keep_logs_in_tmp
    refuse = "raise SystemExit('curlgen-test: refusing to start')\n"
    (tmp_path / "sitecustomize.py").write_text(refuse)
    with pytest.raises(gradio_env.GradioEnvError, match="refusing to start"):
        gradio_env.start_app(MAJORS[-1], "interface_app", env={"PYTHONPATH": str(tmp_path)})


@pytest.mark.usefixtures("keep_logs_in_tmp")
def test_start_app_times_out() -> None:
    """An app that does not answer in time is killed and reported."""
    with pytest.raises(gradio_env.GradioEnvError, match="did not answer"):
        gradio_env.start_app(MAJORS[-1], "interface_app", timeout=0.1)


def test_unknown_app_is_refused() -> None:
    """start_app refuses an app that does not exist."""
    with pytest.raises(gradio_env.GradioEnvError, match="no such test app"):
        gradio_env.start_app(MAJORS[-1], "no_such_app")


def test_cli_ensure_reports_ready() -> None:
    """`gradio_env.py ensure` prints each ready venv's python and exits 0."""
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "gradio_env.py"), "ensure", *map(str, MAJORS)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for major in MAJORS:
        assert str(gradio_env.venv_python(major)) in result.stdout
