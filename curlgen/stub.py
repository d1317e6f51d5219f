"""A local imitation of a Gradio 4, 5 or 6 server, faithful to shared/gradio-protocol.md.

It answers as real Gradio 4.44.1, 5.50.0 and 6.31.0 servers were measured to answer:
`/config`, the info schema, `POST $P/call/<api>` and the SSE `GET $P/call/<api>/<id>`
(framing, heartbeats, error payloads per version), State and `session_hash`, `/upload`
(streamed to disk), `file=`, `/login` with its cookies, 6's `/call/v2`, and fault modes.
Standard library only.

    from curlgen.stub import StubServer
    with StubServer(gradio=5, heartbeat=0.2) as srv:
        ...  # talk to srv.url; look at srv.received, srv.calls("reverse"), srv.uploads
        srv.faults.status = 503  # the next POST to a call route or /upload gets 503

Out of process (`curlgen stub`), the control routes at the server root do the same:
`GET /_stub/received`, `GET /_stub/uploads`, `POST /_stub/faults` (a JSON object of Faults
fields), `POST /_stub/reset`. They are never recorded in `received`.

App spec (JSON; `load_app` reads and checks one, `DEFAULT_APP` is the built-in one):

    {
      "title": "my app",                 # optional, "Gradio" by default
      "mode": "blocks",                  # or "interface": a gr.Interface, below
      "auth": ["user", "pass"],          # optional: Gradio's own login
      "auth_message": null,              # optional, shown in 401 bodies on 5/6
      "root_path": "/gradio",            # optional: like gr.mount_gradio_app(path="/gradio")
      "info_status": 500,                # optional: the info route fails like 4.44.1 can
      "show_error": false,               # optional: launch(show_error=...); true by default
                                         #   with a root_path, as gr.mount_gradio_app does
      "allow_hosts": ["127.0.0.1"],      # optional: hosts that 5/6's SSRF check lets URL
                                         #   file inputs be fetched from (loopback included)
      "endpoints": [
        {
          "api_name": "reverse",         # null: an Interface's default, "predict" on 4/5
          "fn_name": "reverse",          #   and fn_name on 6 (fn_name defaults to api_name/fn)
          "fn": "reverse",               # a built-in behaviour, below
          "inputs": [{"component": "Textbox", "label": "text", "default": "hello"}],
          "outputs": [{"component": "Textbox", "label": "reversed"}],
          "show_api": true,              # false: callable but left out of the info schema
          "api_visibility": null,        # 6 only: "public", "undocumented" or "private"
          "description": "",             # the info schema's description (5/6)
          "options": {"interval": 0.3}   # per behaviour: stream/stream_fail interval,
        }                                #   file_out's "name", types' "names"
      ]
    }

Components: Textbox, Number, Checkbox, Slider, Dropdown, JSON, File, Image, State, each with
optional `label`, `parameter_name` (from the label by default), `default` (the component's
value: the info schema's parameter_default), `example` (example_input), `choices` (Dropdown,
required; `multiselect`), `minimum`/`maximum`/`step` (Slider, Number), `precision` (Number,
Slider), `file_count` ("single"/"multiple", File). A string is short for {"component": ...}.

Behaviours (inputs -> outputs): reverse, upper, hidden (text -> text); echo (n -> n, the
values as the components hand them over); multi (text, shout, times -> joined, length);
types (n -> one dict of each value and its Python type name); stream (text -> the words so
far, `interval` s apart); stream_fail (two parts, then gr.Error); counter (step, State ->
text, State); fail (gr.Error); crash (ValueError); slow (seconds -> text, after sleeping);
file_info (file -> report file, summary); image_flip (image -> a copy); file_out (text ->
a file named "report ü é.txt"); files_multi (files -> JSON list of names and sizes);
big (n -> a string of n "x").

Mode "interface" imitates gr.Interface(fn, inputs, outputs): exactly one endpoint (inputs and
outputs, no State, no generator). /config then has the Interface's blocks (rows, columns,
forms, the Clear, Submit and Flag buttons, outputs non-interactive) and, after the endpoint
(triggered by Submit and by its Textbox/Number inputs' submit), the Interface's own listeners:
`js_fn` and `js_fn_1` (Clear, js only), `lambda` and `Flag` (Flag), `reset` (Clear); show_api
false on 4/5; on 6 api_visibility "private" for the two js ones, "undocumented" for the others.
Like on a real server they can be POSTed to /call/<name>: the js ones give an error event
("function has no backend method."), lambda, Flag and reset complete with their update of the
Flag button (Flag needs a value for every input and output and flags nothing).

Requests as the real servers take them: a call POST's body is JSON only with a JSON
Content-Type, except that with no Content-Type header at all 4.44.1 parses it as JSON while
5/6 (FastAPI's strict_content_type) answer 422 model_attributes_type with the body as text.
File inputs are FileData: a path in the upload folder, or an http(s) URL that is downloaded.
The server's own file= route is no way around that: a relative "$P/file=<uploaded path>" is
not a path in the upload folder (error event), and the absolute
"http://127.0.0.1:PORT$P/file=<uploaded path>" is downloaded over HTTP on 4 but refused by
the SSRF check of 5/6 (loopback host), unless allow_hosts lists its host.

Where the stub departs from a real server: uploads and outputs are stored under
`<upload_dir>/<sha256 of the content>/<name>` on every version (5/6 mix a secret seed into
the hash); URL file inputs are fetched only from loopback hosts (any other host fails like
an unreachable one, so no traffic leaves the machine), on 5/6 only from hosts in
`allow_hosts` (as if added to Gradio's processing_utils.PUBLIC_HOSTNAME_WHITELIST); an
Interface's Flag writes no flagging data; the queue API (`/queue/join`, `/queue/data`) is
not imitated; the body recorded for an upload is cut at 1 MiB.
"""

from __future__ import annotations

import contextlib
import copy
import html
import json
import mimetypes
import os
import re
import secrets
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any

from curlgen.errors import UsageProblem
from curlgen.stub_app import (
    API_PREFIX,
    VERSIONS,
    App,
    Endpoint,
    auth_required_config,
    config_document,
    info_document,
    new_app_id,
    parse_app,
)
from curlgen.stub_multipart import MultipartError, boundary_of
from curlgen.stub_multipart import parse as parse_multipart
from curlgen.stub_run import RunContext, run_event

__all__ = ["DEFAULT_APP", "Faults", "Received", "StubServer", "load_app", "serve"]

MAX_RECORDED_BODY = 1 << 20
READ_CHUNK = 1 << 16

DEFAULT_APP: dict[str, Any] = {
    "title": "curlgen test app",
    "endpoints": [
        {
            "api_name": "reverse",
            "fn": "reverse",
            "description": False,
            "inputs": [{"component": "Textbox", "label": "text", "default": "hello"}],
            "outputs": [{"component": "Textbox", "label": "reversed"}],
        },
        {
            "api_name": "multi",
            "fn": "multi",
            "description": False,
            "inputs": [
                {"component": "Textbox", "label": "text", "default": "hi"},
                {"component": "Checkbox", "label": "shout", "default": False},
                {
                    "component": "Slider",
                    "label": "times",
                    "minimum": 1,
                    "maximum": 5,
                    "default": 2,
                    "step": 1,
                },
            ],
            "outputs": [
                {"component": "Textbox", "label": "joined"},
                {"component": "Number", "label": "length", "precision": 0},
            ],
        },
        {
            "api_name": "file_info",
            "fn": "file_info",
            "description": False,
            "inputs": [{"component": "File", "label": "file", "parameter_name": "path"}],
            "outputs": [
                {"component": "File", "label": "report"},
                {"component": "Textbox", "label": "summary"},
            ],
        },
        {
            "api_name": "image_flip",
            "fn": "image_flip",
            "description": False,
            "inputs": [{"component": "Image", "label": "image", "parameter_name": "path"}],
            "outputs": [{"component": "Image", "label": "flipped"}],
        },
        {
            "api_name": "stream",
            "fn": "stream",
            "description": False,
            "inputs": [{"component": "Textbox", "label": "text", "default": "a b c"}],
            "outputs": [{"component": "Textbox", "label": "so far"}],
        },
        {
            "api_name": "stream_fail",
            "fn": "stream_fail",
            "description": False,
            "inputs": [{"component": "Textbox", "label": "text", "default": "a b c"}],
            "outputs": [{"component": "Textbox", "label": "so far"}],
        },
        {
            "api_name": "counter",
            "fn": "counter",
            "description": False,
            "inputs": [
                {"component": "Number", "label": "step", "default": 1},
                {"component": "State"},
            ],
            "outputs": [{"component": "Textbox", "label": "count"}, {"component": "State"}],
        },
        {
            "api_name": "fail",
            "fn": "fail",
            "description": False,
            "inputs": [{"component": "Textbox", "label": "text", "default": "boom"}],
            "outputs": [{"component": "Textbox", "label": "result"}],
        },
        {
            "api_name": "crash",
            "fn": "crash",
            "description": False,
            "inputs": [{"component": "Textbox", "label": "text", "default": "boom"}],
            "outputs": [{"component": "Textbox", "label": "result"}],
        },
        {
            "api_name": "slow",
            "fn": "slow",
            "description": False,
            "inputs": [{"component": "Number", "label": "seconds", "default": 1}],
            "outputs": [{"component": "Textbox", "label": "result"}],
        },
        {
            "api_name": "types",
            "fn": "types",
            "description": "Report each received value and its Python type name.",
            "inputs": [
                {"component": "Textbox", "label": "text", "default": "hello"},
                {"component": "Number", "label": "number", "default": 3},
                {"component": "Checkbox", "label": "flag", "default": True},
                {
                    "component": "Slider",
                    "label": "slider",
                    "minimum": 0,
                    "maximum": 10,
                    "default": 5,
                    "step": 1,
                },
                {
                    "component": "Dropdown",
                    "label": "choice",
                    "choices": ["a", "b", "c"],
                    "default": "a",
                },
            ],
            "outputs": [{"component": "JSON", "label": "received"}],
        },
        {
            "api_name": "echo",
            "fn": "echo",
            "description": "Return the text unchanged.",
            "inputs": [{"component": "Textbox", "label": "text", "default": ""}],
            "outputs": [{"component": "Textbox", "label": "echoed"}],
        },
        {
            "api_name": "big",
            "fn": "big",
            "description": "Return a string of ``size`` characters.",
            "inputs": [{"component": "Number", "label": "size", "default": 10}],
            "outputs": [{"component": "Textbox", "label": "text"}],
        },
        {
            "api_name": "file_out",
            "fn": "file_out",
            "description": "Write content to a file whose name has a space and non-ASCII letters; "
            "return its path.",
            "inputs": [{"component": "Textbox", "label": "content", "default": "hello"}],
            "outputs": [{"component": "File", "label": "file"}],
        },
        {
            "api_name": "files_multi",
            "fn": "files_multi",
            "description": "Return the name and size of each uploaded file.",
            "inputs": [
                {
                    "component": "File",
                    "label": "files",
                    "file_count": "multiple",
                    "parameter_name": "paths",
                }
            ],
            "outputs": [{"component": "JSON", "label": "names and sizes"}],
        },
        {
            "api_name": "hidden",
            "fn": "hidden",
            "show_api": False,
            "description": "An endpoint left out of the API page.",
            "inputs": [{"component": "Textbox", "label": "text", "default": "x"}],
            "outputs": [{"component": "Textbox", "label": "result"}],
        },
    ],
}


@dataclass(frozen=True)
class Received:
    """One request as the stub received it (path percent-decoded, without the query)."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    json: Any
    time: float

    def as_json(self) -> dict[str, Any]:
        """A JSON-able form (body as text)."""
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body.decode("utf-8", errors="replace"),
            "json": self.json,
            "time": self.time,
        }


@dataclass
class Faults:
    """Failures to inject; change the fields at any time, they apply to the next requests."""

    status: int | None = None  # POSTs to call routes and /upload get this status...
    count: int = 1  # ...this many times (-1: forever); decremented per hit
    retry_after: str | None = None  # with this Retry-After header
    drop_stream: bool = False  # SSE: generating messages, then an abrupt close
    heartbeats_only: bool = False  # SSE: nothing but heartbeats, forever
    delay: float = 0.0  # seconds before each event runs (heartbeats go on meanwhile)
    huge: int = 0  # each result's first string becomes "x" * huge
    status_get: int | None = None  # SSE GETs get this status

    def update(self, values: dict[str, Any]) -> None:
        """Set fields from a JSON object; ValueError on an unknown field or a bad value."""
        known = {f.name: f for f in fields(self)}
        for name, value in values.items():
            if name not in known:
                raise ValueError(f"unknown fault field {name!r}")
            check = _FAULT_CHECKS[name]
            if not check(value):
                raise ValueError(f"bad value for fault field {name!r}: {value!r}")
            setattr(self, name, value)

    def reset(self) -> None:
        """Back to no faults."""
        for f in fields(self):
            setattr(self, f.name, getattr(Faults(), f.name))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_FAULT_CHECKS: dict[str, Callable[[Any], bool]] = {
    "status": lambda v: v is None or (_is_int(v) and 100 <= v <= 599),
    "count": _is_int,
    "retry_after": lambda v: v is None or isinstance(v, (str, int)),
    "drop_stream": lambda v: isinstance(v, bool),
    "heartbeats_only": lambda v: isinstance(v, bool),
    "delay": lambda v: (_is_int(v) or isinstance(v, float)) and v >= 0,
    "huge": lambda v: _is_int(v) and v >= 0,
    "status_get": lambda v: v is None or (_is_int(v) and 100 <= v <= 599),
}


def load_app(path: str | Path) -> dict[str, Any]:
    """Read and check a JSON app spec; UsageProblem with a one-line message on any problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageProblem(f"cannot read app spec {path}: {reason}") from None
    try:
        spec = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageProblem(
            f"app spec {path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    try:
        parse_app(spec)
    except UsageProblem as exc:
        raise UsageProblem(f"{path}: {exc}") from None
    return spec  # type: ignore[no-any-return]


# --- small helpers ---------------------------------------------------------------------------


def _compact(obj: Any) -> bytes:
    """FastAPI's JSON: compact, UTF-8."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _sse(event: str, data: Any) -> bytes:
    """One server-sent event as Gradio frames it (json.dumps defaults, ASCII)."""
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode("ascii")


def _missing(loc: list[Any], value: Any) -> dict[str, Any]:
    return {"type": "missing", "loc": loc, "msg": "Field required", "input": value}


_XSS_SAFE = {
    4: {
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "audio/mpeg",
        "audio/wav",
        "audio/ogg",
        "video/mp4",
        "video/webm",
        "video/ogg",
        "text/plain",
        "application/json",
    },
}
_XSS_SAFE[5] = _XSS_SAFE[4] | {
    "audio/aac",
    "audio/flac",
    "audio/mp4",
    "audio/webm",
    "audio/x-wav",
    "video/mpeg",
    "video/quicktime",
}
_XSS_SAFE[6] = _XSS_SAFE[5] | {
    "audio/aiff",
    "audio/x-aiff",
    "audio/x-flac",
    "audio/x-m4a",
    "audio/x-matroska",
    "video/x-matroska",
    "video/x-msvideo",
}

_FORBIDDEN_6 = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f`$!{}]')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def _limit_bytes(name: str, ext: str, max_bytes: int = 200) -> str:
    while len((name + ext).encode()) > max_bytes and name:
        name = name[:-1]
    return name + ext


def upload_name(filename: str, version: int) -> str:
    """The file name a Gradio of this version stores an upload under."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if version == 4:
        kept = "".join(c for c in base if c.isalnum() or c in "._- ")
        return _limit_bytes(kept, "")
    stem, ext = os.path.splitext(base)
    if version == 5:
        stem = "".join(c for c in stem if c.isalnum() or c in "._-, ")
        return _limit_bytes(stem, ext)
    stem = _FORBIDDEN_6.sub("", stem)
    if ext:
        ext = "." + _FORBIDDEN_6.sub("", ext[1:])
    if not stem and ext:
        stem = "file"
    if stem + ext == "..":
        return ".."
    name = (stem + ext).rstrip(" .") or "file"
    stem, ext = os.path.splitext(name)
    if (stem + ext).partition(".")[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return _limit_bytes(stem, ext)


class _BodyReader:
    """Reads a request body (Content-Length or chunked) in pieces."""

    def __init__(self, rfile: Any, headers: Any) -> None:
        self._rfile = rfile
        self._chunked = "chunked" in (headers.get("Transfer-Encoding") or "").lower()
        try:
            self._left = int(headers.get("Content-Length") or 0)
        except ValueError:
            self._left = 0
        self._chunk_left = 0
        self._done = False

    def read(self, size: int) -> bytes:
        if self._done:
            return b""
        if not self._chunked:
            if self._left <= 0:
                self._done = True
                return b""
            data = self._rfile.read(min(size, self._left))
            if not data:
                self._done = True
            self._left -= len(data)
            return bytes(data)
        if self._chunk_left == 0:
            line = self._rfile.readline(1024)
            try:
                self._chunk_left = int(line.split(b";")[0].strip() or b"0", 16)
            except ValueError:
                self._chunk_left = 0
            if self._chunk_left == 0:
                while self._rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass
                self._done = True
                return b""
        data = self._rfile.read(min(size, self._chunk_left))
        self._chunk_left -= len(data)
        if self._chunk_left == 0:
            self._rfile.readline(8)
        if not data:
            self._done = True
        return bytes(data)

    def read_all(self) -> bytes:
        parts: list[bytes] = []
        while True:
            data = self.read(READ_CHUNK)
            if not data:
                return b"".join(parts)
            parts.append(data)

    def drain(self) -> None:
        while self.read(READ_CHUNK):
            pass


class _Abort(Exception):
    """The handler answered already (or dropped the connection): stop here."""


@dataclass
class _Message:
    event: str
    data: Any
    event_id: str

    @property
    def final(self) -> bool:
        return self.event in ("complete", "error")


@dataclass
class _Sessions:
    """Gradio's queue bookkeeping: messages and pending events per session key."""

    messages: dict[str, deque[_Message]] = field(default_factory=dict)
    pending: dict[str, list[str]] = field(default_factory=dict)
    event_session: dict[str, str] = field(default_factory=dict)
    states: dict[str, dict[int, Any]] = field(default_factory=dict)


# --- the server ------------------------------------------------------------------------------


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], stub: StubServer) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.stub = stub
        super().__init__(address, _Handler)


class StubServer:
    """The stub server; start() serves it in a daemon thread, stop() ends it."""

    def __init__(
        self,
        gradio: int = 6,
        host: str = "127.0.0.1",
        port: int = 0,
        app: dict[str, Any] | None = None,
        heartbeat: float = 15.0,
        show_error: bool = False,
        upload_dir: str | Path | None = None,
        faults: Faults | None = None,
    ) -> None:
        if gradio not in VERSIONS:
            raise UsageProblem(f"--gradio must be 4, 5 or 6, not {gradio}")
        if heartbeat <= 0:
            raise UsageProblem("the heartbeat interval must be positive")
        self.gradio = gradio
        self.host = host
        self.heartbeat = float(heartbeat)
        self.spec: dict[str, Any] = copy.deepcopy(app if app is not None else DEFAULT_APP)
        self.app: App = parse_app(self.spec)
        self.show_error = show_error or self.app.show_error
        self.prefix = "" if gradio == 4 else API_PREFIX
        self.faults = faults if faults is not None else Faults()
        self._own_dir = upload_dir is None
        self.upload_dir = Path(
            tempfile.mkdtemp(prefix="curlgen-stub-") if upload_dir is None else upload_dir
        ).resolve()
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        self.cookie_id = secrets.token_urlsafe(32)
        self.app_id = new_app_id()
        self.received: list[Received] = []
        self.uploads: list[dict[str, Any]] = []
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._sessions = _Sessions()
        self._fn_locks = {ep.id: threading.Lock() for ep in self.app.endpoints}
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = port

    # public API

    @property
    def url(self) -> str:
        """The root URL a user gives (with the root path of a mounted app)."""
        host = self.host
        if host in ("", "0.0.0.0"):
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}{self.app.root_path}"

    def start(self) -> StubServer:
        """Bind and serve in a daemon thread; returns self."""
        if self._httpd is not None:
            return self
        self._httpd = _HTTPServer((self.host, self.port), self)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"curlgen-stub-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, end open streams, remove a private upload dir."""
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._own_dir:
            shutil.rmtree(self.upload_dir, ignore_errors=True)

    def __enter__(self) -> StubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def calls(self, api_name: str | None = None) -> list[Received]:
        """The POSTs to call routes (/call/<api>, /call/v2/<api>), optionally for one api."""
        want = api_name.strip("/") if api_name is not None else None
        out = []
        with self._lock:
            items = list(self.received)
        for item in items:
            api = self._call_api_of(item.path) if item.method == "POST" else None
            if api is not None and (want is None or api == want):
                out.append(item)
        return out

    def reset(self) -> None:
        """Forget received requests, uploads, faults and sessions."""
        with self._cond:
            self.received.clear()
            self.uploads.clear()
            self._sessions = _Sessions()
            self._cond.notify_all()
        self.faults.reset()

    # internals used by the handler

    def _call_api_of(self, path: str) -> str | None:
        match = re.fullmatch(
            re.escape(self.app.root_path + self.prefix) + r"/call/(?:v2/)?([^/]+)/?", path
        )
        if match is None:
            return None
        if path.startswith(self.app.root_path + self.prefix + "/call/v2/") and self.gradio < 6:
            return None
        return match.group(1)

    def _record(self, item: Received) -> None:
        with self._lock:
            self.received.append(item)

    def _take_post_fault(self) -> Faults | None:
        with self._lock:
            faults = self.faults
            if faults.status is None or faults.count == 0:
                return None
            if faults.count > 0:
                faults.count -= 1
            return copy.copy(faults)

    def _user(self, cookie_header: str | None) -> str | None:
        names = {f"access-token-{self.cookie_id}", f"access-token-unsecure-{self.cookie_id}"}
        for item in (cookie_header or "").split(";"):
            name, _, value = item.strip().partition("=")
            if name in names and value in self._tokens:
                return self._tokens[value]
        return None

    def _authed(self, cookie_header: str | None) -> bool:
        return self.app.auth is None or self._user(cookie_header) is not None

    def _new_event(
        self,
        ep: Endpoint,
        data: list[Any],
        session_hash: str | None,
        root_url: str,
    ) -> str:
        event_id = uuid.uuid4().hex
        key = session_hash or event_id
        with self._lock:
            sessions = self._sessions
            sessions.messages.setdefault(key, deque())
            sessions.pending.setdefault(key, []).append(event_id)
            sessions.event_session[event_id] = key
            state = sessions.states.setdefault(key, {})
        ctx = RunContext(
            version=self.gradio,
            upload_dir=self.upload_dir,
            root_url=root_url,
            allow_hosts=self.app.allow_hosts,
            show_error=self.show_error,
            stop=self._stopping,
            state=state,
        )
        thread = threading.Thread(
            target=self._work,
            args=(ctx, ep, data, key, event_id, sessions),
            name=f"curlgen-stub-event-{event_id[:8]}",
            daemon=True,
        )
        thread.start()
        return event_id

    def _work(
        self,
        ctx: RunContext,
        ep: Endpoint,
        data: list[Any],
        key: str,
        event_id: str,
        sessions: _Sessions,
    ) -> None:
        with self._fn_locks[ep.id]:
            delay = self.faults.delay
            if delay and self._stopping.wait(delay):
                return
            for event, payload in run_event(ctx, ep, data):
                huge = self.faults.huge
                if event == "complete" and huge and isinstance(payload, list):
                    payload = _hugify(payload, huge)
                with self._cond:
                    queue = sessions.messages.get(key)
                    if queue is not None:
                        queue.append(_Message(event, payload, event_id))
                    self._cond.notify_all()

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)


def _hugify(payload: list[Any], size: int) -> list[Any]:
    out = list(payload)
    for index, value in enumerate(out):
        if isinstance(value, str):
            out[index] = "x" * size
            break
    return out


# --- the request handler ----------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "uvicorn"
    sys_version = ""
    server: _HTTPServer

    # plumbing

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the stub logs nothing."""

    def version_string(self) -> str:
        return "uvicorn"

    def setup(self) -> None:
        super().setup()
        self.server.stub._track(self.connection, True)

    def finish(self) -> None:
        self.server.stub._track(self.connection, False)
        with contextlib.suppress(OSError):
            super().finish()

    @property
    def stub(self) -> StubServer:
        return self.server.stub

    def _start(self, status: int, headers: list[tuple[str, str]]) -> None:
        self.send_response_only(status)
        self.send_header("date", formatdate(usegmt=True))
        self.send_header("server", "uvicorn")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None = "application/json",
        headers: list[tuple[str, str]] | None = None,
    ) -> None:
        all_headers = [("content-length", str(len(body)))]
        if content_type is not None:
            all_headers.append(("content-type", content_type))
        all_headers += headers or []
        self._start(status, all_headers)
        if self.command != "HEAD" and body:
            self.wfile.write(body)
        self.wfile.flush()

    def _json(self, status: int, obj: Any, headers: list[tuple[str, str]] | None = None) -> None:
        self._send(status, _compact(obj), "application/json", headers)

    def _not_found(self) -> None:
        self._json(404, {"detail": "Not Found"})

    def _server_error(self, detail: str = "") -> None:
        if self.stub.gradio == 5 and detail:
            self._send(500, _traceback_text(detail).encode(), "text/plain; charset=utf-8")
        else:
            self._send(500, b"Internal Server Error", "text/plain; charset=utf-8")

    def _unauthorized(self) -> None:
        if self.stub.gradio == 4:
            self._json(401, {"detail": "Not authenticated"})
        else:
            self._json(
                401,
                {
                    "detail": {
                        "error": "Not authenticated",
                        "auth_message": self.stub.app.auth_message,
                    }
                },
            )

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _end_chunks(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _drop(self) -> None:
        """Close the connection abruptly (no terminating chunk): curl exits 18."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        raise _Abort()

    def _root_url(self, route_path: str) -> str:
        """Gradio's get_root_url: the request URL minus route_path (see 4.44.1's bug)."""
        forwarded_host = (self.headers.get("X-Forwarded-Host") or "").split(",")[0].strip()
        if forwarded_host:
            url = f"http://{forwarded_host}"
        else:
            host = self.headers.get("Host") or f"{self.stub.host}:{self.stub.port}"
            url = f"http://{host}{self._raw_path}".rstrip("/")
            route = route_path.rstrip("/")
            if route:
                url = url[: -len(route)]
        url = url.rstrip("/")
        proto = (self.headers.get("X-Forwarded-Proto") or "").split(",")[0].strip()
        if proto == "https":
            url = url.replace("http://", "https://", 1)
        root_path = self.stub.app.root_path
        if root_path and self.stub.gradio >= 5:
            parts = urllib.parse.urlsplit(url)
            if parts.path != root_path:
                url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, root_path, "", ""))
        return url

    # dispatch

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = do_GET

    def _handle(self) -> None:
        raw = self.path
        if raw.startswith(("http://", "https://")):  # absolute-form request target
            raw = urllib.parse.urlsplit(raw)._replace(scheme="", netloc="").geturl()
        self._raw_path, _, self._query = raw.partition("?")
        path = urllib.parse.unquote(self._raw_path)
        self._reader = _BodyReader(self.rfile, self.headers)
        try:
            if path.startswith("/_stub/"):
                self._control(path)
                return
            stream_upload = self.command == "POST" and self._is_upload(path)
            body = b"" if stream_upload else self._reader.read_all()
            self._body = body
            self._record(path, body, stream_upload)
            self._route(path)
        except _Abort:
            return
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # the request-handler boundary: a real server answers 500
            self.close_connection = True
            with contextlib.suppress(OSError):
                self._server_error()
        finally:
            with contextlib.suppress(OSError):
                self._reader.drain()

    def _record(self, path: str, body: bytes, upload: bool) -> None:
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        parsed: Any = None
        if body and not upload:
            try:
                parsed = json.loads(body)
            except ValueError:
                parsed = None
        self._received = Received(
            method=self.command,
            path=path,
            query=self._query,
            headers=headers,
            body=body,
            json=parsed,
            time=time.time(),
        )
        if not upload:
            self.stub._record(self._received)

    def _is_upload(self, path: str) -> bool:
        return path == self.stub.app.root_path + self.stub.prefix + "/upload"

    def _route(self, path: str) -> None:
        stub = self.stub
        root = stub.app.root_path
        if root:
            if path == root:
                path = "/"
            elif path.startswith(root + "/"):
                path = path[len(root) :]
            else:
                self._not_found()
                return
        p = re.escape(stub.prefix)
        v6 = stub.gradio >= 6
        routes: list[tuple[str, set[str], Callable[[re.Match[str]], None]]] = [
            (r"/", {"GET", "HEAD"}, self._page),
            (r"/config/?", {"GET", "HEAD"}, self._config),
            (r"/login/?", {"POST"}, self._login),
            (p + r"/info/?", {"GET", "HEAD"}, self._info),
            (p + r"/login_check/?", {"GET", "HEAD"}, self._login_check),
            (p + r"/upload", {"POST"}, self._upload),
            (p + r"/file=(?P<file>.*)", {"GET", "HEAD"}, self._file),
        ]
        if stub.gradio >= 5:
            routes.append((p + r"/openapi\.json", {"GET", "HEAD"}, self._openapi))
        if v6:
            routes += [
                (p + r"/call/v2/(?P<api>[^/]+)/?", {"POST"}, self._call_v2),
                (p + r"/call/v2/(?P<api>[^/]+)/(?P<eid>[^/]+)", {"GET"}, self._call_get),
            ]
        routes += [
            (p + r"/call/(?P<api>[^/]+)/?", {"POST"}, self._call_post),
            (p + r"/call/(?P<api>[^/]+)/(?P<eid>[^/]+)", {"GET"}, self._call_get),
        ]
        allowed: set[str] = set()
        for pattern, methods, handler in routes:
            match = re.fullmatch(pattern, path, re.DOTALL)
            if match is None:
                continue
            if self.command in methods:
                handler(match)
                return
            allowed |= methods
        if allowed:
            self._json(
                405, {"detail": "Method Not Allowed"}, [("allow", ", ".join(sorted(allowed)))]
            )
        else:
            self._not_found()

    # control surface

    def _control(self, path: str) -> None:
        stub = self.stub
        body = self._reader.read_all()
        if path == "/_stub/received" and self.command == "GET":
            with stub._lock:
                items = [r.as_json() for r in stub.received]
            self._json(200, items)
        elif path == "/_stub/uploads" and self.command == "GET":
            with stub._lock:
                self._json(200, list(stub.uploads))
        elif path == "/_stub/faults" and self.command in ("GET", "POST"):
            if self.command == "POST":
                try:
                    values = json.loads(body or b"{}")
                    if not isinstance(values, dict):
                        raise ValueError("send a JSON object of Faults fields")
                    with stub._lock:
                        stub.faults.update(values)
                except ValueError as exc:
                    self._json(400, {"detail": str(exc)})
                    return
            self._json(200, asdict(stub.faults))
        elif path == "/_stub/reset" and self.command == "POST":
            stub.reset()
            self._json(200, {"ok": True})
        else:
            self._not_found()

    # pages and documents

    def _page(self, match: re.Match[str]) -> None:
        stub = self.stub
        root = self._root_url("/")
        config: dict[str, Any]
        if stub._authed(self.headers.get("Cookie")):
            config = config_document(
                stub.app,
                stub.gradio,
                root=root,
                app_id=stub.app_id,
                show_error=stub.show_error,
                username=stub._user(self.headers.get("Cookie")),
            )
        else:
            config = auth_required_config(stub.app, stub.gradio, root)
        blob = json.dumps(config, separators=(",", ":")).replace("</", "<\\/")
        page = (
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n'
            f"<title>{html.escape(stub.app.title)}</title>\n"
            f"<script>window.gradio_config = {blob};</script>\n"
            "</head>\n<body>\n<gradio-app></gradio-app>\n</body>\n</html>\n"
        )
        self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")

    def _config(self, match: re.Match[str]) -> None:
        stub = self.stub
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        doc = config_document(
            stub.app,
            stub.gradio,
            root=self._root_url("/config"),
            app_id=stub.app_id,
            show_error=stub.show_error,
            username=stub._user(self.headers.get("Cookie")),
        )
        self._json(200, doc)

    def _info(self, match: re.Match[str]) -> None:
        stub = self.stub
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        status = stub.app.info_status
        if status is not None:
            if status == 500:
                self._server_error("TypeError: argument of type 'bool' is not iterable")
            else:
                self._json(status, {"detail": HTTPStatus(status).phrase})
            return
        root = self._root_url(stub.prefix + "/info")
        self._json(200, info_document(stub.app, stub.gradio, root=root))

    def _openapi(self, match: re.Match[str]) -> None:
        stub = self.stub
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        paths: dict[str, Any] = {}
        for ep in stub.app.endpoints:
            if not ep.listed(stub.gradio):
                continue
            name = ep.name_for(stub.gradio)
            if stub.gradio == 5:
                paths[f"/run/{name}"] = {"post": {"operationId": name}}
            else:
                paths[f"{API_PREFIX}/call/v2/{name}"] = {"post": {"operationId": name}}
                paths[f"{API_PREFIX}/call/{name}/{{event_id}}"] = {"get": {"operationId": name}}
        if stub.gradio == 6:
            paths = {f"{API_PREFIX}/upload": {"post": {"operationId": "upload"}}, **paths}
        doc = {
            "openapi": "3.0.2",
            "info": {"title": stub.app.title, "description": "", "version": VERSIONS[stub.gradio]},
            "paths": paths,
        }
        self._json(200, doc)

    def _login_check(self, match: re.Match[str]) -> None:
        if self.stub._authed(self.headers.get("Cookie")):
            self._json(200, None)
        else:
            self._unauthorized()

    def _login(self, match: re.Match[str]) -> None:
        stub = self.stub
        form = self._form()
        errors = [
            _missing(["body", key], None)
            for key in ("username", "password")
            if not isinstance(form.get(key), str)
        ]
        if errors:
            self._json(422, {"detail": errors})
            return
        if stub.app.auth is None:
            root = self._root_url("/login")
            self._send(302, b"", None, [("location", root)])
            return
        user, password = stub.app.auth
        if form["username"].strip() == user and secrets.compare_digest(
            form["password"].encode(), password.encode()
        ):
            token = secrets.token_urlsafe(16)
            stub._tokens[token] = user
            cookie = f"access-token-{stub.cookie_id}={token}"
            unsecure = f"access-token-unsecure-{stub.cookie_id}={token}"
            self._json(
                200,
                {"success": True},
                [
                    ("set-cookie", f"{cookie}; HttpOnly; Path=/; SameSite=none; Secure"),
                    ("set-cookie", f"{unsecure}; HttpOnly; Path=/; SameSite=lax"),
                ],
            )
        else:
            self._json(400, {"detail": "Incorrect credentials."})

    def _form(self) -> dict[str, str]:
        ctype = (self.headers.get("Content-Type") or "").lower()
        body = self._body
        if ctype.startswith("application/x-www-form-urlencoded"):
            pairs = urllib.parse.parse_qsl(
                body.decode("utf-8", errors="replace"), keep_blank_values=True
            )
            return dict(pairs)
        boundary = boundary_of(self.headers.get("Content-Type") or "")
        if boundary is not None:
            chunks = iter([body])
            try:
                parts = parse_multipart(lambda n: next(chunks, b""), boundary, self.stub.upload_dir)
            except MultipartError:
                return {}
            out = {}
            for part in parts:
                if part.path is not None:
                    part.path.unlink(missing_ok=True)
                elif part.name:
                    out[part.name] = part.value.decode("utf-8", errors="replace")
            return out
        return {}

    # the call routes

    def _post_fault(self) -> bool:
        faults = self.stub._take_post_fault()
        if faults is None or faults.status is None:
            return False
        headers = []
        if faults.retry_after is not None:
            headers.append(("retry-after", str(faults.retry_after)))
        try:
            phrase = HTTPStatus(faults.status).phrase
        except ValueError:
            phrase = "Error"
        self._json(faults.status, {"detail": phrase}, headers)
        return True

    def _json_body(self) -> tuple[bool, Any]:
        """FastAPI's reading of a JSON body: (ok, value), or the 422 already sent.

        A body that is not JSON by its Content-Type is handed on as text. Without any
        Content-Type, 4.44.1's FastAPI (0.115) parses it as JSON all the same; the FastAPI of
        5.50.0 and 6.31.0 (strict_content_type) does not.
        """
        body = self._body
        if not body:
            return True, None
        ctype = self.headers.get("Content-Type")
        is_json = not ctype and self.stub.gradio == 4
        if ctype:
            main = ctype.split(";")[0].strip().lower()
            maintype, _, subtype = main.partition("/")
            is_json = maintype == "application" and (subtype == "json" or subtype.endswith("+json"))
        if not is_json:
            return True, body.decode("utf-8", errors="replace")
        try:
            return True, json.loads(body)
        except json.JSONDecodeError as exc:
            self._json(
                422,
                {
                    "detail": [
                        {
                            "type": "json_invalid",
                            "loc": ["body", exc.pos],
                            "msg": "JSON decode error",
                            "input": {},
                            "ctx": {"error": exc.msg},
                        }
                    ]
                },
            )
        except ValueError:
            self._json(400, {"detail": "There was an error parsing the body"})
        return False, None

    def _call_post(self, match: re.Match[str]) -> None:
        stub = self.stub
        if self._post_fault():
            return
        ok, body = self._json_body()
        if not ok:
            return
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        errors: list[dict[str, Any]] = []
        if body is None:
            errors.append(_missing(["body"], None))
        elif not isinstance(body, dict):
            errors.append(
                {
                    "type": "model_attributes_type",
                    "loc": ["body"],
                    "msg": "Input should be a valid dictionary or object to extract fields from",
                    "input": body,
                }
            )
        else:
            if "data" not in body:
                errors.append(_missing(["body", "data"], body))
            elif not isinstance(body["data"], list):
                errors.append(
                    {
                        "type": "list_type",
                        "loc": ["body", "data"],
                        "msg": "Input should be a valid list",
                        "input": body["data"],
                    }
                )
            keys = ["session_hash"] + (["oauth_token"] if stub.gradio >= 6 else [])
            for key in keys:
                value = body.get(key)
                if value is not None and not isinstance(value, str):
                    errors.append(
                        {
                            "type": "string_type",
                            "loc": ["body", key],
                            "msg": "Input should be a valid string",
                            "input": value,
                        }
                    )
        if errors:
            self._json(422, {"detail": errors})
            return
        api = match.group("api")
        ep = stub.app.endpoint(api, stub.gradio)
        if ep is None:
            self._server_error(
                "gradio.route_utils.FnIndexInferError: Could not infer function index for API "
                f"name: {api}"
            )
            return
        data = list(body["data"])
        if stub.gradio >= 6:
            data = _insert_state_slots(ep, data)
        self._queue(ep, data, body.get("session_hash"), api, v2=False)

    def _call_v2(self, match: re.Match[str]) -> None:
        stub = self.stub
        if self._post_fault():
            return
        ok, body = self._json_body()
        if not ok:
            return
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        if body is None:
            self._json(422, {"detail": [_missing(["body"], None)]})
            return
        if not isinstance(body, dict):
            self._json(
                422,
                {
                    "detail": [
                        {
                            "type": "dict_type",
                            "loc": ["body"],
                            "msg": "Input should be a valid dictionary",
                            "input": body,
                        }
                    ]
                },
            )
            return
        api = match.group("api")
        ep = stub.app.endpoint(api, stub.gradio)
        if ep is None or not ep.listed(stub.gradio):
            self._server_error()
            return
        kwargs = dict(body)
        kwargs.pop("oauth_token", None)
        params = [c for c in ep.inputs if not c.skip_api]
        names = [c.parameter_name for c in params]
        if any(key not in names for key in kwargs):
            self._server_error()
            return
        values = []
        for comp in params:
            if comp.parameter_name in kwargs:
                values.append(kwargs[comp.parameter_name])
            elif comp.default is not None:
                values.append(comp.default)
            else:
                self._server_error()
                return
        self._queue(ep, _insert_state_slots(ep, values), None, api, v2=True)

    def _queue(
        self, ep: Endpoint, data: list[Any], session_hash: str | None, api: str, v2: bool
    ) -> None:
        stub = self.stub
        if stub.gradio == 4:
            route = "/queue/join"
        else:
            path = self._raw_path.rstrip("/")
            marker = f"{API_PREFIX}/call"
            route = path[path.rfind(marker) :] if marker in path else ""
        root_url = self._root_url(route)
        event_id = stub._new_event(ep, data, session_hash, root_url)
        self._json(200, {"event_id": event_id})

    def _call_get(self, match: re.Match[str]) -> None:
        stub = self.stub
        faults = stub.faults
        if faults.status_get is not None:
            self._json(faults.status_get, {"detail": HTTPStatus(faults.status_get).phrase})
            return
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        self._start(
            200,
            [
                ("content-type", "text/event-stream; charset=utf-8"),
                ("Transfer-Encoding", "chunked"),
            ],
        )
        self.close_connection = True
        if self.command == "HEAD":
            return
        event_id = match.group("eid")
        if faults.heartbeats_only:
            self._heartbeats_forever()
            return
        with stub._lock:
            sessions = stub._sessions
            key = event_id
            if stub.gradio >= 6:
                key = sessions.event_session.get(event_id, event_id)
            known = key in sessions.messages
        if not known:
            text = "404: Session not found." if stub.gradio == 4 else "404: Not Found"
            self._chunk(_sse("error", text))
            self._drop()
        self._stream(sessions, key)

    def _heartbeats_forever(self) -> None:
        stub = self.stub
        while not stub._stopping.wait(stub.heartbeat):
            self._chunk(_sse("heartbeat", None))
        self._drop()

    def _stream(self, sessions: _Sessions, key: str) -> None:
        stub = self.stub
        next_beat = time.monotonic() + stub.heartbeat
        while True:
            with stub._cond:
                while True:
                    if stub._stopping.is_set():
                        message = None
                        break
                    queue = sessions.messages.get(key)
                    if queue:
                        message = queue.popleft()
                        break
                    wait = next_beat - time.monotonic()
                    if wait <= 0:
                        message = None
                        break
                    stub._cond.wait(wait)
                finish = False
                if message is not None and message.final:
                    pending = sessions.pending.get(key, [])
                    if message.event_id in pending:
                        pending.remove(message.event_id)
                    sessions.event_session.pop(message.event_id, None)
                    finish = not pending
            if stub._stopping.is_set():
                self._drop()
            if message is None:
                self._chunk(_sse("heartbeat", None))
                next_beat += stub.heartbeat
                continue
            if message.final and stub.faults.drop_stream:
                self._drop()
            self._chunk(_sse(message.event, message.data))
            if finish:
                self._end_chunks()
                return

    # files

    def _upload(self, match: re.Match[str]) -> None:
        stub = self.stub
        received = self._received
        if self._post_fault():
            stub._record(received)
            return
        if not stub._authed(self.headers.get("Cookie")):
            stub._record(received)
            self._unauthorized()
            return
        boundary = None
        ctype = self.headers.get("Content-Type") or ""
        if ctype.split(";")[0].strip().lower() == "multipart/form-data":
            boundary = boundary_of(ctype)
            if boundary is None:
                stub._record(received)
                self._send(400, b"Missing boundary in multipart.", "text/plain; charset=utf-8")
                return
        if boundary is None:
            stub._record(_with_body(received, self._reader.read(MAX_RECORDED_BODY)))
            self._json(400, {"detail": "Invalid content type."})
            return
        head = bytearray()

        def read(size: int) -> bytes:
            data = self._reader.read(size)
            if len(head) < MAX_RECORDED_BODY:
                head.extend(data[: MAX_RECORDED_BODY - len(head)])
            return data

        try:
            parts = parse_multipart(read, boundary, stub.upload_dir)
        except MultipartError as exc:
            stub._record(_with_body(received, bytes(head)))
            self._send(400, str(exc).encode(), "text/plain; charset=utf-8")
            return
        stub._record(_with_body(received, bytes(head)))
        paths: list[str] = []
        try:
            for part in parts:
                if part.name != "files":
                    continue
                if part.path is None:
                    self._server_error("AttributeError: 'str' object has no attribute 'sha'")
                    return
                name = (
                    upload_name(part.filename or "", stub.gradio)
                    if part.filename
                    else (f"tmp{secrets.token_hex(5)}")
                )
                if name in ("", ".", ".."):
                    self._json(400, {"detail": f"Invalid file name: {name}"})
                    return
                folder = stub.upload_dir / part.sha256
                folder.mkdir(parents=True, exist_ok=True)
                dest = folder / name
                os.replace(part.path, dest)
                part.path = None
                paths.append(str(dest))
                with stub._lock:
                    stub.uploads.append(
                        {
                            "orig_name": part.filename or "",
                            "server_path": str(dest),
                            "size": part.size,
                            "sha256": part.sha256,
                        }
                    )
        finally:
            for part in parts:
                if part.path is not None:
                    part.path.unlink(missing_ok=True)
        self._json(200, paths)

    def _file(self, match: re.Match[str]) -> None:
        stub = self.stub
        target = match.group("file")
        if target.startswith(("http://", "https://")):
            if stub.gradio == 6:
                self._json(403, {"detail": f"File not allowed: {target}."})
            else:
                self._send(302, b"", None, [("location", target)])
            return
        if not stub._authed(self.headers.get("Cookie")):
            self._unauthorized()
            return
        denied = {"detail": f"File not allowed: {target}."}
        path = Path(os.path.realpath(os.path.abspath(target)))
        try:
            path.relative_to(stub.upload_dir)
            allowed = not path.name.startswith(".") and ".work" not in path.parts
        except ValueError:
            allowed = False
        if path.is_dir() or not allowed:
            self._json(403, denied)
            return
        if not path.is_file():
            if stub.gradio == 4:
                self._json(404, {"detail": f"File not found: {target}."})
            else:
                self._json(403, denied)
            return
        self._serve_file(path)

    def _serve_file(self, path: Path) -> None:
        stub = self.stub
        mime, _ = mimetypes.guess_type(path.name)
        if mime in _XSS_SAFE[stub.gradio]:
            media, disposition = mime or "application/octet-stream", "inline"
        else:
            media, disposition = "application/octet-stream", "attachment"
        if media.startswith("text/"):
            media += "; charset=utf-8"
        quoted = urllib.parse.quote(path.name)
        if quoted != path.name:
            disposition += f"; filename*=utf-8''{quoted}"
        else:
            disposition += f'; filename="{path.name}"'
        stat = path.stat()
        size = stat.st_size
        start, end = 0, size - 1
        status = 200
        extra = [("accept-ranges", "bytes")]
        ranged = re.fullmatch(r"bytes=(\d*)-(\d*)", (self.headers.get("Range") or "").strip())
        if ranged and (ranged.group(1) or ranged.group(2)) and size:
            first, last = ranged.group(1), ranged.group(2)
            if first:
                start = int(first)
                end = min(int(last), size - 1) if last else size - 1
            else:
                start = max(size - int(last), 0)
            if start > end or start >= size:
                self._send(416, b"", None, [("content-range", f"bytes */{size}")])
                return
            status = 206
            extra.append(("content-range", f"bytes {start}-{end}/{size}"))
        length = end - start + 1 if size else 0
        self._start(
            status,
            [
                ("content-type", media),
                *extra,
                ("content-disposition", disposition),
                ("content-length", str(length)),
                ("last-modified", formatdate(stat.st_mtime, usegmt=True)),
                ("etag", f'"{int(stat.st_mtime_ns):x}-{size:x}"'),
            ],
        )
        if self.command == "HEAD":
            return
        with path.open("rb") as fh:
            fh.seek(start)
            left = length
            while left > 0:
                data = fh.read(min(READ_CHUNK, left))
                if not data:
                    break
                self.wfile.write(data)
                left -= len(data)
        self.wfile.flush()


def _with_body(received: Received, body: bytes) -> Received:
    return Received(
        method=received.method,
        path=received.path,
        query=received.query,
        headers=received.headers,
        body=body,
        json=None,
        time=received.time,
    )


def _insert_state_slots(ep: Endpoint, data: list[Any]) -> list[Any]:
    """6's prepare_simple_api_data: fill State slots with None when only API inputs came."""
    if len(data) == len(ep.inputs):
        return data
    api_inputs = [c for c in ep.inputs if not c.skip_api]
    if len(data) != len(api_inputs):
        return data
    values = iter(data)
    return [None if c.skip_api else next(values) for c in ep.inputs]


def _traceback_text(last_line: str) -> str:
    """5.x answers a 500 with its debug traceback (FastAPI app built with debug=True)."""
    site = "/usr/local/lib/python3.11/site-packages"
    frames = [
        (
            "starlette/middleware/errors.py",
            164,
            "__call__",
            "await self.app(scope, receive, _send)",
        ),
        (
            "starlette/middleware/exceptions.py",
            63,
            "__call__",
            "await wrap_app_handling_exceptions(self.app, conn)(scope, receive, send)",
        ),
        (
            "starlette/routing.py",
            716,
            "__call__",
            "await self.middleware_stack(scope, receive, send)",
        ),
        ("starlette/routing.py", 736, "app", "await route.handle(scope, receive, send)"),
        ("fastapi/routing.py", 301, "app", "raw_response = await run_endpoint_function("),
        ("gradio/routes.py", 1323, "simple_predict_post", "fn = route_utils.get_fn("),
        ("gradio/route_utils.py", 303, "get_fn", "raise FnIndexInferError("),
    ]
    lines = ["Traceback (most recent call last):"]
    for file, line, func, code in frames:
        lines.append(f'  File "{site}/{file}", line {line}, in {func}')
        lines.append(f"    {code}")
    lines.append(last_line)
    return "\n".join(lines) + "\n"


def serve(
    gradio: int = 6,
    host: str = "127.0.0.1",
    port: int = 0,
    app: dict[str, Any] | None = None,
    heartbeat: float = 15.0,
    show_error: bool = False,
    faults: Faults | None = None,
) -> None:
    """Serve until SIGINT/SIGTERM: the root URL first on stdout, a note on stderr."""
    server = StubServer(
        gradio=gradio,
        host=host,
        port=port,
        app=app,
        heartbeat=heartbeat,
        show_error=show_error,
        faults=faults,
    )
    done = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
    try:
        server.start()
        sys.stdout.write(server.url + "\n")
        sys.stdout.flush()
        sys.stderr.write(
            f"curlgen stub: an imitation of Gradio {VERSIONS[gradio]} at {server.url} "
            f"(API prefix {server.prefix or 'none'}); Ctrl-C stops it\n"
        )
        sys.stderr.flush()
        while not done.wait(0.5):
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
