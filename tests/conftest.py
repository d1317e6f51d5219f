"""Shared fixtures: a clean environment, stub servers on port 0, shells, goldens."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from curlgen.cli import main as cli_main
from curlgen.stub import DEFAULT_APP, StubServer

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Every shell that curlgen's output claims to run in. A missing one fails, never skips.
SHELLS = {
    "bash": ["bash", "-c"],
    "zsh": ["zsh", "-c"],
    "dash": ["dash", "-c"],
    "busybox": ["busybox", "sh", "-c"],
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the current output"
    )


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No GRADIO_* or HF_TOKEN from the developer's shell; the Hub is never reached."""
    for name in list(os.environ):
        if name.startswith(("GRADIO_", "HF_")) or name == "CURLGEN_URL":
            monkeypatch.delenv(name, raising=False)
    # Port 9 on loopback refuses at once: a Space id falls back to its derived host.
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")


@dataclass
class Result:
    """What a CLI run gave."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run curlgen in-process through Click's runner."""
    runner = CliRunner()
    res = runner.invoke(cli_main, list(args), env=env, catch_exceptions=False)
    return Result(res.exit_code, res.stdout, res.stderr)


@pytest.fixture
def cli() -> Any:
    """The `run_cli` helper as a fixture."""
    return run_cli


def shell_argv(shell: str) -> list[str]:
    """argv prefix that runs a command string in `shell`; fails if it is missing."""
    argv = SHELLS[shell]
    if shutil.which(argv[0]) is None:
        pytest.fail(f"{argv[0]} is not installed: .ci/run installs it (apt-get install {argv[0]})")
    return argv


def run_in_shell(
    shell: str,
    code: str,
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 30,
) -> subprocess.CompletedProcess[str]:
    """Run `code` as a `shell -c` command string."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADIO_", "HF_"))}
    full_env.update(env or {})
    return subprocess.run(
        [*shell_argv(shell), code],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )


def start_stub(gradio: int, app: dict[str, Any] | None = None, **kw: Any) -> StubServer:
    """A stub server on 127.0.0.1, port 0, with a short heartbeat."""
    kw.setdefault("heartbeat", 0.2)
    return StubServer(gradio=gradio, host="127.0.0.1", port=0, app=app, **kw).start()


@pytest.fixture(scope="session")
def stubs() -> Iterator[dict[int, StubServer]]:
    """One default-app stub per Gradio major version, shared by the session."""
    servers = {v: start_stub(v) for v in (4, 5, 6)}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture(scope="session")
def auth_stubs() -> Iterator[dict[int, StubServer]]:
    """One stub per version whose app needs the login user/pass."""
    app = dict(DEFAULT_APP, auth=["user", "pass"])
    servers = {v: start_stub(v, app=app) for v in (4, 5, 6)}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Any:
    """Compare text with tests/golden/<name>; --update-golden rewrites it."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden {path} is missing: run pytest --update-golden and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert text == path.read_text(encoding="utf-8"), f"output differs from golden {name}"

    return check
