"""From `--data` and `--param` to the `data` list, typed by the endpoint's schema."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from curlgen.errors import UsageProblem
from curlgen.model import FILE_META, Endpoint, LocalFile, Param

_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off")


def parse_data(text: str) -> list[Any]:
    """`--data`: the whole `data` list as JSON."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise UsageProblem(f"--data is not valid JSON: {exc}") from None
    if not isinstance(value, list):
        raise UsageProblem(
            f"--data must be a JSON list with one value per input, e.g. '[\"hi\"]'; got {text!r}"
        )
    return value


def split_param(text: str) -> tuple[str, str]:
    """`NAME=VALUE` -> (NAME, VALUE)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise UsageProblem(f"--param needs NAME=VALUE, got {text!r}")
    return name.strip(), value


def is_url(text: str) -> bool:
    """Whether a file value is an http(s) URL rather than a local path."""
    return text.startswith(("http://", "https://"))


def file_value(text: str) -> dict[str, Any]:
    """A URL or a server path -> the FileData shape every Gradio version accepts."""
    return {"path": text, "meta": dict(FILE_META)}


def file_input(text: str) -> dict[str, Any] | LocalFile:
    """A file value as typed: a URL is sent as it is, a local path is uploaded first."""
    return file_value(text) if is_url(text) else LocalFile(text)


def _files_in_data(endpoint: Endpoint, values: list[Any]) -> list[Any]:
    """In `--data`, a bare string for a file parameter is a path or URL, as with --param."""
    out = list(values)
    params = iter(endpoint.params)
    for i in range(endpoint.data_length):
        if i in endpoint.state_inputs:
            continue
        param = next(params)
        if param.kind == "file" and isinstance(out[i], str):
            out[i] = file_input(out[i])
        elif param.kind == "files" and isinstance(out[i], list):
            out[i] = [file_input(v) if isinstance(v, str) else v for v in out[i]]
    return out


def _number(param: Param, raw: str) -> int | float:
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (isinstance(value, float) and not math.isfinite(value))
    ):
        raise UsageProblem(f"parameter {param.name} expects a number, got {raw!r}")
    if param.kind == "integer" and isinstance(value, float):
        if not value.is_integer():
            raise UsageProblem(f"parameter {param.name} expects an integer, got {raw!r}")
        return int(value)
    return value


def parse_value(param: Param, raw: str) -> Any:
    """A `--param` VALUE typed by its parameter's schema."""
    if param.kind in ("number", "integer"):
        return _number(param, raw)
    if param.kind == "boolean":
        low = raw.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise UsageProblem(f"parameter {param.name} expects true or false, got {raw!r}")
    if param.kind == "json":
        try:
            return json.loads(raw)
        except ValueError:
            raise UsageProblem(
                f"parameter {param.name} expects JSON ({param.type_label}), got {raw!r}"
            ) from None
    if param.is_file:
        stripped = raw.strip()
        if stripped.startswith(("{", "[")):
            try:
                return json.loads(stripped)
            except ValueError:
                raise UsageProblem(f"parameter {param.name}: invalid JSON {raw!r}") from None
        if param.kind == "files":
            return [file_input(part) for part in raw.split(",") if part]
        return file_input(raw)
    return raw


def default_value(param: Param, endpoint: Endpoint) -> Any:
    """What a parameter left out gets: the schema's default, then its example."""
    if param.has_default:
        return param.default
    if param.has_example:
        return param.example
    raise UsageProblem(
        f"parameter {param.name} of {endpoint.path} has no default or example: "
        f"give --param {param.name}=VALUE"
    )


def build_data(
    endpoint: Endpoint, data: str | None, params: Sequence[str], *, offline: bool = False
) -> tuple[Any, ...]:
    """The full `data` list (State slots included) for a call of `endpoint`."""
    if data is not None and params:
        raise UsageProblem("give the inputs either as --data or as --param, not both")
    if data is not None:
        values = parse_data(data)
        if not endpoint.known:
            return tuple(values)
        if len(values) == endpoint.data_length:
            return tuple(_files_in_data(endpoint, values))
        if len(values) == len(endpoint.params):
            return tuple(_files_in_data(endpoint, endpoint.full_data(values)))
        names = ", ".join(p.name for p in endpoint.params) or "none"
        raise UsageProblem(
            f"{endpoint.path} takes {len(endpoint.params)} values ({names}), "
            f"--data has {len(values)}"
        )
    pairs = [split_param(p) for p in params]
    if not endpoint.known:
        if not pairs:
            how = "with --offline" if offline else "without the app's schema"
            raise UsageProblem(f"{how}, give the inputs: --data JSON or --param NAME=VALUE")
        return tuple(value for _, value in pairs)
    given: dict[str, Any] = {}
    for name, raw in pairs:
        param = endpoint.param(name)
        if param.name in given:
            raise UsageProblem(f"parameter {param.name} given twice")
        given[param.name] = parse_value(param, raw)
    values = [
        given[p.name] if p.name in given else default_value(p, endpoint) for p in endpoint.params
    ]
    return tuple(endpoint.full_data(values))
