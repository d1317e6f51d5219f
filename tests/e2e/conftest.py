"""Session-wide servers for the end-to-end tests: real Gradio 4/5/6 apps and equivalent stubs.

Every server starts on first use and stops at the end of the test session, so a test run
starts only the apps its selected tests need; under xdist the workers share the real apps
(see RealApps) and each has its own stubs:

    def test_x(real: RealApps, stub: StubApps) -> None:
        app = real.get(6, "blocks_app")    # a Target: the real app, started once
        srv = stub.get(6, "blocks_app")    # a Target: a stub with the equivalent app spec

`Target` gives both the same face (url, root, api_url, temp folder), so a test can send the
same request to each and compare the answers.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
STUB_APPS = Path(__file__).resolve().parents[1] / "stub_apps"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import gradio_env  # noqa: E402

from curlgen.stub import DEFAULT_APP, StubServer  # noqa: E402

# Two conftest.py files are both imported as the module "conftest" (tests/ is no package), the
# last one loaded winning; tests/test_command.py does `from conftest import ...` and means
# tests/conftest.py. So this module goes by "e2e_conftest" (the e2e tests import it under that
# name) and pytest_configure, called as soon as this file is registered, puts the parent back.
sys.modules["e2e_conftest"] = sys.modules[__name__]
PARENT_CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"


def pytest_configure(config: pytest.Config) -> None:
    """Make `import conftest` mean tests/conftest.py again."""
    for plugin in config.pluginmanager.get_plugins():
        if Path(getattr(plugin, "__file__", "") or "/").resolve() == PARENT_CONFTEST:
            sys.modules["conftest"] = plugin


MAJORS = tuple(sorted(gradio_env.VERSIONS))
MAJOR_IDS = [f"gradio{m}" for m in MAJORS]
APPS = gradio_env.APPS
AUTH = gradio_env.AUTH

# Gradio's own heartbeat period (shared/gradio-protocol.md section 5): the stubs use it too.
HEARTBEAT = 15.0


def stub_spec(major: int, app: str) -> dict[str, Any]:
    """The stub app spec equivalent to the real test app `app` on Gradio `major`."""
    if app == "blocks_app":
        spec = json.loads(json.dumps(DEFAULT_APP))
        if major >= 6:
            # blocks_app adds, on 6 only, the same function under api_visibility="private".
            spec["endpoints"].append(
                {
                    "api_name": "private",
                    "fn": "hidden",
                    "api_visibility": "private",
                    "description": "An endpoint left out of the API page.",
                    "inputs": [{"component": "Textbox", "label": "text", "default": "x"}],
                    "outputs": [{"component": "Textbox", "label": "result"}],
                }
            )
        return spec  # type: ignore[no-any-return]
    name = {"interface_app": "interface", "auth_app": "auth", "mount_app": "mount"}[app]
    spec = json.loads((STUB_APPS / f"{name}.json").read_text(encoding="utf-8"))
    return spec  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Target:
    """A server under test, real or stub, seen the same way."""

    kind: str  # "real" or "stub"
    major: int
    app: str
    url: str  # the app URL a user gives (mount path included)
    root: str  # scheme://host:port
    temp_dir: str  # where the server keeps uploads and outputs
    pid: int = 0  # the real app's process (and process group)
    log: str = ""  # the real app's log file

    @property
    def prefix(self) -> str:
        """The API prefix of this major."""
        return gradio_env.api_prefix(self.major)

    @property
    def api_url(self) -> str:
        """The app URL plus the API prefix."""
        return self.url + self.prefix

    @property
    def port(self) -> int:
        """The TCP port."""
        return int(self.root.rsplit(":", 1)[1])


def real_target(app: gradio_env.RunningApp) -> Target:
    """A Target for a running real app."""
    return Target(
        "real",
        app.major,
        app.app,
        app.url,
        app.root,
        str(app.temp_dir),
        app.pid,
        str(app.log_path),
    )


def stub_target(srv: StubServer, app: str) -> Target:
    """A Target for a stub server."""
    root = f"http://127.0.0.1:{srv.port}"
    return Target("stub", srv.gradio, app, srv.url, root, str(srv.upload_dir))


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _stop_group(pid: int, workdir: str, grace: float = 5.0) -> None:
    """Stop an app another worker started: SIGTERM its group, SIGKILL after `grace`."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + grace
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not _alive(pid):
            break
    if os.environ.get("CURLGEN_KEEP_APP_LOGS"):  # as RunningApp.stop: keep app.log
        for sub in ("gradio_tmp", "tmp"):
            shutil.rmtree(Path(workdir) / sub, ignore_errors=True)
    else:
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (other xdist workers wait)."""
    with open(path, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class RealApps:
    """Real Gradio test apps, each started on first use and kept until stop_all().

    Under xdist the workers of one run share the apps: `shared` is a folder of the run (the
    parent of the workers' basetemp) holding, per app, a lock and a JSON note of the running
    app and of the workers using it. The first worker to need an app starts it, the last one
    to finish stops it. The apps watch the xdist controller (CURLGEN_PARENT_PID), so they
    outlive the worker that started them but never the run.
    """

    def __init__(self, shared: Path | None = None, worker: str = "main") -> None:
        """Nothing runs yet; `shared` None: this process alone uses its apps."""
        self.shared = shared
        self.worker = worker
        self.own: dict[str, gradio_env.RunningApp] = {}  # the apps this process started
        self.using: dict[str, Target] = {}

    @staticmethod
    def _key(major: int, app: str, env: dict[str, str] | None) -> str:
        extra = "-".join(f"{k}={v}" for k, v in sorted((env or {}).items()))
        return re.sub(r"[^A-Za-z0-9_.=-]", "_", f"v{major}-{app}{'-' + extra if extra else ''}")

    def get(self, major: int, app: str, env: dict[str, str] | None = None) -> Target:
        """The Target of `app` on `major` (with extra `env`), started on first use."""
        key = self._key(major, app, env)
        target = self.using.get(key)
        if target is not None:
            if not _alive(target.pid):
                tail = gradio_env._tail(Path(target.log))
                pytest.fail(f"{app} on Gradio {major} died:\n{tail}")
            return target
        if self.shared is None:
            target = self._start(key, major, app, env)
        else:
            target = self._share(key, major, app, env)
        self.using[key] = target
        return target

    def _start(self, key: str, major: int, app: str, env: dict[str, str] | None) -> Target:
        child_env = dict(env or {})
        if self.shared is not None:
            child_env["CURLGEN_PARENT_PID"] = str(os.getppid())  # the xdist controller
        running = gradio_env.start_app(major, app, env=child_env)
        self.own[key] = running
        return real_target(running)

    def _share(self, key: str, major: int, app: str, env: dict[str, str] | None) -> Target:
        assert self.shared is not None
        note = self.shared / f"{key}.json"
        with _locked(self.shared / f"{key}.lock"):
            data: dict[str, Any] = {}
            if note.exists():
                data = json.loads(note.read_text())
            if data and _alive(data["target"]["pid"]):
                target = Target(**data["target"])
                data["users"].append(self.worker)
            else:
                target = self._start(key, major, app, env)
                workdir = str(self.own[key].workdir)
                data = {"target": asdict(target), "workdir": workdir, "users": [self.worker]}
            note.write_text(json.dumps(data))
        return target

    def stop_all(self) -> None:
        """Let go of every app; stop those no other worker uses."""
        for key in list(self.using):
            self._release(key)
        self.using.clear()

    def _release(self, key: str) -> None:
        running = self.own.pop(key, None)
        if self.shared is None:
            if running is not None:
                running.stop()
            return
        note = self.shared / f"{key}.json"
        with _locked(self.shared / f"{key}.lock"):
            data = json.loads(note.read_text()) if note.exists() else None
            if data is None or data["target"]["pid"] != self.using[key].pid:
                return  # not ours any more (it died and another worker restarted it)
            with contextlib.suppress(ValueError):
                data["users"].remove(self.worker)
            if data["users"]:
                note.write_text(json.dumps(data))
                return
            note.unlink()
            if running is not None:
                running.stop()
            else:
                _stop_group(data["target"]["pid"], data["workdir"])


class StubApps:
    """Stub servers imitating the test apps, each started on first use."""

    def __init__(self) -> None:
        """Nothing runs yet."""
        self.servers: dict[tuple[int, str, float], StubServer] = {}

    def server(self, major: int, app: str, heartbeat: float = HEARTBEAT) -> StubServer:
        """The StubServer for `app` on `major`, started once."""
        key = (major, app, heartbeat)
        if key not in self.servers:
            srv = StubServer(
                gradio=major,
                host="127.0.0.1",
                port=0,
                app=stub_spec(major, app),
                heartbeat=heartbeat,
            )
            self.servers[key] = srv.start()
        return self.servers[key]

    def get(self, major: int, app: str, heartbeat: float = HEARTBEAT) -> Target:
        """The Target of the stub for `app` on `major`."""
        return stub_target(self.server(major, app, heartbeat), app)

    def stop_all(self) -> None:
        """Stop every stub that was started."""
        for srv in self.servers.values():
            srv.stop()
        self.servers.clear()


@pytest.fixture(scope="session")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealApps]:
    """Real Gradio apps, started lazily, stopped at the end of the session."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        apps = RealApps()
    else:  # the workers of one run share a folder: the parent of their basetemp
        shared = tmp_path_factory.getbasetemp().parent / "curlgen-real-apps"
        shared.mkdir(exist_ok=True)
        apps = RealApps(shared, worker)
    try:
        yield apps
    finally:
        apps.stop_all()


@pytest.fixture(scope="session")
def stub() -> Iterator[StubApps]:
    """Stub servers equivalent to the real apps, started lazily, stopped at the end."""
    servers = StubApps()
    try:
        yield servers
    finally:
        servers.stop_all()


@pytest.fixture(params=MAJORS, ids=MAJOR_IDS)
def major(request: pytest.FixtureRequest) -> int:
    """Each Gradio major version in turn."""
    return int(request.param)
