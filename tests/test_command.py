"""`curlgen command`: every printed command is run in every shell against the stub."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import SHELLS, run_cli, run_in_shell
from hypothesis import given
from hypothesis import strategies as st

VERSIONS = (4, 5, 6)
MODES = ("plain", "token", "login", "session")
USER = "user"
PASSWORD = "pass"
TOKEN = "hf_test_token_123"


def generate(
    url: str,
    major: int,
    style: str,
    mode: str,
    *,
    api: str = "reverse",
    data: str = '["hello"]',
    session: str = "s3ss10n",
    fmt: str = "text",
) -> str:
    """Run `curlgen command` and return what it printed."""
    args = [
        "command",
        "--offline",
        "--gradio",
        str(major),
        url,
        api,
        "--data",
        data,
        "--style",
        style,
        "--format",
        fmt,
    ]
    if mode == "token":
        args.append("--token")
    if mode == "login":
        args.append("--login")
    if mode == "session":
        args += ["--session-hash", session]
    res = run_cli(*args)
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    return res.stdout


def env_for(mode: str) -> dict[str, str]:
    """The run-time environment the generated commands read."""
    if mode == "token":
        return {"HF_TOKEN": TOKEN}
    if mode == "login":
        return {"GRADIO_USERNAME": USER, "GRADIO_PASSWORD": PASSWORD}
    return {}


def commands_of(text: str) -> list[str]:
    """The command lines of a two-step listing, comments left out."""
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def run_two_step(shell: str, text: str, env: dict[str, str], cwd: Path) -> str:
    """Run the two-step listing as a user would: POST, read the id, GET with EVENT_ID set."""
    lines = commands_of(text)
    if lines[0].startswith("printf"):  # the login line
        login = run_in_shell(shell, lines.pop(0), env=env, cwd=cwd)
        assert login.returncode == 0, login.stderr
        assert login.stdout == '{"success":true}'
    assert len(lines) == 2, text
    post = run_in_shell(shell, lines[0], env=env, cwd=cwd)
    assert post.returncode == 0, post.stderr
    m = re.fullmatch(r'\{"event_id":"([0-9a-f]{32})"\}', post.stdout)
    assert m, post.stdout
    get = run_in_shell(shell, lines[1], env={**env, "EVENT_ID": m.group(1)}, cwd=cwd)
    assert get.returncode == 0, get.stderr
    return get.stdout


def run_one_liner(shell: str, text: str, env: dict[str, str], cwd: Path) -> str:
    """Paste the one line into `shell`."""
    assert text.count("\n") == 1 and text.endswith("\n"), text
    res = run_in_shell(shell, text, env=env, cwd=cwd)
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""
    return res.stdout


def sse_events(stream: str) -> list[tuple[str, Any]]:
    """`event: X` / `data: J` pairs of an SSE stream."""
    events = re.findall(r"event: (\w+)\ndata: (.*)\n\n", stream)
    return [(name, json.loads(data)) for name, data in events]


def check_received(stub: Any, mode: str, payload: dict[str, Any]) -> None:
    """The last call POST the stub saw carries the payload and the auth of `mode`."""
    post = stub.calls()[-1]
    assert post.json == payload
    assert post.headers.get("content-type") == "application/json"
    if mode == "token":
        assert post.headers.get("authorization") == f"Bearer {TOKEN}"
    else:
        assert "authorization" not in post.headers
    if mode == "login":
        assert "access-token" in post.headers.get("cookie", "")


@pytest.mark.parametrize("shell", list(SHELLS))
@pytest.mark.parametrize("style", ["two-step", "one-liner"])
@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize("mode", ["plain", "token", "login"])
def test_commands_run(
    shell: str, style: str, major: int, mode: str, stubs: Any, auth_stubs: Any, tmp_path: Path
) -> None:
    stub = (auth_stubs if mode == "login" else stubs)[major]
    text = generate(stub.url, major, style, mode)
    env = env_for(mode)
    runner = run_two_step if style == "two-step" else run_one_liner
    out = runner(shell, text, env, tmp_path)
    assert sse_events(out) == [("complete", ["olleh"])]
    check_received(stub, mode, {"data": ["hello"]})
    if mode == "login":
        # the GET carried the cookie too: without it the stub answers 401
        gets = [r for r in stub.received if r.method == "GET" and "/call/" in r.path]
        assert "access-token" in gets[-1].headers.get("cookie", "")
        assert (tmp_path / "cookies.txt").exists()


@pytest.mark.parametrize("shell", list(SHELLS))
@pytest.mark.parametrize("style", ["two-step", "one-liner"])
@pytest.mark.parametrize("major", VERSIONS)
def test_session_keeps_state(
    shell: str, style: str, major: int, stubs: Any, tmp_path: Path
) -> None:
    stub = stubs[major]
    session = f"sess{major}{shell}{style.replace('-', '')}"
    text = generate(
        stub.url, major, style, "session", api="counter", data="[1, null]", session=session
    )
    runner = run_two_step if style == "two-step" else run_one_liner
    first = sse_events(runner(shell, text, {}, tmp_path))
    second = sse_events(runner(shell, text, {}, tmp_path))
    assert first == [("complete", ["count=1", None])]
    assert second == [("complete", ["count=2", None])]
    check_received(stub, "session", {"data": [1, None], "session_hash": session})
    gets = [r for r in stub.received if r.method == "GET" and "/call/counter/" in r.path]
    if major < 6:
        assert gets[-1].path.endswith(f"/{session}")  # 4/5: GET by session, not by event id
    else:
        assert re.search(r"/[0-9a-f]{32}$", gets[-1].path)


def test_one_liner_reports_a_failed_post(stubs: Any, tmp_path: Path) -> None:
    stub = stubs[5]
    text = generate(stub.url, 5, "one-liner", "plain", api="no_such_api")
    for shell in SHELLS:
        res = run_in_shell(shell, text, cwd=tmp_path)
        assert res.returncode != 0
        assert res.stdout == ""
        assert "POST failed: " in res.stderr
        assert "FnIndexInferError" in res.stderr


@pytest.mark.parametrize("major", VERSIONS)
def test_prefix_per_version(major: int) -> None:
    text = generate("http://127.0.0.1:7860", major, "two-step", "plain", api="/predict")
    prefix = "" if major == 4 else "/gradio_api"
    assert f"curl -X POST http://127.0.0.1:7860{prefix}/call/predict " in text
    assert f'curl -N "http://127.0.0.1:7860{prefix}/call/predict/$EVENT_ID"' in text


def test_api_prefix_option() -> None:
    res = run_cli(
        "command",
        "--offline",
        "--api-prefix",
        "custom/api/",
        "http://h:1/app",
        "predict",
        "--data",
        "[1]",
    )
    assert res.exit_code == 0
    assert "http://h:1/app/custom/api/call/predict " in res.stdout


def test_seed_shape_two_step() -> None:
    text = generate(
        "https://abidlabs-en2fr.hf.space",
        4,
        "two-step",
        "token",
        api="predict",
        data='["Hello, my friend."]',
    )
    assert commands_of(text) == [
        'curl -X POST https://abidlabs-en2fr.hf.space/call/predict -H "Content-Type: '
        'application/json" -H "Authorization: Bearer $HF_TOKEN" -d \'{"data": ["Hello, my '
        "friend.\"]}'",
        'curl -N "https://abidlabs-en2fr.hf.space/call/predict/$EVENT_ID" '
        '-H "Authorization: Bearer $HF_TOKEN"',
    ]


def test_token_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_secret_value")
    monkeypatch.setenv("GRADIO_PASSWORD", "secret-password")
    text = generate("http://127.0.0.1:7860", 6, "one-liner", "token")
    assert "hf_secret_value" not in text and "secret-password" not in text
    assert "$HF_TOKEN" in text


def test_token_env_name() -> None:
    res = run_cli(
        "command",
        "--offline",
        "http://h:1",
        "p",
        "--data",
        "[1]",
        "--token",
        "--token-env",
        "MY_TOKEN",
    )
    assert '-H "Authorization: Bearer $MY_TOKEN"' in res.stdout
    bad = run_cli(
        "command",
        "--offline",
        "http://h:1",
        "p",
        "--data",
        "[1]",
        "--token",
        "--token-env",
        "MY TOKEN; rm",
    )
    assert bad.exit_code == 2
    assert bad.stderr.count("\n") == 1


@pytest.mark.parametrize("style", ["two-step", "one-liner"])
@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("dialect", ["sh", "bash", "dash"])
def test_shellcheck_clean(style: str, major: int, mode: str, dialect: str, tmp_path: Path) -> None:
    text = generate(
        "http://127.0.0.1:7860",
        major,
        style,
        mode,
        data='["it\'s $HOME `x` \\\\ \\"q\\" \\n é 😀 !x"]',
    )
    script = tmp_path / "cmd.sh"
    script.write_text(text, encoding="utf-8")
    res = subprocess.run(["shellcheck", "-s", dialect, str(script)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_markdown_format(golden: Any) -> None:
    text = generate(
        "http://127.0.0.1:7860",
        5,
        "two-step",
        "login",
        fmt="markdown",
        api="predict",
        data='["hi"]',
    )
    lines = text.splitlines()
    assert lines[0].startswith("Call `/predict` of http://127.0.0.1:7860 (Gradio 5)")
    assert lines[2] == "```bash" and lines[-1] == "```"
    golden("command/markdown-two-step-login-v5.md", text)


@pytest.mark.parametrize(
    ("name", "major", "style", "mode"),
    [
        ("two-step-v4", 4, "two-step", "plain"),
        ("two-step-token-v6", 6, "two-step", "token"),
        ("one-liner-login-v5", 5, "one-liner", "login"),
        ("one-liner-session-v4", 4, "one-liner", "session"),
    ],
)
def test_goldens(name: str, major: int, style: str, mode: str, golden: Any) -> None:
    text = generate(
        "http://127.0.0.1:7860", major, style, mode, api="predict", data='["Hello, my friend."]'
    )
    golden(f"command/{name}.sh", text)


# Arbitrary text: quotes, $, backticks, backslashes, newlines, non-ASCII. Lone surrogates
# cannot be encoded in a command line at all, so they are left out.
hostile_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("'\"$`\\!*?[]{}()<>|&;#~ \t\n\r%=,-")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


@given(
    text=hostile_text,
    shell=st.sampled_from(sorted(SHELLS)),
    style=st.sampled_from(["two-step", "one-liner"]),
)
def test_any_value_arrives_unchanged(
    text: str, shell: str, style: str, stubs: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    stub = stubs[6]
    cwd = tmp_path_factory.mktemp("q")
    out = generate(stub.url, 6, style, "plain", api="echo", data=json.dumps([text]))
    runner = run_two_step if style == "two-step" else run_one_liner
    events = sse_events(runner(shell, out, {}, cwd))
    assert stub.calls("echo")[-1].json == {"data": [text]}
    assert events == [("complete", [text])]


@pytest.mark.parametrize("style", ["two-step", "one-liner"])
@pytest.mark.parametrize("mode", MODES)
def test_commands_are_shfmt_clean(style: str, mode: str, tmp_path: Path) -> None:
    text = generate("http://127.0.0.1:7860", 5, style, mode, data='["it\'s $x"]')
    path = tmp_path / "c.sh"
    path.write_text(text, encoding="utf-8")
    res = subprocess.run(
        ["shfmt", "-i", "2", "-ci", "-d", str(path)], capture_output=True, text=True
    )
    assert (res.returncode, res.stdout) == (0, "")
