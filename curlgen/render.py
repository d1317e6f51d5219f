"""The Jinja environment, its filters, and one function per kind of output."""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from curlgen import __version__
from curlgen.errors import CurlgenError
from curlgen.model import to_json

if TYPE_CHECKING:
    import jinja2

    from curlgen.core import Request
    from curlgen.model import App, Call, Endpoint



def template_dir() -> Path:
    """Where the templates are: inside the package (wheel) or beside it (checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise CurlgenError(f"curlgen's templates are missing (looked in {here} and beside it)")


def shquote(value: Any) -> str:
    """One POSIX shell word that the shell turns back into exactly `value`."""
    return shlex.quote(str(value))


def dquote(value: Any) -> str:
    """Text for inside double quotes: `$`, backquote, `"` and backslash escaped."""
    out = str(value)
    for ch in ("\\", '"', "$", "`"):
        out = out.replace(ch, "\\" + ch)
    return out


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs: compiling script.sh.j2 costs more than
    importing Jinja. None where the cache folder cannot be written."""
    import jinja2

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "curlgen", "jinja")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(folder)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja environment: strict, not HTML-escaped, whitespace as written."""
    import jinja2  # lazy: `curlgen --help` and `space` need no templates

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["shquote"] = shquote
    env.filters["dquote"] = dquote
    env.filters["json"] = to_json
    env.globals["curlgen_version"] = __version__
    return env


def render(template: str, **context: Any) -> str:
    """Render `template` with `context`."""
    return environment().get_template(template).render(**context)


@lru_cache(maxsize=1)
def awk_program() -> str:
    """The awk program that generated scripts embed in single quotes: plain text after its
    leading Jinja comment, so it is read, not compiled."""
    text = (template_dir() / "_awk.j2").read_text(encoding="utf-8")
    text = re.sub(r"\A\{#.*?#\}\s*", "", text, flags=re.S).strip()
    if "'" in text:
        raise CurlgenError("templates/_awk.j2 holds a single quote; scripts quote it with them")
    return text


def render_script(call: Call, *, shell: str = "bash", name: str | None = None) -> str:
    """A ready-to-run script that makes `call`."""
    if name is None:
        name = f"{call.endpoint.api_name.replace('/', '_')}.sh"
    return render("script.sh.j2", call=call, shell=shell, name=name, awk_program=awk_program())


def render_command(call: Call, *, style: str = "two-step", fmt: str = "text") -> str:
    """The copy-paste curl commands for `call`."""
    body = render(f"command_{style.replace('-', '_')}.sh.j2", call=call)
    if fmt == "markdown":
        return render("command.md.j2", call=call, style=style, body=body)
    return body


@dataclass(frozen=True)
class DocEntry:
    """One endpoint's section of the docs: its example call, or why there is none."""

    endpoint: Endpoint
    anchor: str
    call: Call | None = None
    two_step: str = ""
    one_liner: str = ""
    problem: str = ""


def _anchor(path: str) -> str:
    """GitHub's heading anchor for `## /name`."""
    return re.sub(r"[^a-z0-9_ -]", "", path.lower()).replace(" ", "-")


def render_docs(app: App, req: Request) -> str:
    """Markdown for every named endpoint of `app`, with commands that run as they are."""
    from dataclasses import replace

    from curlgen.core import plan_call
    from curlgen.errors import UsageProblem

    entries = []
    for ep in app.named_endpoints:
        anchor = _anchor(ep.path)
        try:
            call = plan_call(replace(req, api_name=ep.api_name), app=app)
        except UsageProblem as exc:
            entries.append(DocEntry(endpoint=ep, anchor=anchor, problem=str(exc)))
            continue
        entries.append(
            DocEntry(
                endpoint=ep,
                anchor=anchor,
                call=call,
                two_step=render_command(call, style="two-step"),
                one_liner=render_command(call, style="one-liner"),
            )
        )
    return render("docs.md.j2", app=app, entries=entries, auth=_auth_of(req, app))


def _auth_of(req: Request, app: App) -> Any:
    from curlgen.model import Auth

    return Auth(
        token_env=req.token_env,
        username_env=req.username_env,
        password_env=req.password_env,
        use_token=req.use_token,
        login=app.auth_required,
    )
