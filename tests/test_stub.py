"""The stub server, driven with the real curl binary (as generated scripts do) and urllib.

Each row of shared/gradio-transcripts that the stub imitates is checked here, per Gradio major
version: status codes, content types, bodies, SSE bytes, session semantics, auth, uploads,
file= downloads, the fault modes and the control surface.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curlgen.errors import UsageProblem
from curlgen.stub import DEFAULT_APP, Faults, StubServer, load_app, upload_name

ROOT = Path(__file__).resolve().parent.parent
APPS = Path(__file__).resolve().parent / "stub_apps"
REAL = Path(__file__).resolve().parent / "fixtures" / "real"
VERSIONS = (4, 5, 6)
EVENT_ID = re.compile(rb'\{"event_id":"[0-9a-f]{32}"\}')
JSON = ["-H", "Content-Type: application/json"]


# --- helpers ---------------------------------------------------------------------------------


@dataclass
class Resp:
    """What curl saw."""

    rc: int
    status: int
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""
    stderr: str = ""

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    def events(self) -> list[tuple[str, Any]]:
        """The SSE messages, heartbeats included."""
        return parse_sse(self.body)


def curl(*args: str, timeout: float = 20) -> Resp:
    """Run curl -sS -i with the args; parse the status, headers and body."""
    proc = subprocess.run(
        ["curl", "-sS", "-i", *args], capture_output=True, timeout=timeout, check=False
    )
    out = proc.stdout
    status = 0
    headers: dict[str, list[str]] = {}
    while out.startswith(b"HTTP/"):
        head, _, rest = out.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.decode("latin-1").partition(":")
            headers.setdefault(name.strip().lower(), []).append(value.strip())
        out = rest
        if status != 100:
            break
    return Resp(proc.returncode, status, headers, out, proc.stderr.decode(errors="replace"))


def parse_sse(raw: bytes) -> list[tuple[str, Any]]:
    """Split `event: X\\ndata: JSON\\n\\n` messages, checking the framing on the way."""
    messages = []
    text = raw.decode("ascii")
    for block in text.split("\n\n"):
        if not block:
            continue
        lines = block.split("\n")
        assert len(lines) == 2, block
        assert lines[0].startswith("event: ") and lines[1].startswith("data: "), block
        messages.append((lines[0][7:], json.loads(lines[1][6:])))
    return messages


def post(srv: StubServer, api: str, body: Any, *extra: str, raw: bool = False) -> Resp:
    """POST a JSON body to P/call/<api>."""
    data = body if raw else json.dumps(body)
    return curl("-X", "POST", *JSON, *extra, "-d", data, f"{srv.url}{srv.prefix}/call/{api}")


def call(srv: StubServer, api: str, data: list[Any], *extra: str, **body: Any) -> str:
    """POST data, return the event id."""
    resp = post(srv, api, {"data": data, **body}, *extra)
    assert resp.status == 200, resp
    assert EVENT_ID.fullmatch(resp.body), resp.body
    return str(resp.json["event_id"])


def sse(srv: StubServer, api: str, event_id: str, *extra: str, max_time: float = 15) -> Resp:
    """GET the stream of an event (or session hash)."""
    return curl(
        "-N",
        "--max-time",
        str(max_time),
        *extra,
        f"{srv.url}{srv.prefix}/call/{api}/{event_id}",
        timeout=max_time + 10,
    )


def result(srv: StubServer, api: str, data: list[Any], **body: Any) -> list[tuple[str, Any]]:
    """POST then GET; the messages without heartbeats."""
    resp = sse(srv, api, call(srv, api, data, **body))
    return [m for m in resp.events() if m[0] != "heartbeat"]


def start(version: int, app: dict[str, Any] | None = None, **kw: Any) -> StubServer:
    kw.setdefault("heartbeat", 0.2)
    return StubServer(gradio=version, app=app, **kw).start()


@pytest.fixture(params=VERSIONS, ids=lambda v: f"gradio{v}")
def srv(request: pytest.FixtureRequest) -> Iterator[StubServer]:
    server = start(request.param)
    yield server
    server.stop()


@pytest.fixture(params=VERSIONS, ids=lambda v: f"gradio{v}")
def quiet(request: pytest.FixtureRequest) -> Iterator[StubServer]:
    """A server whose heartbeat never comes in a test, for exact stream bytes."""
    server = start(request.param, heartbeat=30)
    yield server
    server.stop()


def fast_app(**extra: Any) -> dict[str, Any]:
    """DEFAULT_APP with 0.05 s between stream parts."""
    app = json.loads(json.dumps(DEFAULT_APP))
    for ep in app["endpoints"]:
        if ep["fn"] in ("stream", "stream_fail"):
            ep["options"] = {"interval": 0.05}
    app.update(extra)
    return app


def upload(
    srv: StubServer, *files: Path, field_name: str = "files", extra: tuple[str, ...] = ()
) -> Resp:
    args = []
    for f in files:
        args += ["-F", f"{field_name}=@{f}"]
    return curl("-X", "POST", *args, *extra, f"{srv.url}{srv.prefix}/upload")


def filedata(path: str) -> dict[str, Any]:
    return {"path": path, "meta": {"_type": "gradio.FileData"}}


# --- detection, config, info ---------------------------------------------------------------


def test_detection_table(srv: StubServer) -> None:
    base = srv.url
    expected = {
        4: {
            "/info": 200,
            "/gradio_api/info": 404,
            "/gradio_api/config": 404,
            "/call/reverse": 405,
            "/gradio_api/call/reverse": 404,
            "/upload": 405,
            "/gradio_api/upload": 404,
        },
        5: {
            "/info": 404,
            "/gradio_api/info": 200,
            "/gradio_api/config": 404,
            "/call/reverse": 404,
            "/gradio_api/call/reverse": 405,
            "/upload": 404,
            "/gradio_api/upload": 405,
        },
    }
    expected[6] = expected[5]
    for path, status in expected[srv.gradio].items():
        resp = curl(base + path)
        assert resp.status == status, path
        if status == 404:
            assert resp.body == b'{"detail":"Not Found"}'
        if status == 405:
            assert resp.body == b'{"detail":"Method Not Allowed"}'
    config = curl(base + "/config").json
    assert config["version"] == {4: "4.44.1", 5: "5.50.0", 6: "6.31.0"}[srv.gradio]
    assert config["protocol"] == "sse_v3"
    assert config["mode"] == "blocks"
    assert config["enable_queue"] is True
    assert config["root"] == base
    if srv.gradio == 4:
        assert "api_prefix" not in config
    else:
        assert config["api_prefix"] == "/gradio_api"


def test_config_components_and_dependencies(srv: StubServer) -> None:
    config = curl(srv.url + "/config").json
    comps = {c["id"]: c for c in config["components"]}
    deps = {d["api_name"]: d for d in config["dependencies"]}
    counter = deps["counter"]
    state_id = counter["inputs"][1]
    assert comps[state_id]["type"] == "state" and comps[state_id]["skip_api"] is True
    assert counter["outputs"][1] == state_id or comps[counter["outputs"][1]]["type"] == "state"
    assert comps[counter["inputs"][0]]["type"] == "number"
    hidden = deps["hidden"]
    if srv.gradio == 6:
        assert hidden["api_visibility"] == "undocumented" and "show_api" not in hidden
        assert deps["reverse"]["api_visibility"] == "public"
    else:
        assert hidden["show_api"] is False and deps["reverse"]["show_api"] is True
    assert deps["stream"]["types"]["generator"] is True
    assert deps["reverse"]["types"]["generator"] is False


def test_page_embeds_config(srv: StubServer) -> None:
    resp = curl(srv.url + "/")
    assert resp.status == 200
    assert resp.header("content-type") == "text/html; charset=utf-8"
    match = re.search(rb"window\.gradio_config = (\{.*?\});</script>", resp.body)
    assert match is not None
    assert json.loads(match.group(1))["version"].startswith(str(srv.gradio))


def test_info_schema(srv: StubServer) -> None:
    info = curl(srv.url + srv.prefix + "/info").json
    named = info["named_endpoints"]
    assert info["unnamed_endpoints"] == {}
    assert "/hidden" not in named and "/reverse" in named
    multi = named["/multi"]
    assert [p["parameter_name"] for p in multi["parameters"]] == ["text", "shout", "times"]
    times = multi["parameters"][2]
    assert times["parameter_has_default"] is True and times["parameter_default"] == 2
    assert times["type"] == {"type": "number", "description": "numeric value between 1 and 5"}
    assert times["example_input"] == 1
    # State is hidden from parameters and returns
    counter = named["/counter"]
    assert [p["label"] for p in counter["parameters"]] == ["step"]
    assert [r["label"] for r in counter["returns"]] == ["count"]
    meta = named["/file_info"]["parameters"][0]["type"]["properties"]["meta"]
    if srv.gradio == 4:
        assert meta == {"default": {"_type": "gradio.FileData"}, "title": "Meta", "type": "object"}
        assert list(multi)[-1] == "show_api"
        assert "description" not in multi
    else:
        assert meta == {"$ref": "#/$defs/FileDataMeta"}
        file_type = named["/file_info"]["parameters"][0]["type"]
        assert file_type["$defs"]["FileDataMeta"]["properties"]["_type"]["const"] == (
            "gradio.FileData"
        )
        assert file_type["additional_description"]
        assert multi["description"] == ""
    if srv.gradio == 6:
        assert "show_api" not in multi and multi["api_visibility"] == "public"
        bash = multi["code_snippets"]["bash"]
        assert bash == (
            f'curl -X POST {srv.url}/gradio_api/call/v2/multi -s -H "Content-Type: '
            'application/json" \\\n'
            '  -d \'{"text": "hi", "shout": false, "times": 2}\' \\\n'
            "  | awk -F'\"' '{ print $4}' \\\n"
            f"  | read EVENT_ID; curl -N {srv.url}/gradio_api/call/multi/$EVENT_ID"
        )
        assert set(multi["code_snippets"]) == {"python", "javascript", "bash", "cli"}
    elif srv.gradio == 5:
        assert multi["show_api"] is True


@pytest.mark.skipif(not REAL.is_dir(), reason="no captures of real Gradio servers")
@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("capture", "spec"),
    [("blocks_app", None), ("interface_app", "interface"), ("mount_app", "mount")],
)
def test_matches_real_captures(version: int, capture: str, spec: str | None) -> None:
    """The stub's config and info have the shape of the real servers' (tests/fixtures/real)."""
    real_config_path = REAL / f"v{version}-{capture}-config.json"
    real_info_path = REAL / f"v{version}-{capture}-info.json"
    if not real_config_path.exists() or not real_info_path.exists():
        pytest.skip(f"no capture {real_config_path.name}")
    app = load_app(APPS / f"{spec}.json") if spec else None
    with start(version, app) as server:
        config = curl(server.url + "/config").json
        info = curl(server.url + server.prefix + "/info").json
        real_root = "http://127.0.0.1:7860" + server.app.root_path
    real_config = json.loads(real_config_path.read_text())
    real_info = json.loads(real_info_path.read_text().replace(real_root, server.url))
    assert list(config) == list(real_config)
    ignore = {"components", "dependencies", "layout", "page", "root", "app_id", "css", "js", "head"}
    for key in set(real_config) - ignore:
        assert config[key] == real_config[key], key
    assert config["root"] == server.url
    for name, entry in real_info["named_endpoints"].items():
        assert info["named_endpoints"][name] == entry, name
    assert set(info["named_endpoints"]) == set(real_info["named_endpoints"])
    if capture == "interface_app":
        # a gr.Interface's blocks and its own listeners, exactly as real
        for key in ("components", "dependencies", "layout", "page"):
            if key in real_config:
                assert config[key] == real_config[key], key
    if capture != "blocks_app":
        return
    real_comps = {c["id"]: c for c in real_config["components"]}
    comps = {c["id"]: c for c in config["components"]}
    deps = {d["api_name"]: d for d in config["dependencies"]}
    for real_dep in real_config["dependencies"]:
        dep = deps.get(real_dep["api_name"])
        if dep is None:
            continue  # 6's "private" endpoint of the capture app
        skip = {"id", "targets", "inputs", "outputs"}
        assert {k: v for k, v in dep.items() if k not in skip} == {
            k: v for k, v in real_dep.items() if k not in skip
        }
        for side in ("inputs", "outputs"):
            for real_id, own_id in zip(real_dep[side], dep[side]):
                real_comp = dict(real_comps[real_id], id=0)
                real_comp["props"] = {
                    k: v for k, v in real_comp["props"].items() if k != "delete_callback"
                }
                comp = dict(comps[own_id], id=0)
                comp["props"] = {k: v for k, v in comp["props"].items() if k != "delete_callback"}
                assert comp == real_comp


# --- POST /call ---------------------------------------------------------------------------


def test_post_success_bytes(srv: StubServer) -> None:
    resp = post(srv, "reverse", {"data": ["hello"]})
    assert resp.status == 200
    assert resp.header("content-type") == "application/json"
    assert resp.header("content-length") == "47"
    assert EVENT_ID.fullmatch(resp.body)
    # a trailing slash works too
    resp = post(srv, "reverse/", {"data": ["hello"]})
    assert resp.status == 200 and EVENT_ID.fullmatch(resp.body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '{"data": ["a"',
            b'{"detail":[{"type":"json_invalid","loc":["body",13],"msg":"JSON '
            b'decode error","input":{},"ctx":{"error":"Expecting \',\' '
            b'delimiter"}}]}',
        ),
        (
            "{}",
            b'{"detail":[{"type":"missing","loc":["body","data"],"msg":"Field required",'
            b'"input":{}}]}',
        ),
        (
            '{"data": "hello"}',
            b'{"detail":[{"type":"list_type","loc":["body","data"],"msg":'
            b'"Input should be a valid list","input":"hello"}]}',
        ),
        ("", b'{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}'),
    ],
    ids=["invalid-json", "no-data", "data-not-list", "empty"],
)
def test_post_422(srv: StubServer, body: str, expected: bytes) -> None:
    resp = post(srv, "reverse", body, raw=True)
    assert resp.status == 422
    assert resp.header("content-type") == "application/json"
    assert resp.body == expected


NOT_A_DICT = (
    b'{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a '
    b'valid dictionary or object to extract fields from","input":"{\\"data\\": '
    b'[\\"hello\\"]}"}]}'
)


def test_post_without_json_content_type(srv: StubServer) -> None:
    resp = curl("-X", "POST", "-d", '{"data": ["hello"]}', f"{srv.url}{srv.prefix}/call/reverse")
    assert resp.status == 422
    assert resp.body == NOT_A_DICT


@pytest.mark.parametrize("header", ["Content-Type:", "Content-Type;"], ids=["none", "empty"])
def test_post_with_no_content_type(srv: StubServer, header: str) -> None:
    """No Content-Type (or an empty one): JSON all the same on 4.44.1, text on 5/6."""
    url = f"{srv.url}{srv.prefix}/call/reverse"
    resp = curl("-H", header, "--data-binary", '{"data": ["hello"]}', url)
    if srv.gradio == 4:
        assert resp.status == 200 and EVENT_ID.fullmatch(resp.body), resp
    else:
        assert (resp.status, resp.header("content-type")) == (422, "application/json")
        assert resp.body == NOT_A_DICT


def test_unknown_api_name(srv: StubServer) -> None:
    resp = post(srv, "no_such_api", {"data": ["x"]})
    assert resp.status == 500
    assert resp.header("content-type") == "text/plain; charset=utf-8"
    if srv.gradio == 5:
        text = resp.body.decode()
        assert text.startswith("Traceback (most recent call last):\n")
        assert text.endswith(
            "gradio.route_utils.FnIndexInferError: Could not infer function index for API "
            "name: no_such_api\n"
        )
    else:
        assert resp.body == b"Internal Server Error"


def test_wrong_prefix_and_methods(srv: StubServer) -> None:
    other = "/gradio_api" if srv.gradio == 4 else ""
    resp = curl("-X", "POST", *JSON, "-d", '{"data": ["x"]}', f"{srv.url}{other}/call/reverse")
    assert (resp.status, resp.body) == (404, b'{"detail":"Not Found"}')
    resp = curl(f"{srv.url}{srv.prefix}/call/reverse")
    assert (resp.status, resp.body) == (405, b'{"detail":"Method Not Allowed"}')
    # the seed one-liner with an empty EVENT_ID
    resp = curl("-N", f"{srv.url}{srv.prefix}/call/reverse/")
    assert (resp.status, resp.body) == (405, b'{"detail":"Method Not Allowed"}')


# --- the SSE stream -------------------------------------------------------------------------


def test_sse_bytes(quiet: StubServer) -> None:
    resp = sse(quiet, "reverse", call(quiet, "reverse", ["hello"]))
    assert resp.rc == 0
    assert resp.status == 200
    assert resp.header("content-type") == "text/event-stream; charset=utf-8"
    assert resp.header("transfer-encoding") == "chunked"
    assert resp.body == b'event: complete\ndata: ["olleh"]\n\n'


def test_sse_api_segment_ignored_and_ascii_json(quiet: StubServer) -> None:
    value = 'quote\' "dq" $HOME `tick` \\ back\nnewline\ttab 😀 ü'
    resp = sse(quiet, "not_the_same_api", call(quiet, "echo", [value]))
    assert resp.body == (
        b'event: complete\ndata: ["quote\' \\"dq\\" $HOME `tick` \\\\ back\\nnewline\\ttab '
        b'\\ud83d\\ude00 \\u00fc"]\n\n'
    )


def test_multi_outputs_and_values(quiet: StubServer) -> None:
    assert result(quiet, "multi", ["hi", True, 3]) == [("complete", ["HI HI HI", 6])]
    # extra values are dropped; a number for a Textbox is coerced
    assert result(quiet, "reverse", ["a", "b"]) == [("complete", ["a"])]
    assert result(quiet, "echo", [5]) == [("complete", ["5"])]


def test_input_errors(quiet: StubServer) -> None:
    too_few = result(quiet, "reverse", [])
    many = result(quiet, "multi", ["hi", True, "many"])
    if quiet.gradio < 6:
        assert too_few == [("error", None)] and many == [("error", None)]
    else:
        assert too_few == [("error", {"error": None})]
        assert many == [("error", {"error": None})]


def test_input_errors_show_error_6() -> None:
    with start(6, show_error=True) as server:
        [(event, data)] = result(server, "reverse", [])
        assert event == "error" and data["visible"] is True
        assert data["error"].startswith(
            "An event handler (reverse) didn't receive enough input values (needed: 1, got: 0)."
        )
        [(event, data)] = result(server, "multi", ["hi", True, "many"])
        assert data["error"].startswith(
            "Could not preprocess input component at index 2 (a `slider` component) of the "
            'event handler (named "multi") with input components: [textbox, checkbox, slider].'
        )
        assert data["error"].endswith(
            "Original error: TypeError: '<' not supported between instances of 'str' and 'int'"
        )


def test_types_coercion(quiet: StubServer) -> None:
    """The rows of the real captures (blocks_app-calls): what each version hands the fn."""
    [(event, data)] = result(quiet, "types", ["héllo", 3, True, 7, "b"])
    assert event == "complete"
    assert data == [
        {
            "text": {"value": "héllo", "type": "str"},
            "number": {"value": 3, "type": "int"},
            "flag": {"value": True, "type": "bool"},
            "slider": {"value": 7, "type": "int"},
            "choice": {"value": "b", "type": "str"},
        }
    ]
    mixed = result(quiet, "types", [5, "4", "yes", "7", "a"])
    not_a_choice = result(quiet, "types", ["x", 1, True, 1, "zzz"])
    nulls = result(quiet, "types", [None] * 5)
    if quiet.gradio == 4:
        assert mixed[0][1][0]["text"] == {"value": "5", "type": "str"}
        assert mixed[0][1][0]["slider"] == {"value": "7", "type": "str"}
        assert not_a_choice[0][1][0]["choice"] == {"value": "zzz", "type": "str"}
        assert nulls[0][1][0]["text"] == {"value": None, "type": "NoneType"}
    elif quiet.gradio == 5:
        assert mixed == not_a_choice == nulls == [("error", None)]
    else:
        assert mixed == nulls == [("error", {"error": None})]
        assert not_a_choice == [
            (
                "error",
                {
                    "error": "Value: zzz is not in the list of choices: ['a', 'b', 'c']",
                    "duration": 10,
                    "visible": True,
                    "title": "Error",
                },
            )
        ]


def test_unknown_event_id(srv: StubServer) -> None:
    resp = sse(srv, "reverse", "0123456789abcdef0123456789abcdef")
    assert resp.rc == 18
    assert resp.status == 200
    text = b"404: Session not found." if srv.gradio == 4 else b"404: Not Found"
    assert resp.body == b'event: error\ndata: "' + text + b'"\n\n'


def test_second_get_only_heartbeats(srv: StubServer) -> None:
    event_id = call(srv, "reverse", ["twice"])
    assert sse(srv, "reverse", event_id).events() == [("complete", ["eciwt"])]
    again = sse(srv, "reverse", event_id, max_time=0.7)
    assert again.rc == 28
    events = again.events()
    assert events and all(m == ("heartbeat", None) for m in events)


def test_generator_stream() -> None:
    for version in VERSIONS:
        with start(version, fast_app(), heartbeat=30) as server:
            resp = sse(server, "stream", call(server, "stream", ["a b c"]))
            assert resp.body == (
                b'event: generating\ndata: ["a"]\n\nevent: generating\ndata: ["a b"]\n\n'
                b'event: generating\ndata: ["a b c"]\n\nevent: complete\ndata: ["a b c"]\n\n'
            )
            failed = sse(server, "stream_fail", call(server, "stream_fail", ["s"])).events()
            assert failed[:2] == [("generating", ["partial 1"]), ("generating", ["partial 2"])]
            payload = (
                None
                if version < 6
                else {
                    "error": "stream failed after 2 parts for 's'",
                    "duration": 10,
                    "visible": True,
                    "title": "Error",
                }
            )
            assert failed[2:] == [("error", payload)]


@pytest.mark.parametrize("show_error", [False, True])
def test_error_payloads(show_error: bool) -> None:
    for version in VERSIONS:
        with start(version, show_error=show_error) as server:
            fail = result(server, "fail", ["boom"])
            crash = result(server, "crash", ["boom"])
            if version < 6:
                assert fail == crash == [("error", None)]
                continue
            assert fail == [
                (
                    "error",
                    {
                        "error": "custom failure for 'boom'",
                        "duration": 10,
                        "visible": True,
                        "title": "Error",
                    },
                )
            ]
            expected = (
                {"error": "unexpected boom for 'boom'", "visible": True}
                if show_error
                else {"error": None}
            )
            assert crash == [("error", expected)]


def test_heartbeats_while_waiting(srv: StubServer) -> None:
    resp = sse(srv, "slow", call(srv, "slow", [0.7]))
    events = resp.events()
    assert events[-1] == ("complete", ["slept 0s"])
    assert ("heartbeat", None) in events[:-1]
    assert b"event: heartbeat\ndata: null\n\n" in resp.body


# --- State and session_hash -----------------------------------------------------------------


def test_state_slot(srv: StubServer) -> None:
    without = result(srv, "counter", [1])
    if srv.gradio < 6:
        assert without == [("error", None)]
    else:
        assert without == [("complete", ["count=1", None])]
    assert result(srv, "counter", [1, None]) == [("complete", ["count=1", None])]
    assert result(srv, "counter", [1, None]) == [("complete", ["count=1", None])]


@pytest.mark.parametrize("version", [4, 5])
def test_session_hash_4_5(version: int) -> None:
    with start(version) as srv:
        _session_hash_4_5(srv)


def _session_hash_4_5(srv: StubServer) -> None:
    first = call(srv, "counter", [10, None], session_hash="S1")
    resp = sse(srv, "counter", first)
    assert resp.rc == 18
    text = "404: Session not found." if srv.gradio == 4 else "404: Not Found"
    assert resp.events() == [("error", text)]
    call(srv, "counter", [10, None], session_hash="S1")
    both = sse(srv, "counter", "S1")
    assert both.rc == 0
    assert [m for m in both.events() if m[0] != "heartbeat"] == [
        ("complete", ["count=10", None]),
        ("complete", ["count=20", None]),
    ]
    call(srv, "counter", [1, None], session_hash="S1")
    assert [m for m in sse(srv, "counter", "S1").events() if m[0] != "heartbeat"] == [
        ("complete", ["count=21", None])
    ]


def test_session_hash_6() -> None:
    with start(6) as server:
        steps = []
        for step in (1, 2, 3):
            event_id = call(server, "counter", [step, None], session_hash="S")
            steps.append(sse(server, "counter", event_id).events()[-1])
        assert steps == [
            ("complete", ["count=1", None]),
            ("complete", ["count=3", None]),
            ("complete", ["count=6", None]),
        ]
        first = call(server, "counter", [10, None], session_hash="T")
        second = call(server, "counter", [100, None], session_hash="T")
        time.sleep(0.2)
        whole = [m for m in sse(server, "counter", first).events() if m[0] != "heartbeat"]
        assert whole == [("complete", ["count=10", None]), ("complete", ["count=110", None])]
        gone = sse(server, "counter", second)
        assert gone.rc == 18 and gone.events() == [("error", "404: Not Found")]
        call(server, "counter", [1], session_hash="T")
        assert sse(server, "counter", "T").events()[-1] == ("complete", ["count=111", None])


def test_call_v2(srv: StubServer) -> None:
    url = f"{srv.url}{srv.prefix}/call/v2/multi"
    resp = curl("-X", "POST", *JSON, "-d", '{"text": "hi", "shout": true}', url)
    if srv.gradio < 6:
        assert (resp.status, resp.body) == (405, b'{"detail":"Method Not Allowed"}')
        return
    assert resp.status == 200 and EVENT_ID.fullmatch(resp.body)
    assert sse(srv, "multi", resp.json["event_id"]).events()[-1] == ("complete", ["HI HI", 4])
    resp = curl("-X", "POST", *JSON, "-d", "{}", f"{srv.url}{srv.prefix}/call/v2/counter")
    assert resp.status == 200
    assert sse(srv, "counter", resp.json["event_id"]).events()[-1] == (
        "complete",
        ["count=1", None],
    )
    for body in ('{"text": "hi", "session_hash": "S"}', '{"data": ["hi"]}'):
        bad = curl("-X", "POST", *JSON, "-d", body, url)
        assert (bad.status, bad.body) == (500, b"Internal Server Error")
    bad = curl("-X", "POST", *JSON, "-d", '["hi"]', url)
    assert bad.status == 422
    assert bad.json["detail"][0]["type"] == "dict_type"


def test_interface_api_name() -> None:
    app = load_app(APPS / "interface.json")
    for version in VERSIONS:
        with start(version, app) as server:
            name = "shout" if version == 6 else "predict"
            assert list(curl(server.url + server.prefix + "/info").json["named_endpoints"]) == [
                "/" + name
            ]
            assert curl(server.url + "/config").json["mode"] == "interface"
            assert result(server, name, ["hi"]) == [("complete", ["HI"])]
            if version == 6:
                assert post(server, "predict", {"data": ["hi"]}).status == 500


def test_interface_listeners() -> None:
    """A gr.Interface's own listeners: in /config, not in the info, callable as on real."""
    app = load_app(APPS / "interface.json")
    saving = {"interactive": False, "value": "Saving...", "__type__": "update"}
    flag = {"interactive": True, "value": "Flag", "__type__": "update"}
    for version in VERSIONS:
        with start(version, app) as server:
            error = None if version < 6 else {"error": None}
            deps = curl(server.url + "/config").json["dependencies"]
            seen = [
                (d["api_name"], d.get("show_api"), d.get("api_visibility"), d["backend_fn"])
                for d in deps
            ]
            if version == 6:
                assert seen == [
                    ("shout", None, "public", True),
                    ("js_fn", None, "private", False),
                    ("js_fn_1", None, "private", False),
                    ("lambda", None, "undocumented", True),
                    ("Flag", None, "undocumented", True),
                    ("reset", None, "undocumented", True),
                ]
            else:
                assert seen == [
                    ("predict", True, None, True),
                    ("js_fn", False, None, False),
                    ("js_fn_1", False, None, False),
                    ("lambda", False, None, True),
                    ("Flag", False, None, True),
                    ("reset", False, None, True),
                ]
            named = curl(server.url + server.prefix + "/info").json["named_endpoints"]
            assert len(named) == 1
            for name in ("js_fn", "js_fn_1"):
                assert result(server, name, []) == [("error", error)]
                assert result(server, name, ["hi", "HI"]) == [("error", error)]
            assert result(server, "lambda", []) == [("complete", [saving])]
            assert result(server, "reset", ["ignored"]) == [("complete", [flag])]
            assert result(server, "Flag", ["hi", "HI"]) == [("complete", [flag])]
            assert result(server, "Flag", ["hi"]) == [("error", error)]
            if version == 6:
                for name in ("js_fn", "lambda", "Flag"):
                    resp = curl(
                        "-X", "POST", *JSON, "-d", "{}", f"{server.url}/gradio_api/call/v2/{name}"
                    )
                    assert resp.status == 500


def test_interface_layout_of_several_components() -> None:
    """Forms around consecutive form components, submit triggers, the Clear button's values
    (the rules of gr.Interface, checked against real 4.44.1, 5.50.0 and 6.31.0 configs)."""
    app = {
        "mode": "interface",
        "endpoints": [
            {
                "api_name": "go",
                "fn": "types",
                "inputs": [
                    {"component": "Textbox", "label": "t"},
                    {"component": "Number", "label": "n"},
                    {"component": "JSON", "label": "j"},
                    {"component": "Slider", "label": "s", "minimum": 1, "maximum": 5},
                    {"component": "Checkbox", "label": "c"},
                ],
                "outputs": [{"component": "JSON", "label": "out"}],
            }
        ],
    }
    for version in VERSIONS:
        with start(version, app) as server:
            config = curl(server.url + "/config").json
        types = {c["id"]: c["type"] for c in config["components"]}
        assert list(types.items()) == [
            (7, "row"),
            (8, "column"),
            (9, "column"),
            (1, "textbox"),
            (2, "number"),
            (3, "json"),
            (4, "slider"),
            (5, "checkbox"),
            (10, "form"),
            (11, "form"),
            (12, "row"),
            (13, "button"),
            (14, "button"),
            (15, "column"),
            (6, "json"),
            (16, "row"),
            (17, "button"),
        ]
        assert config["layout"] == {
            "id": 0,
            "children": [
                {
                    "id": 7,
                    "children": [
                        {
                            "id": 8,
                            "children": [
                                {
                                    "id": 9,
                                    "children": [
                                        {"id": 10, "children": [{"id": 1}, {"id": 2}]},
                                        {"id": 3},
                                        {"id": 11, "children": [{"id": 4}, {"id": 5}]},
                                    ],
                                },
                                {"id": 12, "children": [{"id": 13}, {"id": 14}]},
                            ],
                        },
                        {"id": 15, "children": [{"id": 6}, {"id": 16, "children": [{"id": 17}]}]},
                    ],
                }
            ],
        }
        deps = config["dependencies"]
        assert deps[0]["targets"] == [[14, "click"], [1, "submit"], [2, "submit"]]
        assert deps[0]["inputs"] == [1, 2, 3, 4, 5] and deps[0]["outputs"] == [6]
        assert deps[1]["js"] == "() => [null, null, null, 1, false, null]"
        assert deps[1]["outputs"] == [1, 2, 3, 4, 5, 6]
        assert deps[2]["outputs"] == [9]
        assert [d["targets"] for d in deps[1:]] == [[[13, "click"]]] * 2 + [[[17, "click"]]] * 2 + [
            [[13, "click"]]
        ]
        assert deps[4]["inputs"] == [1, 2, 3, 4, 5, 6]


def test_hidden_endpoint_is_callable(srv: StubServer) -> None:
    assert result(srv, "hidden", ["x"]) == [("complete", ["hidden:x"])]


# --- files ----------------------------------------------------------------------------------


@pytest.fixture
def hello(tmp_path: Path) -> Path:
    path = tmp_path / "hello.txt"
    path.write_text("hello from the lab\n")
    return path


def test_upload_one_and_wrong_field(srv: StubServer, hello: Path) -> None:
    resp = upload(srv, hello)
    assert resp.status == 200 and resp.header("content-type") == "application/json"
    digest = hashlib.sha256(hello.read_bytes()).hexdigest()
    assert resp.json == [str(srv.upload_dir / digest / "hello.txt")]
    assert Path(resp.json[0]).read_bytes() == hello.read_bytes()
    assert srv.uploads == [
        {"orig_name": "hello.txt", "server_path": resp.json[0], "size": 19, "sha256": digest}
    ]
    assert upload(srv, hello, field_name="file").body == b"[]"
    resp = curl("-X", "POST", *JSON, "-d", "{}", f"{srv.url}{srv.prefix}/upload")
    assert (resp.status, resp.body) == (400, b'{"detail":"Invalid content type."}')


def test_upload_several_hostile_names(srv: StubServer, tmp_path: Path) -> None:
    names = ["a.txt", "b b.txt", "ü é 😀.txt", "it's (1).txt"]
    files = []
    for i, name in enumerate(names):
        path = tmp_path / name
        path.write_text(f"file {i}\n")
        files.append(path)
    resp = upload(srv, *files)
    assert resp.status == 200
    paths = resp.json
    assert len(paths) == len(names)
    for name, path, src in zip(names, paths, files):
        assert Path(path).name == upload_name(name, srv.gradio)
        assert Path(path).read_bytes() == src.read_bytes()
    assert Path(paths[1]).name == "b b.txt"
    assert Path(paths[2]).name == "ü é 😀.txt" if srv.gradio == 6 else "ü é .txt"
    assert [u["orig_name"] for u in srv.uploads] == names


def test_upload_name_rules() -> None:
    assert upload_name("it's (1).txt", 4) == "its 1.txt"
    assert upload_name("it's (1).txt", 5) == "its 1.txt"
    assert upload_name("it's (1).txt", 6) == "it's (1).txt"
    assert upload_name('a"b$c.txt', 6) == "abc.txt"
    assert upload_name("dir/sub/x y.txt", 6) == "x y.txt"
    assert upload_name("CON.txt", 6) == "_CON.txt"


def test_upload_rfc2231_filename(srv: StubServer) -> None:
    body = (
        b'--XyZ\r\nContent-Disposition: form-data; name="files"; filename="fallback.txt"; '
        b"filename*=UTF-8''r%C3%A9sum%C3%A9%20final.txt\r\nContent-Type: text/plain\r\n\r\n"
        b"content\r\n--XyZ--\r\n"
    )
    request = urllib.request.Request(
        f"{srv.url}{srv.prefix}/upload",
        data=body,
        method="POST",
        headers={"Content-Type": "multipart/form-data; boundary=XyZ"},
    )
    with urllib.request.urlopen(request) as response:
        paths = json.loads(response.read())
    assert Path(paths[0]).name == "résumé final.txt"
    assert Path(paths[0]).read_bytes() == b"content"


def test_file_inputs(srv: StubServer, hello: Path) -> None:
    path = upload(srv, hello).json[0]
    with_meta = result(srv, "file_info", [filedata(path)])
    assert with_meta[0][0] == "complete" and with_meta[0][1][1] == "hello.txt: 19 bytes"
    without_meta = result(srv, "file_info", [{"path": path}])
    bare = result(srv, "file_info", [path])
    not_uploaded = result(srv, "file_info", [filedata("/etc/hostname")])
    error = None if srv.gradio < 6 else {"error": None}
    if srv.gradio == 4:
        assert without_meta[0][0] == "complete"
    else:
        assert without_meta == [("error", error)]
    assert bare == not_uploaded == [("error", error)]
    # the server's own file= route: a relative "$P/file=<path>" is no path in the upload
    # folder; the absolute URL is downloaded on 4, refused by the SSRF check of 5/6
    relative = result(srv, "file_info", [filedata(f"{srv.prefix}/file={path}")])
    assert relative == [("error", error)]
    srv.reset()
    absolute = result(srv, "file_info", [filedata(f"{srv.url}{srv.prefix}/file={path}")])
    fetched = [r.path for r in srv.received if r.method == "GET" and "/file=" in r.path]
    if srv.gradio == 4:
        assert absolute == [("complete", [absolute[0][1][0], "hello.txt: 19 bytes"])]
        assert fetched == [f"/file={path}"]  # over HTTP, as real 4.44.1 does
    else:
        assert absolute == [("error", error)]
        assert fetched == []
    multi = result(srv, "files_multi", [[filedata(path), filedata(path)]])
    assert multi == [("complete", [[{"name": "hello.txt", "size": 19}] * 2])]
    assert result(srv, "files_multi", [[]]) == [("complete", [[]])]


def test_file_input_messages_6(hello: Path) -> None:
    with start(6, show_error=True) as server:
        path = upload(server, hello).json[0]
        [(_, data)] = result(server, "file_info", [{"path": path}])
        assert data["error"].startswith(
            "1 validation error for FileData\n  Value error, The 'meta' field must be explicitly "
            "provided in the input data and be equal to {'_type': 'gradio.FileData'}."
        )
        [(_, data)] = result(server, "file_info", [filedata("/etc/hostname")])
        assert data == {
            "error": "Cannot move /etc/hostname to the gradio cache dir because it "
            "was not uploaded by a user.",
            "visible": True,
        }
        relative = f"/gradio_api/file={path}"
        [(_, data)] = result(server, "file_info", [filedata(relative)])
        assert data == {
            "error": f"Cannot move {relative} to the gradio cache dir because it "
            "was not uploaded by a user.",
            "visible": True,
        }
        [(_, data)] = result(server, "file_info", [filedata(server.url + relative)])
        assert data == {"error": "Hostname 127.0.0.1 failed validation", "visible": True}


@pytest.fixture
def other_server(tmp_path: Path) -> Iterator[str]:
    """A plain HTTP server on loopback with hello.txt, standing for a remote host."""
    (tmp_path / "hello.txt").write_text("hello from the lab\n")

    def handler(*args: Any) -> http.server.SimpleHTTPRequestHandler:
        return http.server.SimpleHTTPRequestHandler(*args, directory=str(tmp_path))

    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_file_inputs(other_server: str, hello: Path) -> None:
    url = other_server + "/hello.txt"
    for version in VERSIONS:
        with start(version) as server:
            fetched = result(server, "file_info", [filedata(url)])
            if version == 4:
                assert fetched[0][0] == "complete"
                assert fetched[0][1][1] == "hello.txt: 19 bytes"
                # 4.44.1 takes an HTTP 404 page as the file
                missing = result(server, "file_info", [filedata(other_server + "/nope.txt")])
                assert missing[0][0] == "complete"
            else:
                assert fetched[0][0] == "error"
            # a public host is never contacted: it fails like an unreachable one
            public = result(server, "file_info", [filedata("https://example.com/x.txt")])
            assert public[0][0] == "error"
        with start(version, fast_app(allow_hosts=["127.0.0.1"]), show_error=True) as server:
            fetched = result(server, "file_info", [filedata(url)])
            assert fetched[0][0] == "complete"
            assert fetched[0][1][1] == "hello.txt: 19 bytes"
            # an allowed host is allowed for the server's own file= URL too
            path = upload(server, hello).json[0]
            own = f"{server.url}{server.prefix}/file={path}"
            assert result(server, "file_info", [filedata(own)])[0][0] == "complete"


def test_file_outputs_and_download(srv: StubServer) -> None:
    [(event, [data])] = result(srv, "file_out", ["hello from curlgen"])
    assert event == "complete"
    assert data["orig_name"] == "report ü é.txt"
    assert data["size"] == 18 and data["mime_type"] is None and data["is_stream"] is False
    assert data["meta"] == {"_type": "gradio.FileData"}
    path = data["path"]
    assert Path(path).parent.parent == srv.upload_dir
    encoded = urllib.request.quote(path)
    good = curl(f"{srv.url}{srv.prefix}/file={encoded}")
    assert good.status == 200 and good.body == b"hello from curlgen"
    assert good.header("content-type") == "text/plain; charset=utf-8"
    assert good.header("content-disposition") == (
        "inline; filename*=utf-8''report%20%C3%BC%20%C3%A9.txt"
    )
    if srv.gradio == 4:
        # 4.44.1's url: the request URL cut by len("/queue/join")
        assert data["url"] == f"{srv.url}/ca/file={path}"
        assert curl(urllib.request.quote(data["url"], safe=":/=")).status == 404
    elif srv.gradio == 5:
        assert data["url"] == f"{srv.url}/gradio_api/file={path}"
    else:
        assert data["url"] == f"{srv.url}/gradio_api/file={encoded}"
        assert curl(data["url"]).body == b"hello from curlgen"
    assert curl(f"{srv.url}{srv.prefix}/file=/etc/hostname").status == 403
    missing = curl(f"{srv.url}{srv.prefix}/file={srv.upload_dir}/nothing/here.txt")
    assert missing.status == (404 if srv.gradio == 4 else 403)
    if srv.gradio > 4:
        assert curl(f"{srv.url}/file={encoded}").status == 404
    ranged = curl("-r", "6-9", f"{srv.url}{srv.prefix}/file={encoded}")
    assert ranged.status == 206 and ranged.body == b"from"


def test_file_output_urls_of_other_endpoints(srv: StubServer, hello: Path) -> None:
    path = upload(srv, hello).json[0]
    [(_, [report, summary])] = result(srv, "file_info", [filedata(path)])
    assert summary == "hello.txt: 19 bytes"
    assert report["orig_name"].startswith("report-") and report["size"] > 0
    [(_, [flipped])] = result(srv, "image_flip", [filedata(path)])
    assert flipped["size"] is None and flipped["orig_name"].startswith("flipped-")
    if srv.gradio == 4:
        assert report["url"].startswith(f"{srv.url}/cal/file=")
        assert flipped["url"].startswith(f"{srv.url}/call/file=")


def test_forwarded_host_fixes_4_url() -> None:
    with start(4) as server:
        event_id = call(server, "file_out", ["x"], "-H", "X-Forwarded-Host: example.test:8080")
        [(_, [data])] = [
            m for m in sse(server, "file_out", event_id).events() if m[0] == "complete"
        ]
        assert data["url"] == f"http://example.test:8080/file={data['path']}"


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_echo_roundtrip(value: str) -> None:
    """Whatever text is sent, the stream gives it back (a base for quoting tests)."""
    server = _ECHO.setdefault("server", start(6, heartbeat=30))
    assert result(server, "echo", [value]) == [("complete", [value])]


_ECHO: dict[str, StubServer] = {}


@pytest.fixture(scope="module", autouse=True)
def _stop_echo_server() -> Iterator[None]:
    yield
    if "server" in _ECHO:
        _ECHO.pop("server").stop()


def _vm_hwm_kb(pid: int) -> int:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", text).group(1))  # type: ignore[union-attr]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_serve_and_50mb_upload_streamed(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    digest = hashlib.sha256()
    block = bytes(range(256)) * 4096  # 1 MiB
    with big.open("wb") as out:
        for i in range(50):
            chunk = block[i:] + block[:i]
            digest.update(chunk)
            out.write(chunk)
    code = "from curlgen.stub import serve; serve(gradio=6, heartbeat=0.2)"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        url = proc.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        assert "Gradio 6.31.0" in proc.stderr.readline()
        assert curl(url + "/config").status == 200  # warm up every code path once
        before = _vm_hwm_kb(proc.pid)
        resp = curl("-X", "POST", "-F", f"files=@{big}", url + "/gradio_api/upload", timeout=60)
        assert resp.status == 200
        stored = Path(resp.json[0])
        assert stored.name == "big.bin" and stored.parent.name == digest.hexdigest()
        assert stored.stat().st_size == 50 * 1024 * 1024
        growth_mb = (_vm_hwm_kb(proc.pid) - before) / 1024
        assert growth_mb < 20, f"the upload grew the server's peak memory by {growth_mb:.0f} MB"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
        assert not stored.exists()  # the private upload dir is gone
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --- auth -----------------------------------------------------------------------------------


@pytest.fixture(params=VERSIONS, ids=lambda v: f"gradio{v}")
def auth_srv(request: pytest.FixtureRequest) -> Iterator[StubServer]:
    server = start(request.param, load_app(APPS / "auth.json"))
    yield server
    server.stop()


def test_auth(auth_srv: StubServer, tmp_path: Path, hello: Path) -> None:
    srv = auth_srv
    p = srv.url + srv.prefix
    denied = (
        b'{"detail":"Not authenticated"}'
        if srv.gradio == 4
        else (b'{"detail":{"error":"Not authenticated","auth_message":null}}')
    )
    for resp in (
        curl(srv.url + "/config"),
        curl(p + "/info"),
        post(srv, "reverse", {"data": ["hi"]}),
        post(srv, "reverse", {"data": ["hi"]}, "-H", "Authorization: Bearer hf_xxx"),
        upload(srv, hello),
        curl(p + "/login_check"),
        curl(f"{p}/file={srv.upload_dir}/x"),
    ):
        assert (resp.status, resp.body) == (401, denied)
    page = curl(srv.url + "/")
    assert page.status == 200
    match = re.search(rb"window\.gradio_config = (\{.*?\});</script>", page.body)
    assert match is not None
    small = json.loads(match.group(1))
    assert small["auth_required"] is True and "version" not in small
    wrong = curl(srv.url + "/login", "-d", "username=user&password=wrong")
    assert (wrong.status, wrong.body) == (400, b'{"detail":"Incorrect credentials."}')
    as_json = curl(srv.url + "/login", *JSON, "-d", '{"username": "user", "password": "pass"}')
    assert as_json.status == 422
    assert [e["loc"] for e in as_json.json["detail"]] == [
        ["body", "username"],
        ["body", "password"],
    ]
    jar = str(tmp_path / "jar.txt")
    ok = curl(srv.url + "/login", "-c", jar, "-d", "username=user&password=pass")
    assert (ok.status, ok.body) == (200, b'{"success":true}')
    cookies = ok.headers["set-cookie"]
    token = re.fullmatch(
        r"access-token-([\w-]{43})=([\w-]{22}); HttpOnly; Path=/; "
        r"SameSite=none; Secure",
        cookies[0],
    )
    assert token is not None
    assert cookies[1] == (
        f"access-token-unsecure-{token.group(1)}={token.group(2)}; HttpOnly; Path=/; SameSite=lax"
    )
    assert curl("-b", jar, p + "/login_check").body == b"null"
    assert curl("-b", jar, srv.url + "/config").json["username"] == "user"
    event_id = call(srv, "reverse", ["hi"], "-b", jar)
    assert sse(srv, "reverse", event_id).status == 401
    assert sse(srv, "reverse", event_id, "-b", jar).events() == [("complete", ["ih"])]
    assert upload(srv, hello, extra=("-b", jar)).status == 200
    # the same jar is not sent to another host name
    other = srv.url.replace("127.0.0.1", "localhost")
    assert curl("-b", jar, "-c", jar, other + "/config").status == 401


def test_login_on_app_without_auth(srv: StubServer) -> None:
    resp = curl(srv.url + "/login", "-d", "username=a&password=b")
    assert resp.status == 302 and resp.header("location") == srv.url
    other = "" if srv.gradio == 4 else "/gradio_api"
    if other:
        assert curl(srv.url + other + "/login", "-d", "username=a&password=b").status == 404


def test_mounted_app() -> None:
    app = load_app(APPS / "mount.json")
    for version in VERSIONS:
        with start(version, app) as server:
            assert server.url.endswith("/gradio")
            base = server.url[: -len("/gradio")]
            assert curl(server.url + "/config").json["root"] == server.url
            assert curl(base + "/config").status == 404
            assert result(server, "reverse", ["abc"]) == [("complete", ["cba"])]
            assert curl(server.url + "/").status == 200
            # the control surface stays at the server root
            assert [r.path for r in server.calls()] == [f"/gradio{server.prefix}/call/reverse"]
            assert len(curl(base + "/_stub/received").json) == len(server.received)


def test_info_status() -> None:
    app = dict(DEFAULT_APP, info_status=500)
    with start(4, app) as server:
        resp = curl(server.url + "/info")
        assert (resp.status, resp.body) == (500, b"Internal Server Error")
        assert curl(server.url + "/config").status == 200


# --- faults ---------------------------------------------------------------------------------


def test_fault_status_retry_after(srv: StubServer, hello: Path) -> None:
    srv.faults.status = 429
    srv.faults.count = 2
    srv.faults.retry_after = "1"
    for _ in range(2):
        resp = post(srv, "reverse", {"data": ["x"]})
        assert resp.status == 429 and resp.header("retry-after") == "1"
        assert resp.json == {"detail": "Too Many Requests"}
    assert post(srv, "reverse", {"data": ["x"]}).status == 200
    assert len(srv.calls("reverse")) == 3
    srv.faults.update({"status": 503, "count": -1, "retry_after": None})
    for _ in range(3):
        assert upload(srv, hello).status == 503
        assert post(srv, "reverse", {"data": ["x"]}).status == 503
    assert srv.faults.count == -1


def test_fault_drop_stream() -> None:
    with start(5, fast_app(), faults=Faults(drop_stream=True)) as server:
        resp = sse(server, "stream", call(server, "stream", ["a b"]))
        assert resp.rc == 18
        assert [m for m in resp.events() if m[0] != "heartbeat"] == [
            ("generating", ["a"]),
            ("generating", ["a b"]),
        ]


def test_fault_heartbeats_only(srv: StubServer) -> None:
    srv.faults.heartbeats_only = True
    resp = sse(srv, "reverse", call(srv, "reverse", ["x"]), max_time=0.7)
    assert resp.rc == 28
    assert resp.events() and set(resp.events()) == {("heartbeat", None)}


def test_fault_delay_huge_status_get(srv: StubServer) -> None:
    srv.faults.delay = 0.5
    resp = sse(srv, "reverse", call(srv, "reverse", ["abc"]))
    assert resp.events()[0] == ("heartbeat", None)
    assert resp.events()[-1] == ("complete", ["cba"])
    srv.faults.delay = 0
    srv.faults.huge = 100_000
    [(event, data)] = result(srv, "multi", ["hi", True, 2])
    assert event == "complete" and data == ["x" * 100_000, 4]
    srv.faults.status_get = 500
    resp = sse(srv, "reverse", call(srv, "reverse", ["abc"]))
    assert resp.status == 500 and resp.json == {"detail": "Internal Server Error"}


# --- the control surface, recording, load_app -------------------------------------------


def test_control_surface(srv: StubServer) -> None:
    post(srv, "reverse", {"data": ["x"]})
    received = curl(srv.url.rsplit("/", 0)[0] + "/_stub/received").json
    assert [r["path"] for r in received] == [f"{srv.prefix}/call/reverse"]
    assert received[0]["json"] == {"data": ["x"]}
    assert received[0]["body"] == '{"data": ["x"]}'
    assert received[0]["headers"]["content-type"] == "application/json"
    resp = curl(
        "-X",
        "POST",
        *JSON,
        "-d",
        '{"status": 503, "count": 1, "retry_after": "2"}',
        srv.url + "/_stub/faults",
    )
    assert resp.status == 200 and resp.json["status"] == 503
    assert post(srv, "reverse", {"data": ["x"]}).status == 503
    bad = curl("-X", "POST", *JSON, "-d", '{"nope": 1}', srv.url + "/_stub/faults")
    assert bad.status == 400 and "nope" in bad.json["detail"]
    assert curl("-X", "POST", srv.url + "/_stub/reset").json == {"ok": True}
    assert curl(srv.url + "/_stub/received").json == []
    assert srv.faults == Faults()


def test_received_and_calls(srv: StubServer) -> None:
    call(srv, "reverse", ["a"])
    call(srv, "multi", ["a", True, 1])
    curl(srv.url + "/config?x=1")
    assert [c.json["data"] for c in srv.calls("reverse")] == [["a"]]
    assert len(srv.calls("/multi")) == 1 and len(srv.calls()) == 2
    config = [r for r in srv.received if r.path == "/config"]
    assert config[0].method == "GET" and config[0].query == "x=1"
    assert all(name == name.lower() for name in config[0].headers)
    srv.reset()
    assert srv.received == [] and srv.uploads == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "top level must be a JSON object"),
        ('{"endpoints": []}', "endpoints: must be a non-empty list"),
        ('{"endpoints": [{"api_name": "x", "fn": "nope"}]}', "fn must be one of"),
        (
            '{"endpoints": [{"api_name": "x", "fn": "reverse", "inputs": ["Textbox"]}]}',
            "gives 1 output(s), not 0",
        ),
        (
            '{"endpoints": [{"api_name": "x", "fn": "reverse", "inputs": ["Sound"], '
            '"outputs": ["Textbox"]}]}',
            "component must be one of",
        ),
        ('{"bogus": 1, "endpoints": []}', "unknown key 'bogus'"),
        ('{"root_path": "gradio/", "endpoints": []}', "root_path"),
        (
            '{"mode": "interface", "endpoints": [{"fn": "reverse", "inputs": ["Textbox"], '
            '"outputs": ["Textbox"]}, {"api_name": "b", "fn": "reverse", "inputs": ["Textbox"], '
            '"outputs": ["Textbox"]}]}',
            "an interface app has exactly one endpoint",
        ),
        (
            '{"mode": "interface", "endpoints": [{"fn": "stream", "inputs": ["Textbox"], '
            '"outputs": ["Textbox"]}]}',
            "cannot be a generator",
        ),
        (
            '{"mode": "interface", "endpoints": [{"fn": "counter", "inputs": ["Number", '
            '"State"], "outputs": ["Textbox", "State"]}]}',
            "cannot have State",
        ),
        (
            '{"mode": "interface", "endpoints": [{"api_name": "reset", "fn": "reverse", '
            '"inputs": ["Textbox"], "outputs": ["Textbox"]}]}',
            "api name 'reset' is used twice",
        ),
    ],
)
def test_load_app_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "app.json"
    path.write_text(content)
    with pytest.raises(UsageProblem) as info:
        load_app(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 2


def test_load_app_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageProblem, match="cannot read app spec"):
        load_app(tmp_path / "nope.json")


def test_bundled_specs_load() -> None:
    for path in sorted(APPS.glob("*.json")):
        assert load_app(path)["endpoints"]


def test_stop_ends_open_streams() -> None:
    server = start(6)
    event_id = call(server, "slow", [30])
    holder: dict[str, Resp] = {}
    thread = threading.Thread(
        target=lambda: holder.update(resp=sse(server, "slow", event_id, max_time=20))
    )
    thread.start()
    time.sleep(0.5)
    begun = time.monotonic()
    server.stop()
    thread.join(timeout=10)
    assert time.monotonic() - begun < 5
    assert holder["resp"].rc in (18, 52, 56)


def test_urllib_client(srv: StubServer) -> None:
    """Not only curl: a plain urllib client gets the same answers."""
    request = urllib.request.Request(
        f"{srv.url}{srv.prefix}/call/reverse",
        data=b'{"data": ["abc"]}',
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request) as response:
        event_id = json.loads(response.read())["event_id"]
    with urllib.request.urlopen(f"{srv.url}{srv.prefix}/call/reverse/{event_id}") as response:
        assert response.read() == b'event: complete\ndata: ["cba"]\n\n'
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{srv.url}{srv.prefix}/nothing")
    assert info.value.code == 404
