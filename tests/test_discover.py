"""Discovery: the stub of Gradio 4, 5 and 6, and the real captures served as they were answered."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import start_stub

from curlgen.discover import discover
from curlgen.errors import AppProblem, UsageProblem
from curlgen.model import App, Endpoint
from curlgen.stub import DEFAULT_APP, StubServer, load_app

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
APPS = Path(__file__).resolve().parent / "stub_apps"
VERSIONS = (4, 5, 6)
PREFIX = {4: "", 5: "/gradio_api", 6: "/gradio_api"}
GRADIO = {4: "4.44.1", 5: "5.50.0", 6: "6.31.0"}

DEFAULT_NAMES = [
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
]


def names(app: App) -> list[str]:
    return [e.api_name for e in app.endpoints]


def endpoint(app: App, name: str) -> Endpoint:
    return next(e for e in app.endpoints if e.api_name == name)


def requests_of(stub: StubServer) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in stub.received]


@pytest.fixture(scope="module")
def default_stubs() -> Iterator[dict[int, StubServer]]:
    servers = {v: start_stub(v) for v in VERSIONS}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture(scope="module")
def spec_stubs() -> Iterator[dict[tuple[str, int], StubServer]]:
    """A stub per version for each app spec used here, and the default app with a 500 info."""
    servers: dict[tuple[str, int], StubServer] = {}
    for v in VERSIONS:
        for name in ("interface", "mount", "auth", "kinds"):
            servers[name, v] = start_stub(v, app=load_app(APPS / f"{name}.json"))
        servers["info500", v] = start_stub(v, app=dict(DEFAULT_APP, info_status=500))
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture
def stub_of(
    default_stubs: dict[int, StubServer], spec_stubs: dict[tuple[str, int], StubServer]
) -> Any:
    """stub_of(name, version): that stub with its received requests forgotten."""

    def get(name: str, version: int) -> StubServer:
        s = default_stubs[version] if name == "default" else spec_stubs[name, version]
        s.reset()
        return s

    return get


# --- the stub ------------------------------------------------------------------------------


@pytest.mark.parametrize("v", VERSIONS)
def test_default_app_in_two_requests(stub_of: Any, v: int) -> None:
    s = stub_of("default", v)
    app = discover(s.url)
    assert app.discovered
    assert (app.root, app.major, app.version, app.prefix) == (s.url, v, GRADIO[v], PREFIX[v])
    assert not app.auth_required
    assert names(app) == DEFAULT_NAMES
    assert all(e.visible and e.known for e in app.endpoints)
    assert requests_of(s) == [("GET", "/config"), ("GET", f"{PREFIX[v]}/info")]
    assert "authorization" not in s.received[0].headers


@pytest.mark.parametrize("v", VERSIONS)
def test_parameters_returns_and_descriptions(stub_of: Any, v: int) -> None:
    app = discover(stub_of("default", v).url)
    multi = endpoint(app, "multi")
    rows = [(p.name, p.label, p.kind, p.component, p.has_default, p.default) for p in multi.params]
    assert rows == [
        ("text", "text", "string", "Textbox", True, "hi"),
        ("shout", "shout", "boolean", "Checkbox", True, False),
        ("times", "times", "number", "Slider", True, 2),
    ]
    assert [p.python_type for p in multi.params] == ["str", "bool", "float"]
    assert [p.example for p in multi.params] == ["Hello!!", True, 1]
    assert all(p.has_example for p in multi.params)
    assert multi.params[2].type_description == ("numeric value between 1 and 5" if v == 4 else "")
    assert [(r.label, r.component) for r in multi.returns] == [
        ("joined", "Textbox"),
        ("length", "Number"),
    ]
    # Number(precision=0): "int" on 5 and 6, 4 says float
    assert multi.returns[1].python_type == ("float" if v == 4 else "int")
    types = endpoint(app, "types")
    choice = types.params[-1]
    assert (choice.kind, choice.choices, choice.default) == ("string", ("a", "b", "c"), "a")
    assert all(not p.choices for p in types.params[:-1])
    assert types.description == (
        "" if v == 4 else "Report each received value and its Python type name."
    )
    assert endpoint(app, "reverse").description == ""


@pytest.mark.parametrize("v", VERSIONS)
def test_state_slots(stub_of: Any, v: int) -> None:
    counter = endpoint(discover(stub_of("default", v).url), "counter")
    assert [p.name for p in counter.params] == ["step"]
    assert counter.state_inputs == (1,)
    assert counter.state_outputs == (1,)
    assert counter.data_length == 2
    assert counter.full_data([5]) == [5, None]
    assert [r.label for r in counter.returns] == ["count"]


@pytest.mark.parametrize("v", VERSIONS)
def test_files(stub_of: Any, v: int) -> None:
    app = discover(stub_of("default", v).url)
    file_info = endpoint(app, "file_info").params[0]
    assert (file_info.name, file_info.label, file_info.kind) == ("path", "file", "file")
    assert file_info.python_type == "filepath"
    assert not file_info.has_default
    assert file_info.example["meta"] == {"_type": "gradio.FileData"}
    image = endpoint(app, "image_flip").params[0]
    assert (image.kind, image.component, image.python_type) == ("file", "Image", "filepath")
    # 5.x spells ImageData out field by field; it is shortened like 4 and 6 say it
    assert endpoint(app, "image_flip").returns[0].python_type == "filepath"
    many = endpoint(app, "files_multi").params[0]
    assert (many.name, many.kind) == ("paths", "files")
    assert many.python_type == ("List[filepath]" if v == 4 else "list[filepath]")
    assert [p.name for p in endpoint(app, "files_multi").file_params] == ["paths"]
    assert endpoint(app, "reverse").file_params == ()


@pytest.mark.parametrize("v", VERSIONS)
def test_hidden_endpoints_only_with_include_hidden(stub_of: Any, v: int) -> None:
    s = stub_of("default", v)
    assert "hidden" not in names(discover(s.url))
    app = discover(s.url, include_hidden=True)
    assert names(app) == [*DEFAULT_NAMES, "hidden"]
    hidden = endpoint(app, "hidden")
    assert not hidden.visible
    assert [(p.name, p.default) for p in hidden.params] == [("text", "x")]
    assert app.named_endpoints == app.endpoints[:-1]
    assert len(s.received) == 4  # two discoveries, two requests each


@pytest.mark.parametrize("v", VERSIONS)
def test_undocumented_and_private(stub_of: Any, v: int) -> None:
    s = stub_of("kinds", v)
    assert names(discover(s.url)) == ["kinds", "one_file", "many_files", "picture", "state_first"]
    app = discover(s.url, include_hidden=True)
    assert [(e.api_name, e.visible) for e in app.endpoints][-2:] == [
        ("undocumented", False),
        ("private", False),
    ]


@pytest.mark.parametrize("v", VERSIONS)
def test_kinds(stub_of: Any, v: int) -> None:
    app = discover(stub_of("kinds", v).url)
    kinds = endpoint(app, "kinds")
    assert [(p.name, p.kind) for p in kinds.params] == [
        ("text", "string"),
        ("count", "number" if v == 4 else "integer"),  # 4 reports precision=0 as number
        ("ratio", "number"),
        ("flag", "boolean"),
        ("color", "string"),
        ("tags", "json"),
        ("payload", "json"),
    ]
    text, count, _, flag, color, tags, payload = kinds.params
    assert not text.has_default
    assert (count.default, flag.default, payload.default) == (2, False, {"a": [1, 2]})
    assert color.choices == ("red", "green")
    assert tags.choices == ("x", "y")  # a multiselect: a list of these
    assert kinds.description == ("" if v == 4 else "One input of each plain kind.")
    assert endpoint(app, "one_file").params[0].kind == "file"
    assert endpoint(app, "many_files").params[0].kind == "files"
    assert endpoint(app, "picture").params[0].kind == "file"
    first = endpoint(app, "state_first")
    assert (first.state_inputs, first.state_outputs) == ((0,), (1,))
    assert first.full_data(["hi"]) == [None, "hi"]


@pytest.mark.parametrize("v", VERSIONS)
def test_interface_default_api_name(stub_of: Any, v: int) -> None:
    app = discover(stub_of("interface", v).url)
    assert names(app) == (["shout"] if v == 6 else ["predict"])
    (param,) = app.endpoints[0].params
    assert (param.name, param.kind, param.has_default, param.example) == (
        "text",
        "string",
        False,
        "Hello!!",
    )
    assert app.endpoints[0].description == ("" if v == 4 else "Return the text upper-cased.")


@pytest.mark.parametrize("v", VERSIONS)
def test_sub_path_mount(stub_of: Any, v: int) -> None:
    s = stub_of("mount", v)
    assert s.url.endswith("/gradio")
    app = discover(s.url + "/")
    assert (app.root, app.prefix, app.major) == (s.url, PREFIX[v], v)
    assert names(app) == ["reverse"]
    assert requests_of(s) == [("GET", "/gradio/config"), ("GET", f"/gradio{PREFIX[v]}/info")]


@pytest.mark.parametrize("v", VERSIONS)
def test_login(stub_of: Any, v: int) -> None:
    s = stub_of("auth", v)
    app = discover(s.url, username="user", password="pass")
    assert app.auth_required
    assert names(app) == ["reverse", "counter"]
    assert endpoint(app, "counter").state_inputs == (1,)
    assert requests_of(s) == [
        ("GET", "/config"),
        ("POST", "/login"),
        ("GET", "/config"),
        ("GET", f"{PREFIX[v]}/info"),
    ]
    login = s.received[1]
    assert login.headers["content-type"] == "application/x-www-form-urlencoded"
    form = urllib.parse.parse_qs(login.body.decode())
    assert form == {"username": ["user"], "password": ["pass"]}
    assert "access-token" in s.received[2].headers["cookie"]
    assert "access-token" in s.received[3].headers["cookie"]


@pytest.mark.parametrize("v", VERSIONS)
def test_login_missing_credentials(stub_of: Any, v: int) -> None:
    s = stub_of("auth", v)
    wanted = "needs Gradio's login: set GRADIO_USERNAME and GRADIO_PASSWORD$"
    with pytest.raises(AppProblem, match=wanted):
        discover(s.url)
    with pytest.raises(AppProblem, match=r"set GRADIO_PASSWORD$"):
        discover(s.url, username="user")
    with pytest.raises(AppProblem, match=r"set MY_USER$"):
        discover(s.url, password="pass", username_env="MY_USER")
    assert [r.path for r in s.received] == ["/config"] * 3  # no login attempted


@pytest.mark.parametrize("v", VERSIONS)
def test_login_wrong_password(stub_of: Any, v: int) -> None:
    s = stub_of("auth", v)
    with pytest.raises(AppProblem, match=r"Incorrect credentials.*GRADIO_USERNAME and GRADIO_PASS"):
        discover(s.url, username="user", password="nope")
    assert requests_of(s) == [("GET", "/config"), ("POST", "/login")]


@pytest.mark.parametrize("v", VERSIONS)
def test_bearer_token_on_every_request(stub_of: Any, v: int) -> None:
    for name, count in (("default", 2), ("auth", 4)):
        s = stub_of(name, v)
        discover(s.url, token="hf_secret", username="user", password="pass")
        assert len(s.received) == count
        assert [r.headers.get("authorization") for r in s.received] == ["Bearer hf_secret"] * count


@pytest.mark.parametrize("v", VERSIONS)
def test_info_500_falls_back_to_config(stub_of: Any, v: int) -> None:
    good = discover(stub_of("default", v).url, include_hidden=True)
    s = stub_of("info500", v)
    app = discover(s.url, include_hidden=True)
    assert requests_of(s) == [("GET", "/config"), ("GET", f"{PREFIX[v]}/info")]
    assert s.received and (app.major, app.prefix, app.version) == (v, PREFIX[v], GRADIO[v])
    assert [(e.api_name, e.visible) for e in app.endpoints] == [
        (e.api_name, e.visible) for e in good.endpoints
    ]
    for mine, theirs in zip(app.endpoints, good.endpoints):
        assert mine.state_inputs == theirs.state_inputs
        assert mine.state_outputs == theirs.state_outputs
        assert mine.returns == theirs.returns
        assert len(mine.params) == len(theirs.params)
        for p, q in zip(mine.params, theirs.params):
            # parameter_name comes from the function's signature, which /config does not
            # show; the fallback names a parameter after its label
            if mine.api_name in ("file_info", "image_flip", "files_multi"):
                q = dataclasses.replace(q, name=p.name)
            assert p == q, (mine.api_name, p.name)


@pytest.mark.parametrize("v", VERSIONS)
def test_overrides(stub_of: Any, v: int) -> None:
    s = stub_of("default", v)
    other = 5 if v == 4 else 4
    app = discover(s.url, major=other)
    # the given major says the prefix; the info is not there, the config still tells all
    assert (app.major, app.prefix, app.version) == (other, PREFIX[other], GRADIO[v])
    assert names(app) == DEFAULT_NAMES
    assert endpoint(app, "counter").state_inputs == (1,)
    assert requests_of(s) == [("GET", "/config"), ("GET", f"{PREFIX[other]}/info")]
    s.reset()
    app = discover(s.url, api_prefix="/elsewhere/")
    assert (app.major, app.prefix) == (v, "/elsewhere")
    assert requests_of(s)[-1] == ("GET", "/elsewhere/info")
    app = discover(s.url, major=6, api_prefix="")
    assert (app.major, app.prefix) == (6, "")
    with pytest.raises(UsageProblem):
        discover(s.url, major=3)


def test_unreachable_port_fails_fast() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    wanted = rf"cannot reach http://127\.0\.0\.1:{port}: connection refused$"
    with pytest.raises(AppProblem, match=wanted):
        discover(f"http://127.0.0.1:{port}")
    assert time.monotonic() - started < 2


def test_silent_server_times_out() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(5)  # accepts connections, never answers
        port = sock.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(AppProblem, match=r"cannot reach .*: no answer within 0.4s"):
            discover(f"http://127.0.0.1:{port}", timeout=0.4)
        assert time.monotonic() - started < 2


def test_not_an_http_url() -> None:
    with pytest.raises(UsageProblem):
        discover("ftp://127.0.0.1/x")


# --- small HTTP servers ------------------------------------------------------------------


class Served:
    """A stdlib HTTP server on 127.0.0.1, port 0, answering with `answer(handler)`."""

    def __init__(self, answer: Any) -> None:
        self.received: list[tuple[str, str, dict[str, str], bytes]] = []
        served = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?")[0]
                served.received.append((self.command, path, dict(self.headers), body))
                status, ctype, data, headers = answer(self.command, path, self.headers, body)
                self.send_response(status)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_POST = do_GET

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    @property
    def paths(self) -> list[str]:
        return [r[1] for r in self.received]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served() -> Iterator[Any]:
    servers: list[Served] = []

    def make(answer: Any) -> Served:
        servers.append(Served(answer))
        return servers[-1]

    yield make
    for s in servers:
        s.stop()


def test_html_server_is_not_gradio(served: Any) -> None:
    html = b"<!doctype html><html><body>hello</body></html>"
    s = served(lambda *a: (200, "text/html", html, []))
    with pytest.raises(AppProblem, match="does not look like a Gradio app"):
        discover(f"http://127.0.0.1:{s.port}")
    assert s.paths == ["/config", "/", "/gradio_api/info"]


def test_404_server_is_not_gradio(served: Any) -> None:
    s = served(lambda *a: (404, "application/json", b'{"detail":"Not Found"}', []))
    with pytest.raises(AppProblem, match=r"does not look like a Gradio app .*/info 404"):
        discover(f"http://127.0.0.1:{s.port}")
    assert s.paths == ["/config", "/gradio_api/info", "/info"]


def test_json_that_is_not_a_config(served: Any) -> None:
    s = served(lambda *a: (200, "application/json", b'{"name": "something else"}', []))
    with pytest.raises(AppProblem, match="does not look like a Gradio app"):
        discover(f"http://127.0.0.1:{s.port}")


def test_proxy_401_asks_for_a_token(served: Any) -> None:
    body = b'{"error":"Invalid credentials in Authorization header"}'
    s = served(lambda *a: (401, "application/json", body, []))
    with pytest.raises(AppProblem, match=r"answered /config with 401 .*set HF_TOKEN"):
        discover(f"http://127.0.0.1:{s.port}")
    with pytest.raises(AppProblem, match="the token in HF_TOKEN was refused"):
        discover(f"http://127.0.0.1:{s.port}", token="bad", username="u", password="p")
    assert "/login" not in s.paths


def test_403_asks_for_a_token(served: Any) -> None:
    s = served(lambda *a: (403, "text/plain", b"Forbidden", []))
    with pytest.raises(AppProblem, match=r"403 .*HF_TOKEN"):
        discover(f"http://127.0.0.1:{s.port}")


# --- the real captures --------------------------------------------------------------------


class RealApp(Served):
    """Answers as the captured real Gradio server did (tests/fixtures/real)."""

    def __init__(
        self,
        major: int,
        app: str,
        *,
        info_status: int | None = None,
        config_status: int | None = None,
    ) -> None:
        self.major, self.app = major, app
        self.mount = "/gradio" if app == "mount_app" else ""
        self.prefix = PREFIX[major]
        self.auth = app == "auth_app"
        self.token = "t0ken"
        self.info_status = info_status
        self.config_status = config_status
        super().__init__(self._answer)
        self.url = f"http://127.0.0.1:{self.port}{self.mount}"

    def _file(self, kind: str) -> bytes:
        suffix = "-after-login" if self.auth else ""
        return (REAL / f"v{self.major}-{self.app}-{kind}{suffix}.json").read_bytes()

    def _answer(self, method: str, path: str, headers: Any, body: bytes) -> Any:
        js = "application/json"
        cookie = f"access-token-unsecure-x={self.token}"
        authed = not self.auth or cookie in (headers.get("cookie") or "")
        unauthed = (401, js, (REAL / f"v{self.major}-auth_app-config.json").read_bytes(), [])
        if method == "GET" and path == self.mount + "/config":
            if not authed:
                return unauthed
            if self.config_status is not None:
                return (self.config_status, "text/plain", b"Internal Server Error", [])
            return (200, js, self._file("config"), [])
        if method == "GET" and path == self.mount + "/" and self.config_status is not None:
            config = json.dumps(json.loads(self._file("config")), separators=(",", ":"))
            page = f"<html><script>window.gradio_config = {config};</script></html>"
            return (200, "text/html; charset=utf-8", page.encode(), [])
        if method == "GET" and path == self.mount + self.prefix + "/info":
            if not authed:
                return unauthed
            if self.info_status is not None:
                return (self.info_status, "text/plain", b"Internal Server Error", [])
            return (200, js, self._file("info"), [])
        if method == "POST" and path == self.mount + "/login" and self.auth:
            form = dict(urllib.parse.parse_qsl(body.decode()))
            if (form.get("username"), form.get("password")) == ("user", "pass"):
                return (
                    200,
                    js,
                    b'{"success":true}',
                    [
                        (
                            "set-cookie",
                            f"access-token-x={self.token}; HttpOnly; Path=/; SameSite=none; Secure",
                        ),
                        ("set-cookie", f"{cookie}; HttpOnly; Path=/; SameSite=lax"),
                    ],
                )
            return (400, js, b'{"detail":"Incorrect credentials."}', [])
        return (404, js, b'{"detail":"Not Found"}', [])


@pytest.fixture
def real() -> Iterator[Any]:
    servers: list[RealApp] = []

    def make(major: int, app: str, **kw: Any) -> RealApp:
        servers.append(RealApp(major, app, **kw))
        return servers[-1]

    yield make
    for s in servers:
        s.stop()


def real_info_names(major: int, app: str) -> list[str]:
    suffix = "-after-login" if app == "auth_app" else ""
    info = json.loads((REAL / f"v{major}-{app}-info{suffix}.json").read_text())
    return [name.lstrip("/") for name in info["named_endpoints"]]


@pytest.mark.parametrize("v", VERSIONS)
def test_real_blocks_app(real: Any, v: int) -> None:
    r = real(v, "blocks_app")
    app = discover(r.url)
    assert r.paths == ["/config", f"{PREFIX[v]}/info"]
    assert (app.root, app.version, app.major, app.prefix) == (r.url, GRADIO[v], v, PREFIX[v])
    assert names(app) == DEFAULT_NAMES == real_info_names(v, "blocks_app")
    kinds = {e.api_name: [p.kind for p in e.params] for e in app.endpoints}
    assert kinds == {
        "reverse": ["string"],
        "multi": ["string", "boolean", "number"],
        "file_info": ["file"],
        "image_flip": ["file"],
        "stream": ["string"],
        "stream_fail": ["string"],
        "counter": ["number"],
        "fail": ["string"],
        "crash": ["string"],
        "slow": ["number"],
        "types": ["string", "number", "boolean", "number", "string"],
        "echo": ["string"],
        "big": ["number"],
        "file_out": ["string"],
        "files_multi": ["files"],
    }
    multi = endpoint(app, "multi")
    assert [(p.name, p.default) for p in multi.params] == [
        ("text", "hi"),
        ("shout", False),
        ("times", 2),
    ]
    assert endpoint(app, "echo").params[0].default == ""
    assert endpoint(app, "types").params[4].choices == ("a", "b", "c")
    assert [p.name for p in endpoint(app, "file_info").params] == ["path"]
    assert [p.name for p in endpoint(app, "files_multi").params] == ["paths"]
    counter = endpoint(app, "counter")
    assert (counter.state_inputs, counter.state_outputs) == ((1,), (1,))
    assert [p.name for p in counter.params] == ["step"]
    for e in app.endpoints:
        if e.api_name != "counter":
            assert (e.state_inputs, e.state_outputs) == ((), ()), e.api_name
    assert endpoint(app, "echo").description == ("" if v == 4 else "Return the text unchanged.")
    hidden = discover(r.url, include_hidden=True)
    extra = [(e.api_name, e.visible) for e in hidden.endpoints[len(DEFAULT_NAMES) :]]
    assert extra == [("hidden", False)] + ([("private", False)] if v == 6 else [])


@pytest.mark.parametrize("v", VERSIONS)
def test_real_interface_app(real: Any, v: int) -> None:
    r = real(v, "interface_app")
    app = discover(r.url)
    expected = ["shout"] if v == 6 else ["predict"]
    assert names(app) == real_info_names(v, "interface_app") == expected
    (param,) = app.endpoints[0].params
    assert (param.name, param.kind, param.has_default) == ("text", "string", False)
    # the Interface's own listeners: js-only ones are left out, the others are hidden
    everything = discover(r.url, include_hidden=True)
    assert [(e.api_name, e.visible) for e in everything.endpoints][1:] == [
        ("lambda", False),
        ("Flag", False),
        ("reset", False),
    ]


@pytest.mark.parametrize("v", VERSIONS)
def test_real_mount_app(real: Any, v: int) -> None:
    r = real(v, "mount_app")
    app = discover(r.url)
    assert app.root == f"http://127.0.0.1:{r.port}/gradio"
    assert (app.prefix, app.major, names(app)) == (PREFIX[v], v, ["reverse"])
    assert r.paths == ["/gradio/config", f"/gradio{PREFIX[v]}/info"]
    assert app.endpoints[0].params[0].default == "hello"


@pytest.mark.parametrize("v", VERSIONS)
def test_real_auth_app(real: Any, v: int) -> None:
    r = real(v, "auth_app")
    with pytest.raises(AppProblem, match="GRADIO_USERNAME and GRADIO_PASSWORD"):
        discover(r.url)
    with pytest.raises(AppProblem, match="Incorrect credentials"):
        discover(r.url, username="user", password="wrong")
    del r.received[:]
    app = discover(r.url, username="user", password="pass", token="hf_x")
    assert app.auth_required
    assert (app.major, app.prefix, app.version) == (v, PREFIX[v], GRADIO[v])
    assert names(app) == real_info_names(v, "auth_app") == ["reverse", "counter"]
    assert endpoint(app, "counter").state_inputs == (1,)
    assert r.paths == ["/config", "/login", "/config", f"{PREFIX[v]}/info"]
    assert [h.get("Authorization") for _, _, h, _ in r.received] == ["Bearer hf_x"] * 4


@pytest.mark.parametrize("v", VERSIONS)
def test_real_info_500_falls_back_to_config(real: Any, v: int) -> None:
    good = discover(real(v, "blocks_app").url, include_hidden=True)
    r = real(v, "blocks_app", info_status=500)
    app = discover(r.url, include_hidden=True)
    assert r.paths == ["/config", f"{PREFIX[v]}/info"]
    assert (app.version, app.major, app.prefix) == (GRADIO[v], v, PREFIX[v])
    assert [(e.api_name, e.visible) for e in app.endpoints] == [
        (e.api_name, e.visible) for e in good.endpoints
    ]
    for mine, theirs in zip(app.endpoints, good.endpoints):
        assert mine.state_inputs == theirs.state_inputs
        assert mine.state_outputs == theirs.state_outputs
        # parameter_name comes from the function's signature, which /config does not show
        assert [p.name for p in mine.params] == [q.label for q in theirs.params]
        same = (
            "label",
            "component",
            "kind",
            "python_type",
            "has_default",
            "default",
            "has_example",
            "example",
            "choices",
        )
        for p, q in zip(mine.params, theirs.params):
            assert [getattr(p, k) for k in same] == [getattr(q, k) for k in same], p.name
        assert mine.returns == theirs.returns


@pytest.mark.parametrize("v", VERSIONS)
def test_real_config_from_the_page_when_config_fails(real: Any, v: int) -> None:
    r = real(v, "blocks_app", config_status=500)
    app = discover(r.url)
    assert r.paths == ["/config", "/", f"{PREFIX[v]}/info"]
    assert (app.version, app.prefix, names(app)) == (GRADIO[v], PREFIX[v], DEFAULT_NAMES)


@pytest.mark.parametrize("v", VERSIONS)
def test_real_without_config_probes_the_prefix(real: Any, v: int) -> None:
    r = real(v, "blocks_app", config_status=404)
    app = discover(r.url)
    probes = ["/config", "/gradio_api/info"] + (["/info"] if v == 4 else [])
    assert r.paths == probes
    assert (app.version, app.prefix, app.major) == ("", PREFIX[v], v)
    assert names(app) == DEFAULT_NAMES
    assert endpoint(app, "counter").state_inputs == ()  # only /config shows State
