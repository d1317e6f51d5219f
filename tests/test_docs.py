"""`curlgen docs`: Markdown for every endpoint, whose examples run as they are."""

from __future__ import annotations

import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, run_in_shell, start_stub

from curlgen.stub import DEFAULT_APP

VERSIONS = (4, 5, 6)
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def file_url() -> Iterator[str]:
    """A loopback URL of a file: the example input of the app's file parameter."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, directory=str(FIXTURES), **kw)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/upload-me.txt"
    server.shutdown()
    server.server_close()


def docs_app(file_url: str, auth: bool = False) -> dict[str, Any]:
    keep = ("reverse", "multi", "counter", "stream", "fail", "file_info", "types")
    endpoints = []
    for e in DEFAULT_APP["endpoints"]:
        if e["api_name"] not in keep:
            continue
        if e["api_name"] == "file_info":
            e = dict(
                e,
                inputs=[
                    dict(
                        e["inputs"][0],
                        example={"path": file_url, "meta": {"_type": "gradio.FileData"}},
                    )
                ],
            )
        endpoints.append(e)
    app: dict[str, Any] = {"endpoints": endpoints, "allow_hosts": ["127.0.0.1"]}
    if auth:
        app["auth"] = ["user", "pass"]
    return app


def sections(markdown: str) -> dict[str, list[str]]:
    """Endpoint path -> its fenced bash blocks."""
    out: dict[str, list[str]] = {}
    for part in re.split(r"^## ", markdown, flags=re.M)[1:]:
        name = part.split("\n", 1)[0].strip()
        out[name] = re.findall(r"```bash\n(.*?)```", part, flags=re.S)
    return out


def run_blocks(blocks: list[str], shell: str, cwd: Path, env: dict[str, str]) -> tuple[str, str]:
    """Run the two-step block as a user would (EVENT_ID set from the POST), then the one-liner."""
    two_step, one_liner = blocks
    lines = [line for line in two_step.splitlines() if line and not line.startswith("#")]
    get = lines.pop()
    res = run_in_shell(shell, "\n".join(lines), env=env, cwd=cwd)
    assert res.returncode == 0, res.stderr
    event_id = re.search(r'\{"event_id":"([0-9a-f]{32})"\}$', res.stdout)
    assert event_id, res.stdout
    first = run_in_shell(shell, get, env={**env, "EVENT_ID": event_id.group(1)}, cwd=cwd)
    second = run_in_shell(shell, one_liner, env=env, cwd=cwd)
    assert second.returncode == 0, second.stderr
    return first.stdout, second.stdout


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize("shell", ["bash", "dash"])
def test_docs_examples_run(major: int, shell: str, file_url: str, tmp_path: Path) -> None:
    stub = start_stub(major, app=docs_app(file_url))
    try:
        res = run_cli("docs", stub.url)
        assert res.exit_code == 0, res.stderr
        docs = sections(res.stdout)
        assert sorted(docs) == sorted(
            ["/reverse", "/multi", "/counter", "/stream", "/fail", "/file_info", "/types"]
        )
        for name, blocks in docs.items():
            assert len(blocks) == 2, name
            first, second = run_blocks(blocks, shell, tmp_path, {})
            for out in (first, second):
                last = out.strip().split("\n\n")[-1]
                if name == "/fail":
                    assert last.startswith("event: error"), out
                else:
                    assert last.startswith("event: complete"), (name, out)
            if name == "/file_info":
                assert ": 17 bytes" in second
            if name == "/counter":
                assert stub.calls("counter")[-1].json == {"data": [1, None]}
    finally:
        stub.stop()


def test_docs_with_login(file_url: str, tmp_path: Path) -> None:
    stub = start_stub(5, app=docs_app(file_url, auth=True))
    try:
        env = {"GRADIO_USERNAME": "user", "GRADIO_PASSWORD": "pass"}
        res = run_cli("docs", stub.url, env=env)
        assert res.exit_code == 0, res.stderr
        assert "behind Gradio's login" in res.stdout
        blocks = sections(res.stdout)["/reverse"]
        lines = [line for line in blocks[0].splitlines() if line and not line.startswith("#")]
        assert lines[0].startswith("printf '%s' \"$GRADIO_PASSWORD\" | curl")
        first, second = run_blocks(blocks, "dash", tmp_path, env)
        assert first.endswith('data: ["olleh"]\n\n') and second.endswith('data: ["olleh"]\n\n')
    finally:
        stub.stop()


def test_docs_file_output_and_contents(stubs: Any, tmp_path: Path) -> None:
    out = tmp_path / "API.md"
    res = run_cli("docs", stubs[6].url, "-o", str(out))
    assert res.exit_code == 0
    text = out.read_text()
    assert text.startswith(f"# API of {stubs[6].url}\n")
    assert "Gradio 6.31.0, API prefix `/gradio_api`" in text
    assert "- [`/reverse`](#reverse)" in text
    assert '| `text` | str | `"hello"` | Textbox |' in text
    assert "`curlgen script" in text
    assert "/hidden" not in text


def test_docs_errors() -> None:
    res = run_cli("docs", "http://127.0.0.1:9")
    assert res.exit_code == 1 and res.stderr.count("\n") == 1
    res = run_cli("docs", "not a url")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1


def test_docs_endpoint_without_example(tmp_path: Path) -> None:
    app = {
        "endpoints": [
            {
                "api_name": "need",
                "fn": "echo",
                "inputs": [{"component": "Textbox", "label": "text"}],
                "outputs": [{"component": "Textbox", "label": "out"}],
            }
        ]
    }
    stub = start_stub(6, app=app)
    try:
        res = run_cli("docs", stub.url)
        assert res.exit_code == 0, res.stderr
        blocks = sections(res.stdout)["/need"]
        # Textbox has an example ("Hello!!"), so a runnable example is still there.
        assert len(blocks) == 2
        assert json.loads(re.search(r"-d '(.*?)'", blocks[0]).group(1))["data"] == ["Hello!!"]
    finally:
        stub.stop()


def test_docs_token_option(stubs: Any) -> None:
    res = run_cli("docs", stubs[6].url, "--token", "--token-env", "MY_TOKEN")
    assert res.exit_code == 0
    blocks = sections(res.stdout)["/reverse"]
    assert all('-H "Authorization: Bearer $MY_TOKEN"' in b for b in blocks)
    assert "Bearer" not in run_cli("docs", stubs[6].url).stdout
