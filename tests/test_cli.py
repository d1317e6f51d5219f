"""The CLI itself: version, help, completion, one-line errors, packaging."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from curlgen import __version__

COMMANDS = ["command", "script", "endpoints", "docs", "space", "stub"]


def test_version() -> None:
    for flag in ("--version", "-V"):
        res = run_cli(flag)
        assert res.exit_code == 0
        assert res.stdout == f"curlgen, version {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples(command: str) -> None:
    res = run_cli(command, "--help")
    assert res.exit_code == 0
    assert "Examples:" in res.stdout and f"curlgen {command} " in res.stdout
    assert run_cli(command, "-h").stdout == res.stdout


def test_group_help_lists_commands() -> None:
    res = run_cli("--help")
    for command in COMMANDS:
        assert f"  {command} " in res.stdout
    assert "Shell completion" in res.stdout


def test_completion_script() -> None:
    res = subprocess.run(
        ["curlgen"],
        env={
            "_CURLGEN_COMPLETE": "bash_source",
            "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0
    assert "_curlgen_completion" in res.stdout
    words = subprocess.run(
        ["curlgen"],
        capture_output=True,
        text=True,
        env={
            "_CURLGEN_COMPLETE": "bash_complete",
            "COMP_WORDS": "curlgen scr",
            "COMP_CWORD": "1",
            "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
        },
    )
    assert "script" in words.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["nope"],
        ["command"],
        ["command", "--offline", "http://x", "p", "--data", "{"],
        ["command", "--offline", "http://x", "p", "--style", "bad", "--data", "[]"],
        ["command", "--offline", "--gradio", "7", "http://x", "p", "--data", "[]"],
        ["command", "--offline", "ftp://x", "p", "--data", "[]"],
        ["command", "--offline", "http://x", "p", "--data", "[]", "--session-hash", "a b"],
        ["command", "--offline", "http://x", "p", "--data", "[]", "--api-prefix", "a'b"],
        ["space", "not a space"],
        ["script", "--offline", "http://x"],
    ],
)
def test_bad_usage_is_one_line_exit_2(args: list[str]) -> None:
    res = run_cli(*args)
    assert res.exit_code == 2, res.stderr
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("curlgen: error: ")
    assert "Traceback" not in res.stderr
    assert res.stdout == ""


def test_unreachable_app_is_exit_1() -> None:
    res = run_cli("command", "http://127.0.0.1:9", "predict")
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and "cannot reach" in res.stderr


def test_space_command() -> None:
    assert run_cli("space", "abidlabs/en2fr").stdout == "https://abidlabs-en2fr.hf.space\n"
    assert (
        run_cli("space", "https://huggingface.co/spaces/abidlabs/en2fr").stdout
        == "https://abidlabs-en2fr.hf.space\n"
    )
    assert (
        run_cli("space", "https://huggingface.co/spaces/Some_User/My.App/").stdout
        == "https://some-user-my-app.hf.space\n"
    )
    assert (
        run_cli("space", "https://abidlabs-en2fr.hf.space/").stdout
        == "https://abidlabs-en2fr.hf.space\n"
    )
    long = run_cli("space", "a-very-long-organisation-name/and-an-even-longer-space-name-here")
    assert long.exit_code == 0 and "may differ" in long.stderr


def test_space_asks_the_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    import http.server
    import threading

    class Hub(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            assert self.path == "/api/spaces/owner/name/host"
            body = b'{"subdomain": "owner-name-x1", "host": "https://owner-name-x1.hf.space"}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_address[1]}")
        assert run_cli("space", "owner/name").stdout == "https://owner-name-x1.hf.space\n"
        assert run_cli("space", "--offline", "owner/name").stdout == "https://owner-name.hf.space\n"
        res = run_cli("command", "--offline", "owner/name", "predict", "--data", "[1]")
        assert "https://owner-name.hf.space/gradio_api/call/predict" in res.stdout
    finally:
        server.shutdown()
        server.server_close()


def test_wheel_ships_templates(tmp_path: Path) -> None:
    res = subprocess.run(
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
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    wheel = next(tmp_path.glob("curlgen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(p.name for p in (ROOT / "templates").glob("*.j2"))
    assert (
        sorted(n.rsplit("/", 1)[-1] for n in names if n.startswith("curlgen/templates/"))
        == templates
    )
    assert "curlgen/endpoints.schema.json" in names


def test_installed_wheel_works_from_another_folder(tmp_path: Path) -> None:
    """`pip install .` in a fresh venv, then curlgen from elsewhere: the issue's 'done when'."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    res = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(ROOT)], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    res = subprocess.run(
        [
            str(env_dir / "bin" / "curlgen"),
            "command",
            "--offline",
            "http://127.0.0.1:7860",
            "predict",
            "--data",
            '["hi"]',
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
    )
    assert res.returncode == 0, res.stderr
    assert "curl -X POST http://127.0.0.1:7860/gradio_api/call/predict" in res.stdout
    res = subprocess.run(
        [
            str(env_dir / "bin" / "curlgen"),
            "script",
            "--offline",
            "http://127.0.0.1:7860",
            "predict",
            "--data",
            '["hi"]',
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
    )
    assert res.returncode == 0 and res.stdout.startswith("#!/usr/bin/env bash")
