"""Helpers to generate scripts with curlgen and run them as users do."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import run_cli

# Where each flavour claims to run: the bash flavour under bash and zsh, sh under dash and busybox.
RUNNERS = {
    "bash": [["bash"], ["zsh"]],
    "sh": [["dash"], ["busybox", "sh"]],
}
ALL_RUNS = [(flavour, runner) for flavour, runners in RUNNERS.items() for runner in runners]
RUN_IDS = [f"{f}-{r[0]}" for f, r in ALL_RUNS]


def make_script(
    path: Path,
    url: str,
    api: str | None,
    *args: str,
    shell: str = "bash",
    offline_major: int | None = None,
    env: dict[str, str] | None = None,
) -> Path:
    """Run `curlgen script` and return the file it wrote."""
    argv = ["script", url]
    if api:
        argv.append(api)
    if offline_major is not None:
        argv = ["script", "--offline", "--gradio", str(offline_major), url] + ([api] if api else [])
    argv += [*args, "--shell", shell, "-o", str(path)]
    res = run_cli(*argv, env=env)
    assert res.exit_code == 0, res.stderr
    assert path.stat().st_mode & 0o111, "the script is executable"
    return path


def base_env(tmpdir: Path | None = None, **extra: str) -> dict[str, str]:
    """A run-time environment without GRADIO_*/HF_* from outside, with a private TMPDIR."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADIO_", "HF_", "CURLGEN_"))}
    if tmpdir is not None:
        tmpdir.mkdir(exist_ok=True)
        env["TMPDIR"] = str(tmpdir)
    env.update(extra)
    return env


def run_script(
    runner: Sequence[str],
    script: Path,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `script` with interpreter `runner`."""
    if shutil.which(runner[0]) is None:
        pytest.fail(f"{runner[0]} is not installed: .ci/run installs it")
    return subprocess.run(
        [*runner, str(script), *args],
        capture_output=True,
        text=True,
        env=env if env is not None else base_env(),
        timeout=timeout,
        cwd=cwd,
    )


def busybox_path(tmp: Path) -> str:
    """A PATH where every POSIX tool is busybox's (as on Alpine), plus the system's curl."""
    bindir = tmp / "busybox-bin"
    bindir.mkdir(exist_ok=True)
    busybox = shutil.which("busybox")
    assert busybox, "busybox is not installed: .ci/run installs it"
    for tool in (
        "busybox",
        "sh",
        "awk",
        "sed",
        "tail",
        "head",
        "mktemp",
        "tr",
        "dd",
        "tee",
        "mkfifo",
        "date",
        "sleep",
        "rm",
        "cat",
        "mkdir",
        "mv",
        "printf",
        "kill",
    ):
        link = bindir / tool
        if not link.exists():
            link.symlink_to(busybox)
    curl = shutil.which("curl")
    assert curl
    if not (bindir / "curl").exists():
        (bindir / "curl").symlink_to(curl)
    return str(bindir)


def awk_path(tmp: Path, awk: str) -> str:
    """A PATH whose `awk` is `awk` (mawk, gawk, original-awk or busybox); set CURLGEN_AWK=awk
    too, or the script reads live streams with gawk where it finds one."""
    bindir = tmp / f"awk-{awk}"
    bindir.mkdir(exist_ok=True)
    target = shutil.which(awk)
    assert target, f"{awk} is not installed: .ci/run installs it"
    link = bindir / "awk"
    if not link.exists():
        link.symlink_to(target)
    return os.pathsep.join([str(bindir), os.environ.get("PATH", "")])
