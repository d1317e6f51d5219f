"""Learn an app from itself: /config and the info schema over HTTP (stdlib urllib).

The rules follow shared/gradio-protocol.md, measured on real Gradio 4.44.1, 5.50.0 and
6.31.0 servers:

- `GET <root>/config` (never under the prefix) gives the version, the API prefix
  (`api_prefix`; missing means none, as on 4.x), the components and the dependencies.
- `GET <root><prefix>/info` gives the documented endpoints with their parameters.
  4.44.1 installed with today's dependencies answers 500 there, so the endpoints can
  also be built from /config alone (dependencies + components).
- State inputs and outputs are hidden from the info schema; /config shows them as
  components with `skip_api: true` (type "state") among a dependency's inputs/outputs.
- Gradio's own login answers 401 until `POST <root>/login` (a form) sets a cookie.

In the common case discovery costs two requests: /config and info. The HTML page is
read only when /config does not give a config.
"""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from curlgen import __version__
from curlgen.errors import AppProblem, UsageProblem
from curlgen.model import (
    DEFAULT_PASSWORD_ENV,
    DEFAULT_TOKEN_ENV,
    DEFAULT_USERNAME_ENV,
    GRADIO_API_PREFIX,
    NEWEST,
    VERSIONS,
    App,
    Endpoint,
    Param,
    Return,
    normalize_prefix,
    prefix_for,
)

if TYPE_CHECKING:
    import urllib.request

MAX_BODY = 64 << 20  # a config of a big app is a few hundred kB; refuse to hold more than this
EXCERPT = 120

_GRADIO_CONFIG = re.compile(r"window\.gradio_config\s*=\s*")


class _NeedLogin(Exception):
    """The app answered with Gradio's own 401: log in and try again."""


class _Answer:
    """One HTTP answer: status, body, content type."""

    def __init__(self, status: int, body: bytes, content_type: str) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type

    def json(self) -> Any:
        """The body as JSON, or None when it is not JSON."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None

    @property
    def excerpt(self) -> str:
        """A short one-line excerpt of the body, for error messages."""
        text = " ".join(self.body.decode("utf-8", errors="replace").split())
        return text if len(text) <= EXCERPT else text[: EXCERPT - 3] + "..."


def discover(
    url: str,
    *,
    major: int | None = None,
    api_prefix: str | None = None,
    token: str | None = None,
    username: str | None = None,
    password: str | None = None,
    timeout: float = 15.0,
    include_hidden: bool = False,
    token_env: str = DEFAULT_TOKEN_ENV,
    username_env: str = DEFAULT_USERNAME_ENV,
    password_env: str = DEFAULT_PASSWORD_ENV,
) -> App:
    """The App at `url` (its root, sub-path mount included), learnt from /config and info.

    `major` and `api_prefix` override what the app says; `token` is sent as a bearer
    header on every request; `username`/`password` are used for Gradio's login when the
    app asks for one. The `*_env` names only word the error messages.
    """
    if major is not None and major not in VERSIONS:
        raise UsageProblem(f"Gradio major version must be one of 4, 5, 6, not {major}")
    session = _Session(
        url,
        token=token,
        timeout=timeout,
        token_env=token_env,
        username_env=username_env,
        password_env=password_env,
    )
    forced_prefix: str | None = None
    if api_prefix is not None:
        forced_prefix = normalize_prefix(api_prefix)
    elif major is not None:
        forced_prefix = prefix_for(major)
    try:
        found = session.explore(forced_prefix)
    except _NeedLogin:
        session.login(username, password)
        try:
            found = session.explore(forced_prefix)
        except _NeedLogin:
            raise AppProblem(
                f"{session.url} still answers 401 Not authenticated after logging in "
                "(is the cookie refused, or does the app live on another host?)"
            ) from None
    return _build_app(session, found, major=major, include_hidden=include_hidden)


# --- HTTP --------------------------------------------------------------------------------


class _Found:
    """What the app told us: its config (or None), its info (or None), the prefix used."""

    def __init__(
        self, config: dict[str, Any] | None, info: dict[str, Any] | None, prefix: str
    ) -> None:
        self.config = config
        self.info = info
        self.prefix = prefix


class _Session:
    """The requests of one discovery: one cookie jar, one deadline, the bearer header."""

    def __init__(
        self,
        url: str,
        *,
        token: str | None,
        timeout: float,
        token_env: str,
        username_env: str,
        password_env: str,
    ) -> None:
        import http.cookiejar
        import urllib.parse
        import urllib.request

        parts = urllib.parse.urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageProblem(f"not an app URL: {url!r} (expected e.g. http://127.0.0.1:7860)")
        self.url = urllib.parse.urlunsplit(
            (parts.scheme, parts.netloc, parts.path.rstrip("/"), "", "")
        )
        self.token = token
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.token_env = token_env
        self.username_env = username_env
        self.password_env = password_env
        self.jar = http.cookiejar.CookieJar()
        self.opener: urllib.request.OpenerDirector = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self.logged_in = False

    # one request

    def fetch(
        self, path: str, *, data: bytes | None = None, content_type: str | None = None
    ) -> _Answer:
        """GET (or POST `data` to) root + path; any HTTP status is an answer, not an error."""
        import http.client
        import urllib.error
        import urllib.request

        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise AppProblem(f"cannot reach {self.url}: no answer within {self.timeout:g}s")
        headers = {"User-Agent": f"curlgen/{__version__}", "Accept": "application/json, */*"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(
            self.url + path, data=data, headers=headers, method="POST" if data else "GET"
        )
        try:
            try:
                response = self.opener.open(request, timeout=remaining)
            except urllib.error.HTTPError as exc:
                with exc:
                    return _Answer(exc.code, self._read(exc), exc.headers.get("Content-Type", ""))
            with response:
                return _Answer(
                    response.status,
                    self._read(response),
                    response.headers.get("Content-Type", ""),
                )
        except urllib.error.URLError as exc:
            raise AppProblem(f"cannot reach {self.url}: {self._reason(exc.reason)}") from None
        except (OSError, http.client.HTTPException) as exc:
            raise AppProblem(f"cannot reach {self.url}: {self._reason(exc)}") from None

    def _read(self, response: Any) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > self.deadline:
                raise AppProblem(
                    f"cannot reach {self.url}: the answer took longer than {self.timeout:g}s"
                )
            chunk = response.read(1 << 16)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_BODY:
                raise AppProblem(f"{self.url} sent an answer over {MAX_BODY >> 20} MB")
            chunks.append(chunk)

    def _reason(self, reason: object) -> str:
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return f"no answer within {self.timeout:g}s"
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused"
        if isinstance(reason, socket.gaierror):
            return f"host name not found ({reason.strerror or reason})"
        if isinstance(reason, OSError) and reason.strerror:
            return str(reason.strerror)
        text = str(reason) or type(reason).__name__
        return re.sub(r"^\[Errno -?\d+\]\s*", "", text)

    # what a status means

    def is_gradio_401(self, answer: _Answer) -> bool:
        """Whether a 401 is Gradio's own "Not authenticated" (not a proxy's)."""
        if answer.status != 401:
            return False
        body = answer.json()
        detail = body.get("detail") if isinstance(body, dict) else None
        if isinstance(detail, dict):
            detail = detail.get("error")
        return detail == "Not authenticated"

    def token_problem(self, answer: _Answer, what: str) -> AppProblem:
        """A 401/403 that Gradio did not send: the Space's proxy wants a (valid) token."""
        if self.token:
            why = f"the token in {self.token_env} was refused"
        else:
            why = f"set {self.token_env} to a Hugging Face token that can read it (private Space?)"
        excerpt = answer.excerpt or "no body"
        return AppProblem(f"{self.url} answered {what} with {answer.status} ({excerpt}): {why}")

    # the conversation

    def explore(self, forced_prefix: str | None) -> _Found:
        """/config, then info; the HTML page and the info probes only when /config fails."""
        answer = self.fetch("/config")
        config = _as_config(answer.json()) if answer.status == 200 else None
        if answer.status in (401, 403) and config is None:
            if self.is_gradio_401(answer):
                raise _NeedLogin()
            page = self._page_config()
            if page is not None and page.get("auth_required"):
                raise _NeedLogin()
            raise self.token_problem(answer, "/config")
        if config is None and answer.status != 404:
            page = self._page_config()
            if page is not None and page.get("auth_required"):
                raise _NeedLogin()
            config = _as_config(page)
        if config is not None:
            prefix = forced_prefix
            if prefix is None:
                prefix = self._config_prefix(config)
            return _Found(config, self._info(prefix), prefix)
        return self._without_config(forced_prefix, answer)

    def _config_prefix(self, config: Mapping[str, Any]) -> str:
        """The config's api_prefix; missing (4.x) means none."""
        raw = config.get("api_prefix")
        if not isinstance(raw, str):
            return ""
        try:
            return normalize_prefix(raw)
        except UsageProblem:
            raise AppProblem(f"{self.url} reports an unusable api_prefix {raw!r}") from None

    def _info(self, prefix: str) -> dict[str, Any] | None:
        """The info schema at `prefix`, or None when it does not answer one (4.44.1: 500)."""
        answer = self.fetch(prefix + "/info")
        if self.is_gradio_401(answer):
            raise _NeedLogin()
        return _as_info(answer.json()) if answer.status == 200 else None

    def _without_config(self, forced_prefix: str | None, config_answer: _Answer) -> _Found:
        """No config: the prefix from where info answers (protocol section 2)."""
        tried = [f"/config {config_answer.status}"]
        probes = [forced_prefix] if forced_prefix is not None else [GRADIO_API_PREFIX, ""]
        for prefix in probes:
            answer = self.fetch(prefix + "/info")
            tried.append(f"{prefix}/info {answer.status}")
            if self.is_gradio_401(answer):
                raise _NeedLogin()
            if answer.status in (401, 403):
                raise self.token_problem(answer, f"{prefix}/info")
            info = _as_info(answer.json()) if answer.status == 200 else None
            if info is not None:
                return _Found(None, info, prefix)
            if answer.status != 404:
                # Not 404: the route exists here (protocol section 2), but gives no schema.
                break
        raise AppProblem(
            f"{self.url} does not look like a Gradio app (no Gradio config or API schema: "
            f"{', '.join(tried)})"
        )

    def _page_config(self) -> dict[str, Any] | None:
        """window.gradio_config from the HTML page, or None."""
        answer = self.fetch("/")
        if answer.status != 200:
            return None
        text = answer.body.decode("utf-8", errors="replace")
        match = _GRADIO_CONFIG.search(text)
        if match is None:
            return None
        try:
            value, _ = json.JSONDecoder().raw_decode(text, match.end())
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def login(self, username: str | None, password: str | None) -> None:
        """Gradio's login: the form POSTed to <root>/login, the cookie kept in the jar."""
        import urllib.parse

        missing = [
            name
            for name, value in ((self.username_env, username), (self.password_env, password))
            if not value
        ]
        if missing:
            raise AppProblem(f"{self.url} needs Gradio's login: set {' and '.join(missing)}")
        form = urllib.parse.urlencode({"username": username, "password": password}).encode()
        answer = self.fetch("/login", data=form, content_type="application/x-www-form-urlencoded")
        if answer.status == 400:
            raise AppProblem(
                f"{self.url} refused the login (Incorrect credentials): check "
                f"{self.username_env} and {self.password_env}"
            )
        if answer.status in (401, 403) and not self.is_gradio_401(answer):
            raise self.token_problem(answer, "/login")
        if answer.status != 200:
            raise AppProblem(
                f"{self.url} answered the login with {answer.status} "
                f"({answer.excerpt or 'no body'})"
            )
        self.logged_in = True


def _as_config(value: Any) -> dict[str, Any] | None:
    """A Gradio config document (components and dependencies), else None."""
    if (
        isinstance(value, dict)
        and isinstance(value.get("components"), list)
        and isinstance(value.get("dependencies"), list)
        and ("version" in value or "mode" in value)
    ):
        return value
    return None


def _as_info(value: Any) -> dict[str, Any] | None:
    """An info document (named_endpoints), else None."""
    if isinstance(value, dict) and isinstance(value.get("named_endpoints"), dict):
        return value
    return None


# --- from documents to the model -----------------------------------------------------------


def _major_of(version: Any) -> int | None:
    if not isinstance(version, str):
        return None
    match = re.match(r"\s*(\d+)", version)
    return int(match.group(1)) if match else None


def _guess_major(info: dict[str, Any] | None, prefix: str) -> int:
    """Without a version: the info's shape (6 adds api_visibility, 5 description), the prefix."""
    if prefix == "":
        return 4
    entries = [e for e in (info or {}).get("named_endpoints", {}).values() if isinstance(e, dict)]
    if any("show_api" in e for e in entries) and not any("api_visibility" in e for e in entries):
        return 5
    return NEWEST


def _build_app(session: _Session, found: _Found, *, major: int | None, include_hidden: bool) -> App:
    config = found.config or {}
    version = _text(config.get("version"))
    if major is None:
        detected = _major_of(version)
        if detected is None:
            major = _guess_major(found.info, found.prefix)
        elif detected < min(VERSIONS):
            raise AppProblem(
                f"{session.url} runs Gradio {version}, which has no /call API; curlgen "
                "supports Gradio 4, 5 and 6 (--gradio forces one)"
            )
        else:
            major = min(detected, NEWEST)
    reader = _Reader(config, major)
    endpoints: list[Endpoint] = []
    seen: set[str] = set()
    if found.info is not None:
        for key, entry in found.info["named_endpoints"].items():
            if not isinstance(key, str) or not isinstance(entry, dict):
                continue
            name = key[1:] if key.startswith("/") else key
            if not name or name in seen:
                continue
            visible = _info_visible(entry)
            if not visible and not include_hidden:
                continue
            seen.add(name)
            endpoints.append(reader.from_info(name, entry, visible))
    for dep in reader.dependencies:
        name = _text(dep.get("api_name"))
        if not name or name in seen:
            continue
        if dep.get("backend_fn") is False:  # a js-only listener: nothing to call
            continue
        visible = found.info is None and _dep_visible(dep)
        if not visible and not include_hidden:
            continue
        seen.add(name)
        endpoints.append(reader.from_config(name, dep, visible))
    if include_hidden:
        # the named ones in their order, then the hidden ones
        endpoints.sort(key=lambda e: not e.visible)
    return App(
        root=session.url,
        major=major,
        prefix=found.prefix,
        version=version,
        endpoints=tuple(endpoints),
        auth_required=session.logged_in,
        discovered=True,
    )


def _info_visible(entry: Mapping[str, Any]) -> bool:
    visibility = entry.get("api_visibility")
    if isinstance(visibility, str):
        return visibility == "public"
    return entry.get("show_api", True) is not False


def _dep_visible(dep: Mapping[str, Any]) -> bool:
    """The info schema's rule: api_visibility "public" on 6, show_api on 4 and 5."""
    visibility = dep.get("api_visibility")
    if isinstance(visibility, str):
        return visibility == "public"
    return dep.get("show_api", True) is not False


class _Reader:
    """Builds endpoints from the info schema and from /config."""

    def __init__(self, config: Mapping[str, Any], major: int) -> None:
        self.major = major
        self.components: dict[Any, dict[str, Any]] = {}
        for comp in config.get("components") or ():
            if isinstance(comp, dict) and "id" in comp:
                self.components[comp["id"]] = comp
        self.dependencies: list[dict[str, Any]] = [
            d for d in config.get("dependencies") or () if isinstance(d, dict)
        ]
        self.by_name: dict[str, dict[str, Any]] = {}
        for dep in self.dependencies:
            name = dep.get("api_name")
            if isinstance(name, str) and name not in self.by_name:
                self.by_name[name] = dep

    def _component(self, comp_id: Any) -> dict[str, Any]:
        return self.components.get(comp_id) or {}

    @staticmethod
    def _is_state(comp: Mapping[str, Any]) -> bool:
        return comp.get("skip_api") is True or comp.get("type") == "state"

    def _slots(self, ids: Any) -> tuple[list[int], list[dict[str, Any]]]:
        """State positions among `ids`, and the API components in order."""
        states: list[int] = []
        api: list[dict[str, Any]] = []
        for index, comp_id in enumerate(ids if isinstance(ids, list) else ()):
            comp = self._component(comp_id)
            if self._is_state(comp):
                states.append(index)
            else:
                api.append(comp)
        return states, api

    def from_info(self, name: str, entry: Mapping[str, Any], visible: bool) -> Endpoint:
        dep = self.by_name.get(name, {})
        state_in, comps_in = self._slots(dep.get("inputs"))
        state_out, _ = self._slots(dep.get("outputs"))
        raw_params = [p for p in entry.get("parameters") or () if isinstance(p, dict)]
        if dep and len(comps_in) != len(raw_params):
            # /config disagrees with the schema: trust the schema, assume no State slots
            state_in, comps_in = [], []
        params = _unique(
            self._param_from_info(p, i, comps_in[i] if i < len(comps_in) else {})
            for i, p in enumerate(raw_params)
        )
        returns = tuple(
            Return(
                label=_text(r.get("label")),
                component=_text(r.get("component")),
                python_type=_short_file_type(_python_type_of(r), _kind(r.get("type"))),
            )
            for r in entry.get("returns") or ()
            if isinstance(r, dict)
        )
        return Endpoint(
            api_name=name,
            params=params,
            returns=returns,
            state_inputs=tuple(state_in),
            state_outputs=tuple(state_out),
            description=_text(entry.get("description")),
            visible=visible,
        )

    def _param_from_info(
        self, raw: Mapping[str, Any], index: int, comp: Mapping[str, Any]
    ) -> Param:
        schema = raw.get("type")
        kind = _kind(schema)
        label = _text(raw.get("label"))
        name = raw.get("parameter_name")
        if not isinstance(name, str) or not name:
            name = _identifier(label, index)
        if "parameter_has_default" in raw:
            has_default = raw.get("parameter_has_default") is True
            default = raw.get("parameter_default") if has_default else None
        else:  # an older schema: the component's initial value, as Gradio uses it
            value = (comp.get("props") or {}).get("value")
            has_default, default = value is not None, value
        python = raw.get("python_type")
        python_type = _short_file_type(
            _python_type_of(raw) or _python_type(schema, kind, self.major), kind
        )
        description = python.get("description") if isinstance(python, dict) else None
        return Param(
            name=name,
            label=label,
            component=_text(raw.get("component")),
            kind=kind,
            python_type=python_type,
            type_description=_text(description),
            has_default=has_default,
            default=default,
            has_example="example_input" in raw,
            example=raw.get("example_input"),
            choices=_choices(schema),
        )

    def from_config(self, name: str, dep: Mapping[str, Any], visible: bool) -> Endpoint:
        """An endpoint from /config alone (no info schema, or a hidden endpoint)."""
        state_in, _ = self._slots(dep.get("inputs"))
        state_out, _ = self._slots(dep.get("outputs"))
        params: list[Param] = []
        for index, comp_id in enumerate(dep.get("inputs") or ()):
            if index in state_in:
                continue
            params.append(self._param_from_config(self._component(comp_id), comp_id, index))
        returns: list[Return] = []
        for index, comp_id in enumerate(dep.get("outputs") or ()):
            if index in state_out:
                continue
            comp = self._component(comp_id)
            schema = self._schema(comp, "output")
            props = comp.get("props") or {}
            returns.append(
                Return(
                    label=_text(props.get("label")) or f"value_{comp_id}",
                    component=_text(comp.get("type")).capitalize(),
                    python_type=_python_type(schema, _kind(schema), self.major),
                )
            )
        description = dep.get("api_description")
        return Endpoint(
            api_name=name,
            params=_unique(params),
            returns=tuple(returns),
            state_inputs=tuple(state_in),
            state_outputs=tuple(state_out),
            description=description if isinstance(description, str) else "",
            visible=visible,
        )

    @staticmethod
    def _schema(comp: Mapping[str, Any], side: str) -> Any:
        # 6.x gives api_info_as_input/_as_output; 4 and 5 one api_info for both sides
        schema = comp.get(f"api_info_as_{side}")
        return schema if schema is not None else comp.get("api_info")

    def _param_from_config(self, comp: Mapping[str, Any], comp_id: Any, index: int) -> Param:
        props = comp.get("props") or {}
        schema = self._schema(comp, "input")
        kind = _kind(schema)
        label = _text(props.get("label")) or f"parameter_{comp_id}"
        value = props.get("value")
        # what the info schema would say: 4 shows the schema's description, 5 and 6 their
        # additional_description (the FileData text) and nothing for plain types
        key = "description" if self.major == 4 else "additional_description"
        description = schema.get(key) if isinstance(schema, dict) else None
        return Param(
            name=_identifier(_text(props.get("label")), index),
            label=label,
            component=_text(comp.get("type")).capitalize(),
            kind=kind,
            python_type=_python_type(schema, kind, self.major),
            type_description=_text(description),
            has_default=value is not None,
            default=value,
            has_example="example_inputs" in comp,
            example=comp.get("example_inputs"),
            choices=_choices(schema),
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _python_type_of(raw: Mapping[str, Any]) -> str:
    python = raw.get("python_type")
    if isinstance(python, dict):
        return _text(python.get("type"))
    return _text(python)


def _short_file_type(python_type: str, kind: str) -> str:
    """5.x spells ImageData out field by field; 4 and 6 call the same thing filepath."""
    if kind in ("file", "files") and python_type.startswith("dict("):
        return "filepath" if kind == "file" else "list[filepath]"
    return python_type


def _identifier(label: str, index: int) -> str:
    """A parameter name from a label, as Gradio's Interface names them; param_N without one."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_").lower()
    if not name:
        return f"param_{index}"
    return f"p_{name}" if name[0].isdigit() else name


def _unique(params: Iterator[Param] | Sequence[Param]) -> tuple[Param, ...]:
    """Parameter names made unique (name, name_2, ...): they become flags and keys."""
    out: list[Param] = []
    used: set[str] = set()
    for param in params:
        name, n = param.name, 2
        while name in used:
            name, n = f"{param.name}_{n}", n + 1
        used.add(name)
        if name != param.name:
            import dataclasses

            param = dataclasses.replace(param, name=name)
        out.append(param)
    return tuple(out)


# --- JSON schemas ----------------------------------------------------------------------------


def _deref(schema: Any, root: Any, depth: int = 0) -> Any:
    """Follow a local `$ref` (#/$defs/X or #/definitions/X) a few levels."""
    while (
        isinstance(schema, dict)
        and isinstance(schema.get("$ref"), str)
        and depth < 8
        and isinstance(root, dict)
    ):
        ref = schema["$ref"]
        target: Any = root
        for part in ref.lstrip("#/").split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        if target is None:
            return schema
        schema, depth = target, depth + 1
    return schema


def _unwrap(schema: Any, root: Any) -> Any:
    """A nullable schema (anyOf/oneOf [X, null], type [X, "null"]) -> X."""
    schema = _deref(schema, root)
    if not isinstance(schema, dict):
        return schema
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list):
            rest = [o for o in options if not (isinstance(o, dict) and o.get("type") == "null")]
            if len(rest) == 1:
                return _unwrap(rest[0], root)
    kind = schema.get("type")
    if isinstance(kind, list):
        rest = [t for t in kind if t != "null"]
        if len(rest) == 1:
            return {**schema, "type": rest[0]}
    return schema


def _is_filedata(schema: Any, root: Any) -> bool:
    schema = _unwrap(schema, root)
    if not isinstance(schema, dict):
        return False
    if schema.get("title") in ("FileData", "ImageData"):
        return True
    props = schema.get("properties")
    return isinstance(props, dict) and "path" in props and "meta" in props and "url" in props


def _kind(schema: Any) -> str:
    """string | number | integer | boolean | json | file | files, from a JSON schema."""
    root = schema
    schema = _unwrap(schema, root)
    if not isinstance(schema, dict):
        return "json"
    if _is_filedata(schema, root):
        return "file"
    kind = schema.get("type")
    if kind == "array":
        return "files" if _is_filedata(schema.get("items"), root) else "json"
    if kind in ("string", "number", "integer", "boolean"):
        return str(kind)
    enum = schema.get("enum")
    if kind is None and isinstance(enum, list) and enum:
        if all(isinstance(v, str) for v in enum):
            return "string"
        if all(isinstance(v, int) and not isinstance(v, bool) for v in enum):
            return "integer"
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in enum):
            return "number"
    return "json"


def _choices(schema: Any) -> tuple[Any, ...]:
    """The allowed values: an enum, or the enum of a multiselect's items."""
    root = schema
    schema = _unwrap(schema, root)
    if not isinstance(schema, dict):
        return ()
    enum = schema.get("enum")
    if not isinstance(enum, list) and schema.get("type") == "array":
        items = _unwrap(schema.get("items"), root)
        enum = items.get("enum") if isinstance(items, dict) else None
    return tuple(enum) if isinstance(enum, list) else ()


def _python_type(schema: Any, kind: str, major: int) -> str:
    """A python_type like the info schema's, for endpoints known from /config only."""
    choices = _choices(schema)
    literal = "Literal[" + ", ".join(repr(c) for c in choices) + "]" if choices else ""
    listed = "List" if major == 4 else "list"
    if kind == "string":
        return literal or "str"
    simple = {
        "number": "float",
        "integer": "int",
        "boolean": "bool",
        "file": "filepath",
        "files": f"{listed}[filepath]",
    }
    if kind in simple:
        return literal or simple[kind]
    unwrapped = _unwrap(schema, schema)
    if isinstance(unwrapped, dict) and unwrapped.get("type") == "array":
        return f"{listed}[{literal or 'Any'}]"
    if isinstance(unwrapped, dict) and unwrapped.get("type") == {}:  # gr.JSON: any JSON value
        return "Dict[Any, Any]" if major == 4 else "str | float | bool | list | dict"
    return "Any"
