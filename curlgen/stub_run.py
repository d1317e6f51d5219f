"""Running one event of the stub server as Gradio would: inputs, the built-in fn, outputs.

`run_event` yields ("generating", data) for each partial result of a generator, then one
final ("complete", data) or ("error", payload) with the payload of the server's version.
Input values are preprocessed the way each component of that Gradio version does it
(coerced, passed through, or refused), and file inputs are checked like Gradio checks them.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import secrets
import shutil
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from curlgen.stub_app import API_PREFIX, Component, Endpoint

FILE_OUT_NAME = "report ü é.txt"
COPY_CHUNK = 1 << 16


class GrError(Exception):
    """What `raise gr.Error(message)` is in a real app."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Interrupted(Exception):
    """The server is stopping: abandon the event."""


@dataclass
class RunContext:
    """What an event needs from the server."""

    version: int
    upload_dir: Path
    root_url: str  # the root that file URLs start with, computed from the POST request
    allow_hosts: list[str]
    show_error: bool
    stop: threading.Event
    state: dict[int, Any]
    options: dict[str, Any] = field(default_factory=dict)

    def sleep(self, seconds: float) -> None:
        """Sleep, but give up at once when the server stops."""
        if seconds > 0 and self.stop.wait(seconds):
            raise Interrupted()

    @property
    def prefix(self) -> str:
        """The API prefix of this version."""
        return "" if self.version == 4 else API_PREFIX


# --- files -----------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(COPY_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_file(ctx: RunContext, source: Path, name: str | None = None) -> Path:
    """Copy a file into <upload_dir>/<sha256>/<name>, as Gradio moves outputs to its cache."""
    digest = sha256_file(source)
    folder = ctx.upload_dir / digest
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / (name or source.name)
    if source.resolve() != dest.resolve():
        shutil.copyfile(source, dest)
    return dest


def work_file(ctx: RunContext, prefix: str, suffix: str) -> Path:
    """A new file for a fn's output, under the private work folder (NamedTemporaryFile-like)."""
    folder = ctx.upload_dir / ".work"
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def file_url(ctx: RunContext, path: str) -> str:
    """The url field of a returned FileData (4.44.1's broken one included)."""
    if ctx.version == 6:
        return f"{ctx.root_url}{API_PREFIX}/file={urllib.parse.quote(path, safe='/')}"
    return f"{ctx.root_url}{ctx.prefix}/file={path}"


def file_data(ctx: RunContext, path: Path, *, image: bool) -> dict[str, Any]:
    """The FileData dict of an output file."""
    text = str(path)
    return {
        "path": text,
        "url": file_url(ctx, text),
        "size": None if image else path.stat().st_size,
        "orig_name": path.name,
        "mime_type": None,
        "is_stream": False,
        "meta": {"_type": "gradio.FileData"},
    }


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _truncated_repr(value: Any) -> str:
    # pydantic shows long inputs as their first 25 and last 24 characters
    text = repr(value)
    return text if len(text) <= 50 else f"{text[:25]}...{text[-24:]}"


def _meta_error(value: Any) -> ValueError:
    return ValueError(
        "1 validation error for FileData\n  Value error, The 'meta' field must be explicitly "
        "provided in the input data and be equal to {'_type': 'gradio.FileData'}. "
        f"[type=value_error, input_value={_truncated_repr(value)}, "
        f"input_type={type(value).__name__}]\n"
        "    For further information visit https://errors.pydantic.dev/2.14/v/value_error"
    )


def _has_meta(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("path"), str)
        and isinstance(value.get("meta"), dict)
        and value["meta"].get("_type") == "gradio.FileData"
    )


def _host_refused(ctx: RunContext, host: str) -> bool:
    """5/6's SSRF check: loopback and private hosts are refused unless allowed."""
    if host.lower() in ctx.allow_hosts:
        return False
    if host.lower() == "localhost":
        return True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    return addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _download(ctx: RunContext, url: str) -> Path:
    """Fetch a URL input into the cache; only loopback hosts are really fetched."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ctx.version >= 5 and _host_refused(ctx, host):
        raise ValueError(f"Hostname {host} failed validation")
    if not _is_loopback(host):
        # The stub never reaches the network: a public host fails like an offline server.
        raise OSError(f"[Errno -3] Temporary failure in name resolution: {host!r}")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    name = Path(urllib.parse.unquote(parts.path)).name or "file"
    tmp = work_file(ctx, "download-", "")
    try:
        try:
            response = opener.open(url, timeout=10)
        except urllib.error.HTTPError as exc:
            if ctx.version >= 5:
                raise ValueError(f"Failed to download file. Status code: {exc.code}") from None
            response = exc  # 4.44.1 keeps the error page as the file
        with response, tmp.open("wb") as out:
            shutil.copyfileobj(response, out, COPY_CHUNK)
        return cache_file(ctx, tmp, name)
    finally:
        tmp.unlink(missing_ok=True)


def _in_upload_dir(ctx: RunContext, path: str) -> bool:
    try:
        resolved = Path(os.path.abspath(path))
        resolved.relative_to(Path(os.path.abspath(ctx.upload_dir)))
    except ValueError:
        return False
    return True


def _one_file(ctx: RunContext, value: Any, image: bool) -> str:
    if ctx.version >= 5 and not _has_meta(value):
        if image and isinstance(value, dict) and value.get("path") is None:
            raise ValueError("Image path is None.")
        raise _meta_error(value)
    if not isinstance(value, dict) or not isinstance(value.get("path"), str):
        raise ValueError(f"1 validation error for FileData: {_truncated_repr(value)}")
    path = value["path"]
    if _is_url(path):
        # the server's own $P/file= URL too: 4 downloads it, the SSRF check of 5/6 refuses
        # its loopback host (unless allow_hosts lets it through)
        return str(_download(ctx, path))
    # a relative "$P/file=<path>" is no path in the upload folder: refused like any other
    if not _in_upload_dir(ctx, path):
        if ctx.version == 4:
            raise ValueError(f"File {path} is not in the upload folder and cannot be accessed.")
        raise ValueError(
            f"Cannot move {path} to the gradio cache dir because it was not uploaded by a user."
        )
    if not Path(path).is_file():
        raise FileNotFoundError(f"[Errno 2] No such file or directory: {path!r}")
    return str(os.path.abspath(path))


# --- components -----------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return type(value).__name__


def _less(a: Any, b: Any) -> bool:
    """Python's a < b for JSON values, TypeError included."""
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers):
        return bool(a < b)
    if isinstance(a, str) and isinstance(b, str):
        return a < b
    raise TypeError(
        f"'<' not supported between instances of '{_type_name(a)}' and '{_type_name(b)}'"
    )


def _bounds(value: Any, comp: Component) -> None:
    if comp.minimum is not None and _less(value, comp.minimum):
        raise GrError(f"Value {value} is less than minimum value {comp.minimum}.")
    if comp.maximum is not None and _less(comp.maximum, value):
        raise GrError(f"Value {value} is greater than maximum value {comp.maximum}.")


def _round(value: Any, precision: int | None) -> Any:
    if precision is None:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"type {_type_name(value)} doesn't define __round__ method")
    return int(round(value, 0)) if precision == 0 else round(value, precision)


def _expected(comp: Component, version: int) -> str:
    return {
        "textbox": "str | None",
        "number": "float | None",
        "slider": "float",
        "checkbox": "bool | None",
        "json": "dict | list | str | None",
        "file": "FileData | list[FileData] | None",
        "image": "ImageData | None" if version >= 5 else "FileData | None",
    }.get(comp.kind, "Any")


def preprocess(ctx: RunContext, comp: Component, value: Any) -> Any:
    """The value a Gradio component of this version hands to the function."""
    kind = comp.kind
    if kind == "state":
        return ctx.state.get(comp.id, comp.default)
    if kind == "textbox":
        return None if value is None else _python_str(value)
    if kind == "number":
        if value is None:
            return None
        _bounds(value, comp)
        return _round(value, comp.precision)
    if kind == "slider":
        if ctx.version == 4:
            return value
        _bounds(value, comp)
        return _round(value, comp.precision)
    if kind == "dropdown":
        if ctx.version == 4 or value is None:
            return value
        choices = list(comp.choices)
        values = value if isinstance(value, list) else None
        if values is not None:
            for item in values:
                if item not in choices:
                    raise GrError(
                        f"Value: {item!r} (type: <class '{_type_name(item)}'>) "
                        f"is not in the list of choices: {choices!r}"
                    )
        elif value not in choices:
            raise GrError(f"Value: {_python_str(value)} is not in the list of choices: {choices!r}")
        return value
    if kind in ("file", "image"):
        if value is None:
            return None
        if comp.multiple:
            if not isinstance(value, list):
                raise ValueError(
                    f"1 validation error for ListFiles\n  Input should be a valid list "
                    f"[type=list_type, input_value={_truncated_repr(value)}, "
                    f"input_type={type(value).__name__}]"
                )
            return [_one_file(ctx, item, False) for item in value]
        return _one_file(ctx, value, kind == "image")
    return value


def _python_str(value: Any) -> str:
    """str() of the Python value that the JSON value decodes to."""
    if isinstance(value, str):
        return value
    return str(value)


def postprocess(ctx: RunContext, comp: Component, value: Any) -> Any:
    """The JSON value that a Gradio component of this version sends for a returned value."""
    kind = comp.kind
    if kind == "state":
        ctx.state[comp.id] = value
        return None
    if value is None:
        return None
    if kind == "textbox":
        return _python_str(value)
    if kind == "number":
        return _round(value, comp.precision)
    if kind in ("file", "image"):
        if isinstance(value, list):
            return [file_data(ctx, cache_file(ctx, Path(v)), image=kind == "image") for v in value]
        return file_data(ctx, cache_file(ctx, Path(value)), image=kind == "image")
    return value


# --- built-in behaviours -----------------------------------------------------------------

Fn = Callable[[RunContext, list[Any]], Any]


def _reverse(ctx: RunContext, args: list[Any]) -> list[Any]:
    return [args[0][::-1]]


def _upper(ctx: RunContext, args: list[Any]) -> list[Any]:
    return [args[0].upper()]


def _echo(ctx: RunContext, args: list[Any]) -> list[Any]:
    return list(args)


def _multi(ctx: RunContext, args: list[Any]) -> list[Any]:
    text, shout, times = args
    count = int(times)
    word = text.upper() if shout else text
    return [" ".join([word] * count), len(text) * count]


def _types(ctx: RunContext, args: list[Any]) -> list[Any]:
    names = ctx.options.get("names") or [f"arg{i}" for i in range(len(args))]
    return [{name: {"value": v, "type": _type_name(v)} for name, v in zip(names, args)}]


def _stream(ctx: RunContext, args: list[Any]) -> Iterator[list[Any]]:
    interval = float(ctx.options.get("interval", 0.3))
    words: list[str] = []
    for word in args[0].split():
        ctx.sleep(interval)
        words.append(word)
        yield [" ".join(words)]


def _stream_fail(ctx: RunContext, args: list[Any]) -> Iterator[list[Any]]:
    interval = float(ctx.options.get("interval", 0.3))
    yield ["partial 1"]
    ctx.sleep(interval)
    yield ["partial 2"]
    raise GrError(f"stream failed after 2 parts for '{args[0]}'")


def _counter(ctx: RunContext, args: list[Any]) -> list[Any]:
    step, state = args
    total = (state or 0) + step
    shown = int(total) if float(total).is_integer() else total
    return [f"count={shown}", total]


def _fail(ctx: RunContext, args: list[Any]) -> list[Any]:
    raise GrError(f"custom failure for '{args[0]}'")


def _crash(ctx: RunContext, args: list[Any]) -> list[Any]:
    raise ValueError(f"unexpected boom for '{args[0]}'")


def _slow(ctx: RunContext, args: list[Any]) -> list[Any]:
    seconds = float(args[0])
    ctx.sleep(seconds)
    return [f"slept {int(seconds)}s"]


def _file_info(ctx: RunContext, args: list[Any]) -> list[Any]:
    path = Path(args[0])
    size = path.stat().st_size
    report = work_file(ctx, "report-", ".txt")
    report.write_text(f"file: {path.name}\nsize: {size} bytes\npath: {path}\n", encoding="utf-8")
    return [str(report), f"{path.name}: {size} bytes"]


def _image_flip(ctx: RunContext, args: list[Any]) -> list[Any]:
    out = work_file(ctx, "flipped-", ".png")
    shutil.copyfile(args[0], out)  # a copy stands in for the mirrored image
    return [str(out)]


def _file_out(ctx: RunContext, args: list[Any]) -> list[Any]:
    folder = ctx.upload_dir / ".work" / f"file_out-{secrets.token_hex(4)}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / str(ctx.options.get("name", FILE_OUT_NAME))
    path.write_text(args[0], encoding="utf-8")
    return [str(path)]


def _files_multi(ctx: RunContext, args: list[Any]) -> list[Any]:
    return [[{"name": os.path.basename(p), "size": os.path.getsize(p)} for p in args[0] or []]]


def _hidden(ctx: RunContext, args: list[Any]) -> list[Any]:
    return [f"hidden:{args[0]}"]


def _big(ctx: RunContext, args: list[Any]) -> list[Any]:
    return ["x" * int(args[0])]


# a gr.Interface's own listeners (curlgen/stub_app.py LISTENER_BEHAVIOURS)

FLAG_LABEL = "Flag"


def _no_backend(ctx: RunContext, args: list[Any]) -> list[Any]:
    raise IndexError("function has no backend method.")


def _flag_saving(ctx: RunContext, args: list[Any]) -> list[Any]:
    return [{"interactive": False, "value": "Saving...", "__type__": "update"}]


def _flag(ctx: RunContext, args: list[Any]) -> list[Any]:
    ctx.sleep(0.8)  # FlagMethod's pause, "to provide enough time for the user to observe"
    return _flag_reset(ctx, args)


def _flag_reset(ctx: RunContext, args: list[Any]) -> list[Any]:
    return [{"interactive": True, "value": FLAG_LABEL, "__type__": "update"}]


FNS: dict[str, Fn] = {
    "reverse": _reverse,
    "upper": _upper,
    "echo": _echo,
    "multi": _multi,
    "types": _types,
    "stream": _stream,
    "stream_fail": _stream_fail,
    "counter": _counter,
    "fail": _fail,
    "crash": _crash,
    "slow": _slow,
    "file_info": _file_info,
    "image_flip": _image_flip,
    "file_out": _file_out,
    "files_multi": _files_multi,
    "hidden": _hidden,
    "big": _big,
    "no_backend": _no_backend,
    "flag_saving": _flag_saving,
    "flag": _flag,
    "flag_reset": _flag_reset,
}


# --- one event -----------------------------------------------------------------------------


def error_payload(ctx: RunContext, exc: BaseException) -> Any:
    """The data of `event: error` for an exception, per version and show_error."""
    if ctx.version < 6:
        return None
    if isinstance(exc, GrError):
        return {"error": exc.message, "duration": 10, "visible": True, "title": "Error"}
    if ctx.show_error:
        return {"error": str(exc), "visible": True}
    return {"error": None}


def _object_repr(comp: Component) -> str:
    module = comp.kind if comp.kind != "json" else "json_component"
    name = {"json": "JSON"}.get(comp.kind, comp.kind.capitalize())
    return f"<gradio.components.{module}.{name} object at 0x7f{comp.id:010x}>"


def _not_enough(ep: Endpoint, data: list[Any]) -> ValueError:
    wanted = ", ".join(_object_repr(c) for c in ep.inputs)
    received = ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in data)
    return ValueError(
        f"An event handler ({ep.fn_name}) didn't receive enough input values "
        f"(needed: {len(ep.inputs)}, got: {len(data)}).\n"
        "Check if the event handler calls a Javascript function, and make sure its return "
        f"value is correct.\nWanted inputs:\n    [{wanted}]\nReceived inputs:\n    [{received}]"
    )


def _preprocess_error(
    ctx: RunContext, ep: Endpoint, index: int, value: Any, exc: Exception
) -> ValueError:
    names = ", ".join(c.kind for c in ep.inputs)
    comp = ep.inputs[index]
    value_repr = repr(value)
    if len(value_repr) > 200:
        value_repr = value_repr[:200] + "..."
    return ValueError(
        f"Could not preprocess input component at index {index} (a `{comp.kind}` component) "
        f'of the event handler (named "{ep.fn_name}") with input components: [{names}].\n\n'
        f"Expected a `{_expected(comp, ctx.version)}`, but the value passed to the event "
        f"handler was: {value_repr} (of type `{type(value).__name__}`).\n\n"
        f"Original error: {type(exc).__name__}: {exc}"
    )


def _outputs(ctx: RunContext, ep: Endpoint, result: Any) -> list[Any]:
    values = list(result) if isinstance(result, (list, tuple)) else [result]
    if len(values) != len(ep.outputs):
        raise ValueError(
            f"A function ({ep.fn_name}) returned too "
            f"{'many' if len(values) > len(ep.outputs) else 'few'} output values "
            f"(needed: {len(ep.outputs)}, returned: {len(values)})."
        )
    return [postprocess(ctx, comp, value) for comp, value in zip(ep.outputs, values)]


def run_event(ctx: RunContext, ep: Endpoint, data: list[Any]) -> Iterator[tuple[str, Any]]:
    """Run the endpoint on the POSTed data; yield the messages of the SSE stream."""
    fn = FNS[ep.fn]
    ctx.options = ep.options
    if ep.fn == "types" and "names" not in ctx.options:
        ctx.options = {**ep.options, "names": [c.parameter_name for c in ep.inputs]}
    try:
        if len(data) < len(ep.inputs):
            raise _not_enough(ep, data)
        args = []
        for index, (comp, value) in enumerate(zip(ep.inputs, data)):
            if not ep.preprocess:
                args.append(value)
                continue
            try:
                args.append(preprocess(ctx, comp, value))
            except GrError:
                raise
            except (TypeError, ValueError, OSError) as exc:
                if ctx.version >= 6 and comp.kind not in ("file",) and not comp.is_file:
                    raise _preprocess_error(ctx, ep, index, value, exc) from exc
                if ctx.version >= 6 and comp.kind == "image" and "Image path" in str(exc):
                    raise _preprocess_error(ctx, ep, index, value, exc) from exc
                raise
        result = fn(ctx, args)
        if isinstance(result, Iterator):
            last: list[Any] | None = None
            for partial in result:
                last = _outputs(ctx, ep, partial)
                yield "generating", last
            yield "complete", last if last is not None else [None] * len(ep.outputs)
        else:
            yield "complete", _outputs(ctx, ep, result)
    except Interrupted:
        return
    except (
        GrError,
        ValueError,
        TypeError,
        LookupError,
        AttributeError,
        OSError,
        ArithmeticError,
        RuntimeError,
    ) as exc:
        yield "error", error_payload(ctx, exc)
