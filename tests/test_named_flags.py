"""Scripts learnt from the app: one typed flag per parameter, State slots, clashes, --help."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli, start_stub
from scriptkit import ALL_RUNS, RUN_IDS, base_env, make_script, run_script

from curlgen.stub import load_app

VERSIONS = (4, 5, 6)
KINDS = load_app(ROOT / "tests" / "stub_apps" / "kinds.json")
CLASH = {
    "endpoints": [
        {
            "api_name": "clash",
            "fn": "echo",
            "inputs": [
                {"component": "Textbox", "label": "url", "default": "u"},
                {"component": "Textbox", "label": "data", "default": "d"},
                {"component": "Textbox", "label": "input url", "default": "i"},
                {"component": "Number", "label": "timeout", "default": 1},
            ],
            "outputs": [
                {"component": "Textbox", "label": "a"},
                {"component": "Textbox", "label": "b"},
                {"component": "Textbox", "label": "c"},
                {"component": "Number", "label": "d"},
            ],
        }
    ],
}


@pytest.fixture(scope="module")
def kinds_stubs() -> Any:
    servers = {v: start_stub(v, app=KINDS) for v in VERSIONS}
    yield servers
    for s in servers.values():
        s.stop()


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_typed_flags_arrive_typed(
    major: int, flavour: str, runner: list[str], kinds_stubs: Any, tmp_path: Path
) -> None:
    stub = kinds_stubs[major]
    script = make_script(
        tmp_path / "kinds.sh",
        stub.url,
        "kinds",
        "-p",
        "text=baked",
        "-p",
        "flag=true",
        shell=flavour,
    )
    res = subprocess.run(["shellcheck", "-s", flavour, str(script)], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout
    # Nothing given: the values baked in: given ones, then the schema's defaults, then its
    # examples (tags has no default; its example_input is ["x"]).
    res = run_script(runner, script)
    assert res.returncode == 0, res.stderr
    assert stub.calls("kinds")[-1].json == {
        "data": ["baked", 2, 0.5, True, "red", ["x"], {"a": [1, 2]}]
    }
    # Every flag, typed by its parameter's kind.
    res = run_script(
        runner,
        script,
        "--text",
        'it\'s "$x"\n`y` é',
        "--count",
        "7",
        "--ratio=-1.5e3",
        "--flag",
        "no",
        "--color",
        "green",
        "--tags",
        '["x", "y"]',
        "--payload",
        '{"k": null}',
    )
    assert res.returncode == 0, res.stderr
    assert stub.calls("kinds")[-1].json == {
        "data": ['it\'s "$x"\n`y` é', 7, -1500.0, False, "green", ["x", "y"], {"k": None}]
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--count", "two"], "--count expects a number"),
        (["--count", "1.5"], "--count expects an integer"),
        (["--ratio", "1e"], "--ratio expects a number"),
        (["--flag", "maybe"], "--flag expects true or false"),
        (["--nope", "1"], "unknown argument: --nope"),
        (["--count"], "--count needs a value"),
        (["--data", '["a", 1]'], "--data has 2 values; this endpoint takes 7"),
    ],
)
def test_bad_values_are_exit_2(
    args: list[str], message: str, kinds_stubs: Any, tmp_path: Path
) -> None:
    stub = kinds_stubs[6]
    script = make_script(tmp_path / "k.sh", stub.url, "kinds", "-p", "text=x", shell="sh")
    before = len(stub.received)
    res = run_script(["dash"], script, *args)
    assert res.returncode == 2
    assert message in res.stderr
    assert res.stdout == ""
    assert len(stub.received) == before, "nothing sent"


def test_help_lists_every_parameter(kinds_stubs: Any, tmp_path: Path) -> None:
    stub = kinds_stubs[5]
    script = make_script(tmp_path / "k.sh", stub.url, "kinds", "-p", "text=x", shell="bash")
    res = run_script(["bash"], script, "--help")
    out = res.stdout
    assert res.returncode == 0
    assert "Usage: k.sh [--text VALUE] [--count VALUE] [--ratio VALUE] [--flag VALUE]" in out
    for flag, kind, component in [
        ("--count", "int", "Number"),
        ("--ratio", "float", "Number"),
        ("--flag", "bool", "Checkbox"),
        ("--color", "Literal", "Dropdown"),
        ("--payload", "dict", "Json"),
    ]:
        line = next(line for line in out.splitlines() if line.strip().startswith(flag))
        assert kind in line and component in line, line
    assert 'one of "red" "green"' in out
    assert "value: 2 (app default 2)" in out
    assert "Returns: text (str, Textbox)" in out


@pytest.mark.parametrize("major", VERSIONS)
def test_flag_clashes_are_renamed_visibly(major: int, tmp_path: Path) -> None:
    stub = start_stub(major, app=CLASH)
    try:
        script = make_script(tmp_path / "c.sh", stub.url, "clash", shell="sh")
        help_text = run_script(["dash"], script, "--help").stdout
        assert "--param-url VALUE" in help_text and "renamed from --url" in help_text
        assert "--param-data VALUE" in help_text and "--param-timeout VALUE" in help_text
        assert "--input-url VALUE" in help_text, "a free name is kept"
        res = run_script(
            ["dash"],
            script,
            "--param-url",
            "U",
            "--param-data",
            "D",
            "--input-url",
            "I",
            "--param-timeout",
            "5",
            "--timeout",
            "30",
        )
        assert res.returncode == 0, res.stderr
        assert stub.calls("clash")[-1].json == {"data": ["U", "D", "I", 5]}
    finally:
        stub.stop()


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), [ALL_RUNS[0], ALL_RUNS[2]], ids=["bash", "dash"])
def test_state_slot_and_session(
    major: int, flavour: str, runner: list[str], stubs: Any, tmp_path: Path
) -> None:
    stub = stubs[major]
    script = make_script(tmp_path / "counter.sh", stub.url, "counter", shell=flavour)
    session = f"s{major}{flavour}"
    first = run_script(runner, script, "--step", "2", "--session", session)
    second = run_script(runner, script, "--step", "3", "--session", session)
    assert first.stdout == '["count=2", null]\n', first.stderr
    assert second.stdout == '["count=5", null]\n', second.stderr
    assert stub.calls("counter")[-1].json == {"data": [3, None], "session_hash": session}
    # --data with only the visible values: the State slot is filled in.
    res = run_script(runner, script, "--data", "[4]")
    assert res.stdout == '["count=4", null]\n'
    assert stub.calls("counter")[-1].json == {"data": [4, None]}


@pytest.mark.parametrize("major", VERSIONS)
def test_command_learns_state_and_defaults(major: int, stubs: Any) -> None:
    res = run_cli("command", stubs[major].url, "counter")
    assert res.exit_code == 0, res.stderr
    assert "-d '{\"data\": [1, null]}'" in res.stdout
    prefix = "" if major == 4 else "/gradio_api"
    assert f"{stubs[major].url}{prefix}/call/counter " in res.stdout


def test_command_param_typing_and_errors(stubs: Any) -> None:
    url = stubs[5].url
    res = run_cli("command", url, "multi", "-p", "times=3", "-p", "shout=yes")
    assert res.exit_code == 0
    assert '{"data": ["hi", true, 3]}' in res.stdout
    res = run_cli("command", url, "multi", "-p", "times=lots")
    assert res.exit_code == 2 and "expects a number" in res.stderr
    res = run_cli("command", url, "multi", "-p", "nope=1")
    assert res.exit_code == 2 and "valid: text, shout, times" in res.stderr
    res = run_cli("command", url, "multi", "--data", '["a"]')
    assert res.exit_code == 2 and "takes 3 values" in res.stderr
    res = run_cli("command", url, "no_such")
    assert res.exit_code == 2 and "/reverse" in res.stderr and "/multi" in res.stderr
    res = run_cli("command", url)
    assert res.exit_code == 2 and "name the endpoint" in res.stderr
    assert res.stderr.count("\n") == 1


def test_only_endpoint_is_the_default(tmp_path: Path) -> None:
    stub = start_stub(6, app=load_app(ROOT / "tests" / "stub_apps" / "interface.json"))
    try:
        res = run_cli("command", stub.url, "--style", "one-liner")
        assert res.exit_code == 0, res.stderr
        assert "/gradio_api/call/shout" in res.stdout
        script = make_script(tmp_path / "i.sh", stub.url, None, shell="sh")
        out = run_script(
            ["dash"],
            script,
            "--"
            + json.loads(run_cli("endpoints", stub.url, "--json").stdout)["endpoints"][0][
                "parameters"
            ][0]["name"],
            "hey",
        )
        assert out.returncode == 0 and out.stdout == '["HEY"]\n', out.stderr
    finally:
        stub.stop()


def test_script_learns_without_version(stubs: Any, tmp_path: Path) -> None:
    for major in VERSIONS:
        script = make_script(tmp_path / f"r{major}.sh", stubs[major].url, "/reverse", shell="sh")
        text = script.read_text()
        assert f"readonly GRADIO_MAJOR={major}\n" in text
        res = run_script(["dash"], script, "--text", "abc", env=base_env())
        assert res.stdout == '["cba"]\n'


@pytest.mark.parametrize("flavour", ["bash", "sh"])
@pytest.mark.parametrize("api", ["kinds", "one_file", "many_files"])
def test_scripts_are_shfmt_clean(flavour: str, api: str, kinds_stubs: Any, tmp_path: Path) -> None:
    """The house style: generated scripts are already what `shfmt -i 2 -ci` would write."""
    script = make_script(
        tmp_path / "s.sh",
        kinds_stubs[5].url,
        api,
        "-p",
        "text=x"
        if api == "kinds"
        else ("document=a.txt" if api == "one_file" else "documents=a.txt"),
        shell=flavour,
    )
    res = subprocess.run(
        ["shfmt", "-i", "2", "-ci", "-d", str(script)], capture_output=True, text=True
    )
    assert (res.returncode, res.stdout) == (0, ""), res.stdout[:3000]


def test_hidden_endpoint_callable_by_name(stubs: Any, tmp_path: Path) -> None:
    """Left out of listings, a hidden endpoint still answers /call: curlgen calls it by name."""
    url = stubs[5].url
    assert "/hidden" not in run_cli("endpoints", url).stdout
    assert "/hidden" not in run_cli("command", url, "nope").stderr
    res = run_cli("command", url, "hidden", "--style", "one-liner")
    assert res.exit_code == 0, res.stderr
    script = make_script(tmp_path / "h.sh", url, "hidden", "-p", "text=abc", shell="sh")
    assert run_script(["dash"], script).stdout == '["hidden:abc"]\n'
