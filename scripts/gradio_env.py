#!/usr/bin/env python3
"""Build cached Gradio venvs (4.x, 5.x, 6.x), start the test apps on them, capture fixtures.

Standard library only, Python >= 3.9. Usable as a module (``import gradio_env``) and a CLI:

    python scripts/gradio_env.py ensure [4 5 6]      # build the missing venvs in parallel
    python scripts/gradio_env.py serve 6 blocks_app  # run an app until Ctrl-C
    python scripts/gradio_env.py capture [4 5 6]     # remake tests/fixtures/real/
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
APPS_DIR = REPO_ROOT / "tests" / "e2e" / "apps"
FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "real"

VERSIONS: dict[int, str] = {4: "4.44.1", 5: "5.50.0", 6: "6.31.0"}

# Gradio 4.44.1 no longer starts with today's unpinned dependencies (see
# shared/gradio-protocol.md): huggingface_hub 1.x dropped HfFolder (import fails);
# pydantic >= 2.11 alone makes /info and GET / answer 500; starlette 1.x alone makes GET / 500;
# either one alone makes launch() exit a few seconds later (its HEAD / check fails).
# fastapi<0.116 is not needed once starlette<1.0 is (fastapi 0.163.2 worked) but is kept:
# it is the combination the shared transcripts were measured with.
REQUIREMENTS: dict[int, list[str]] = {
    4: [
        "gradio==4.44.1",
        "huggingface_hub<1.0",
        "pydantic<2.11",
        "starlette<1.0",
        "fastapi<0.116",
    ],
    5: ["gradio==5.50.0"],
    6: ["gradio==6.31.0"],
}

# Apps served below a sub-path; every other app is served at the root.
MOUNT_PATHS: dict[str, str] = {"mount_app": "/gradio"}

READY_MARKER = ".curlgen-ready.json"
APPS = ("blocks_app", "interface_app", "auth_app", "mount_app")
FIXTURE_PORT = 7860
FIXTURE_APP_ID = 1234567890123456789
AUTH = ("user", "pass")


class GradioEnvError(RuntimeError):
    """A venv could not be built or an app could not be started."""


def cache_dir() -> Path:
    """Return the folder that holds the venvs (``$CURLGEN_GRADIO_CACHE`` or ~/.cache/...)."""
    return Path(os.environ.get("CURLGEN_GRADIO_CACHE") or "~/.cache/curlgen/gradio").expanduser()


def venv_dir(major: int) -> Path:
    """Return the venv folder of a Gradio major version."""
    return cache_dir() / f"gradio-{_version(major)}"


def venv_python(major: int) -> Path:
    """Return the python executable inside the venv of a Gradio major version."""
    return venv_dir(major) / "bin" / "python"


def pip_log_path(major: int) -> Path:
    """Return the pip log of the last build of a venv."""
    return cache_dir() / f"gradio-{_version(major)}.pip.log"


def api_prefix(major: int) -> str:
    """Return the HTTP API prefix Gradio uses for a major version."""
    return "" if major == 4 else "/gradio_api"


def _version(major: int) -> str:
    """Return the pinned Gradio version of a major, or raise for an unknown one."""
    try:
        return VERSIONS[major]
    except KeyError:
        raise GradioEnvError(f"unknown Gradio major {major!r}; known: {sorted(VERSIONS)}") from None


def _marker_data(major: int) -> dict[str, Any]:
    """Return what the ready marker of a venv must record."""
    return {"gradio": _version(major), "requirements": REQUIREMENTS[major]}


def is_ready(major: int) -> bool:
    """Tell whether the venv exists, finished building, and has the current requirement list."""
    marker = venv_dir(major) / READY_MARKER
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = _marker_data(major)
    same = all(data.get(key) == value for key, value in wanted.items())
    return same and venv_python(major).exists()


def _tail(path: Path, lines: int = 40) -> str:
    """Return the last lines of a text file (empty if it does not exist)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive fcntl lock on ``path`` for the duration of the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def ensure_venv(major: int) -> Path:
    """Build the venv of a Gradio major unless a ready one exists; return its python."""
    python = venv_python(major)
    if is_ready(major):
        return python
    folder = venv_dir(major)
    with _file_lock(cache_dir() / f"gradio-{_version(major)}.lock"):
        if is_ready(major):  # another process built it while we waited
            return python
        if folder.exists():
            shutil.rmtree(folder)
        _build_venv(major, folder)
    return python


def _build_venv(major: int, folder: Path) -> None:
    """Create ``folder`` as a venv with the requirements of ``major``; write the marker last."""
    log_path = pip_log_path(major)
    python = folder / "bin" / "python"
    steps: list[list[str]] = [
        [sys.executable, "-m", "venv", str(folder)],
        [str(python), "-m", "pip", "install", "--no-input", *REQUIREMENTS[major]],
        [
            str(python),
            "-c",
            "import gradio, sys; print('gradio', gradio.__version__); "
            f"sys.exit(gradio.__version__ != {_version(major)!r})",
        ],
    ]
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", PIP_DISABLE_PIP_VERSION_CHECK="1")
    with open(log_path, "w", encoding="utf-8") as log:
        for cmd in steps:
            log.write(f"$ {shlex.join(cmd)}\n")
            log.flush()
            code = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
            if code != 0:
                log.write(f"[exit {code}]\n")
                log.close()
                shutil.rmtree(folder, ignore_errors=True)
                raise GradioEnvError(
                    f"building the Gradio {_version(major)} venv failed at: {shlex.join(cmd)}\n"
                    f"--- tail of {log_path} ---\n{_tail(log_path)}"
                )
        freeze = subprocess.run(
            [str(python), "-m", "pip", "freeze"], capture_output=True, text=True, check=False
        ).stdout
        log.write("$ pip freeze\n" + freeze)
    data = _marker_data(major)
    data["python"] = sys.version.split()[0]
    data["freeze"] = freeze.splitlines()
    tmp = folder / (READY_MARKER + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.replace(folder / READY_MARKER)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_NO_PROXY_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_status(url: str, timeout: float = 5.0) -> int | None:
    """Return the HTTP status of a GET (``None`` when nothing answers)."""
    try:
        with _NO_PROXY_OPENER.open(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (OSError, http.client.HTTPException):
        return None


class RunningApp:
    """A test app running in its own process group; stop() or use it as a context manager."""

    def __init__(
        self,
        major: int,
        app: str,
        process: subprocess.Popen[bytes],
        port: int,
        url: str,
        log_path: Path,
        workdir: Path,
    ) -> None:
        """Remember the process and where it answers."""
        self.major = major
        self.app = app
        self.process = process
        self.port = port
        self.url = url
        self.log_path = log_path
        self.workdir = workdir
        self.temp_dir = workdir / "gradio_tmp"

    @property
    def pid(self) -> int:
        """Return the PID of the app process (also its process group id)."""
        return int(self.process.pid)

    @property
    def root(self) -> str:
        """Return the server root (scheme, host and port, without the mount path)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """Return the app URL plus the API prefix of its Gradio version."""
        return self.url + api_prefix(self.major)

    def alive(self) -> bool:
        """Tell whether the app process is still running."""
        return self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        """Return the last lines of the app's log."""
        return _tail(self.log_path, lines)

    def stop(self, grace: float = 5.0, *, keep_log: bool = False) -> None:
        """SIGTERM the app's process group, SIGKILL after ``grace`` s; remove its work folder."""
        if self.process.poll() is None:
            self._signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.process.wait(timeout=grace)
        self._signal(signal.SIGKILL)  # anything the app left in its group (none expected)
        if keep_log or os.environ.get("CURLGEN_KEEP_APP_LOGS"):
            for sub in ("gradio_tmp", "tmp"):
                shutil.rmtree(self.workdir / sub, ignore_errors=True)
        else:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _signal(self, sig: signal.Signals) -> None:
        """Signal the process group we created with start_new_session (ignore if gone)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, sig)

    def __enter__(self) -> RunningApp:
        """Return self."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the app."""
        self.stop()

    def __repr__(self) -> str:
        """Show the app, version and URL."""
        return f"RunningApp({self.app!r}, major={self.major}, url={self.url!r}, pid={self.pid})"


def start_app(
    major: int, app: str, *, env: dict[str, str] | None = None, timeout: float = 120
) -> RunningApp:
    """Start ``tests/e2e/apps/<app>.py`` on the venv of ``major`` and wait until it answers."""
    script = APPS_DIR / f"{app}.py"
    if not script.is_file():
        raise GradioEnvError(f"no such test app: {script}")
    python = ensure_venv(major)
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix=f"curlgen-v{major}-{app}-"))
    temp_dir = workdir / "gradio_tmp"
    temp_dir.mkdir()
    (workdir / "tmp").mkdir()
    log_path = workdir / "app.log"
    child_env = dict(os.environ)
    child_env.update(
        GRADIO_ANALYTICS_ENABLED="False",
        GRADIO_TEMP_DIR=str(temp_dir),
        TMPDIR=str(workdir / "tmp"),
        CURLGEN_PARENT_PID=str(os.getpid()),  # the apps exit if we die without stopping them
        PORT=str(port),
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    child_env.update(env or {})
    url = f"http://127.0.0.1:{port}{MOUNT_PATHS.get(app, '')}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(python), str(script), str(port)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=child_env,
            cwd=str(workdir),
            start_new_session=True,
        )
    running = RunningApp(major, app, process, port, url, log_path, workdir)
    try:
        _wait_until_answering(running, timeout)
    except BaseException:  # also Ctrl-C while waiting: never leave the app behind
        running.stop(keep_log=True)
        raise
    return running


def _wait_until_answering(running: RunningApp, timeout: float) -> None:
    """Poll until ``<url>/config`` answers 200/401 and ``<url>/`` 200; raise on death or timeout."""
    # The page check matters on 4.44.1 with unpinned dependencies: /config answers for a few
    # seconds, but GET / is 500 and launch() then exits ("When localhost is not accessible").
    what = f"{running.app} on Gradio {_version(running.major)}"
    deadline = time.monotonic() + timeout
    while True:
        code = running.process.poll()
        if code is not None:
            raise GradioEnvError(
                f"{what} exited with {code} before answering\n"
                f"--- tail of {running.log_path} ---\n{running.log_tail()}"
            )
        if http_status(running.url + "/config", timeout=2) in (200, 401):
            page = http_status(running.url + "/", timeout=5)
            if page == 200:
                return
            if page is not None and page >= 500:
                raise GradioEnvError(
                    f"{what} answers /config but GET {running.url}/ gives {page}\n"
                    f"--- tail of {running.log_path} ---\n{running.log_tail()}"
                )
        if time.monotonic() > deadline:
            raise GradioEnvError(
                f"{what} did not answer {running.url}/config within {timeout:g}s\n"
                f"--- tail of {running.log_path} ---\n{running.log_tail()}"
            )
        time.sleep(0.2)


# --------------------------------------------------------------------------- capture


def _fetch(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """Return (status, body) of a request, also for error statuses."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with _NO_PROXY_OPENER.open(request, timeout=60) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as exc:
        return int(exc.code), exc.read()


def _stable(text: str, running: RunningApp) -> str:
    """Replace the random port and private temp folder so fixtures do not change per run."""
    text = text.replace(f"127.0.0.1:{running.port}", f"127.0.0.1:{FIXTURE_PORT}")
    text = text.replace(f"localhost:{running.port}", f"localhost:{FIXTURE_PORT}")
    return text.replace(str(running.temp_dir), "/tmp/gradio")


def _write_json(path: Path, body: bytes, running: RunningApp) -> None:
    """Pretty-print a JSON body into ``path`` (non-JSON bodies are stored as a JSON string)."""
    text = body.decode("utf-8", errors="replace")
    try:
        value: Any = json.loads(text)
    except ValueError:
        value = text
    if isinstance(value, dict) and isinstance(value.get("app_id"), int):
        value["app_id"] = FIXTURE_APP_ID  # random per server start
    out = json.dumps(value, indent=2, ensure_ascii=False)
    out = re.sub(r" at 0x[0-9a-f]+>", " at 0x7f0000000000>", out)  # repr of a callback
    path.write_text(_stable(out, running) + "\n", encoding="utf-8")


def _login_cookie(running: RunningApp) -> str:
    """Log in to an auth app and return a Cookie header value."""
    form = urllib.parse.urlencode({"username": AUTH[0], "password": AUTH[1]}).encode()
    request = urllib.request.Request(running.url + "/login", data=form)
    with _NO_PROXY_OPENER.open(request, timeout=30) as response:
        cookies = response.headers.get_all("set-cookie") or []
    return "; ".join(cookie.split(";", 1)[0] for cookie in cookies)


def capture_schemas(running: RunningApp, out_dir: Path = FIXTURES_DIR) -> list[Path]:
    """Save ``/config`` and the info schema of a running app as fixtures; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"v{running.major}-{running.app}"
    info_url = running.api_url + "/info"
    written: list[Path] = []
    for name, url in (("config", running.url + "/config"), ("info", info_url)):
        _status, body = _fetch(url)
        path = out_dir / f"{stem}-{name}.json"
        _write_json(path, body, running)
        written.append(path)
    if running.app == "auth_app":
        cookie = {"Cookie": _login_cookie(running)}
        for name, url in (("config", running.url + "/config"), ("info", info_url)):
            _status, body = _fetch(url, headers=cookie)
            path = out_dir / f"{stem}-{name}-after-login.json"
            _write_json(path, body, running)
            written.append(path)
    return written


class _Transcript:
    """Collect requests and raw responses in the style of shared/gradio-transcripts."""

    def __init__(self, running: RunningApp) -> None:
        """Start an empty transcript for ``running``."""
        self.running = running
        self.lines: list[str] = []

    def section(self, title: str) -> None:
        """Start a titled section."""
        self.lines += ["", f"{'=' * 20} {title} {'=' * 20}"]

    def note(self, text: str) -> None:
        """Add a comment line."""
        self.lines.append(f"# {text}")

    def _raw(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str], pipe: bool
    ) -> tuple[int, bytes]:
        """Send one request with http.client and record status, headers and raw body."""
        conn = http.client.HTTPConnection("127.0.0.1", self.running.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            raw = response.read()
        finally:
            conn.close()
        prefix = "  |" if pipe else ""
        keep = ("content-type", "transfer-encoding", "content-length", "content-disposition")
        head = [f"HTTP/1.1 {response.status} {response.reason}"]
        head += [f"{k}: {v}" for k, v in response.getheaders() if k.lower() in keep]
        text = raw.decode("utf-8", errors="replace")
        body_lines = text.split("\n") if pipe else [text]
        if pipe and len(body_lines) > 1 and body_lines[-1] == "":
            body_lines.pop()  # the final newline does not start another line
        out = head + ([""] if pipe else []) + body_lines
        self.lines += [prefix + _stable(line, self.running) for line in out]
        return response.status, raw

    def post_json(self, path: str, payload: Any) -> tuple[int, bytes]:
        """POST a JSON body and record it like ``curl -X POST -H ... -d ...``."""
        body = json.dumps(payload, ensure_ascii=False)
        url = f"http://127.0.0.1:{FIXTURE_PORT}{path}"
        cmd = ["curl", "-X", "POST", "-H", "Content-Type: application/json", "-d", body, url]
        self.lines.append("$ " + shlex.join(cmd))
        headers = {"Content-Type": "application/json"}
        return self._raw("POST", path, body.encode("utf-8"), headers, pipe=False)

    def get(self, path: str, *, stream: bool = True) -> tuple[int, bytes]:
        """GET a path and record the raw answer (indented with ``|`` like the SSE streams)."""
        url = f"http://127.0.0.1:{FIXTURE_PORT}{path}"
        self.lines.append("$ " + shlex.join(["curl", "-N", url] if stream else ["curl", url]))
        return self._raw("GET", path, None, {}, pipe=stream)

    def upload(self, path: str, files: Sequence[tuple[str, bytes]]) -> tuple[int, bytes]:
        """POST files as multipart field ``files`` and record it like ``curl -F files=@...``."""
        boundary = "curlgenboundary7MA4YWxkTrZu0gW"
        parts: list[bytes] = []
        for name, content in files:
            disposition = f'form-data; name="files"; filename="{name}"'
            parts.append(
                f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
                "Content-Type: application/octet-stream\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        url = f"http://127.0.0.1:{FIXTURE_PORT}{path}"
        args = [arg for name, _ in files for arg in ("-F", f"files=@<TMPDIR>/{name}")]
        self.lines.append("$ " + shlex.join(["curl", "-X", "POST", *args, url]))
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self._raw("POST", path, body, headers, pipe=False)

    def call(self, api: str, data: list[Any], via: str | None = None) -> Any:
        """POST ``/call/<api>``, GET its SSE stream, and return the parsed last data line."""
        prefix = urllib.parse.urlsplit(self.running.api_url).path
        status, raw = self.post_json(f"{prefix}/call/{api}", {"data": data})
        if status != 200:
            return None
        event_id = json.loads(raw)["event_id"]
        _status, stream = self.get(f"{prefix}/call/{via or api}/{event_id}")
        last = None
        for line in stream.decode("utf-8").splitlines():
            if line.startswith("data: "):
                last = json.loads(line[len("data: ") :])
        return last

    def text(self) -> str:
        """Return the whole transcript, with the port and temp folder made stable."""
        body = "\n".join(_stable(line, self.running) for line in self.lines)
        return body.lstrip("\n") + "\n\n[capture done]\n"


def capture_calls(running: RunningApp, out_dir: Path = FIXTURES_DIR) -> Path:
    """Record raw SSE answers of the endpoints the shared transcripts lack; return the file."""
    t = _Transcript(running)
    prefix = urllib.parse.urlsplit(running.api_url).path
    t.section(f"Gradio {_version(running.major)} blocks_app (http://127.0.0.1:{FIXTURE_PORT})")
    t.note("named endpoints in the info schema:")
    _status, info = _fetch(running.api_url + "/info")
    t.note("  " + " ".join(sorted(json.loads(info)["named_endpoints"])))

    t.section("types: Textbox, Number, Checkbox, Slider, Dropdown -> JSON")
    t.call("types", ["héllo", 3, True, 7, "b"])
    t.note("floats")
    t.call("types", ["x", 2.5, False, 3.5, "c"])
    t.note("strings and numbers where the component expects the other type")
    t.call("types", [5, "4", "yes", "7", "a"])
    t.note("a Dropdown value that is not among the choices")
    t.call("types", ["x", 1, True, 1, "zzz"])
    t.note("all null")
    t.call("types", [None, None, None, None, None])

    t.section("echo: the string comes back unchanged")
    t.call("echo", ['quote\' "dq" $HOME `tick` \\ back\nnewline\ttab 😀 ü'])

    t.section("big: a long single data line")
    result = t.call("big", [100])
    t.note(f"big(100) returned {len(result[0]) if result else None} characters")

    t.section("file_out: a file named with a space and non-ASCII characters")
    result = t.call("file_out", ["hello from curlgen"])
    if result and isinstance(result[0], dict):
        path = result[0]["path"]
        t.note("download by ROOT+PREFIX/file=<path>, the path percent-encoded")
        t.get(f"{prefix}/file={urllib.parse.quote(path)}", stream=False)
        url = str(result[0].get("url") or "")
        t.note(f"url field: {_stable(url, running)}")

    t.section("files_multi: gr.File(file_count='multiple')")
    t.note("upload two files in one request (field name 'files')")
    _status, raw = t.upload(f"{prefix}/upload", [("a.txt", b"alpha\n"), ("b b.txt", b"bravo!!\n")])
    paths = json.loads(raw)
    meta = {"_type": "gradio.FileData"}
    t.call("files_multi", [[{"path": p, "meta": meta} for p in paths]])
    t.note("a single FileData instead of a list")
    t.call("files_multi", [{"path": paths[0], "meta": meta}])
    t.note("an empty list")
    t.call("files_multi", [[]])

    t.section("hidden endpoint (not in the info schema)")
    t.call("hidden", ["x"])
    if running.major >= 6:
        t.note('6.x only: api_visibility="private" (documented as not callable by clients)')
        t.call("private", ["x"])
    t.note("/call on an api_name that does not exist, for comparison")
    t.post_json(f"{prefix}/call/no_such_api", {"data": ["x"]})

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"v{running.major}-blocks_app-calls.txt"
    path.write_text(t.text(), encoding="utf-8")
    return path


def capture(majors: Sequence[int], out_dir: Path = FIXTURES_DIR) -> list[Path]:
    """Start every app on every major in turn and write the real fixtures; return the paths."""
    written: list[Path] = []
    for major in majors:
        for app in APPS:
            with start_app(major, app) as running:
                written += capture_schemas(running, out_dir)
                if app == "blocks_app":
                    written.append(capture_calls(running, out_dir))
    return written


# --------------------------------------------------------------------------- CLI


def _ensure_many(majors: Sequence[int]) -> int:
    """Build the given venvs in parallel subprocesses; print timings; return an exit code."""
    started = time.monotonic()
    procs: dict[int, tuple[subprocess.Popen[str], float]] = {}
    for major in majors:
        if is_ready(major):
            print(f"gradio {_version(major)}: ready      {venv_python(major)}")
            continue
        print(f"gradio {_version(major)}: building   (log: {pip_log_path(major)})", flush=True)
        cmd = [sys.executable, str(Path(__file__).resolve()), "_build", str(major)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        procs[major] = (proc, time.monotonic())
    failed = 0
    for major, (proc, t0) in procs.items():
        output, _ = proc.communicate()
        elapsed = time.monotonic() - t0
        if proc.returncode == 0:
            print(f"gradio {_version(major)}: built in {elapsed:.0f}s  {venv_python(major)}")
        else:
            failed += 1
            print(f"gradio {_version(major)}: FAILED after {elapsed:.0f}s\n{output}", flush=True)
    print(f"total {time.monotonic() - started:.0f}s")
    return 1 if failed else 0


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    """Turn SIGTERM into KeyboardInterrupt so ``serve`` stops its app."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line interface."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    majors_help = "Gradio major versions (default: all)"
    p_ensure = sub.add_parser("ensure", help="build the missing venvs in parallel")
    p_ensure.add_argument("majors", nargs="*", type=int, default=sorted(VERSIONS), help=majors_help)
    p_build = sub.add_parser("_build", help=argparse.SUPPRESS)
    p_build.add_argument("major", type=int)
    p_serve = sub.add_parser("serve", help="run a test app until Ctrl-C")
    p_serve.add_argument("major", type=int)
    p_serve.add_argument("app", choices=APPS)
    p_capture = sub.add_parser("capture", help="remake tests/fixtures/real/")
    p_capture.add_argument(
        "majors", nargs="*", type=int, default=sorted(VERSIONS), help=majors_help
    )
    sub.add_parser("versions", help="print the versions and requirement lists")
    args = parser.parse_args(argv)

    try:
        if args.command == "ensure":
            return _ensure_many(args.majors)
        if args.command == "_build":
            ensure_venv(args.major)
            return 0
        if args.command == "serve":
            # Ctrl-C and SIGTERM both stop the app (a background job may start with SIGINT ignored).
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
            t0 = time.monotonic()
            with start_app(args.major, args.app) as running:
                print(
                    f"{running.url}  (gradio {_version(args.major)}, pid {running.pid}, "
                    f"started in {time.monotonic() - t0:.1f}s, log {running.log_path})"
                )
                print("Ctrl-C to stop", flush=True)
                with contextlib.suppress(KeyboardInterrupt):
                    while running.alive():
                        time.sleep(0.5)
                if not running.alive():
                    print(f"app exited\n{running.log_tail()}", file=sys.stderr)
                    return 1
            return 0
        if args.command == "capture":
            for major in args.majors:
                ensure_venv(major)
            for path in capture(args.majors):
                print(path.relative_to(REPO_ROOT))
            return 0
        if args.command == "versions":
            for major, version in VERSIONS.items():
                print(f"{major}: {version}  {' '.join(REQUIREMENTS[major])}")
            return 0
    except GradioEnvError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
