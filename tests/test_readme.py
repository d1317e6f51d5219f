"""README's commands work as written: the quickstart, and every console example's output."""

from __future__ import annotations

import re
import socket
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, start_stub

README = (ROOT / "README.md").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_readme_has_the_two_commands() -> None:
    assert "```sh\npip install . && " in README
    assert "```sh\npip install -e '.[test]' && python -m pytest -n 2\n```" in README
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python -m pytest -n 2" in ci, ".ci/run runs README's test command"


def test_quickstart_runs(tmp_path: Path) -> None:
    block = re.search(r"## Install and try it.*?```sh\n(.*?)\n```", README, re.S)
    assert block
    # curlgen is installed already (pytest runs from the package); the rest runs as written.
    command = block.group(1).replace("pip install . && ", "", 1).replace("7861", str(free_port()))
    res = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout == '["!lruc ,olleH"]\n'


def console_blocks() -> list[list[tuple[str, str]]]:
    """Each console block without `...` as ($ command, expected output) pairs, in order."""
    blocks = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        if "\n...\n" in block or "huggingface.co" in block:
            continue  # cut short, or asks the Hub (test_cli covers `space` offline)
        pairs = []
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            pairs.append((command, output))
        blocks.append(pairs)
    return blocks


BLOCKS = console_blocks()


@pytest.fixture(scope="module")
def readme_stub() -> object:
    stub = start_stub(6)
    yield stub
    stub.stop()


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0][0][:40] for b in BLOCKS])
def test_console_block(block: list[tuple[str, str]], readme_stub: object, tmp_path: Path) -> None:
    """Each command of a block runs in turn in one folder and prints what README shows."""
    url = readme_stub.url  # type: ignore[attr-defined]
    for command, expected in block:
        res = subprocess.run(
            ["bash", "-c", "{ " + command.replace("http://127.0.0.1:7860", url) + "\n} 2>&1"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=60,
        )
        assert res.stdout == expected.replace("http://127.0.0.1:7860", url), command
