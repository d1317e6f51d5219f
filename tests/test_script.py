"""`curlgen script`: every generated script is shellchecked and run against the stub."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_APP, run_cli, start_stub
from scriptkit import ALL_RUNS, RUN_IDS, awk_path, base_env, busybox_path, make_script, run_script

VERSIONS = (4, 5, 6)


@pytest.fixture(scope="module")
def fault_stubs() -> Any:
    """Stubs of each version whose faults the tests change: never shared with other modules."""
    servers = {v: start_stub(v) for v in VERSIONS}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.fixture
def stub_for(fault_stubs: Any) -> Any:
    """A clean stub of a version, faults reset after the test."""
    used: list[Any] = []

    def get(major: int) -> Any:
        s = fault_stubs[major]
        s.reset()
        used.append(s)
        return s

    yield get
    for s in used:
        s.reset()


def script_for(
    tmp_path: Path, url: str, major: int, api: str, data: str, shell: str, *extra: str
) -> Path:
    return make_script(
        tmp_path / f"{api}.sh", url, api, "--data", data, *extra, shell=shell, offline_major=major
    )


def lint(path: Path, shell: str) -> None:
    res = subprocess.run(["shellcheck", "-s", shell, str(path)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def tmp_left(tmpdir: Path) -> list[str]:
    return sorted(p.name for p in tmpdir.iterdir())


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_happy_path(
    major: int, flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "multi", '["hi", true, 3]', flavour)
    lint(script, flavour)
    tmpdir = tmp_path / "t"
    res = run_script(runner, script, env=base_env(tmpdir))
    assert (res.returncode, res.stdout, res.stderr) == (0, '["HI HI HI", 6]\n', "")
    assert stub.calls("multi")[-1].json == {"data": ["hi", True, 3]}
    assert stub.calls("multi")[-1].headers["content-type"] == "application/json"
    gets = [r for r in stub.received if r.method == "GET"]
    assert len(gets) == 1, "one GET per event id, never two"
    assert tmp_left(tmpdir) == []


@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_data_flag_and_hostile_values(
    flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(6)
    baked = 'it\'s $HOME `id` \\ "q" \n é 😀 ! * ~'
    script = script_for(tmp_path, stub.url, 6, "echo", json.dumps([baked]), flavour)
    res = run_script(runner, script)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [baked]
    assert stub.calls("echo")[-1].json == {"data": [baked]}
    other = ["a\tb", {"k": [1, 2.5, None]}]
    res = run_script(runner, script, "--data", json.dumps(other))
    assert res.returncode == 0, res.stderr
    assert stub.calls("echo")[-1].json == {"data": other}
    res = run_script(runner, script, '--data=["x"]')
    assert res.returncode == 0 and stub.calls("echo")[-1].json == {"data": ["x"]}


@pytest.mark.parametrize("bad", ['{"a": 1}', "[1, 2", "nope", "", "[1]x"])
def test_bad_data_is_exit_2(bad: str, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(5)
    script = script_for(tmp_path, stub.url, 5, "reverse", '["x"]', "sh")
    res = run_script(["dash"], script, "--data", bad)
    assert res.returncode == 2
    assert res.stdout == ""
    assert res.stderr.count("\n") == 1 and "--data" in res.stderr
    assert stub.calls() == [], "nothing was sent"


@pytest.mark.parametrize(
    "args",
    [
        ["--nope"],
        ["--url"],
        ["--timeout", "x"],
        ["--url", "ftp://x"],
        ["--session", "a b"],
        ["extra"],
    ],
)
def test_bad_usage_is_exit_2(args: list[str], stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    script = script_for(tmp_path, stub.url, 6, "reverse", '["x"]', "bash")
    res = run_script(["bash"], script, *args)
    assert res.returncode == 2, res.stderr
    assert res.stdout == ""
    assert stub.calls() == []


@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_help(flavour: str, runner: list[str], tmp_path: Path) -> None:
    script = script_for(tmp_path, "http://127.0.0.1:9", 5, "reverse", '["x"]', flavour)
    res = run_script(runner, script, "--help")
    assert res.returncode == 0
    for needle in (
        "--url URL",
        "--data JSON",
        "--session HASH",
        "--timeout SECONDS",
        "--stream",
        "--raw",
        "--download DIR",
        "--quiet",
        "GRADIO_URL",
        "HF_TOKEN",
        "GRADIO_USERNAME",
        "CURLGEN_RETRIES",
        "Exit codes:",
        "4  no connection",
    ):
        assert needle in res.stdout
    assert res.stderr == ""


def test_header_comment(tmp_path: Path) -> None:
    from curlgen import __version__

    script = script_for(tmp_path, "http://127.0.0.1:9", 5, "reverse", '["x"]', "sh")
    head = script.read_text().splitlines()[:12]
    assert head[0] == "#!/bin/sh"
    text = "\n".join(head)
    assert "/reverse of http://127.0.0.1:9" in text
    assert f"curlgen {__version__}" in text
    assert "--help" in text


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), [ALL_RUNS[0], ALL_RUNS[2]], ids=["bash", "dash"])
def test_stream_prints_partials_as_they_arrive(
    major: int, flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "stream", '["a b c d"]', flavour)
    proc = subprocess.Popen(
        [*runner, str(script), "--stream"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=base_env(),
    )
    assert proc.stdout is not None
    lines: list[tuple[float, str]] = []
    for line in proc.stdout:
        lines.append((time.monotonic(), line))
    proc.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert [line for _, line in lines] == [
        '["a"]\n',
        '["a b"]\n',
        '["a b c"]\n',
        '["a b c d"]\n',
        '["a b c d"]\n',
    ]
    # The stub waits 0.3 s between parts: the first part must not wait for the last.
    assert lines[-1][0] - lines[0][0] > 0.6


@pytest.mark.parametrize("awk", ["mawk", "gawk", "original-awk", "busybox"])
def test_stream_with_each_awk(awk: str, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    script = script_for(tmp_path, stub.url, 6, "stream", '["a b c"]', "sh")
    env = base_env(PATH=awk_path(tmp_path, awk), CURLGEN_AWK="awk")
    proc = subprocess.Popen(
        ["dash", str(script), "--stream"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    stamps = [(time.monotonic(), line) for line in proc.stdout]
    proc.wait(timeout=30)
    assert proc.returncode == 0
    assert [line for _, line in stamps] == ['["a"]\n', '["a b"]\n', '["a b c"]\n', '["a b c"]\n']
    assert stamps[-1][0] - stamps[0][0] > 0.4, "partials came only at the end"


@pytest.mark.parametrize("awk", ["mawk", "gawk", "original-awk", "busybox"])
def test_default_mode_with_each_awk(awk: str, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    value = 'q"uo\\te\ttab é 😀'
    script = script_for(tmp_path, stub.url, 6, "echo", json.dumps([value]), "sh")
    env = base_env(PATH=awk_path(tmp_path, awk))
    res = run_script(["dash"], script, "--data", json.dumps([value + "!"]), env=env)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [value + "!"]
    res = run_script(["dash"], script, "--data", "[1, 2", env=env)
    assert res.returncode == 2


@pytest.mark.parametrize("major", VERSIONS)
def test_raw_passes_the_stream_through(major: int, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "stream", '["a b"]', "bash")
    res = run_script(["bash"], script, "--raw")
    assert res.returncode == 0
    events = res.stdout.split("\n\n")
    assert events[-1] == "", "the stream ends with a blank line"
    assert "event: heartbeat\ndata: null" in events, "heartbeats pass through too"
    assert [e for e in events[:-1] if e != "event: heartbeat\ndata: null"] == [
        'event: generating\ndata: ["a"]',
        'event: generating\ndata: ["a b"]',
        'event: complete\ndata: ["a b"]',
    ]


def test_busybox_tools_only(stub_for: Any, tmp_path: Path) -> None:
    """Under busybox sh with busybox's awk, sed, tail, head... as on Alpine."""
    stub = stub_for(5)
    script = script_for(tmp_path, stub.url, 5, "multi", '["hi", false, 2]', "sh")
    env = base_env(tmp_path / "t", PATH=busybox_path(tmp_path))
    res = run_script(["busybox", "sh"], script, env=env)
    assert (res.returncode, res.stdout) == (0, '["hi hi", 4]\n'), res.stderr
    res = run_script(["busybox", "sh"], script, "--stream", "--data", '["x", true, 1]', env=env)
    assert (res.returncode, res.stdout) == (0, '["X", 1]\n'), res.stderr


# ---- failures: every exit code from a real fault of the stub -------------------------------


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_then_success(major: int, status: int, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(major)
    stub.faults.update({"status": status, "count": 2, "retry_after": "1"})
    script = script_for(tmp_path, stub.url, major, "reverse", '["abc"]', "sh")
    started = time.monotonic()
    res = run_script(["dash"], script)
    took = time.monotonic() - started
    assert (res.returncode, res.stdout) == (0, '["cba"]\n'), res.stderr
    assert len(stub.calls("reverse")) == 3
    assert took >= 1.9, "Retry-After: 1 was honoured twice"
    assert f"HTTP {status}" in res.stderr and "retry 2 of 3" in res.stderr


def test_backoff_without_retry_after(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    stub.faults.update({"status": 503, "count": 2, "retry_after": None})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["abc"]', "bash")
    res = run_script(["bash"], script)
    assert res.returncode == 0
    times = [r.time for r in stub.calls("reverse")]
    assert times[1] - times[0] >= 0.9 and times[2] - times[1] >= 1.9, "backoff 1 s, then 2 s"


@pytest.mark.parametrize("status", [429, 503])
def test_retries_are_bounded(status: int, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(5)
    stub.faults.update({"status": status, "count": -1, "retry_after": "0"})
    script = script_for(tmp_path, stub.url, 5, "reverse", '["abc"]', "sh")
    res = run_script(["dash"], script, env=base_env(CURLGEN_RETRIES="2"))
    assert res.returncode == 3
    assert res.stdout == ""
    assert len(stub.calls("reverse")) == 3
    assert f"HTTP {status}" in res.stderr and "gave up after 2 retries" in res.stderr


def test_retry_after_beyond_timeout_gives_up(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    stub.faults.update({"status": 429, "count": -1, "retry_after": "30"})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["abc"]', "sh")
    started = time.monotonic()
    res = run_script(["dash"], script, "--timeout", "3")
    assert res.returncode == 3
    assert time.monotonic() - started < 2.5
    assert "no time left" in res.stderr


def test_get_is_never_retried(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    stub.faults.update({"status_get": 503})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["abc"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 3
    assert len([r for r in stub.received if r.method == "GET"]) == 1


def test_401_hint(auth_stubs: Any, tmp_path: Path) -> None:
    stub = auth_stubs[5]
    script = script_for(tmp_path, stub.url, 5, "reverse", '["abc"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 3
    assert "HTTP 401" in res.stderr and "GRADIO_USERNAME" in res.stderr
    assert res.stdout == ""


def test_404_wrong_prefix_hint(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(5)
    script = script_for(tmp_path, stub.url, 4, "reverse", '["abc"]', "sh")  # 4's paths on a 5
    res = run_script(["dash"], script)
    assert res.returncode == 3
    assert "HTTP 404" in res.stderr and "wrong API prefix or Gradio version" in res.stderr


@pytest.mark.parametrize("major", VERSIONS)
def test_500_unknown_endpoint_hint(major: int, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "no_such_api", '["abc"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 3
    assert "HTTP 500" in res.stderr and "unknown endpoint no_such_api" in res.stderr
    assert res.stderr.count("\n") == 2, "the excerpt stays on one line"


def test_422_hint(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    stub.faults.update({"status": 422, "count": 1})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["a"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 3
    assert "HTTP 422" in res.stderr and "wrong shape" in res.stderr
    assert len(stub.calls("reverse")) == 1, "a 422 is not retried"


@pytest.mark.parametrize("major", VERSIONS)
def test_error_event_is_exit_1(major: int, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "fail", '["boom"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 1
    assert res.stdout == ""
    if major == 6:
        assert "the app reported an error: custom failure for 'boom'" in res.stderr
    else:
        assert f"Gradio {major} sends no message" in res.stderr


@pytest.mark.parametrize("major", VERSIONS)
def test_error_after_partials(major: int, stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "stream_fail", '["s"]', "bash")
    res = run_script(["bash"], script, "--stream")
    assert res.returncode == 1
    assert res.stdout.count("\n") == 2, "the partials printed stay printed"
    res = run_script(["bash"], script)
    assert (res.returncode, res.stdout) == (1, "")


def test_crash_on_6_has_no_message(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    script = script_for(tmp_path, stub.url, 6, "crash", '["boom"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 1
    assert "sends no message" in res.stderr


@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_dropped_stream_is_exit_4(
    flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(5)
    stub.faults.update({"drop_stream": True})
    script = script_for(tmp_path, stub.url, 5, "stream", '["a b"]', flavour)
    res = run_script(runner, script)
    assert (res.returncode, res.stdout) == (4, "")
    assert "ended without a result" in res.stderr


@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_heartbeats_only_times_out(
    flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(6)
    stub.faults.update({"heartbeats_only": True})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["a"]', flavour)
    tmpdir = tmp_path / "t"
    started = time.monotonic()
    res = run_script(runner, script, "--timeout", "2", env=base_env(tmpdir))
    took = time.monotonic() - started
    assert (res.returncode, res.stdout) == (4, "")
    assert "timed out after 2s" in res.stderr
    assert 1.5 < took < 4
    assert tmp_left(tmpdir) == []


def test_refused_connection_is_exit_4(tmp_path: Path) -> None:
    script = script_for(tmp_path, "http://127.0.0.1:9", 6, "reverse", '["a"]', "sh")
    res = run_script(["dash"], script)
    assert (res.returncode, res.stdout) == (4, "")
    assert "cannot connect to http://127.0.0.1:9" in res.stderr


def test_url_flag_and_env(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    script = script_for(tmp_path, "http://127.0.0.1:9", 6, "reverse", '["ab"]', "sh")
    res = run_script(["dash"], script, "--url", stub.url + "/")
    assert (res.returncode, res.stdout) == (0, '["ba"]\n')
    res = run_script(["dash"], script, env=base_env(GRADIO_URL=stub.url))
    assert (res.returncode, res.stdout) == (0, '["ba"]\n')


# ---- auth, secrets, sessions ---------------------------------------------------------------


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), [ALL_RUNS[0], ALL_RUNS[2]], ids=["bash", "dash"])
def test_login_and_cookie_on_every_request(
    major: int, flavour: str, runner: list[str], auth_stubs: Any, tmp_path: Path
) -> None:
    stub = auth_stubs[major]
    script = script_for(tmp_path, stub.url, major, "reverse", '["abc"]', flavour)
    tmpdir = tmp_path / "t"
    before = len(stub.received)
    env = base_env(tmpdir, GRADIO_USERNAME="user", GRADIO_PASSWORD="pass")
    res = run_script(runner, script, env=env)
    assert (res.returncode, res.stdout) == (0, '["cba"]\n'), res.stderr
    seen = stub.received[before:]
    assert [r.method for r in seen] == ["POST", "POST", "GET"]
    assert seen[0].path.endswith("/login")
    assert seen[0].body == b"username=user&password=pass"
    assert all("access-token" in r.headers.get("cookie", "") for r in seen[1:])
    assert tmp_left(tmpdir) == []
    bad = run_script(runner, script, env=base_env(GRADIO_USERNAME="user", GRADIO_PASSWORD="no"))
    assert bad.returncode == 3 and "login refused" in bad.stderr


def test_login_with_hostile_password(tmp_path: Path) -> None:
    password = "p&ss=w%rd 'q\"$x`\\ é"
    stub = start_stub(5, app=dict(DEFAULT_APP, auth=["us er", password]))
    try:
        script = script_for(tmp_path, stub.url, 5, "reverse", '["abc"]', "sh")
        env = base_env(GRADIO_USERNAME="us er", GRADIO_PASSWORD=password)
        res = run_script(["dash"], script, env=env)
        assert (res.returncode, res.stdout) == (0, '["cba"]\n'), res.stderr
    finally:
        stub.stop()


@pytest.mark.parametrize(("flavour", "runner"), [ALL_RUNS[0], ALL_RUNS[2]], ids=["bash", "dash"])
def test_token_header_when_set(
    flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(6)
    script = script_for(tmp_path, stub.url, 6, "reverse", '["abc"]', flavour)
    res = run_script(runner, script, env=base_env(HF_TOKEN="hf_abc123"))
    assert res.returncode == 0
    assert all(r.headers.get("authorization") == "Bearer hf_abc123" for r in stub.received)
    stub.reset()
    res = run_script(runner, script)
    assert res.returncode == 0
    assert all("authorization" not in r.headers for r in stub.received)


def test_token_env_name_configurable(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    script = make_script(
        tmp_path / "s.sh",
        stub.url,
        "reverse",
        "--data",
        '["a"]',
        "--token-env",
        "MY_HF",
        shell="sh",
        offline_major=6,
    )
    res = run_script(["dash"], script, env=base_env(MY_HF="tok", HF_TOKEN="other"))
    assert res.returncode == 0
    assert stub.received[-1].headers.get("authorization") == "Bearer tok"


def test_no_secret_in_file_or_ps(auth_stubs: Any, tmp_path: Path) -> None:
    """Secrets set while generating stay out of the file; while running, out of ps."""
    stub = auth_stubs[6]
    token, password = "hf_SECRET_token_4242", "pass"
    gen_env = {"HF_TOKEN": token, "GRADIO_USERNAME": "user", "GRADIO_PASSWORD": password}
    script = make_script(
        tmp_path / "s.sh",
        stub.url,
        "slow",
        "--data",
        "[2]",
        shell="sh",
        offline_major=6,
        env=gen_env,
    )
    text = script.read_text()
    assert token not in text and "hf_SECRET" not in text
    seen: set[str] = set()
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            out = subprocess.run(
                ["ps", "-ww", "-eo", "args"], capture_output=True, text=True
            ).stdout
            seen.update(out.splitlines())
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        res = run_script(["dash"], script, env=base_env(**gen_env))
    finally:
        stop.set()
        sampler.join()
    assert res.returncode == 0, res.stderr
    assert any("curl" in line and stub.url in line for line in seen), "ps was sampled mid-call"
    leaked = [line for line in seen if token in line or f"password={password}" in line]
    assert leaked == []


def test_unreadable_token_chars(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    script = script_for(tmp_path, stub.url, 6, "reverse", '["a"]', "sh")
    res = run_script(["dash"], script, env=base_env(HF_TOKEN='a"b'))
    assert res.returncode == 2
    assert stub.calls() == []


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), [ALL_RUNS[1], ALL_RUNS[3]], ids=["zsh", "busybox"])
def test_session_keeps_state(
    major: int, flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(major)
    script = script_for(tmp_path, stub.url, major, "counter", "[5, null]", flavour)
    first = run_script(runner, script, "--session", "abc123")
    second = run_script(runner, script, "--session", "abc123")
    other = run_script(runner, script)
    assert first.stdout == '["count=5", null]\n', first.stderr
    assert second.stdout == '["count=10", null]\n', second.stderr
    assert other.stdout == '["count=5", null]\n'
    gets = [r.path for r in stub.received if r.method == "GET"]
    if major < 6:
        assert gets[0].endswith("/abc123"), "Gradio 4/5: GET by session hash"
    else:
        assert not gets[0].endswith("/abc123")
    assert stub.calls("counter")[0].json["session_hash"] == "abc123"


def test_baked_session(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(4)
    script = script_for(
        tmp_path, stub.url, 4, "counter", "[1, null]", "sh", "--session-hash", "baked1"
    )
    assert run_script(["dash"], script).stdout == '["count=1", null]\n'
    assert run_script(["dash"], script).stdout == '["count=2", null]\n'


# ---- temporary files and signals -----------------------------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_interrupt_stops_curl_and_cleans_up(
    sig: int, flavour: str, runner: list[str], stub_for: Any, tmp_path: Path
) -> None:
    stub = stub_for(6)
    stub.faults.update({"heartbeats_only": True})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["a"]', flavour)
    tmpdir = tmp_path / "t"
    proc = subprocess.Popen(
        [*runner, str(script), "--stream"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=base_env(tmpdir),
    )
    deadline = time.monotonic() + 10
    while not [r for r in stub.received if r.method == "GET"]:
        assert time.monotonic() < deadline, "the script never reached its GET"
        time.sleep(0.05)
    time.sleep(0.3)
    sent = time.monotonic()
    proc.send_signal(sig)
    proc.wait(timeout=5)
    assert time.monotonic() - sent < 2
    assert proc.returncode == (130 if sig == signal.SIGINT else 143)
    assert tmp_left(tmpdir) == []
    ps = subprocess.run(["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True).stdout
    assert [line for line in ps.splitlines() if stub.url in line] == [], "curl left running"


def test_tmp_clean_after_failure(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(5)
    script = script_for(tmp_path, stub.url, 5, "fail", '["a"]', "bash")
    tmpdir = tmp_path / "t"
    res = run_script(["bash"], script, env=base_env(tmpdir))
    assert res.returncode == 1
    assert tmp_left(tmpdir) == []


def test_huge_result_is_exact(stub_for: Any, tmp_path: Path) -> None:
    stub = stub_for(6)
    stub.faults.update({"huge": 3_000_000})
    script = script_for(tmp_path, stub.url, 6, "reverse", '["a"]', "sh")
    res = run_script(["dash"], script)
    assert res.returncode == 0
    assert res.stdout == json.dumps(["x" * 3_000_000]) + "\n"


def test_script_to_stdout_and_errors(tmp_path: Path) -> None:
    res = run_cli("script", "--offline", "http://127.0.0.1:9", "reverse", "--data", '["a"]')
    assert res.exit_code == 0 and res.stdout.startswith("#!/usr/bin/env bash\n")
    res = run_cli("script", "--offline", "http://127.0.0.1:9", "reverse")
    assert res.exit_code == 2 and "give the inputs" in res.stderr
    res = run_cli(
        "script", "--offline", "http://127.0.0.1:9", "reverse", "--data", "[1]", "-o", str(tmp_path)
    )
    assert res.exit_code == 2 and "is a directory" in res.stderr
    res = run_cli(
        "script",
        "--offline",
        "http://127.0.0.1:9",
        "reverse",
        "--data",
        "[1]",
        "-o",
        str(tmp_path / "missing" / "x.sh"),
    )
    assert res.exit_code == 2 and res.stderr.count("\n") == 1
    assert os.listdir(tmp_path) == []


def test_no_zsh_special_names(tmp_path: Path) -> None:
    """zsh runs the bash flavour too: `local path` there would empty PATH, `status` is read-only."""
    import re

    script = make_script(
        tmp_path / "f.sh", "http://127.0.0.1:9", "x", "--data", "[1]", shell="bash", offline_major=6
    )
    special = {
        "path",
        "status",
        "pipestatus",
        "argv",
        "options",
        "functions",
        "commands",
        "fpath",
        "cdpath",
        "manpath",
        "psvar",
        "signals",
        "prompt",
        "USERNAME",
        "HOST",
        "SECONDS",
        "RANDOM",
        "TTY",
        "LINENO",
        "module_path",
        "mailpath",
        "watch",
    }
    declared: set[str] = set()
    for line in script.read_text().splitlines():
        m = re.match(r"\s*local (.*)", line)
        if m:
            declared.update(m.group(1).split())
        m = re.match(r"\s*([a-z_]+)=", line)
        if m:
            declared.add(m.group(1))
    assert declared & special == set()


@pytest.mark.parametrize("quiet", [False, True])
def test_waiting_notes_on_a_terminal(quiet: bool, stub_for: Any, tmp_path: Path) -> None:
    """stderr on a terminal gets a note at each heartbeat, unless --quiet; stdout stays clean."""
    import pty

    stub = stub_for(5)
    stub.faults.update({"delay": 2.6})  # heartbeats every 0.2 s meanwhile; notes once a second
    script = script_for(tmp_path, stub.url, 5, "reverse", '["ab"]', "sh")
    leader, follower = pty.openpty()
    args = ["dash", str(script)] + (["--quiet"] if quiet else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=follower, env=base_env())
    os.close(follower)
    out, _ = proc.communicate(timeout=30)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    notes = b"".join(chunks).decode()
    assert proc.returncode == 0 and out == b'["ba"]\n'
    if quiet:
        assert notes == ""
    else:
        assert notes.count("waiting for the app") >= 2


@pytest.mark.parametrize("flavour", ["bash", "sh"])
def test_hostile_baked_values_pass_shellcheck(flavour: str, stub_for: Any, tmp_path: Path) -> None:
    """Values with $, backquotes and quotes are baked in as JSON \\u escapes: lint-clean."""
    stub = stub_for(6)
    value = 'it\'s "q" $HOME `id` $(echo pwned) \\ é'
    for args in (["-p", f"text={value}"], ["--data", json.dumps([value])]):
        script = make_script(tmp_path / "e.sh", stub.url, "echo", *args, shell=flavour)
        lint(script, flavour)
        res = run_script(["bash" if flavour == "bash" else "dash"], script)
        assert json.loads(res.stdout) == [value]
        assert stub.calls("echo")[-1].json == {"data": [value]}
        assert (
            "value: " + json.dumps(value, ensure_ascii=False)[:40]
            in run_script(["bash"], script, "--help").stdout
        )
    script = make_script(
        tmp_path / "o.sh",
        stub.url,
        "echo",
        "--data",
        json.dumps([value]),
        shell=flavour,
        offline_major=6,
    )
    lint(script, flavour)
    assert json.loads(run_script(["bash"], script).stdout) == [value]


def test_timeout_before_any_byte_is_one_message(stub_for: Any, tmp_path: Path) -> None:
    """A GET that times out before the first byte: curl wrote no file; only our message shows."""
    stub = start_stub(6, heartbeat=30)
    try:
        stub.faults.update({"heartbeats_only": True})
        script = script_for(tmp_path, stub.url, 6, "reverse", '["a"]', "sh")
        for runner in (["dash"], ["bash"]):
            res = run_script(runner, script, "--timeout", "1")
            assert res.returncode == 4
            assert res.stderr == "reverse.sh: error: timed out after 1s (GET reverse result)\n"
    finally:
        stub.stop()


@pytest.mark.parametrize("size", [100, 2_000_000])
@pytest.mark.parametrize("last", ["complete", "error", "generating"])
def test_outcome_of_small_and_big_streams(size: int, last: str, tmp_path: Path) -> None:
    """The end of the stream decides, whether the shell, awk or tail reads it."""
    import http.server

    part = json.dumps(["y" * size])
    final = {
        "complete": f"event: complete\ndata: {part}\n\n",
        "error": 'event: error\ndata: {"error": "it broke", "visible": true}\n\n',
        "generating": "",
    }[last]
    body = (f"event: heartbeat\ndata: null\n\nevent: generating\ndata: {part}\n\n" + final).encode()

    class Gradio6(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, data: bytes, ctype: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._send(b'{"event_id":"' + b"b" * 32 + b'"}', "application/json")

        def do_GET(self) -> None:
            self._send(body, "text/event-stream")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gradio6)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        script = make_script(
            tmp_path / "s.sh", url, "x", "--data", "[]", shell="sh", offline_major=6
        )
        for runner in (["dash"], ["bash"]):
            res = run_script(runner, script)
            if last == "complete":
                assert (res.returncode, res.stdout, res.stderr) == (0, part + "\n", "")
            elif last == "error":
                assert (res.returncode, res.stdout) == (1, "")
                assert res.stderr == "s.sh: error: the app reported an error: it broke\n"
            else:
                assert (res.returncode, res.stdout) == (4, "")
                assert "ended without a result" in res.stderr
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("flavour", ["bash", "sh"])
def test_script_goldens(flavour: str, stubs: Any, golden: Any, tmp_path: Path) -> None:
    """Whole scripts for review in diffs: multi of a Gradio 5 app, learnt from the stub."""
    script = make_script(tmp_path / "multi.sh", stubs[5].url, "multi", "-p", "text=hello",
                         shell=flavour)
    text = script.read_text().replace(stubs[5].url, "http://127.0.0.1:7860")
    from curlgen import __version__

    golden(f"script/multi-v5-{flavour}.sh", text.replace(__version__, "VERSION"))
