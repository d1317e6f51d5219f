"""`curlgen script` against real Gradio 4, 5 and 6: generated scripts run as users run them.

Every script here is made by discovery from the running app (no `--gradio`, no prefix given),
linted by shellcheck in its own dialect, and run: the bash flavour by bash, the sh flavour by
dash, and a subset also by zsh and busybox sh. Each case asserts the exit code, stdout and
stderr that SPEC section 3 promises, against what the real server sends.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import struct
import subprocess
import time
import uuid
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from e2e_conftest import AUTH, MAJOR_IDS, MAJORS, RealApps, Target
from scriptkit import ALL_RUNS, RUN_IDS, base_env, make_script, run_script

pytestmark = pytest.mark.e2e

# The flavours on their main shells (bash by bash, sh by dash); ALL_RUNS adds zsh and busybox.
RUNS = [ALL_RUNS[0], ALL_RUNS[2]]
RUNS_IDS = [RUN_IDS[0], RUN_IDS[2]]
LOGIN_ENV = {"GRADIO_USERNAME": AUTH[0], "GRADIO_PASSWORD": AUTH[1]}
HOSTILE = 'it\'s "q" $HOME `id` $(echo pwned) \\ back\\\\slash\nnew\tline é 😀 ü !x %s *'

F = TypeVar("F", bound=Callable[..., Any])


def each_major(runs: Sequence[tuple[str, list[str]]], ids: Sequence[str]) -> Callable[[F], F]:
    """Run a test for every major and each (flavour, runner) of `runs`."""

    def mark(test: F) -> F:
        test = pytest.mark.parametrize(("flavour", "runner"), runs, ids=ids)(test)
        return pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)(test)  # type: ignore[no-any-return]

    return mark


on_main_shells = each_major(RUNS, RUNS_IDS)
on_all_shells = each_major(ALL_RUNS, RUN_IDS)

# Scripts already linted in this worker, by content with the per-test parts (the app URL, the
# test's folder) taken out: the same script for another test is not linted twice.
_LINTED: set[str] = set()


def lint(script: Path, flavour: str, url: str) -> None:
    """shellcheck the script in its own dialect (`-s bash` or `-s sh`)."""
    text = script.read_text(encoding="utf-8")
    text = text.replace(url, "@URL@").replace(str(script.parent), "@DIR@")
    key = hashlib.sha256(f"{flavour}\0{script.name}\0{text}".encode()).hexdigest()
    if key in _LINTED:
        return
    res = subprocess.run(
        ["shellcheck", "-s", flavour, str(script)], capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 0, f"shellcheck -s {flavour} {script.name}:\n{res.stdout}{res.stderr}"
    _LINTED.add(key)


def generate(
    tmp_path: Path,
    app: Target,
    api: str | None,
    flavour: str,
    *args: str,
    env: dict[str, str] | None = None,
    check: bool = True,
) -> Path:
    """`curlgen script APP [API] ARGS --shell FLAVOUR -o FILE`, discovering the app; linted."""
    script = make_script(
        tmp_path / f"{api or 'app'}.{flavour}.sh", app.url, api, *args, shell=flavour, env=env
    )
    if check:
        lint(script, flavour, app.url)
    return script


def run(
    runner: Sequence[str],
    script: Path,
    *args: str,
    tmp_path: Path,
    timeout: float = 60,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run the script in `runner` from tmp_path, with a private TMPDIR and the extra `env`."""
    return run_script(
        runner, script, *args, env=base_env(tmp_path / "tmp", **env), cwd=tmp_path, timeout=timeout
    )


def leftovers(tmp_path: Path) -> list[str]:
    """What the script left in its TMPDIR (it must remove its temporary folder)."""
    return sorted(p.name for p in (tmp_path / "tmp").iterdir())


def line(*values: Any) -> str:
    """The stdout of a successful call: `data` as the server framed it (json.dumps defaults)."""
    return json.dumps(list(values)) + "\n"


def outcome(res: subprocess.CompletedProcess[str]) -> tuple[int, str, str]:
    """Exit code, stdout, stderr."""
    return res.returncode, res.stdout, res.stderr


# ---- values in, values out -------------------------------------------------------------------


@on_all_shells
def test_reverse_hostile_string(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """Quotes, $, backticks, backslashes, a newline, non-ASCII and an emoji come back reversed."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "reverse", flavour)
    res = run(runner, script, "--text", HOSTILE, tmp_path=tmp_path)
    assert outcome(res) == (0, line(HOSTILE[::-1]), "")
    res = run(runner, script, f"--text={HOSTILE}", tmp_path=tmp_path)
    assert outcome(res) == (0, line(HOSTILE[::-1]), "")
    # No arguments: the value baked in at generation, the app's default "hello".
    assert outcome(run(runner, script, tmp_path=tmp_path)) == (0, line("olleh"), "")
    assert leftovers(tmp_path) == []


@on_main_shells
def test_hostile_value_baked_in(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """A hostile value given at generation (-p) is written into the script and sent exactly."""
    app = real.get(major, "blocks_app")
    # Linted apart: test_hostile_value_baked_in_passes_shellcheck.
    script = generate(tmp_path, app, "echo", flavour, "-p", f"text={HOSTILE}", check=False)
    assert outcome(run(runner, script, tmp_path=tmp_path)) == (0, line(HOSTILE), "")


@pytest.mark.parametrize(("flavour", "runner"), RUNS, ids=RUNS_IDS)
def test_hostile_value_baked_in_passes_shellcheck(
    real: RealApps, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """The script with a hostile value baked in passes shellcheck in its dialect."""
    app = real.get(6, "blocks_app")
    script = generate(tmp_path, app, "echo", flavour, "-p", f"text={HOSTILE}", check=False)
    res = subprocess.run(["shellcheck", "-s", flavour, str(script)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout


def received(text: Any, number: Any, flag: Any, slider: Any, choice: Any) -> dict[str, Any]:
    """What /types reports for these values: each value and its Python type name."""
    values = {"text": text, "number": number, "flag": flag, "slider": slider, "choice": choice}
    return {name: {"value": v, "type": type(v).__name__} for name, v in values.items()}


@on_main_shells
def test_types_arrive_typed(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """Number, checkbox, slider and dropdown flags are sent as JSON of their type."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "types", flavour)
    args = ["--text", "5", "--number", "2.5", "--flag", "false", "--slider", "7", "--choice", "b"]
    res = run(runner, script, *args, tmp_path=tmp_path)
    assert outcome(res) == (0, line(received("5", 2.5, False, 7, "b")), "")
    res = run(runner, script, "--number", "-4", "--flag", "true", tmp_path=tmp_path)
    assert outcome(res) == (0, line(received("hello", -4, True, 5, "a")), "")
    # A value that is not of the flag's type stops the script before any request.
    for bad in (["--number", "x"], ["--flag", "maybe"], ["--slider", "1,5"]):
        res = run(runner, script, *bad, tmp_path=tmp_path)
        assert (res.returncode, res.stdout) == (2, ""), (bad, res.stderr)
        assert bad[0] in res.stderr and res.stderr.count("\n") == 1, res.stderr
    # Out of range and out of the choices: real 4.x does not validate Slider and Dropdown,
    # 5 and 6 answer `event: error` (6 with the message).
    res = run(runner, script, "--slider", "70", "--choice", "zz", tmp_path=tmp_path)
    if major == 4:
        assert outcome(res) == (0, line(received("hello", 3, True, 70, "zz")), "")
    else:
        assert (res.returncode, res.stdout) == (1, ""), res.stderr
        if major == 6:
            assert "Value 70 is greater than maximum value 10" in res.stderr
        else:
            assert "Gradio 5 sends no message" in res.stderr
    res = run(runner, script, "--choice", "zz", tmp_path=tmp_path)
    if major == 4:
        assert res.returncode == 0, res.stderr
    else:
        assert (res.returncode, res.stdout) == (1, ""), res.stderr
        if major == 6:
            assert "Value: zz is not in the list of choices" in res.stderr


@on_main_shells
def test_data_flag(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """--data gives the whole data list; a bad one is exit 2."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "multi", flavour)
    assert outcome(run(runner, script, tmp_path=tmp_path)) == (0, line("hi hi", 4), "")
    res = run(runner, script, "--data", '["ab", true, 3]', tmp_path=tmp_path)
    assert outcome(res) == (0, line("AB AB AB", 6), "")
    res = run(runner, script, "--text", "x", "--shout", "true", "--times", "5", tmp_path=tmp_path)
    assert outcome(res) == (0, line("X X X X X", 5), "")
    res = run(runner, script, "--data", "[1, 2", tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (2, "")


# ---- streaming -------------------------------------------------------------------------------


def stamped_lines(
    runner: Sequence[str], script: Path, *args: str, tmp_path: Path
) -> tuple[list[tuple[float, str]], float, int, str]:
    """Run the script and time each stdout line as it is read from the pipe; and the exit."""
    proc = subprocess.Popen(
        [*runner, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=base_env(tmp_path / "tmp"),
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    try:
        lines = [(time.monotonic(), text) for text in proc.stdout]
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    ended = time.monotonic()
    return lines, ended, proc.returncode, proc.stderr.read()


@on_all_shells
def test_stream_partials_arrive_before_the_end(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """--stream: each partial as the app yields it (0.3 s apart), then the final line."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "stream", flavour)
    lines, ended, code, err = stamped_lines(
        runner, script, "--stream", "--text", "a b c d", tmp_path=tmp_path
    )
    assert (code, err) == (0, "")
    assert [text for _, text in lines] == [
        line("a"),
        line("a b"),
        line("a b c"),
        line("a b c d"),
        line("a b c d"),
    ]
    # The app sleeps 0.3 s before each part: the first part is read ~0.9 s before the last.
    assert lines[3][0] - lines[0][0] > 0.6, lines
    assert ended - lines[0][0] > 0.6, "the first partial came only at the end"
    # Without --stream: only the final line.
    res = run(runner, script, "--text", "a b", tmp_path=tmp_path)
    assert outcome(res) == (0, line("a b"), "")


@on_main_shells
def test_raw_passes_the_sse_through(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """--raw prints the server-sent events as the server sent them."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "stream", flavour)
    res = run(runner, script, "--raw", "--text", "x y", tmp_path=tmp_path)
    assert outcome(res) == (
        0,
        'event: generating\ndata: ["x"]\n\n'
        'event: generating\ndata: ["x y"]\n\n'
        'event: complete\ndata: ["x y"]\n\n',
        "",
    )


# ---- failures reported by the app ------------------------------------------------------------


@on_main_shells
def test_app_errors_are_exit_1(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """gr.Error, a crash and a generator that fails: exit 1, nothing (more) on stdout."""
    app = real.get(major, "blocks_app")
    no_message = f"Gradio {major} sends no message"
    res = run(runner, generate(tmp_path, app, "fail", flavour), tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (1, ""), res.stderr
    if major == 6:
        assert "the app reported an error: custom failure for 'boom'" in res.stderr
    else:
        assert no_message in res.stderr, res.stderr
    res = run(runner, generate(tmp_path, app, "crash", flavour), tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (1, ""), res.stderr
    # 6 sends {"error": null} for an exception that is not gr.Error: no message either.
    assert f"Gradio {major} sends no message" in res.stderr, res.stderr
    assert "unexpected boom" not in res.stderr
    script = generate(tmp_path, app, "stream_fail", flavour)
    res = run(runner, script, "--stream", "--text", "s", tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (1, line("partial 1") + line("partial 2")), res.stderr
    if major == 6:
        assert "stream failed after 2 parts for 's'" in res.stderr
    else:
        assert no_message in res.stderr
    res = run(runner, script, tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (1, ""), res.stderr
    assert leftovers(tmp_path) == []


# ---- state and sessions ----------------------------------------------------------------------


@on_all_shells
def test_counter_session_adds_up(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """--session S twice: the gr.State total adds up; without a session it starts again."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "counter", flavour)
    session = f"e2e{uuid.uuid4().hex[:16]}"
    first = run(runner, script, "--session", session, "--step", "2", tmp_path=tmp_path)
    assert outcome(first) == (0, line("count=2", None), "")
    second = run(runner, script, "--session", session, "--step", "3", tmp_path=tmp_path)
    assert outcome(second) == (0, line("count=5", None), "")
    # The State slot is filled by the script (4 and 5 need it); no session: a fresh state.
    assert outcome(run(runner, script, tmp_path=tmp_path)) == (0, line("count=1", None), "")
    assert outcome(run(runner, script, tmp_path=tmp_path)) == (0, line("count=1", None), "")


# ---- login -----------------------------------------------------------------------------------


@on_main_shells
def test_auth_app_login(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """Discovery logs in from the environment; the script logs in at run time, or exits 3."""
    app = real.get(major, "auth_app")
    script = generate(tmp_path, app, "reverse", flavour, env=LOGIN_ENV)
    assert "GRADIO_PASSWORD" in script.read_text()
    res = run(runner, script, "--text", "abc", tmp_path=tmp_path, **LOGIN_ENV)
    assert outcome(res) == (0, line("cba"), "")
    assert leftovers(tmp_path) == [], "the cookie jar is removed"
    res = run(runner, script, "--text", "abc", tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (3, ""), res.stderr
    assert "HTTP 401" in res.stderr, res.stderr
    assert "log in" in res.stderr and "GRADIO_USERNAME" in res.stderr, res.stderr
    wrong = {"GRADIO_USERNAME": AUTH[0], "GRADIO_PASSWORD": "wrong"}
    res = run(runner, script, tmp_path=tmp_path, **wrong)
    assert (res.returncode, res.stdout) == (3, ""), res.stderr
    assert "login refused" in res.stderr, res.stderr
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("major", MAJORS, ids=MAJOR_IDS)
def test_auth_app_counter_session(real: RealApps, major: int, tmp_path: Path) -> None:
    """Login and a session together: the state adds up behind the login (dash)."""
    app = real.get(major, "auth_app")
    script = generate(tmp_path, app, "counter", "sh", env=LOGIN_ENV)
    session = f"e2e{uuid.uuid4().hex[:16]}"
    for expected in ("count=1", "count=2"):
        res = run(["dash"], script, "--session", session, tmp_path=tmp_path, **LOGIN_ENV)
        assert outcome(res) == (0, line(expected, None), "")


# ---- other app shapes ------------------------------------------------------------------------


@on_main_shells
def test_mount_app_under_a_path(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """An app mounted at /gradio in FastAPI: the script keeps the mount path."""
    app = real.get(major, "mount_app")
    assert app.url.endswith("/gradio")
    script = generate(tmp_path, app, "reverse", flavour)
    assert f"readonly DEFAULT_URL={app.url}\n" in script.read_text()
    assert outcome(run(runner, script, "--text", "mounted ü", tmp_path=tmp_path)) == (
        0,
        line("ü detnuom"),
        "",
    )


@on_main_shells
def test_interface_app_only_endpoint(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """gr.Interface with API_NAME left out: predict on 4/5, shout on 6, found by curlgen."""
    app = real.get(major, "interface_app")
    script = generate(tmp_path, app, None, flavour)
    name = "shout" if major >= 6 else "predict"
    assert f"readonly API_NAME={name}\n" in script.read_text()
    res = run(runner, script, "--data", '["hi there"]', tmp_path=tmp_path)
    assert outcome(res) == (0, line("HI THERE"), "")
    # No default: the baked-in value is the schema's example input.
    assert outcome(run(runner, script, tmp_path=tmp_path)) == (0, line("HELLO!!"), "")
    res = run(runner, script, "--text", "x y", tmp_path=tmp_path)
    assert outcome(res) == (0, line("X Y"), "")


# ---- files -----------------------------------------------------------------------------------


def write(folder: Path, name: str, content: bytes) -> Path:
    """A local file to upload."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


@on_main_shells
def test_file_info_upload(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """A local path with a space, quotes and non-ASCII is uploaded; the app reports it."""
    app = real.get(major, "blocks_app")
    path = write(tmp_path / "in", 'my photo ü "q".txt', b"hello upload\n")
    script = generate(tmp_path, app, "file_info", flavour)
    out = tmp_path / "out"
    res = run(runner, script, "--path", str(path), "--download", str(out), tmp_path=tmp_path)
    assert res.returncode == 0, res.stderr
    report, summary = json.loads(res.stdout)
    # curl sends `"` in a multipart file name as %22 (as browsers do); Gradio then drops the
    # characters it does not keep in names: 4 and 5 `%` and `"`, 6 only `"`.
    name = "my photo ü %22q%22.txt" if major == 6 else "my photo ü 22q22.txt"
    assert summary == f"{name}: 13 bytes"
    # The report file of the result was saved, with what the app wrote in it.
    saved = out / report["orig_name"]
    assert f"saved {saved}" in res.stderr
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [f"file: {name}", "size: 13 bytes"]
    assert lines[2].startswith(f"path: {app.temp_dir}/"), lines


@on_all_shells
def test_file_out_download(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """--download DIR saves `report ü é.txt` on every version (4.44.1's url is broken)."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "file_out", flavour)
    out = tmp_path / "out dir ü"
    content = "it's\n$HOME é 😀"
    res = run(runner, script, "--content", content, "--download", str(out), tmp_path=tmp_path)
    assert res.returncode == 0, res.stderr
    result = json.loads(res.stdout)
    assert res.stdout.count("\n") == 1
    assert result[0]["orig_name"] == "report ü é.txt"
    if major == 4:
        # Gradio 4.44.1 cuts 11 characters off /call/file_out: the url is /ca/file=..., a 404;
        # the script builds $P/file=PATH instead.
        assert "/ca/file=" in result[0]["url"], result
    assert res.stderr == f"{script.name}: saved {out}/report ü é.txt\n"
    assert sorted(p.name for p in out.iterdir()) == ["report ü é.txt"]
    assert (out / "report ü é.txt").read_text(encoding="utf-8") == content
    # Without --download nothing is saved, stderr stays empty.
    res = run(runner, script, "--content", "x", tmp_path=tmp_path)
    assert (res.returncode, res.stderr) == (0, "")
    assert leftovers(tmp_path) == []


@on_main_shells
def test_files_multi_repeated_flag(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """The file flag repeated: both files uploaded, in order, whatever their names."""
    app = real.get(major, "blocks_app")
    first = write(tmp_path / "in", "a 'x' $y.txt", b"abc")
    second = write(tmp_path / "in", 'b "q" `z` ü;c=d.txt', b"12345")
    script = generate(tmp_path, app, "files_multi", flavour)
    res = run(runner, script, "--paths", str(first), "--paths", str(second), tmp_path=tmp_path)
    assert res.returncode == 0, res.stderr
    (files,) = json.loads(res.stdout)
    assert [f["size"] for f in files] == [3, 5]
    # Gradio drops some characters from uploaded names (quotes, $, backquotes); the rest stays.
    assert files[0]["name"].startswith("a ") and files[0]["name"].endswith(".txt"), files
    assert files[1]["name"].startswith("b ") and "ü" in files[1]["name"], files
    res = run(runner, script, "--paths", str(second), tmp_path=tmp_path)
    assert res.returncode == 0, res.stderr
    assert [f["size"] for f in json.loads(res.stdout)[0]] == [5]


def png(rows: list[list[tuple[int, int, int]]]) -> bytes:
    """An 8-bit RGB PNG of these pixel rows (pure Python: zlib and struct)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    raw = b"".join(b"\x00" + b"".join(bytes(px) for px in row) for row in rows)
    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_rows(data: bytes) -> list[list[tuple[int, ...]]]:
    """The RGB pixel rows of an 8-bit RGB or RGBA PNG (every filter type)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:16]
    pos, idat, width, height, color = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and color in (2, 6) and interlace == 0, body
        elif kind == b"IDAT":
            idat += body
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[list[tuple[int, ...]]] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, cur = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            a = cur[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                cur[x] = (cur[x] + a) & 255
            elif kind == 2:
                cur[x] = (cur[x] + b) & 255
            elif kind == 3:
                cur[x] = (cur[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(cur[i * bpp : i * bpp + 3]) for i in range(width)])
        prev = cur
    return rows


@on_main_shells
def test_image_flip_upload_and_download(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """A PNG made here goes up, the mirrored PNG comes down into --download DIR."""
    app = real.get(major, "blocks_app")
    rows = [[(x * 60, y * 90, 7) for x in range(4)] for y in range(3)]
    image = write(tmp_path / "in", "small img ü.png", png(rows))
    script = generate(tmp_path, app, "image_flip", flavour)
    out = tmp_path / "out"
    res = run(runner, script, "--path", str(image), "--download", str(out), tmp_path=tmp_path)
    assert res.returncode == 0, res.stderr
    (flipped,) = json.loads(res.stdout)
    saved = out / flipped["orig_name"]
    assert res.stderr == f"{script.name}: saved {saved}\n"
    assert png_rows(saved.read_bytes()) == [row[::-1] for row in rows]


# ---- time limits and signals -----------------------------------------------------------------


@on_main_shells
def test_timeout_is_exit_4(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """slow(5) with --timeout 2: exit 4 after about 2 s, nothing on stdout, TMPDIR clean."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "slow", flavour)
    started = time.monotonic()
    res = run(runner, script, "--seconds", "5", "--timeout", "2", tmp_path=tmp_path)
    took = time.monotonic() - started
    assert (res.returncode, res.stdout) == (4, ""), res.stderr
    assert "timed out after 2s" in res.stderr, res.stderr
    assert 1.5 < took < 3.5, took
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("flavour", "runner"), RUNS, ids=RUNS_IDS)
def test_timeout_stderr_is_only_the_message(
    real: RealApps, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """A timeout says so in one line on stderr, with no shell error before it."""
    app = real.get(6, "blocks_app")
    script = generate(tmp_path, app, "slow", flavour)
    res = run(runner, script, "--seconds", "2", "--timeout", "1", tmp_path=tmp_path)
    assert outcome(res) == (4, "", f"{script.name}: error: timed out after 1s (GET slow result)\n")


def session_procs(sid: int) -> list[str]:
    """`pid args` of every live process of session `sid` (what the script started).

    Zombies are left out: a curl killed as the script exits is reparented to PID 1, which
    reaps it a moment later; dead, it holds no connection.
    """
    ps = subprocess.run(
        ["ps", "-ww", "-eo", "pid=,sid=,stat=,args="], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for row in ps.splitlines():
        pid, psid, stat, args = [*row.split(None, 3), "", "", ""][:4]
        if psid == str(sid) and pid != str(sid) and not stat.startswith("Z"):
            found.append(f"{pid} {args}")
    return found


def settled(sid: int, grace: float = 1.0) -> list[str]:
    """The live processes of session `sid` once they had `grace` seconds to end."""
    deadline = time.monotonic() + grace
    while (left := session_procs(sid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@on_all_shells
def test_sigint_during_slow(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """SIGINT while the GET waits for slow(3): exit 130 at once, no curl left, TMPDIR clean."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "slow", flavour)
    get_url = f"{app.api_url}/call/slow/"
    # 3 s, not more: the app goes on sleeping after the interrupt, and the `slow` queue of the
    # shared app (one call at a time) delays the docs test's slow example meanwhile.
    # Its own session: the processes it leaves can be told from other tests' curls.
    proc = subprocess.Popen(
        [*runner, str(script), "--seconds", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=base_env(tmp_path / "tmp"),
        cwd=tmp_path,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 15
        while not any("curl" in p and get_url in p for p in session_procs(proc.pid)):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the script never reached its GET"
            time.sleep(0.05)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=5)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert (proc.returncode, out) == (130, ""), err
    assert took < 2, took
    left = settled(proc.pid)
    assert [p for p in left if app.url in p] == [], "curl left running"
    assert left == [], "the script left processes running"
    assert leftovers(tmp_path) == []


# ---- a script for the wrong version ----------------------------------------------------------


@pytest.mark.parametrize("major", [m for m in MAJORS if m >= 5], ids=MAJOR_IDS[1:])
@pytest.mark.parametrize(("flavour", "runner"), RUNS, ids=RUNS_IDS)
def test_wrong_version_404_hint(
    real: RealApps, major: int, flavour: str, runner: list[str], tmp_path: Path
) -> None:
    """A script made with --gradio 4 (no prefix) run against a real 5 or 6: exit 3, a hint."""
    app = real.get(major, "blocks_app")
    script = generate(tmp_path, app, "reverse", flavour, "--gradio", "4", "--data", '["x"]')
    assert "readonly API_PREFIX=''" in script.read_text()
    res = run(runner, script, tmp_path=tmp_path)
    assert (res.returncode, res.stdout) == (3, ""), res.stderr
    assert f"HTTP 404 from POST {app.url}/call/reverse" in res.stderr, res.stderr
    assert "wrong API prefix or Gradio version" in res.stderr, res.stderr
    assert leftovers(tmp_path) == []
