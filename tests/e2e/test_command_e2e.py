"""`curlgen command` against real Gradio 4, 5 and 6: the printed commands run in bash and dash.

Each case runs for every major, both ways of learning the app (`--offline --gradio N`, and
discovery from the running app), both styles (two-step, one-liner) and both shells, and
asserts the exact SSE the commands print.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from conftest import run_cli, run_in_shell
from e2e_conftest import AUTH, MAJOR_IDS, MAJORS, RealApps

pytestmark = pytest.mark.e2e

SHELLS = ("bash", "dash")
STYLES = ("two-step", "one-liner")
MODES = ("offline", "discover")
LOGIN_ENV = {"GRADIO_USERNAME": AUTH[0], "GRADIO_PASSWORD": AUTH[1]}
HOSTILE = 'it\'s "q" $HOME `id` $(echo pwned) \\ back\\\\slash\nnew\tline é 😀 ü !x %s'

F = TypeVar("F", bound=Callable[..., Any])


def matrix(test: F) -> F:
    """Run a test for every major, mode, shell and style."""
    for name, values in (
        ("style", STYLES),
        ("shell", SHELLS),
        ("mode", MODES),
    ):
        test = pytest.mark.parametrize(name, values)(test)
    return pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)(test)  # type: ignore[no-any-return]


def generate(
    url: str,
    api: str | None,
    *args: str,
    major: int,
    mode: str,
    style: str,
    env: dict[str, str] | None = None,
) -> str:
    """Run `curlgen command` (offline with --gradio N, or discovering the app); its output."""
    argv = ["command", url, *([api] if api else []), *args, "--style", style]
    if mode == "offline":
        argv += ["--offline", "--gradio", str(major)]
    res = run_cli(*argv, env=env)
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    return res.stdout


def commands_of(text: str) -> list[str]:
    """The command lines of a listing, comments left out."""
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def run_output(
    shell: str, style: str, text: str, cwd: Path, env: dict[str, str] | None = None
) -> str:
    """Run what `curlgen command` printed as a user would; the SSE the GET printed."""
    env = env or {}
    if style == "one-liner":
        assert text.count("\n") == 1 and text.endswith("\n"), text
        res = run_in_shell(shell, text, env=env, cwd=cwd, timeout=60)
        assert (res.returncode, res.stderr) == (0, ""), res
        return res.stdout
    lines = commands_of(text)
    if lines[0].startswith("printf"):  # the login line
        login = run_in_shell(shell, lines.pop(0), env=env, cwd=cwd)
        assert (login.returncode, login.stdout) == (0, '{"success":true}'), login
    assert len(lines) == 2, text
    post = run_in_shell(shell, lines[0], env=env, cwd=cwd)
    assert post.returncode == 0, post
    match = re.fullmatch(r'\{"event_id":"([0-9a-f]{32})"\}', post.stdout)
    assert match, post
    get = run_in_shell(
        shell, lines[1], env={**env, "EVENT_ID": match.group(1)}, cwd=cwd, timeout=60
    )
    assert get.returncode == 0, get
    return get.stdout


def complete(*values: Any) -> str:
    """The exact SSE of a successful call (Gradio frames data with json.dumps defaults)."""
    return f"event: complete\ndata: {json.dumps(list(values))}\n\n"


@matrix
def test_reverse_hostile_string(
    real: RealApps, major: int, mode: str, shell: str, style: str, tmp_path: Path
) -> None:
    """Quotes, $, backticks, backslashes, newlines and non-ASCII reach the app unchanged."""
    app = real.get(major, "blocks_app")
    data = json.dumps([HOSTILE])
    text = generate(app.url, "reverse", "--data", data, major=major, mode=mode, style=style)
    assert run_output(shell, style, text, tmp_path) == complete(HOSTILE[::-1])


@matrix
def test_multi_typed_values(
    real: RealApps, major: int, mode: str, shell: str, style: str, tmp_path: Path
) -> None:
    """A string, a boolean and a number; discovered apps also take -p NAME=VALUE typed."""
    app = real.get(major, "blocks_app")
    if mode == "offline":
        inputs = ["--data", '["hi", true, 3]']
    else:
        inputs = ["-p", "text=hi", "-p", "shout=true", "-p", "times=3"]
    text = generate(app.url, "/multi", *inputs, major=major, mode=mode, style=style)
    assert '{"data": ["hi", true, 3]}' in text
    assert run_output(shell, style, text, tmp_path) == complete("HI HI HI", 6)


@matrix
def test_counter_keeps_state_with_session_hash(
    real: RealApps, major: int, mode: str, shell: str, style: str, tmp_path: Path
) -> None:
    """The same command twice with --session-hash counts 1 then 2."""
    app = real.get(major, "blocks_app")
    session = f"e2e-{uuid.uuid4().hex[:12]}"
    # Offline the State slot is the user's to fill; discovery finds it in /config.
    inputs = ["--data", "[1, null]"] if mode == "offline" else ["-p", "step=1"]
    text = generate(
        app.url,
        "counter",
        *inputs,
        "--session-hash",
        session,
        major=major,
        mode=mode,
        style=style,
    )
    assert f'"session_hash": "{session}"' in text
    first = run_output(shell, style, text, tmp_path)
    second = run_output(shell, style, text, tmp_path)
    assert (first, second) == (complete("count=1", None), complete("count=2", None))


@matrix
def test_auth_app_with_login(
    real: RealApps, major: int, mode: str, shell: str, style: str, tmp_path: Path
) -> None:
    """--login (or discovery, logged in from the environment) and the run-time variables."""
    app = real.get(major, "auth_app")
    args = ["--data", '["hello"]']
    if mode == "offline":
        text = generate(app.url, "reverse", *args, "--login", major=major, mode=mode, style=style)
    else:
        text = generate(
            app.url, "reverse", *args, major=major, mode=mode, style=style, env=LOGIN_ENV
        )
    assert "$GRADIO_PASSWORD" in text and f"={AUTH[1]}" not in text  # read at run time
    assert run_output(shell, style, text, tmp_path, env=LOGIN_ENV) == complete("olleh")
    assert (tmp_path / "cookies.txt").is_file()


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_auth_app_wrong_password(real: RealApps, major: int, tmp_path: Path) -> None:
    """A wrong password at run time: the one-liner stops at the login, prints no stream."""
    app = real.get(major, "auth_app")
    text = generate(
        app.url,
        "reverse",
        "--data",
        '["x"]',
        "--login",
        major=major,
        mode="offline",
        style="one-liner",
    )
    env = {"GRADIO_USERNAME": AUTH[0], "GRADIO_PASSWORD": "wrong"}
    for shell in SHELLS:
        res = run_in_shell(shell, text, env=env, cwd=tmp_path)
        assert res.returncode != 0, res
        assert res.stdout == ""
        assert "400" in res.stderr, res.stderr


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_discovery_needs_the_login_variables(real: RealApps, major: int) -> None:
    """Discovering an auth app without GRADIO_USERNAME/PASSWORD: one line on stderr, no trace."""
    app = real.get(major, "auth_app")
    res = run_cli("command", app.url, "reverse", "--data", '["x"]')
    assert res.exit_code in (1, 2), res
    assert res.stdout == ""
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr, res.stderr
    assert "GRADIO_USERNAME" in res.stderr or "GRADIO_PASSWORD" in res.stderr, res.stderr


@matrix
def test_mount_app_under_a_path(
    real: RealApps, major: int, mode: str, shell: str, style: str, tmp_path: Path
) -> None:
    """An app mounted at /gradio: every URL keeps the mount path before the prefix."""
    app = real.get(major, "mount_app")
    assert app.url.endswith("/gradio")
    text = generate(app.url, "reverse", "--data", '["hello"]', major=major, mode=mode, style=style)
    assert f"{app.api_url}/call/reverse" in text
    assert run_output(shell, style, text, tmp_path) == complete("olleh")


@matrix
def test_interface_app(
    real: RealApps, major: int, mode: str, shell: str, style: str, tmp_path: Path
) -> None:
    """gr.Interface: predict on 4/5, shout on 6; discovery picks the only endpoint itself."""
    app = real.get(major, "interface_app")
    api = ("shout" if major >= 6 else "predict") if mode == "offline" else None
    text = generate(app.url, api, "--data", '["hi there"]', major=major, mode=mode, style=style)
    assert f"/call/{'shout' if major >= 6 else 'predict'}" in text
    assert run_output(shell, style, text, tmp_path) == complete("HI THERE")


def _one_liner(shell: str, text: str, cwd: Path) -> tuple[int, str, str]:
    res = run_in_shell(shell, text, cwd=cwd, timeout=60)
    return res.returncode, res.stdout, res.stderr


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_app_errors_and_exit_codes(real: RealApps, major: int, mode: str, tmp_path: Path) -> None:
    """gr.Error, a crash and a generator: the stream as each version sends it, exit 0."""
    app = real.get(major, "blocks_app")
    expected_error = {
        "fail": None
        if major < 6
        else {
            "error": "custom failure for 'boom'",
            "duration": 10,
            "visible": True,
            "title": "Error",
        },
        "crash": None if major < 6 else {"error": None},
    }
    for api, error in expected_error.items():
        text = generate(
            app.url, api, "--data", '["boom"]', major=major, mode=mode, style="one-liner"
        )
        for shell in SHELLS:
            assert _one_liner(shell, text, tmp_path) == (
                0,
                f"event: error\ndata: {json.dumps(error)}\n\n",
                "",
            )
    text = generate(
        app.url, "stream", "--data", '["a b c"]', major=major, mode=mode, style="one-liner"
    )
    frames = "".join(
        f"event: generating\ndata: {json.dumps([part])}\n\n" for part in ("a", "a b", "a b c")
    )
    for shell in SHELLS:
        assert _one_liner(shell, text, tmp_path) == (0, frames + complete("a b c"), "")


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_wrong_version_or_api_fails_visibly(real: RealApps, major: int, tmp_path: Path) -> None:
    """A wrong prefix (the other version) or an unknown api: non-zero, POST failed, no GET."""
    app = real.get(major, "blocks_app")
    other = 5 if major == 4 else 4
    wrong_prefix = generate(
        app.url, "reverse", "--data", '["x"]', major=other, mode="offline", style="one-liner"
    )
    unknown = generate(
        app.url, "no_such_api", "--data", '["x"]', major=major, mode="offline", style="one-liner"
    )
    for shell in SHELLS:
        code, out, err = _one_liner(shell, wrong_prefix, tmp_path)
        assert (code != 0, out) == (True, ""), err
        assert 'POST failed: {"detail":"Not Found"}' in err, err
        code, out, err = _one_liner(shell, unknown, tmp_path)
        assert (code != 0, out) == (True, ""), err
        assert "POST failed: " in err, err
        last = "FnIndexInferError" if major == 5 else "Internal Server Error"
        assert last in err, err
