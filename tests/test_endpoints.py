"""`curlgen endpoints`: the table and the JSON document, through the CLI, against the stub."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT, run_cli, start_stub

from curlgen.listing import SCHEMA_ID, SCHEMA_PATH
from curlgen.stub import StubServer, load_app

APPS = Path(__file__).resolve().parent / "stub_apps"
VERSIONS = (4, 5, 6)
PREFIX = {4: "", 5: "/gradio_api", 6: "/gradio_api"}
GRADIO = {4: "4.44.1", 5: "5.50.0", 6: "6.31.0"}


@pytest.fixture(scope="module")
def auth_apps() -> Iterator[dict[int, StubServer]]:
    servers = {v: start_stub(v, app=load_app(APPS / "auth.json")) for v in VERSIONS}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture(scope="module")
def kinds_apps() -> Iterator[dict[int, StubServer]]:
    servers = {v: start_stub(v, app=load_app(APPS / "kinds.json")) for v in VERSIONS}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def listing(*args: str, env: dict[str, str] | None = None) -> str:
    res = run_cli("endpoints", *args, env=env)
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    return res.stdout


def as_json(*args: str, env: dict[str, str] | None = None) -> Any:
    text = listing(*args, "--json", env=env)
    assert text.endswith("}\n")
    return json.loads(text)


@pytest.mark.parametrize("v", VERSIONS)
def test_text(stubs: dict[int, StubServer], v: int) -> None:
    url = stubs[v].url
    text = listing(url)
    lines = text.splitlines()
    assert lines[0] == f"{url}  Gradio {GRADIO[v]}  API prefix: {PREFIX[v] or 'none'}"
    assert "\n/reverse\n" in text
    assert f"  POST {url}{PREFIX[v]}/call/counter\n" in text
    assert "state: send data as [step, null]" in text
    assert "/hidden" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "required" in text  # file_info's file has no default


@pytest.mark.parametrize("v", VERSIONS)
def test_all_lists_hidden_endpoints(kinds_apps: dict[int, StubServer], v: int) -> None:
    url = kinds_apps[v].url
    assert "/undocumented" not in listing(url)
    text = listing(url, "--all")
    assert "\n/undocumented  (hidden from the API page)\n" in text
    assert "\n/private  (hidden from the API page)\n" in text
    assert text.index("/private") > text.index("/state_first")


@pytest.mark.parametrize("v", VERSIONS)
def test_text_shows_choices_and_state(kinds_apps: dict[int, StubServer], v: int) -> None:
    text = listing(kinds_apps[v].url)
    color = next(line for line in text.splitlines() if line.strip().startswith("color"))
    assert color.split() == [
        "color",
        "Literal['red',",
        "'green']",
        '"red"',
        "Dropdown",
        '"red",',
        '"green"',
    ]
    assert (
        "state: send data as [null, text] (null holds each gr.State slot); "
        "the result is [text, null]" in text
    )


@pytest.mark.parametrize("v", VERSIONS)
def test_json(stubs: dict[int, StubServer], validator: Any, v: int) -> None:
    url = stubs[v].url
    doc = as_json(url)
    validator.validate(doc)
    assert doc["schema"] == SCHEMA_ID
    assert doc["app"] == {
        "url": url,
        "gradio_version": GRADIO[v],
        "major": v,
        "api_prefix": PREFIX[v],
        "auth_required": False,
    }
    by_name = {e["api_name"]: e for e in doc["endpoints"]}
    assert "/hidden" not in by_name
    assert list(by_name)[:3] == ["/reverse", "/multi", "/file_info"]
    assert by_name["/counter"]["state_inputs"] == [1]
    assert by_name["/counter"]["state_outputs"] == [1]
    times = by_name["/multi"]["parameters"][2]
    assert times == {
        "name": "times",
        "label": "times",
        "type": "number",
        "python_type": "float",
        "type_description": "numeric value between 1 and 5" if v == 4 else "",
        "component": "Slider",
        "required": False,
        "default": 2,
        "example": 1,
        "choices": [],
    }
    path = by_name["/file_info"]["parameters"][0]
    assert (path["type"], path["required"], path["default"]) == ("file", True, None)
    assert by_name["/files_multi"]["parameters"][0]["type"] == "files"
    assert by_name["/types"]["parameters"][4]["choices"] == ["a", "b", "c"]
    assert by_name["/multi"]["returns"][0] == {
        "label": "joined",
        "python_type": "str",
        "component": "Textbox",
    }


@pytest.mark.parametrize("v", VERSIONS)
def test_json_all(kinds_apps: dict[int, StubServer], validator: Any, v: int) -> None:
    doc = as_json(kinds_apps[v].url, "--all")
    validator.validate(doc)
    assert [(e["api_name"], e["visible"]) for e in doc["endpoints"]] == [
        ("/kinds", True),
        ("/one_file", True),
        ("/many_files", True),
        ("/picture", True),
        ("/state_first", True),
        ("/undocumented", False),
        ("/private", False),
    ]
    kinds = doc["endpoints"][0]["parameters"]
    assert [p["type"] for p in kinds] == [
        "string",
        "number" if v == 4 else "integer",
        "number",
        "boolean",
        "string",
        "json",
        "json",
    ]
    assert kinds[0]["required"] and kinds[0]["default"] is None
    assert kinds[6]["default"] == {"a": [1, 2]}


def test_json_is_stable(stubs: dict[int, StubServer]) -> None:
    url = stubs[5].url
    first = listing(url, "--json")
    assert first == listing(url, "--json")
    assert first.startswith('{\n  "schema": "curlgen.endpoints/1",\n  "app": {\n')


@pytest.mark.parametrize("v", VERSIONS)
def test_login_from_the_environment(
    auth_apps: dict[int, StubServer], validator: Any, v: int
) -> None:
    s = auth_apps[v]
    env = {"GRADIO_USERNAME": "user", "GRADIO_PASSWORD": "pass"}
    doc = as_json(s.url, env=env)
    validator.validate(doc)
    assert doc["app"]["auth_required"] is True
    assert [e["api_name"] for e in doc["endpoints"]] == ["/reverse", "/counter"]
    assert listing(s.url, env=env).splitlines()[0].endswith("  login required")
    custom = {"MY_USER": "user", "MY_PASS": "pass"}
    assert as_json(s.url, "--username-env", "MY_USER", "--password-env", "MY_PASS", env=custom)


@pytest.mark.parametrize("v", VERSIONS)
def test_login_errors(auth_apps: dict[int, StubServer], v: int) -> None:
    url = auth_apps[v].url
    res = run_cli("endpoints", url)
    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr == (
        f"curlgen: error: {url} needs Gradio's login: set GRADIO_USERNAME and GRADIO_PASSWORD\n"
    )
    res = run_cli("endpoints", url, env={"GRADIO_USERNAME": "user", "GRADIO_PASSWORD": "no"})
    assert res.exit_code == 1
    assert "Incorrect credentials" in res.stderr and res.stderr.count("\n") == 1


def test_bearer_token_from_the_environment(stubs: dict[int, StubServer]) -> None:
    s = stubs[6]
    s.reset()
    listing(s.url, env={"HF_TOKEN": "hf_abc"})
    assert [r.headers.get("authorization") for r in s.received] == ["Bearer hf_abc"] * 2


@pytest.mark.parametrize("v", VERSIONS)
def test_one_config_and_one_info(stubs: dict[int, StubServer], v: int) -> None:
    s = stubs[v]
    s.reset()
    listing(s.url)
    assert [(r.method, r.path) for r in s.received] == [
        ("GET", "/config"),
        ("GET", f"{PREFIX[v]}/info"),
    ]


def test_overrides(stubs: dict[int, StubServer]) -> None:
    doc = as_json(stubs[5].url, "--gradio", "4")
    assert (doc["app"]["major"], doc["app"]["api_prefix"]) == (4, "")
    assert doc["app"]["gradio_version"] == "5.50.0"
    assert doc["endpoints"][6]["state_inputs"] == [1]  # from /config: info is not at /info
    doc = as_json(stubs[6].url, "--api-prefix", "gradio_api/")
    assert (doc["app"]["major"], doc["app"]["api_prefix"]) == (6, "/gradio_api")


def test_unreachable_exits_1() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    res = run_cli("endpoints", f"http://127.0.0.1:{port}")
    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr == (
        f"curlgen: error: cannot reach http://127.0.0.1:{port}: connection refused\n"
    )


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/app", "not a url", "http://"])
def test_bad_url_exits_2(url: str) -> None:
    res = run_cli("endpoints", url)
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.startswith("curlgen: error: ") and res.stderr.count("\n") == 1


def test_golden_text(stubs: dict[int, StubServer], golden: Any) -> None:
    url = stubs[5].url
    text = listing(url, "--all").replace(url, "http://127.0.0.1:7860")
    golden("endpoints/default-v5.txt", text)


def test_schema_ships_in_the_wheel(tmp_path: Path) -> None:
    assert SCHEMA_PATH.parent.name == "curlgen" and SCHEMA_PATH.is_file()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("curlgen/endpoints.schema.json") == SCHEMA_PATH.read_bytes()
        assert "curlgen/listing.py" in zf.namelist()
