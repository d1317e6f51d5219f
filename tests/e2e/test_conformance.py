"""The stub against real Gradio: the same requests to both, the answers compared.

For each Gradio major (4, 5, 6) a test sends one topic's requests to the real test app and
to the stub running the equivalent app spec (tests/e2e/conftest.py), turns each answer into
what a client cares about (status, content type, body or the fields curlgen reads), with
ports, event ids, temp folders, hashes and random file names normalised, and asserts that
the stub's observations equal the real server's. A difference the stub has not fixed yet is
an `xfail(strict=True)` test that names it: it turns red once the stub is fixed.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from e2e_conftest import AUTH, MAJOR_IDS, MAJORS, RealApps, StubApps, Target

pytestmark = pytest.mark.e2e

# --------------------------------------------------------------------------- clients


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect as the answer instead of following it."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        """Never follow."""
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@dataclass
class Answer:
    """One HTTP answer as urllib saw it."""

    status: int
    headers: Message
    body: bytes
    complete: bool  # False: the connection ended before the body did

    @property
    def ctype(self) -> str | None:
        """The content-type header."""
        return self.headers.get("content-type")

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


def fetch(
    url: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
    timeout: float = 30,
) -> Answer:
    """Send one request with urllib; error statuses and cut streams are answers too."""
    req = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        response = OPENER.open(req, timeout=timeout)
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.headers, exc.read(), True)
    with response:
        try:
            return Answer(int(response.status), response.headers, response.read(), True)
        except Exception as exc:  # http.client.IncompleteRead: the server dropped the stream
            partial = getattr(exc, "partial", b"")
            return Answer(int(response.status), response.headers, partial, False)


def post_json(url: str, payload: Any, headers: dict[str, str] | None = None) -> Answer:
    """POST a JSON body with the JSON content type."""
    return fetch(url, json.dumps(payload).encode(), {**JSON, **(headers or {})})


def curl(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Run the real curl binary (never through a proxy)."""
    return subprocess.run(
        ["curl", "-sS", "--noproxy", "*", *args], capture_output=True, timeout=timeout, check=False
    )


def event_id_of(answer: Answer) -> str:
    """The event id of a successful call POST."""
    assert answer.status == 200, (answer.status, answer.body)
    match = re.fullmatch(rb'\{"event_id":"([0-9a-f]{32})"\}', answer.body)
    assert match, answer.body
    return match.group(1).decode()


def sse_get(t: Target, api: str, key: str, *extra: str) -> tuple[int, str]:
    """GET a call stream with curl -N: (curl exit code, the raw stream)."""
    res = curl("-N", "--max-time", "30", *extra, f"{t.api_url}/call/{api}/{key}")
    return res.returncode, res.stdout.decode("utf-8")


def call(t: Target, api: str, data: list[Any], **body: Any) -> tuple[int, str]:
    """POST a call, then GET its stream by event id with curl."""
    event_id = event_id_of(post_json(f"{t.api_url}/call/{api}", {"data": data, **body}))
    return sse_get(t, api, event_id)


def login_cookie(t: Target) -> str:
    """Log in to an auth app; the Cookie header value."""
    form = urllib.parse.urlencode({"username": AUTH[0], "password": AUTH[1]}).encode()
    answer = fetch(t.url + "/login", form, FORM)
    assert answer.status == 200, answer.body
    cookies = answer.headers.get_all("set-cookie") or []
    return "; ".join(c.split(";", 1)[0] for c in cookies)


def multipart(files: list[tuple[str, str, bytes]]) -> tuple[bytes, dict[str, str]]:
    """A multipart/form-data body of (field, file name, content) parts, and its header."""
    boundary = "curlgen-conformance-" + uuid.uuid4().hex
    parts = []
    for name, filename, content in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def tiny_png() -> bytes:
    """A valid 2x1 RGB PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- normalising


def norm(t: Target, value: Any) -> Any:
    """`value` (text, bytes or JSON-able) with what differs per server replaced by markers."""
    if isinstance(value, bytes):
        return norm(t, value.decode("utf-8", errors="replace"))
    if not isinstance(value, str):
        return json.loads(norm(t, json.dumps(value)))
    text = value.replace(t.temp_dir, "<TMP>")
    text = text.replace(t.root, "<ROOT>").replace(f"127.0.0.1:{t.port}", "<HOST>")
    text = re.sub(r"<TMP>/[^/\"\s]+/", "<TMP>/<HASH>/", text)  # <upload dir>/<hash>/<name>
    text = re.sub(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])", "<ID>", text)
    # tempfile names of the outputs of file_info and image_flip
    return re.sub(r"\b(report|flipped)-[A-Za-z0-9_]{8}\.", r"\1-<RANDOM>.", text)


def sse(text: str) -> list[tuple[str, Any]]:
    """(event, data) pairs of a raw stream; asserts the exact `event:/data:/blank` framing."""
    frames = re.findall(r"event: ([a-z_]+)\ndata: ([^\n]*)\n\n", text)
    rebuilt = "".join(f"event: {name}\ndata: {data}\n\n" for name, data in frames)
    assert rebuilt == text, f"not exact SSE framing: {text!r}"
    return [(name, json.loads(data)) for name, data in frames]


def compare(real_obs: Any, stub_obs: Any) -> None:
    """The stub's observations must equal the real server's; a failure lists what differs."""
    if stub_obs == real_obs:
        return
    lines = ["the stub answers differently from real Gradio:"]
    if isinstance(real_obs, dict) and isinstance(stub_obs, dict):
        for key in [*real_obs, *(k for k in stub_obs if k not in real_obs)]:
            mine, theirs = stub_obs.get(key, "<missing>"), real_obs.get(key, "<missing>")
            if mine != theirs:
                lines += [f"- {key}:", f"    real: {theirs!r}", f"    stub: {mine!r}"]
    else:
        lines += [f"    real: {real_obs!r}", f"    stub: {stub_obs!r}"]
    pytest.fail("\n".join(lines), pytrace=False)


def both(
    real: RealApps, stub: StubApps, major: int, app: str, observe: Callable[[Target], Any]
) -> None:
    """Observe the real app and the stub the same way and compare."""
    compare(observe(real.get(major, app)), observe(stub.get(major, app)))


# --------------------------------------------------------------------------- detection


def probe(t: Target, method: str, path: str) -> tuple[Any, ...]:
    """Status, content type and (short) body of one request to ROOT+path."""
    body = b"" if method == "POST" else None
    answer = fetch(t.root + path, body, FORM if method == "POST" else None, method=method)
    text = answer.body.decode("utf-8", errors="replace")
    short = answer.ctype == "application/json" and len(text) < 200
    shown = norm(t, text) if short else f"<{'no' if not text else 'a'} body>"
    location = answer.headers.get("location")
    return (answer.status, answer.ctype, shown, location and norm(t, location))


def detection(t: Target) -> dict[str, tuple[Any, ...]]:
    """The probes a client uses to tell the version and prefix apart."""
    mount = t.url[len(t.root) :]
    paths = [
        ("GET", "/config"),
        ("GET", "/info"),
        ("GET", "/gradio_api/info"),
        ("GET", "/gradio_api/config"),
        ("GET", "/call/reverse"),
        ("GET", "/gradio_api/call/reverse"),
        ("GET", "/call/reverse/"),
        ("GET", "/gradio_api/call/reverse/"),
        ("GET", "/upload"),
        ("GET", "/gradio_api/upload"),
        ("GET", "/login"),
        ("POST", "/login"),
        ("POST", "/gradio_api/login"),
        ("GET", "/login_check"),
        ("GET", "/gradio_api/login_check"),
        ("POST", "/call/v2/reverse"),
        ("GET", "/file=/etc/hostname"),
        ("GET", "/gradio_api/file=/etc/hostname"),
        ("HEAD", "/"),
        ("GET", "/"),
    ]
    return {f"{method} {path}": probe(t, method, mount + path) for method, path in paths}


@pytest.mark.parametrize("app", ["blocks_app", "mount_app"])
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_detection_probes(real: RealApps, stub: StubApps, major: int, app: str) -> None:
    """Statuses, content types and bodies of the detection probes match."""
    both(real, stub, major, app, detection)


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_mount_app_root_is_not_gradio(real: RealApps, stub: StubApps, major: int) -> None:
    """Outside the mount path nothing is Gradio's: /config and the prefix routes are 404."""

    def observe(t: Target) -> dict[str, tuple[Any, ...]]:
        paths = ["/config", "/info", "/gradio_api/info", "/gradio_api/call/reverse"]
        return {path: probe(t, "GET", path) for path in paths}

    both(real, stub, major, "mount_app", observe)


# --------------------------------------------------------------------------- /config


def config_of(t: Target) -> dict[str, Any]:
    """GET /config (logged in on the auth app)."""
    headers = {"Cookie": login_cookie(t)} if t.app == "auth_app" else {}
    answer = fetch(t.url + "/config", headers=headers)
    assert answer.status == 200, answer.body
    assert answer.ctype == "application/json"
    return answer.json()  # type: ignore[no-any-return]


def config_summary(t: Target) -> dict[str, Any]:
    """The /config fields curlgen reads, public dependencies only."""
    config = config_of(t)
    components = {c["id"]: c for c in config["components"]}

    def side(ids: list[int]) -> list[dict[str, Any]]:
        return [
            {"type": components[i]["type"], "skip_api": components[i].get("skip_api")} for i in ids
        ]

    deps = []
    for index, dep in enumerate(config["dependencies"]):
        public = dep.get("show_api", dep.get("api_visibility") == "public")
        if not public and dep.get("api_name") not in ("hidden", "private"):
            continue  # internal listeners: see test_config_all_dependencies
        deps.append(
            {
                "api_name": dep.get("api_name"),
                "id_is_position": dep.get("id") == index,
                "inputs": side(dep["inputs"]),
                "outputs": side(dep["outputs"]),
                "show_api": dep.get("show_api", "<absent>"),
                "api_visibility": dep.get("api_visibility", "<absent>"),
            }
        )
    top = ("version", "protocol", "mode", "enable_queue", "show_error", "auth_required")
    return norm(
        t,
        {
            **{key: config.get(key, "<absent>") for key in top},
            "api_prefix": config.get("api_prefix", "<absent>"),
            "root": config["root"],
            "top-level keys": sorted(config),
            "dependencies": deps,
        },
    )


@pytest.mark.parametrize("app", ["blocks_app", "interface_app", "auth_app", "mount_app"])
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_config(real: RealApps, stub: StubApps, major: int, app: str) -> None:
    """version, api_prefix, protocol, root, and each API dependency's component types."""
    both(real, stub, major, app, config_summary)


def all_dependencies(t: Target) -> list[tuple[Any, ...]]:
    """Every dependency of /config: api_name and visibility."""
    return [
        (d.get("api_name"), d.get("show_api", "<absent>"), d.get("api_visibility", "<absent>"))
        for d in config_of(t)["dependencies"]
    ]


@pytest.mark.parametrize("app", ["blocks_app", "interface_app"])
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_config_all_dependencies(real: RealApps, stub: StubApps, major: int, app: str) -> None:
    """The whole dependency list (the fallback when /info fails on 4.44.1) matches."""
    both(real, stub, major, app, all_dependencies)


# --------------------------------------------------------------------------- info


def info_summary(t: Target) -> dict[str, Any]:
    """The info schema fields curlgen reads."""
    headers = {"Cookie": login_cookie(t)} if t.app == "auth_app" else {}
    answer = fetch(t.api_url + "/info", headers=headers)
    assert answer.status == 200, answer.body
    assert answer.ctype == "application/json"
    info = answer.json()
    out: dict[str, Any] = {"keys": sorted(info), "unnamed": info["unnamed_endpoints"]}
    for name, ep in info["named_endpoints"].items():
        params = [
            {
                **{
                    key: p.get(key, "<absent>")
                    for key in (
                        "label",
                        "parameter_name",
                        "component",
                        "parameter_has_default",
                        "parameter_default",
                        "python_type",
                        "type",
                        "example_input",
                    )
                },
                "keys": sorted(p),
            }
            for p in ep["parameters"]
        ]
        returns = [
            {key: r.get(key, "<absent>") for key in ("label", "component", "python_type", "type")}
            for r in ep["returns"]
        ]
        out[name] = {
            "keys": sorted(ep),
            "show_api": ep.get("show_api", "<absent>"),
            "api_visibility": ep.get("api_visibility", "<absent>"),
            "description": ep.get("description", "<absent>"),
            "code_snippets": sorted(ep.get("code_snippets", {})),
            "parameters": params,
            "returns": returns,
        }
    return norm(t, out)


@pytest.mark.parametrize("app", ["blocks_app", "interface_app", "auth_app", "mount_app"])
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_info_schema(real: RealApps, stub: StubApps, major: int, app: str) -> None:
    """Endpoint names, parameters, returns and per-version keys of the info schema match."""
    both(real, stub, major, app, info_summary)


# --------------------------------------------------------------------------- POST


def post_answers(t: Target) -> dict[str, Any]:
    """Status, content type and exact body of the POST cases of the protocol doc."""
    url = f"{t.api_url}/call/reverse"
    cases: dict[str, tuple[bytes | None, dict[str, str]]] = {
        "success": (b'{"data": ["hello"]}', JSON),
        "trailing slash": (b'{"data": ["hello"]}', JSON),
        "too many values": (b'{"data": ["a", "b"]}', JSON),
        "too few values": (b'{"data": []}', JSON),
        "with session_hash": (b'{"data": ["a"], "session_hash": "s"}', JSON),
        "invalid JSON": (b'{"data": ["hello"]', JSON),
        "empty object": (b"{}", JSON),
        "data not a list": (b'{"data": "hello"}', JSON),
        "empty body": (b"", JSON),
        "form content type (plain curl -d)": (b'{"data": ["hello"]}', FORM),
        "session_hash not a string": (b'{"data": ["a"], "session_hash": 5}', JSON),
        "list body": (b'["hello"]', JSON),
    }
    out: dict[str, Any] = {}
    for name, (body, headers) in cases.items():
        target = url + "/" if name == "trailing slash" else url
        answer = fetch(target, body, headers, method="POST")
        out[name] = (answer.status, answer.ctype, norm(t, answer.body))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_post_answers(real: RealApps, stub: StubApps, major: int) -> None:
    """POST success bytes and every malformed-body 422 are byte-identical."""
    both(real, stub, major, "blocks_app", post_answers)


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_post_without_content_type(real: RealApps, stub: StubApps, major: int) -> None:
    """A JSON body sent with no Content-Type header at all (curl -H 'Content-Type:')."""

    def observe(t: Target) -> tuple[Any, ...]:
        res = curl(
            "-H",
            "Content-Type:",
            "--data-binary",
            '{"data": ["hello"]}',
            "-w",
            "\n%{http_code} %{content_type}",
            f"{t.api_url}/call/reverse",
        )
        return norm(t, res.stdout)

    both(real, stub, major, "blocks_app", observe)


def unknown_api(t: Target) -> tuple[Any, ...]:
    """POST to an api name that does not exist: status, type, body (5.x: last line)."""
    answer = post_json(f"{t.api_url}/call/no_such_api", {"data": ["x"]})
    text = answer.body.decode()
    lines = text.strip().splitlines()
    shown = lines[-1] if text.startswith("Traceback") else text
    return answer.status, answer.ctype, text.startswith("Traceback"), shown


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_unknown_api(real: RealApps, stub: StubApps, major: int) -> None:
    """Unknown api_name: 500; 5.x with a traceback ending in FnIndexInferError."""
    both(real, stub, major, "blocks_app", unknown_api)


# --------------------------------------------------------------------------- SSE


def streams(t: Target) -> dict[str, Any]:
    """Raw streams (exact bytes, normalised) and curl's exit code for each kind of outcome."""
    hostile = 'it\'s "q" $HOME `id` \\ back\nnew\tline é 😀'
    cases: dict[str, tuple[str, list[Any]]] = {
        "reverse": ("reverse", ["hello"]),
        "reverse hostile": ("reverse", [hostile]),
        "echo hostile": ("echo", [hostile]),
        "multi": ("multi", ["hi", True, 3]),
        "multi float times": ("multi", ["ab", False, 2.0]),
        "stream": ("stream", ["a b c"]),
        "stream_fail": ("stream_fail", ["s"]),
        "fail": ("fail", ["boom"]),
        "crash": ("crash", ["boom"]),
        "too few values": ("reverse", []),
        "too many values": ("reverse", ["a", "b"]),
        "number for a Textbox": ("reverse", [5]),
        "string for a Slider": ("multi", ["hi", False, "many"]),
        "null for a Textbox": ("reverse", [None]),
    }
    out: dict[str, Any] = {}
    for name, (api, data) in cases.items():
        code, raw = call(t, api, data)
        out[name] = (code, norm(t, raw), sse(raw))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_sse_streams(real: RealApps, stub: StubApps, major: int) -> None:
    """Event sequences, framing and final/error data of every kind of call."""
    both(real, stub, major, "blocks_app", streams)


def unknown_event(t: Target) -> dict[str, Any]:
    """GET an event id that was never issued, with urllib and with curl."""
    url = f"{t.api_url}/call/reverse/{'0' * 32}"
    answer = fetch(url)
    res = curl("-N", "--max-time", "20", url)
    return {
        "urllib": (answer.status, answer.ctype, answer.body.decode(), answer.complete),
        "curl": (res.returncode, res.stdout.decode(), res.stderr.decode().strip()),
    }


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_unknown_event_id(real: RealApps, stub: StubApps, major: int) -> None:
    """One error event, then the connection ends without the last chunk: curl exits 18."""
    both(real, stub, major, "blocks_app", unknown_event)


def other_api_segment(t: Target) -> tuple[Any, ...]:
    """The api segment of the GET is ignored: only the event id counts."""
    event_id = event_id_of(post_json(f"{t.api_url}/call/reverse", {"data": ["abc"]}))
    code, raw = sse_get(t, "not_the_same_api", event_id)
    return code, sse(raw)


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_get_ignores_the_api_segment(real: RealApps, stub: StubApps, major: int) -> None:
    """GET .../call/<other api>/<id> streams the result of <id>."""
    both(real, stub, major, "blocks_app", other_api_segment)


# --------------------------------------------------------------------------- State


def state_semantics(t: Target) -> dict[str, Any]:
    """The counter with and without session_hash, GET by event id and by session hash."""
    out: dict[str, Any] = {}
    url = f"{t.api_url}/call/counter"
    out["no session, [1, null], twice"] = [sse(call(t, "counter", [1, None])[1]) for _ in range(2)]
    out["no session, [1] (State left out)"] = sse(call(t, "counter", [1])[1])

    by_id = f"by-id-{uuid.uuid4().hex[:8]}"
    steps = []
    for step in (1, 2):
        event_id = event_id_of(post_json(url, {"data": [step, None], "session_hash": by_id}))
        code, raw = sse_get(t, "counter", event_id)
        steps.append((code, sse(raw)))
    out["session, GET by event id"] = steps
    if t.major < 6:
        # the failed GETs above leave their events pending in the session; collect them
        code, raw = sse_get(t, "counter", by_id)
        out["session, the pending events by session hash"] = (code, sse(raw))

    by_session = f"by-session-{uuid.uuid4().hex[:8]}"
    steps = []
    for step in (1, 2, 3):
        event_id_of(post_json(url, {"data": [step, None], "session_hash": by_session}))
        code, raw = sse_get(t, "counter", by_session)
        steps.append((code, sse(raw)))
    out["session, GET by session hash"] = steps

    two = f"two-{uuid.uuid4().hex[:8]}"
    first = event_id_of(post_json(url, {"data": [10, None], "session_hash": two}))
    second = event_id_of(post_json(url, {"data": [100, None], "session_hash": two}))
    time.sleep(0.5)  # both done before the GET
    key = first if t.major >= 6 else two
    code, raw = sse_get(t, "counter", key)
    out["two POSTs, then one GET"] = (code, sse(raw))
    if t.major >= 6:
        code, raw = sse_get(t, "counter", second)
        out["two POSTs, then GET of the second id"] = (code, sse(raw))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_state_and_session_hash(real: RealApps, stub: StubApps, major: int) -> None:
    """State slots, per-session state, and which GET works with a session hash."""
    both(real, stub, major, "blocks_app", state_semantics)


def v2_streams(t: Target) -> dict[str, Any]:
    """/call/v2: POST answers and the streams of its event ids."""
    out: dict[str, Any] = {}
    cases: dict[str, tuple[str, Any]] = {
        "multi keywords": ("multi", {"text": "hi", "shout": True}),
        "counter defaults": ("counter", {}),
        "unknown key": ("reverse", {"nope": 1}),
        "session_hash key": ("reverse", {"text": "a", "session_hash": "s"}),
        "data key": ("reverse", {"data": ["a"]}),
        "list body": ("reverse", ["a"]),
        "unknown api": ("no_such_api", {"text": "a"}),
    }
    for name, (api, payload) in cases.items():
        answer = post_json(f"{t.api_url}/call/v2/{api}", payload)
        seen: list[Any] = [answer.status, answer.ctype, norm(t, answer.body)]
        if answer.status == 200:
            code, raw = sse_get(t, api, event_id_of(answer))
            seen += [code, sse(raw)]
        out[name] = seen
    if t.major < 6:
        return out
    # the stream can also be read under /call/v2/<api>/<id>
    event_id = event_id_of(post_json(f"{t.api_url}/call/v2/reverse", {"text": "abc"}))
    res = curl("-N", "--max-time", "30", f"{t.api_url}/call/v2/reverse/{event_id}")
    out["GET under /call/v2"] = (res.returncode, sse(res.stdout.decode()))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_call_v2(real: RealApps, stub: StubApps, major: int) -> None:
    """The keyword route: 6 only, defaults, 500 for unknown keys, 422 for a list."""
    both(real, stub, major, "blocks_app", v2_streams)


# --------------------------------------------------------------------------- files

UPLOAD_NAMES = ["hello.txt", "with space ü é.txt", "we'ird $name`!{x}.txt", "noext", "a.b.c.tar.gz"]


def uploads(t: Target) -> dict[str, Any]:
    """Upload answers, the names the server keeps, and file= downloads."""
    out: dict[str, Any] = {}
    files = [("files", name, f"content of {name}\n".encode()) for name in UPLOAD_NAMES]
    body, headers = multipart(files)
    answer = fetch(f"{t.api_url}/upload", body, headers)
    paths = answer.json()
    out["upload several"] = (answer.status, answer.ctype, norm(t, paths))
    assert all(p.startswith(t.temp_dir + "/") for p in paths), paths
    body, headers = multipart([("file", "hello.txt", b"x")])
    answer = fetch(f"{t.api_url}/upload", body, headers)
    out["wrong field name"] = (answer.status, answer.ctype, answer.body.decode())
    answer = fetch(f"{t.api_url}/upload", b"files=x", FORM)
    out["not multipart"] = (answer.status, answer.ctype, answer.body.decode())
    downloads = []
    for path in paths:
        answer = fetch(f"{t.api_url}/file={urllib.parse.quote(path)}")
        downloads.append((answer.status, answer.ctype, answer.body.decode()))
    out["file= of each upload"] = downloads
    # curl -F, the way the generated scripts upload, with a name that needs quoting
    res = curl("-F", "files=@-;filename=from curl.txt", f"{t.api_url}/upload", timeout=30)
    out["curl -F"] = (res.returncode, norm(t, res.stdout))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_uploads(real: RealApps, stub: StubApps, major: int) -> None:
    """Upload answers: absolute paths, kept names, [] for a wrong field, 400 not multipart."""
    both(real, stub, major, "blocks_app", uploads)


def file_route(t: Target) -> dict[str, Any]:
    """file= for files outside the temp folder and for missing ones."""
    cases = {
        "outside (/etc/hostname)": "/etc/hostname",
        "missing, outside": "/tmp/curlgen-no-such-file.txt",
        "missing, inside the temp folder": f"{t.temp_dir}/{'0' * 64}/missing.txt",
        "the temp folder itself": t.temp_dir,
        "relative path": "etc/hostname",
    }
    out = {}
    for name, path in cases.items():
        answer = fetch(f"{t.api_url}/file={urllib.parse.quote(path)}")
        out[name] = (answer.status, answer.ctype, norm(t, answer.body))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_file_route_refusals(real: RealApps, stub: StubApps, major: int) -> None:
    """403 outside the allowed folders; what a missing file gets."""
    both(real, stub, major, "blocks_app", file_route)


def upload_one(t: Target, name: str, content: bytes) -> str:
    """Upload one file; its server path."""
    body, headers = multipart([("files", name, content)])
    answer = fetch(f"{t.api_url}/upload", body, headers)
    assert answer.status == 200, answer.body
    (path,) = answer.json()
    return str(path)


def report_data(t: Target, raw: str) -> list[tuple[str, Any]]:
    """The stream with each returned FileData reduced to what is stable."""
    events = []
    for event, data in sse(raw):
        if isinstance(data, list):
            data = [_filedata(item) if _is_filedata(item) else item for item in data]
        events.append((event, norm(t, data)))
    return events


def _is_filedata(value: Any) -> bool:
    return isinstance(value, dict) and "path" in value and "meta" in value


def _filedata(value: dict[str, Any]) -> dict[str, Any]:
    """A returned FileData with its size as a type (a report's size includes its path)."""
    out = dict(value)
    if isinstance(out.get("size"), int):
        out["size"] = "<int>"  # report sizes include the server path
    return out


def file_inputs(t: Target) -> dict[str, Any]:
    """file_info with the shapes a client may send, and the FileData it returns."""
    path = upload_one(t, "hello.txt", b"hello file\n")
    meta = {"_type": "gradio.FileData"}
    cases: dict[str, Any] = {
        "path + meta": {"path": path, "meta": meta},
        "path only": {"path": path},
        "bare string": path,
        "not uploaded (/etc/hostname) + meta": {"path": "/etc/hostname", "meta": meta},
        "url only + meta": {"url": f"{t.api_url}/file={path}", "meta": meta},
        "null": None,
    }
    out: dict[str, Any] = {}
    for name, value in cases.items():
        code, raw = call(t, "file_info", [value])
        out[name] = (code, report_data(t, raw))
    return out


def own_file_route(t: Target, form: str) -> tuple[Any, ...]:
    """file_info given a path that points at the server's own file= route."""
    path = upload_one(t, "hello.txt", b"hello file\n")
    value = {
        "relative": f"{t.prefix}/file={path}",
        "absolute": f"{t.api_url}/file={path}",
    }[form]
    code, raw = call(t, "file_info", [{"path": value, "meta": {"_type": "gradio.FileData"}}])
    return code, report_data(t, raw)


@pytest.mark.parametrize(
    ("major", "form"),
    [
        (4, "relative"),
        (5, "relative"),
        (6, "relative"),
        (4, "absolute"),
        (5, "absolute"),
        (6, "absolute"),
    ],
    ids=lambda v: f"gradio{v}" if isinstance(v, int) else v,
)
def test_file_input_own_file_route(real: RealApps, stub: StubApps, major: int, form: str) -> None:
    """A file input that names the server's own $P/file= route (relative or absolute URL)."""
    both(real, stub, major, "blocks_app", lambda t: own_file_route(t, form))


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_file_inputs(real: RealApps, stub: StubApps, major: int) -> None:
    """File inputs with and without meta, bare strings, foreign paths, URLs."""
    both(real, stub, major, "blocks_app", file_inputs)


def file_outputs(t: Target) -> dict[str, Any]:
    """Returned FileData dicts (keys, url per version) and what their urls download."""
    out: dict[str, Any] = {}
    meta = {"_type": "gradio.FileData"}
    path = upload_one(t, "hello.txt", b"hello file\n")
    image = upload_one(t, "pixel.png", tiny_png())
    for name, api, data in (
        ("file_info", "file_info", [{"path": path, "meta": meta}]),
        ("image_flip", "image_flip", [{"path": image, "meta": meta}]),
        ("file_out", "file_out", ["hello from curlgen"]),
    ):
        _code, raw = call(t, api, data)
        events = sse(raw)
        assert events[-1][0] == "complete", raw
        result = events[-1][1][0]
        via_url = fetch(_quoted_url(result["url"]))
        via_path = fetch(f"{t.api_url}/file={urllib.parse.quote(result['path'])}")
        out[name] = {
            "keys": sorted(result),
            "size": type(result["size"]).__name__,
            "orig_name": norm(t, result["orig_name"]),
            "mime_type": result["mime_type"],
            "is_stream": result["is_stream"],
            "meta": result["meta"],
            "path": norm(t, result["path"]),
            "url": norm(t, result["url"]),
            "GET url": (via_url.status, via_url.ctype),
            "GET $P/file=<path>": (
                via_path.status,
                via_path.ctype,
                norm(t, via_path.headers.get("content-disposition")),
            ),
        }
        if name == "file_out":
            out[name]["content"] = via_path.body.decode()
    return out


def _quoted_url(url: str) -> str:
    """A url as curl would send it (4.44.1's has raw spaces and non-ASCII)."""
    return urllib.parse.quote(url, safe=":/=%?&")


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_file_outputs(real: RealApps, stub: StubApps, major: int) -> None:
    """FileData keys, url shape (4.44.1's broken /cal/file=), downloads by url and by path."""
    both(real, stub, major, "blocks_app", file_outputs)


def files_multi(t: Target) -> dict[str, Any]:
    """gr.File(file_count="multiple"): a list, one FileData, an empty list."""
    meta = {"_type": "gradio.FileData"}
    a = upload_one(t, "a.txt", b"alpha\n")
    b = upload_one(t, "b b.txt", b"bravo!!\n")
    out: dict[str, Any] = {}
    for name, value in (
        ("two files", [{"path": a, "meta": meta}, {"path": b, "meta": meta}]),
        ("one FileData, no list", {"path": a, "meta": meta}),
        ("empty list", []),
    ):
        code, raw = call(t, "files_multi", [value])
        out[name] = (code, norm(t, sse(raw)))
    return out


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_files_multi(real: RealApps, stub: StubApps, major: int) -> None:
    """A multiple-file input."""
    both(real, stub, major, "blocks_app", files_multi)


# --------------------------------------------------------------------------- auth


def _cookie_shape(header: str) -> str:
    """A set-cookie header with its random parts replaced."""
    text = re.sub(r"^access-token-(unsecure-)?[A-Za-z0-9_-]{43}=", r"access-token-\1<ID>=", header)
    return re.sub(r"=[A-Za-z0-9_-]{22};", "=<TOKEN>;", text)


def auth_answers(t: Target) -> dict[str, Any]:
    """Login form, cookies, 401 bodies everywhere, and what the cookie opens."""
    out: dict[str, Any] = {}
    form = urllib.parse.urlencode({"username": AUTH[0], "password": AUTH[1]}).encode()
    answer = fetch(t.url + "/login", form, FORM)
    cookies = answer.headers.get_all("set-cookie") or []
    out["login"] = (
        answer.status,
        answer.ctype,
        answer.body.decode(),
        [_cookie_shape(c) for c in cookies],
    )
    names = [c.split("=", 1)[0] for c in cookies]
    assert names[1] == names[0].replace("access-token-", "access-token-unsecure-", 1), names
    assert len({c.split(";")[0].split("=", 1)[1] for c in cookies}) == 1  # one token, two names
    cookie = {"Cookie": "; ".join(c.split(";", 1)[0] for c in cookies)}
    bad = urllib.parse.urlencode({"username": AUTH[0], "password": "wrong"}).encode()
    answer = fetch(t.url + "/login", bad, FORM)
    out["wrong password"] = (answer.status, answer.ctype, answer.body.decode())
    answer = post_json(t.url + "/login", {"username": AUTH[0], "password": AUTH[1]})
    out["JSON login body"] = (answer.status, answer.ctype, answer.body.decode())
    answer = fetch(t.url + f"{t.prefix}/login", form, FORM)
    out["login under the prefix"] = (answer.status, answer.ctype, answer.body.decode())

    event_id = event_id_of(post_json(f"{t.api_url}/call/reverse", {"data": ["abc"]}, cookie))
    upload, up_headers = multipart([("files", "x.txt", b"x")])
    answer = fetch(f"{t.api_url}/upload", upload, {**up_headers, **cookie})
    assert answer.status == 200, answer.body
    uploaded = urllib.parse.quote(answer.json()[0])
    requests: dict[str, tuple[str, bytes | None, dict[str, str]]] = {
        "GET /config": (t.url + "/config", None, {}),
        "GET info": (t.api_url + "/info", None, {}),
        "GET other prefix info": (
            t.url + ("/gradio_api/info" if t.major == 4 else "/info"),
            None,
            {},
        ),
        "POST call": (f"{t.api_url}/call/reverse", b'{"data": ["a"]}', JSON),
        "SSE GET of an id made with the cookie": (f"{t.api_url}/call/reverse/{event_id}", None, {}),
        "POST upload": (f"{t.api_url}/upload", upload, up_headers),
        "GET login_check": (f"{t.api_url}/login_check", None, {}),
        "GET file= of a file uploaded with the cookie": (f"{t.api_url}/file={uploaded}", None, {}),
        "POST call with a bearer header only": (
            f"{t.api_url}/call/reverse",
            b'{"data": ["a"]}',
            {**JSON, "Authorization": "Bearer hf_x"},
        ),
        "GET / (login page)": (t.url + "/", None, {}),
    }
    for name, (url, body, headers) in requests.items():
        answer = fetch(url, body, headers, method="POST" if body is not None else "GET")
        shown: Any = norm(t, answer.body)
        if name == "GET / (login page)":
            shown = _page_config(t, answer.body)
        out[f"no cookie: {name}"] = (answer.status, answer.ctype, shown)
    code, raw = sse_get(t, "reverse", event_id, "-H", "Cookie: " + cookie["Cookie"])
    out["cookie: SSE GET"] = (code, sse(raw))
    answer = fetch(f"{t.api_url}/login_check", headers=cookie)
    out["cookie: login_check"] = (answer.status, answer.body.decode())
    answer = fetch(t.url + "/config", headers=cookie)
    out["cookie: /config"] = (answer.status, answer.json().get("version"))
    answer = fetch(f"{t.api_url}/file={uploaded}", headers=cookie)
    out["cookie: file="] = (answer.status, answer.body.decode())
    return out


def _page_config(t: Target, page: bytes) -> Any:
    """window.gradio_config of the HTML page (the login page's small one before login)."""
    match = re.search(rb"window\.gradio_config\s*=\s*(\{.*?\});\s*</script>", page, re.DOTALL)
    if match is None:
        return "<no window.gradio_config>"
    return norm(t, json.loads(match.group(1)))


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_auth(real: RealApps, stub: StubApps, major: int) -> None:
    """Login form and cookies, 400/422 bodies, 401 bodies per version, the login page."""
    both(real, stub, major, "auth_app", auth_answers)


def curl_jar_login(t: Target, tmp: Path) -> dict[str, Any]:
    """Log in with curl -c, call with -b, as the generated commands do."""
    jar = tmp / f"{t.kind}-{t.major}.txt"
    res = curl(
        "-c",
        str(jar),
        "--data-urlencode",
        f"username={AUTH[0]}",
        "--data-urlencode",
        f"password={AUTH[1]}",
        t.url + "/login",
    )
    login = (res.returncode, res.stdout.decode())
    jar_names = sorted(
        re.sub(r"-[A-Za-z0-9_-]{43}$", "-<ID>", line.split("\t")[5])
        for line in jar.read_text().splitlines()
        if line.count("\t") >= 6
    )
    res = curl(
        "-b",
        str(jar),
        "-H",
        "Content-Type: application/json",
        "-d",
        '{"data": ["abc"]}',
        f"{t.api_url}/call/reverse",
    )
    event_id = re.fullmatch(r'\{"event_id":"([0-9a-f]{32})"\}', res.stdout.decode())
    assert event_id, res.stdout
    code, raw = sse_get(t, "reverse", event_id.group(1), "-b", str(jar))
    return {"login": login, "jar": jar_names, "call": (code, sse(raw))}


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_auth_with_curl_cookie_jar(
    real: RealApps, stub: StubApps, major: int, tmp_path: Path
) -> None:
    """curl -c/-b: the jar gets both cookies and they open the call and its stream."""
    both(real, stub, major, "auth_app", lambda t: curl_jar_login(t, tmp_path))


# --------------------------------------------------------------------------- heartbeats

BEAT = 0.5


def heartbeats(t: Target) -> dict[str, Any]:
    """slow(2) with heartbeats every 0.5 s; a second GET of a consumed id: heartbeats only."""
    event_id = event_id_of(post_json(f"{t.api_url}/call/slow", {"data": [2]}))
    code, raw = sse_get(t, "slow", event_id)
    events = sse(raw)
    beats = [e for e in events if e[0] == "heartbeat"]
    assert set(beats) == {("heartbeat", None)}
    assert 2 <= len(beats) <= 5, raw
    again = curl("-N", "--max-time", "1.6", f"{t.api_url}/call/slow/{event_id}")
    again_events = sse(again.stdout.decode())
    assert 2 <= len(again_events) <= 4, again.stdout
    return {
        "slow(2)": (code, [e for e in events if e[0] != "heartbeat"], events[0]),
        "heartbeat frame": "event: heartbeat\ndata: null\n\n" in raw,
        "second GET": (again.returncode, set(again_events)),
    }


def test_heartbeats_on_6(real: RealApps, stub: StubApps) -> None:
    """Heartbeat framing and the hanging second GET (6 lets the interval be lowered)."""
    real_t = real.get(6, "blocks_app", env={"GRADIO_HEARTBEAT_INTERVAL": str(BEAT)})
    stub_t = stub.get(6, "blocks_app", heartbeat=BEAT)
    compare(heartbeats(real_t), heartbeats(stub_t))


# --------------------------------------------------------------------------- other apps


def interface_call(t: Target) -> dict[str, Any]:
    """The Interface's endpoint (predict on 4/5, shout on 6) and the other name."""
    name, other = ("shout", "predict") if t.major >= 6 else ("predict", "shout")
    answer = post_json(f"{t.api_url}/call/{other}", {"data": ["hi"]})
    code, raw = call(t, name, ["hi"])
    return {
        name: (code, sse(raw)),
        f"{other} (absent)": (answer.status, answer.ctype, unknown_api_text(answer.body)),
    }


def unknown_api_text(body: bytes) -> str:
    """A 500 body, or the last line of 5.x's traceback."""
    text = body.decode()
    return text.strip().splitlines()[-1] if text.startswith("Traceback") else text


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_interface_app_calls(real: RealApps, stub: StubApps, major: int) -> None:
    """gr.Interface: /predict on 4/5, /shout on 6; the other name is a 500."""
    both(real, stub, major, "interface_app", interface_call)


def mount_calls(t: Target) -> dict[str, Any]:
    """reverse under /gradio, its stream, and an upload there."""
    code, raw = call(t, "reverse", ["hello"])
    path = upload_one(t, "m.txt", b"mounted\n")
    answer = fetch(f"{t.api_url}/file={urllib.parse.quote(path)}")
    return {
        "reverse": (code, sse(raw)),
        "upload path": norm(t, path),
        "file=": (answer.status, answer.body.decode()),
    }


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_mount_app_calls(real: RealApps, stub: StubApps, major: int) -> None:
    """A call, an upload and a download under the mount path."""
    both(real, stub, major, "mount_app", mount_calls)
