"""A streaming multipart/form-data parser for the stub's upload route.

File parts go straight to a temporary file in chunks while their sha256 is computed, so an
upload of any size costs a fixed amount of memory. Field values without a filename are kept
(up to a limit) in memory.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 16
MAX_FIELD = 1 << 20
MAX_HEADER = 1 << 16

Reader = Callable[[int], bytes]


class MultipartError(Exception):
    """The body is not the multipart document its header announced."""


@dataclass
class Part:
    """One part of the form."""

    name: str | None
    filename: str | None  # None: a plain field, not a file
    content_type: str | None
    path: Path | None  # a file part's temporary file
    sha256: str
    size: int
    value: bytes = b""


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        out = []
        i = 1
        while i < len(value) - 1:
            char = value[i]
            if char == "\\" and i + 1 < len(value) - 1:
                i += 1
                char = value[i]
            out.append(char)
            i += 1
        return "".join(out)
    return value


def _split_params(header: str) -> list[str]:
    items, current, quoted, escaped = [], [], False, False
    for char in header:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\" and quoted:
            current.append(char)
            escaped = True
        elif char == '"':
            current.append(char)
            quoted = not quoted
        elif char == ";" and not quoted:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return items


def parse_disposition(header: str) -> dict[str, str]:
    """The parameters of a Content-Disposition header (RFC 2231 filename* preferred)."""
    params: dict[str, str] = {}
    extended: dict[str, str] = {}
    for item in _split_params(header)[1:]:
        if "=" not in item:
            continue
        key, _, value = item.partition("=")
        key = key.strip().lower()
        value = value.strip()
        if key.endswith("*"):
            charset, _, rest = value.partition("'")
            _lang, _, encoded = rest.partition("'")
            try:
                extended[key[:-1]] = urllib.parse.unquote(
                    _unquote(encoded), encoding=charset or "utf-8", errors="strict"
                )
            except (LookupError, UnicodeDecodeError):
                extended[key[:-1]] = urllib.parse.unquote(_unquote(encoded), encoding="latin-1")
        else:
            params[key] = _unquote(value)
    params.update(extended)
    return params


def boundary_of(content_type: str) -> bytes | None:
    """The boundary of a multipart/form-data Content-Type, or None if it is not one."""
    main, *rest = content_type.split(";")
    if main.strip().lower() != "multipart/form-data":
        return None
    for item in rest:
        key, _, value = item.strip().partition("=")
        if key.strip().lower() == "boundary" and value:
            return _unquote(value.strip()).encode("latin-1")
    return None


class _Buffered:
    def __init__(self, read: Reader) -> None:
        self._read = read
        self.buf = b""
        self.eof = False

    def fill(self) -> bool:
        if self.eof:
            return False
        data = self._read(CHUNK)
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def parse(read: Reader, boundary: bytes, tmp_dir: Path) -> list[Part]:
    """Read a whole multipart body from `read`, file parts to temporary files in tmp_dir."""
    stream = _Buffered(read)
    opening = b"--" + boundary
    delimiter = b"\r\n--" + boundary
    # preamble: up to the first boundary
    while True:
        index = stream.buf.find(opening)
        if index >= 0:
            stream.buf = stream.buf[index + len(opening) :]
            break
        stream.buf = stream.buf[-len(opening) :]
        if not stream.fill():
            raise MultipartError("no boundary in the body")
    parts: list[Part] = []
    try:
        while True:
            while len(stream.buf) < 2 and stream.fill():
                pass
            if stream.buf.startswith(b"--"):
                return parts
            if not stream.buf.startswith(b"\r\n"):
                raise MultipartError("bad boundary line")
            stream.buf = stream.buf[2:]
            while b"\r\n\r\n" not in stream.buf:
                if len(stream.buf) > MAX_HEADER or not stream.fill():
                    raise MultipartError("bad part headers")
            raw_headers, _, stream.buf = stream.buf.partition(b"\r\n\r\n")
            headers: dict[str, str] = {}
            for line in raw_headers.split(b"\r\n"):
                key, _, value = _decode(line).partition(":")
                headers[key.strip().lower()] = value.strip()
            disposition = parse_disposition(headers.get("content-disposition", ""))
            filename = disposition.get("filename")
            part = Part(
                name=disposition.get("name"),
                filename=filename,
                content_type=headers.get("content-type"),
                path=None,
                sha256="",
                size=0,
            )
            digest = hashlib.sha256()
            out = None
            if filename is not None:
                fd, name = tempfile.mkstemp(prefix=".upload-", dir=tmp_dir)
                out = os.fdopen(fd, "wb")
                part.path = Path(name)
            parts.append(part)
            try:
                while True:
                    index = stream.buf.find(delimiter)
                    if index >= 0:
                        data, stream.buf = stream.buf[:index], stream.buf[index + len(delimiter) :]
                        done = True
                    else:
                        keep = len(delimiter) - 1
                        data = stream.buf[:-keep] if len(stream.buf) > keep else b""
                        stream.buf = stream.buf[len(data) :]
                        done = False
                    if data:
                        part.size += len(data)
                        if out is not None:
                            digest.update(data)
                            out.write(data)
                        elif len(part.value) < MAX_FIELD:
                            part.value += data[: MAX_FIELD - len(part.value)]
                    if done:
                        break
                    if not stream.fill():
                        raise MultipartError("the body ended inside a part")
            finally:
                if out is not None:
                    out.close()
            part.sha256 = digest.hexdigest()
    except BaseException:
        for part in parts:
            if part.path is not None:
                part.path.unlink(missing_ok=True)
        raise
