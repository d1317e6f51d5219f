"""The command line: parse, call the core, map errors to exit codes. Only this imports Click."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from curlgen import __version__
from curlgen.errors import CurlgenError

F = TypeVar("F", bound=Callable[..., Any])

EPILOG_EXIT = (
    "Exit codes: 0 ok, 1 the app cannot be reached or answers wrongly, 2 bad usage or input."
)


class CurlgenGroup(click.Group):
    """A group whose errors are one line on stderr: `curlgen: error: ...`."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            # Click >= 8.2 raises this for a bare group or command: show the help, exit 2.
            click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            code = 2
        except click.UsageError as exc:
            hint = ""
            if exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            click.echo(f"curlgen: error: {exc.format_message()}{hint}", err=True)
            code = exc.exit_code
        except click.ClickException as exc:
            click.echo(f"curlgen: error: {exc.format_message()}", err=True)
            code = exc.exit_code
        except CurlgenError as exc:
            click.echo(f"curlgen: error: {exc}", err=True)
            code = exc.exit_code
        except click.Abort:
            click.echo("curlgen: interrupted", err=True)
            code = 130
        except KeyboardInterrupt:
            code = 130
        except BrokenPipeError:
            # `curlgen docs APP | head`: the reader left; say nothing more.
            sys.stderr.close()
            code = 0
        else:
            code = rv if isinstance(rv, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)


def _version_option(f: F) -> F:
    return click.version_option(__version__, "-V", "--version", prog_name="curlgen")(f)


@click.group(
    cls=CurlgenGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen command http://127.0.0.1:7860 predict --data '[\"hi\"]'\n"
        "  curlgen script abidlabs/en2fr -o en2fr.sh\n"
        "  curlgen endpoints https://huggingface.co/spaces/abidlabs/en2fr\n"
        "  curlgen stub --gradio 5 --port 0\n\n"
        'Shell completion: eval "$(_CURLGEN_COMPLETE=bash_source curlgen)" '
        "(zsh_source and fish_source too).\n\n" + EPILOG_EXIT
    ),
)
@_version_option
def main() -> None:
    """Copy-paste curl commands and ready-to-run shell scripts for any Gradio app.

    APP is an app URL (http://127.0.0.1:7860), a Space page URL
    (https://huggingface.co/spaces/OWNER/NAME) or a Space id (OWNER/NAME).
    """


def discovery_options(f: F) -> F:
    """The options that say what the app is instead of asking it, and how long to wait."""
    opts = [
        click.option(
            "--gradio",
            "gradio_major",
            type=click.Choice(["4", "5", "6"]),
            help="The app's Gradio major version, instead of asking the app.",
        ),
        click.option(
            "--api-prefix",
            metavar="PREFIX",
            help="The API prefix ('' for Gradio 4, /gradio_api for 5 and 6), "
            "instead of asking the app.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0.1),
            default=15.0,
            show_default=True,
            metavar="SECONDS",
            help="How long to wait for the app while learning about it.",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def app_options(f: F) -> F:
    """The options that say how to reach and read the app, --offline included."""
    f = discovery_options(f)
    return click.option(
        "--offline",
        is_flag=True,
        help="Never touch the network: API_NAME and inputs are required; the newest "
        "protocol is assumed unless --gradio says otherwise.",
    )(f)


def input_options(f: F) -> F:
    """The options that give an endpoint's inputs."""
    opts = [
        click.option(
            "--data",
            metavar="JSON",
            help="The whole data list as JSON, as in Gradio's guide: '[\"hi\", true, 3]'.",
        ),
        click.option(
            "--param",
            "-p",
            "params",
            multiple=True,
            metavar="NAME=VALUE",
            help="One input by parameter name, typed by the app's schema; repeat per input.",
        ),
        click.option(
            "--session-hash",
            metavar="HASH",
            help="Send this session_hash, for stateful apps (gr.State).",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def auth_options(f: F) -> F:
    """The options naming the environment variables that carry secrets at run time."""
    opts = [
        click.option(
            "--token-env",
            default="HF_TOKEN",
            show_default=True,
            metavar="NAME",
            help="Environment variable holding a Hugging Face token (bearer header).",
        ),
        click.option(
            "--username-env",
            default="GRADIO_USERNAME",
            show_default=True,
            metavar="NAME",
            help="Environment variable holding the Gradio login's user name.",
        ),
        click.option(
            "--password-env",
            default="GRADIO_PASSWORD",
            show_default=True,
            metavar="NAME",
            help="Environment variable holding the Gradio login's password.",
        ),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _major(value: str | None) -> int | None:
    return int(value) if value else None


def _emit(text: str, output: str | None, *, executable: bool = False) -> None:
    """Write generated text to OUTPUT (a note on stderr says so), or to stdout."""
    if output and output != "-":
        from curlgen.core import write_output

        write_output(output, text, executable=executable)
        click.echo(f"curlgen: wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@main.command(
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen command http://127.0.0.1:7860 predict --data '[\"hi\"]'\n"
        "  curlgen command abidlabs/en2fr --style one-liner --token\n"
        "  curlgen command http://127.0.0.1:7860 multi -p text=hello -p times=3 --format markdown\n"
        "  curlgen command --offline --gradio 4 http://127.0.0.1:7860 predict --data '[\"hi\"]'\n\n"
        + EPILOG_EXIT
    )
)
@click.argument("app")
@click.argument("api_name", required=False)
@input_options
@click.option(
    "--style",
    type=click.Choice(["two-step", "one-liner"]),
    default="two-step",
    show_default=True,
    help="two-step: the POST and the GET of Gradio's guide; "
    "one-liner: one line for bash, zsh or sh.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="Plain commands, or a fenced Markdown block with a sentence of context.",
)
@click.option(
    "--token/--no-token",
    default=False,
    help="Add the bearer header for a private Space, read from $HF_TOKEN (see --token-env).",
)
@click.option(
    "--login/--no-login",
    default=None,
    help="Log in to Gradio first (cookies.txt). Default: when the app asks for a login.",
)
@auth_options
@app_options
def command(
    app: str,
    api_name: str | None,
    data: str | None,
    params: tuple[str, ...],
    session_hash: str | None,
    style: str,
    fmt: str,
    token: bool,
    login: bool | None,
    token_env: str,
    username_env: str,
    password_env: str,
    offline: bool,
    gradio_major: str | None,
    api_prefix: str | None,
    timeout: float,
) -> None:
    """Print curl commands that call API_NAME of APP."""
    from curlgen import core
    from curlgen.render import render_command

    call = core.plan_call(
        core.Request(
            app=app,
            api_name=api_name,
            data=data,
            params=params,
            session_hash=session_hash,
            offline=offline,
            major=_major(gradio_major),
            api_prefix=api_prefix,
            timeout=timeout,
            token_env=token_env,
            username_env=username_env,
            password_env=password_env,
            use_token=token,
            login=login,
            # A hidden endpoint stays callable by its name, as it is on the server.
            include_hidden=True,
        )
    )
    click.echo(render_command(call, style=style, fmt=fmt), nl=False)


def _request(
    app: str,
    offline: bool,
    gradio_major: str | None,
    api_prefix: str | None,
    timeout: float,
    **kw: Any,
) -> Any:
    from curlgen import core

    return core.Request(
        app=app,
        offline=offline,
        major=_major(gradio_major),
        api_prefix=api_prefix,
        timeout=timeout,
        **kw,
    )


@main.command(
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen script http://127.0.0.1:7860 predict -o predict.sh && ./predict.sh --help\n"
        "  curlgen script abidlabs/en2fr --shell sh -o en2fr.sh\n"
        "  curlgen script --offline --gradio 4 http://127.0.0.1:7860 predict --data '[\"hi\"]'\n\n"
        "The script needs only curl, sh, awk, sed and mktemp. Run with no arguments it makes "
        "the call with the inputs given here; its --help lists its flags and exit codes.\n\n"
        + EPILOG_EXIT
    )
)
@click.argument("app")
@click.argument("api_name", required=False)
@input_options
@click.option(
    "--shell",
    "shell",
    type=click.Choice(["bash", "sh"]),
    default="bash",
    show_default=True,
    help="bash, or POSIX sh (dash, busybox sh).",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    help="Write the script to FILE (made executable) instead of stdout.",
)
@auth_options
@app_options
def script(
    app: str,
    api_name: str | None,
    data: str | None,
    params: tuple[str, ...],
    session_hash: str | None,
    shell: str,
    output: str | None,
    token_env: str,
    username_env: str,
    password_env: str,
    offline: bool,
    gradio_major: str | None,
    api_prefix: str | None,
    timeout: float,
) -> None:
    """Write a ready-to-run shell script that calls API_NAME of APP."""
    from curlgen import core
    from curlgen.render import render_script

    req = _request(
        app,
        offline,
        gradio_major,
        api_prefix,
        timeout,
        api_name=api_name,
        data=data,
        params=params,
        session_hash=session_hash,
        token_env=token_env,
        username_env=username_env,
        password_env=password_env,
        include_hidden=True,
    )
    name = os.path.basename(output) if output and output != "-" else None
    _emit(render_script(core.plan_call(req), shell=shell, name=name), output, executable=True)


@main.command(
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen endpoints http://127.0.0.1:7860\n"
        "  curlgen endpoints abidlabs/en2fr --json | jq '.endpoints[].api_name'\n\n"
        '--json prints the stable schema documented in README ("schema": '
        '"curlgen.endpoints/1").\n\n' + EPILOG_EXIT
    )
)
@click.argument("app")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON instead of a table.")
@click.option(
    "--all",
    "include_hidden",
    is_flag=True,
    help="Also list endpoints hidden from the app's API page.",
)
@discovery_options
@auth_options
def endpoints(
    app: str,
    as_json: bool,
    include_hidden: bool,
    gradio_major: str | None,
    api_prefix: str | None,
    timeout: float,
    token_env: str,
    username_env: str,
    password_env: str,
) -> None:
    """List the endpoints of APP with their parameters and returns."""
    from curlgen import core, listing

    req = _request(
        app,
        False,
        gradio_major,
        api_prefix,
        timeout,
        token_env=token_env,
        username_env=username_env,
        password_env=password_env,
        include_hidden=include_hidden,
    )
    loaded = core.load_app(req)
    click.echo(
        listing.endpoints_json(loaded) if as_json else listing.endpoints_text(loaded), nl=False
    )


@main.command(
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen docs http://127.0.0.1:7860 -o API.md\n"
        "  curlgen docs abidlabs/en2fr\n\n" + EPILOG_EXIT
    )
)
@click.argument("app")
@click.option("--output", "-o", metavar="FILE", help="Write the Markdown to FILE.")
@click.option(
    "--token/--no-token",
    default=False,
    help="Add the bearer header for a private Space to every command, read from $HF_TOKEN.",
)
@discovery_options
@auth_options
def docs(
    app: str,
    output: str | None,
    token: bool,
    gradio_major: str | None,
    api_prefix: str | None,
    timeout: float,
    token_env: str,
    username_env: str,
    password_env: str,
) -> None:
    """Write Markdown documentation for every endpoint of APP, with working commands."""
    from curlgen import core
    from curlgen.render import render_docs

    req = _request(
        app,
        False,
        gradio_major,
        api_prefix,
        timeout,
        token_env=token_env,
        username_env=username_env,
        password_env=password_env,
        use_token=token,
    )
    _emit(render_docs(core.load_app(req), req), output)


@main.command(
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen space abidlabs/en2fr\n"
        "  curlgen space https://huggingface.co/spaces/abidlabs/en2fr\n\n"
        "The Hub is asked for the Space's host (HF_ENDPOINT, HF_TOKEN are honoured); "
        "with --offline, or when it cannot be reached, the host is derived from the name.\n\n"
        + EPILOG_EXIT
    )
)
@click.argument("space")
@click.option("--offline", is_flag=True, help="Derive the host from the name; never ask the Hub.")
def space(space: str, offline: bool) -> None:
    """Print the app URL of SPACE (OWNER/NAME or a Space page URL)."""
    from curlgen import spaces
    from curlgen.errors import UsageProblem

    if spaces.space_id_of(space) is None and not _is_hf_space_url(space):
        raise UsageProblem(
            f"not a Space: {space!r} (expected OWNER/NAME or https://huggingface.co/spaces/OWNER/NAME)"
        )
    target = spaces.resolve(space, offline=offline, token=os.environ.get("HF_TOKEN") or None)
    if target.derived_host_may_differ:
        click.echo(
            "curlgen: note: the name is long and the Hub could not be asked; "
            "the real host may differ",
            err=True,
        )
    click.echo(target.url)


def _is_hf_space_url(text: str) -> bool:
    import urllib.parse

    host = urllib.parse.urlsplit(text.strip()).hostname or ""
    return host.endswith(".hf.space")


@main.command(
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  curlgen stub --port 0                       # Gradio 6, prints its URL\n"
        "  curlgen stub --gradio 4 --port 7860 --heartbeat 1\n"
        "  curlgen stub --app my-app.json --fail-status 429 --fail-count 2 --retry-after 1\n\n"
        "It binds to 127.0.0.1 unless --host says otherwise, and stops on Ctrl-C.\n\n"
        "Exit codes: 0 stopped, 2 bad usage or app spec."
    )
)
@click.option(
    "--gradio",
    "gradio_major",
    type=click.Choice(["4", "5", "6"]),
    default="6",
    show_default=True,
    help="Which Gradio major version to imitate.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=7860,
    show_default=True,
    help="Port to bind; 0 picks a free one.",
)
@click.option(
    "--app",
    "app_path",
    type=click.Path(dir_okay=False),
    metavar="SPEC.json",
    help="The app to serve, as a JSON app spec; default: a built-in demo app.",
)
@click.option(
    "--heartbeat",
    type=click.FloatRange(min=0.01),
    default=15.0,
    show_default=True,
    metavar="SECONDS",
    help="Interval between heartbeat events.",
)
@click.option("--show-error", is_flag=True, help="Imitate launch(show_error=True).")
@click.option(
    "--fail-status",
    type=click.IntRange(100, 599),
    metavar="STATUS",
    help="Answer POSTs (calls and uploads) with this status (e.g. 429, 503).",
)
@click.option(
    "--fail-count",
    type=int,
    default=-1,
    show_default=True,
    metavar="N",
    help="How many POSTs get --fail-status; -1 for all.",
)
@click.option(
    "--retry-after", metavar="SECONDS", help="Retry-After header sent with --fail-status."
)
@click.option("--drop-stream", is_flag=True, help="Cut every result stream before its end.")
@click.option("--heartbeats-only", is_flag=True, help="Result streams send only heartbeats.")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=0.0,
    metavar="SECONDS",
    help="Wait this long before each result.",
)
@click.option(
    "--huge",
    type=click.IntRange(min=0),
    default=0,
    metavar="BYTES",
    help="Replace each result's first string with one of this many bytes.",
)
def stub(
    gradio_major: str,
    host: str,
    port: int,
    app_path: str | None,
    heartbeat: float,
    show_error: bool,
    fail_status: int | None,
    fail_count: int,
    retry_after: str | None,
    drop_stream: bool,
    heartbeats_only: bool,
    delay: float,
    huge: int,
) -> None:
    """Serve a local imitation of a Gradio 4, 5 or 6 app, for tests and offline work."""
    from curlgen import stub as stub_mod

    app = stub_mod.load_app(app_path) if app_path else None
    faults = stub_mod.Faults(
        status=fail_status,
        count=fail_count,
        retry_after=retry_after,
        drop_stream=drop_stream,
        heartbeats_only=heartbeats_only,
        delay=delay,
        huge=huge,
    )
    try:
        stub_mod.serve(
            gradio=int(gradio_major),
            host=host,
            port=port,
            app=app,
            heartbeat=heartbeat,
            show_error=show_error,
            faults=faults,
        )
    except OSError as exc:
        raise click.ClickException(
            f"cannot serve on {host}:{port}: {exc.strerror or exc}"
        ) from None


if __name__ == "__main__":  # pragma: no cover
    main()
