"""Files in and out on every Gradio version: uploads, URL inputs, --download, commands."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli, run_in_shell, start_stub
from scriptkit import ALL_RUNS, RUN_IDS, base_env, make_script, run_script

from curlgen.stub import DEFAULT_APP, load_app

VERSIONS = (4, 5, 6)
HOSTILE = ["my photo ü.png", 'it\'s "q".txt', "-dash.txt", "a;b,c=d.txt", "ünï cödé 😀.txt"]
KINDS = load_app(ROOT / "tests" / "stub_apps" / "kinds.json")


@pytest.fixture(scope="module")
def file_server() -> Iterator[str]:
    """A loopback HTTP server with a file to give as a URL input."""
    folder = Path(__file__).resolve().parent / "fixtures"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, directory=str(folder), **kw)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def file_stubs() -> Iterator[dict[int, Any]]:
    """Stubs that may fetch URL inputs from loopback (5/6 refuse private hosts otherwise)."""
    app = dict(KINDS, allow_hosts=["127.0.0.1"])
    app["endpoints"] = KINDS["endpoints"] + [
        e for e in DEFAULT_APP["endpoints"] if e["api_name"] in ("file_out",)
    ]
    servers = {v: start_stub(v, app=app) for v in VERSIONS}
    yield servers
    for s in servers.values():
        s.stop()


def local_file(folder: Path, name: str, content: bytes = b"hello file\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), ALL_RUNS, ids=RUN_IDS)
def test_upload_hostile_names(
    major: int, flavour: str, runner: list[str], file_stubs: Any, tmp_path: Path
) -> None:
    stub = file_stubs[major]
    script = make_script(
        tmp_path / "one.sh",
        stub.url,
        "one_file",
        "-p",
        f"document={tmp_path / 'baked.txt'}",
        shell=flavour,
    )
    local_file(tmp_path, "baked.txt", b"baked\n")
    for name in HOSTILE:
        path = local_file(tmp_path / "in", name, name.encode() + b"\n")
        before = len(stub.uploads)
        res = run_script(runner, script, "--document", str(path), cwd=tmp_path)
        assert res.returncode == 0, res.stderr
        out = json.loads(res.stdout)
        assert out[1].endswith(f": {len(name.encode()) + 1} bytes")
        up = stub.uploads[before]
        assert Path(up["server_path"]).read_bytes() == name.encode() + b"\n"
        sent = stub.calls("one_file")[-1].json["data"][0]
        assert sent["path"] == up["server_path"]
        assert sent["meta"] == {"_type": "gradio.FileData"}
        assert sent["orig_name"] == name
    # the file baked in at generation is uploaded when nothing is given
    res = run_script(runner, script, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert Path(stub.uploads[-1]["server_path"]).read_bytes() == b"baked\n"


@pytest.mark.parametrize("major", VERSIONS)
def test_relative_path_and_upload_auth(major: int, auth_stubs: Any, tmp_path: Path) -> None:
    stub = auth_stubs[major]
    script = make_script(
        tmp_path / "f.sh",
        stub.url,
        "file_info",
        "-p",
        "path=rel.txt",
        shell="sh",
        env={"GRADIO_USERNAME": "user", "GRADIO_PASSWORD": "pass"},
    )
    local_file(tmp_path, "rel.txt", b"12345")
    env = base_env(GRADIO_USERNAME="user", GRADIO_PASSWORD="pass", HF_TOKEN="tok")
    res = run_script(["dash"], script, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    upload = next(r for r in stub.received if r.path.endswith("/upload"))
    assert "access-token" in upload.headers.get("cookie", "")
    assert upload.headers.get("authorization") == "Bearer tok"


@pytest.mark.parametrize("major", VERSIONS)
def test_several_files(major: int, file_stubs: Any, tmp_path: Path) -> None:
    stub = file_stubs[major]
    a = local_file(tmp_path, "a one.txt", b"a")
    b = local_file(tmp_path, "b ü.txt", b"bb")
    script = make_script(
        tmp_path / "m.sh", stub.url, "many_files", "-p", f"documents={a}", shell="bash"
    )
    res = run_script(["bash"], script, "--documents", str(a), "--documents", str(b))
    assert res.returncode == 0, res.stderr
    names = [(Path(d["name"]).name, d["size"]) for d in json.loads(res.stdout)[0]]
    assert [size for _, size in names] == [1, 2]
    sent = stub.calls("many_files")[-1].json["data"][0]
    assert [d["orig_name"] for d in sent] == ["a one.txt", "b ü.txt"]
    assert all(d["meta"] == {"_type": "gradio.FileData"} for d in sent)
    # the baked-in single file when no flag is given
    res = run_script(["bash"], script)
    assert res.returncode == 0 and len(json.loads(res.stdout)[0]) == 1


@pytest.mark.parametrize("major", VERSIONS)
def test_url_input_is_sent_not_uploaded(
    major: int, file_stubs: Any, file_server: str, tmp_path: Path
) -> None:
    stub = file_stubs[major]
    url = f"{file_server}/upload-me.txt"
    script = make_script(
        tmp_path / "u.sh", stub.url, "one_file", "-p", f"document={url}", shell="sh"
    )
    before = len(stub.uploads)
    res = run_script(["dash"], script)
    assert res.returncode == 0, res.stderr
    assert len(stub.uploads) == before, "a URL is not uploaded"
    assert stub.calls("one_file")[-1].json["data"][0] == {
        "path": url,
        "meta": {"_type": "gradio.FileData"},
    }
    assert json.loads(res.stdout)[1].endswith(": 17 bytes"), "the file served over http"


def test_missing_file_is_exit_2_before_any_request(file_stubs: Any, tmp_path: Path) -> None:
    stub = file_stubs[6]
    local_file(tmp_path, "x.txt")
    script = make_script(
        tmp_path / "f.sh", stub.url, "one_file", "-p", f"document={tmp_path / 'x.txt'}", shell="sh"
    )
    before = len(stub.received)
    for args in (
        ["--document", str(tmp_path / "nope.txt")],
        ["--document", str(tmp_path)],
        ["--data", json.dumps([str(tmp_path / "gone.txt")])],
    ):
        res = run_script(["dash"], script, *args)
        assert res.returncode == 2, args
        assert "cannot read the file" in res.stderr
    assert len(stub.received) == before


def test_data_flag_with_a_local_path(file_stubs: Any, tmp_path: Path) -> None:
    stub = file_stubs[5]
    path = local_file(tmp_path, "from data ü.txt", b"xyz")
    script = make_script(
        tmp_path / "f.sh", stub.url, "one_file", "-p", f"document={path}", shell="sh"
    )
    res = run_script(["dash"], script, "--data", json.dumps([str(path)]))
    assert res.returncode == 0, res.stderr
    assert stub.calls("one_file")[-1].json["data"][0]["orig_name"] == "from data ü.txt"


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize(("flavour", "runner"), [ALL_RUNS[0], ALL_RUNS[3]], ids=["bash", "busybox"])
def test_download(
    major: int, flavour: str, runner: list[str], file_stubs: Any, tmp_path: Path
) -> None:
    stub = file_stubs[major]
    script = make_script(
        tmp_path / "o.sh", stub.url, "file_out", "-p", "content=hi there", shell=flavour
    )
    out = tmp_path / "out dir"
    res = run_script(runner, script, "--download", str(out))
    assert res.returncode == 0, res.stderr
    result = json.loads(res.stdout)
    assert result[0]["orig_name"] == "report ü é.txt"
    assert (out / "report ü é.txt").read_text() == "hi there"
    assert f"saved {out}/report ü é.txt" in res.stderr
    # again: the name is made unique, never overwritten
    res = run_script(runner, script, "--download", str(out), "--content", "second")
    assert res.returncode == 0
    assert (out / "report ü é-1.txt").read_text() == "second"
    gets = [r.path for r in stub.received if "/file=" in r.path]
    prefix = "" if major == 4 else "/gradio_api"
    assert all(p.startswith(f"{prefix}/file=") for p in gets), "built from path, not url"


class HostileGradio(http.server.BaseHTTPRequestHandler):
    """A Gradio 6 look-alike whose result names its file `NAME`, as a hostile app could."""

    NAME = ""

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, body: bytes, ctype: str = "application/json") -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._send(b'{"event_id":"' + b"a" * 32 + b'"}')

    def do_GET(self) -> None:
        if self.path.startswith("/gradio_api/file="):
            self._send(b"payload", "text/plain")
            return
        data = [
            {
                "path": "/srv/out.txt",
                "url": None,
                "size": 7,
                "orig_name": self.NAME,
                "mime_type": None,
                "is_stream": False,
                "meta": {"_type": "gradio.FileData"},
            }
        ]
        self._send(f"event: complete\ndata: {json.dumps(data)}\n\n".encode(), "text/event-stream")


@pytest.mark.parametrize(
    "name", ["../escape.txt", "..", "a/../../b.txt", "/etc/passwd", ".hidden", "x\ty\n.txt", ""]
)
def test_download_names_stay_inside(name: str, tmp_path: Path) -> None:
    handler = type("H", (HostileGradio,), {"NAME": name})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        script = make_script(
            tmp_path / "o.sh", url, "x", "--data", "[]", shell="sh", offline_major=6
        )
        dest = tmp_path / "work" / "d"
        res = run_script(["dash"], script, "--download", str(dest))
        assert res.returncode == 0, res.stderr
    finally:
        server.shutdown()
        server.server_close()
    saved = list(dest.iterdir())
    assert len(saved) == 1 and saved[0].read_bytes() == b"payload"
    assert not saved[0].name.startswith(".") and "\t" not in saved[0].name
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["d"], "nothing escaped"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.sh", "work"]


def test_download_keeps_the_result_on_stdout(file_stubs: Any, tmp_path: Path) -> None:
    stub = file_stubs[6]
    script = make_script(tmp_path / "o.sh", stub.url, "file_out", shell="sh")
    res = run_script(["dash"], script, "--download", str(tmp_path / "d"))
    assert res.returncode == 0
    assert json.loads(res.stdout)[0]["path"].endswith("report ü é.txt")
    assert res.stdout.count("\n") == 1


@pytest.mark.parametrize("major", VERSIONS)
@pytest.mark.parametrize("style", ["two-step", "one-liner"])
@pytest.mark.parametrize("shell", ["bash", "dash", "zsh", "busybox"])
def test_command_upload_step_runs(
    major: int, style: str, shell: str, file_stubs: Any, tmp_path: Path
) -> None:
    stub = file_stubs[major]
    path = local_file(tmp_path, 'it\'s my fïle "1".txt', b"12345678")
    res = run_cli("command", stub.url, "one_file", "-p", f"document={path}", "--style", style)
    assert res.exit_code == 0, res.stderr
    text = res.stdout
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if style == "two-step":
        assert lines[0].startswith("FILE_PATH=$(curl ")
        # the upload and the POST run in one shell: FILE_PATH carries over
        post = run_in_shell(shell, lines[0] + "\n" + lines[1], cwd=tmp_path)
        event_id = json.loads(post.stdout)["event_id"]
        out = run_in_shell(shell, lines[2], env={"EVENT_ID": event_id}, cwd=tmp_path).stdout
    else:
        out = run_in_shell(shell, text, cwd=tmp_path).stdout
    assert "8 bytes" in out
    sent = stub.calls("one_file")[-1].json["data"][0]
    assert sent["orig_name"] == 'it\'s my fïle "1".txt'
    assert Path(sent["path"]).read_bytes() == b"12345678"


@pytest.mark.parametrize("major", VERSIONS)
def test_download_carries_the_auth(major: int, auth_stubs: Any, tmp_path: Path) -> None:
    stub = auth_stubs[major]
    env = {"GRADIO_USERNAME": "user", "GRADIO_PASSWORD": "pass"}
    script = make_script(tmp_path / "o.sh", stub.url, "file_out", shell="sh", env=env)
    before = len(stub.received)
    res = run_script(
        ["dash"], script, "--download", str(tmp_path / "d"), env=base_env(**env, HF_TOKEN="t")
    )
    assert res.returncode == 0, res.stderr
    download = [r for r in stub.received[before:] if "/file=" in r.path]
    assert len(download) == 1
    assert "access-token" in download[0].headers.get("cookie", "")
    assert download[0].headers.get("authorization") == "Bearer t"
    assert (tmp_path / "d" / "report ü é.txt").exists()
