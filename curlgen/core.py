"""What every command shares: from what the user typed to an App and a Call."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from curlgen.errors import UsageProblem
from curlgen.inputs import build_data
from curlgen.model import (
    NEWEST,
    App,
    Auth,
    Call,
    check_env_name,
    check_session_hash,
    normalize_prefix,
    prefix_for,
)


@dataclass(frozen=True)
class Request:
    """What the user asked for, before anything is looked up."""

    app: str
    api_name: str | None = None
    data: str | None = None
    params: Sequence[str] = ()
    session_hash: str | None = None
    offline: bool = False
    major: int | None = None
    api_prefix: str | None = None
    timeout: float = 15.0
    token_env: str = "HF_TOKEN"
    username_env: str = "GRADIO_USERNAME"
    password_env: str = "GRADIO_PASSWORD"
    use_token: bool = False
    login: bool | None = None  # None: when the app asks for a login
    include_hidden: bool = False


def load_app(req: Request) -> App:
    """The App that `req.app` names: learnt from the app, or assumed when offline."""
    from curlgen import spaces

    check_env_name(req.token_env, "token variable")
    token = os.environ.get(req.token_env) or None
    target = spaces.resolve(req.app, offline=req.offline, token=token)
    if req.offline:
        major = req.major or NEWEST
        prefix = prefix_for(major) if req.api_prefix is None else normalize_prefix(req.api_prefix)
        return App(root=target.url, major=major, prefix=prefix)
    from curlgen import discover

    return discover.discover(
        target.url,
        major=req.major,
        api_prefix=None if req.api_prefix is None else normalize_prefix(req.api_prefix),
        token=token,
        username=os.environ.get(check_env_name(req.username_env, "user name variable")),
        password=os.environ.get(check_env_name(req.password_env, "password variable")),
        timeout=req.timeout,
        include_hidden=req.include_hidden,
        token_env=req.token_env,
        username_env=req.username_env,
        password_env=req.password_env,
    )


def plan_call(req: Request, app: App | None = None) -> Call:
    """The Call that `req` describes, on `app` (loaded when not given)."""
    if app is None:
        app = load_app(req)
    if req.offline and req.api_name is None:
        raise UsageProblem("with --offline, name the endpoint to call (API_NAME)")
    endpoint = app.endpoint(req.api_name)
    data = build_data(endpoint, req.data, req.params, offline=req.offline or not app.discovered)
    session = check_session_hash(req.session_hash) if req.session_hash is not None else None
    login = app.auth_required if req.login is None else req.login
    auth = Auth(
        token_env=check_env_name(req.token_env, "token variable"),
        username_env=check_env_name(req.username_env, "user name variable"),
        password_env=check_env_name(req.password_env, "password variable"),
        use_token=req.use_token,
        login=login,
    )
    return Call(app=app, endpoint=endpoint, data=data, session_hash=session, auth=auth)


def write_output(path: str, text: str, *, executable: bool = False) -> None:
    """Write generated text to `path`, whole or not at all."""
    target = Path(path)
    if target.is_dir():
        raise UsageProblem(f"{path} is a directory")
    tmp = target.with_name(f".{target.name}.curlgen-tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        if executable:
            tmp.chmod(0o755)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageProblem(f"cannot write {path}: {exc.strerror or exc}") from None
