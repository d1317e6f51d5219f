"""The model that templates see: App, Endpoint, Param, Call; URL and path building."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from curlgen.errors import UsageProblem

VERSIONS = (4, 5, 6)
NEWEST = 6
GRADIO_API_PREFIX = "/gradio_api"
FILE_META = {"_type": "gradio.FileData"}

# Names of the environment variables that generated output reads at run time.
DEFAULT_TOKEN_ENV = "HF_TOKEN"
DEFAULT_USERNAME_ENV = "GRADIO_USERNAME"
DEFAULT_PASSWORD_ENV = "GRADIO_PASSWORD"

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_SESSION = re.compile(r"[A-Za-z0-9._~-]{1,128}\Z")
_API_NAME = re.compile(r"[A-Za-z0-9_.~-][A-Za-z0-9_.~/-]*\Z")


def prefix_for(major: int) -> str:
    """The API prefix that Gradio `major` puts before call, info, upload and file=."""
    return "" if major == 4 else GRADIO_API_PREFIX


def normalize_prefix(prefix: str) -> str:
    """`/gradio_api`, `gradio_api/` and `` -> a prefix with one leading slash or empty."""
    prefix = prefix.strip().strip("/")
    if any(c in prefix for c in "?#\"'$` \\"):
        raise UsageProblem(f"invalid API prefix {prefix!r}: expected a path such as /gradio_api")
    return f"/{prefix}" if prefix else ""


def normalize_api_name(name: str) -> str:
    """`/predict` and `predict` -> `predict`; refuse what cannot be a URL path segment."""
    stripped = name.strip().strip("/")
    if not stripped or not _API_NAME.match(stripped):
        raise UsageProblem(f"invalid API name {name!r}: expected a name such as /predict")
    return stripped


def check_env_name(name: str, what: str) -> str:
    """An environment variable name that is safe to write into shell code."""
    if not _ENV_NAME.match(name):
        raise UsageProblem(f"invalid {what} {name!r}: expected a shell variable name")
    return name


def check_session_hash(value: str) -> str:
    """A session hash that can sit in a URL path unquoted (Gradio takes any string)."""
    if not _SESSION.match(value):
        raise UsageProblem(f"invalid session hash {value!r}: use 1 to 128 of A-Z a-z 0-9 . _ ~ -")
    return value


def kebab(name: str) -> str:
    """`parameter_name` -> `parameter-name`, the shape of a command-line flag."""
    flag = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return flag or "param"


def to_json(value: Any) -> str:
    """JSON as Gradio's guide writes it: `{"data": ["hi"]}`, non-ASCII kept readable."""
    return json.dumps(value, ensure_ascii=False)


# Inside single quotes a shell passes every character through, but `'` ends the quoting
# and shellcheck flags `$` and backquotes (SC2016). JSON can spell all three as \u escapes,
# and the server decodes them to the same value.
_SHELL_JSON = str.maketrans({"'": "\\u0027", "$": "\\u0024", "`": "\\u0060"})


def to_shell_json(value: Any) -> str:
    """JSON that sits in a single-quoted shell word without breaking it or tripping lints."""
    return to_json(value).translate(_SHELL_JSON)


@dataclass(frozen=True)
class Param:
    """One input of an endpoint, as the app's schema describes it."""

    name: str
    label: str = ""
    component: str = ""
    kind: str = "string"  # string | number | integer | boolean | json | file | files
    python_type: str = ""
    type_description: str = ""
    has_default: bool = False
    default: Any = None
    has_example: bool = False
    example: Any = None
    choices: tuple[Any, ...] = ()

    @property
    def is_file(self) -> bool:
        """Whether values of this parameter are files (uploaded or URLs)."""
        return self.kind in ("file", "files")

    @property
    def type_label(self) -> str:
        """A short type name for tables and --help."""
        return self.python_type or self.kind

    @property
    def default_json(self) -> str:
        """The default as JSON, or empty when there is none."""
        return to_json(self.default) if self.has_default else ""


@dataclass(frozen=True)
class LocalFile:
    """A local file given for a file parameter: uploaded when the call is made."""

    path: str


@dataclass(frozen=True)
class Return:
    """One output of an endpoint."""

    label: str
    component: str = ""
    python_type: str = ""


@dataclass(frozen=True)
class Endpoint:
    """A named endpoint: its visible parameters and where the hidden State slots sit."""

    api_name: str
    params: tuple[Param, ...] = ()
    returns: tuple[Return, ...] = ()
    state_inputs: tuple[int, ...] = ()  # positions in `data` that hold a gr.State
    state_outputs: tuple[int, ...] = ()
    description: str = ""
    visible: bool = True
    known: bool = True  # False when the schema is unknown (offline)

    @property
    def path(self) -> str:
        """The api name with its leading slash, as Gradio lists it."""
        return f"/{self.api_name}"

    @property
    def data_length(self) -> int:
        """How many values `data` holds, State slots included."""
        return len(self.params) + len(self.state_inputs)

    @property
    def file_params(self) -> tuple[Param, ...]:
        """The parameters that take files."""
        return tuple(p for p in self.params if p.is_file)

    def param(self, name: str) -> Param:
        """The parameter called `name` (or its flag spelling), else a usage error."""
        for p in self.params:
            if name in (p.name, kebab(p.name)):
                return p
        valid = ", ".join(p.name for p in self.params) or "none"
        raise UsageProblem(f"unknown parameter {name!r} for {self.path}; valid: {valid}")

    def full_data(self, values: list[Any]) -> list[Any]:
        """Visible values in parameter order -> `data`, with `null` in every State slot."""
        it = iter(values)
        return [None if i in self.state_inputs else next(it) for i in range(self.data_length)]


@dataclass(frozen=True)
class App:
    """A Gradio app: where it lives, which protocol it speaks, what it offers."""

    root: str  # the app URL without a trailing slash, sub-path mount included
    major: int = NEWEST
    prefix: str = GRADIO_API_PREFIX
    version: str = ""
    endpoints: tuple[Endpoint, ...] = ()
    auth_required: bool = False
    discovered: bool = False

    @property
    def api_base(self) -> str:
        """ROOT + prefix: where call, info, upload and file= live."""
        return self.root + self.prefix

    @property
    def login_url(self) -> str:
        """Gradio's login route, always at the root (never under the prefix)."""
        return f"{self.root}/login"

    @property
    def upload_url(self) -> str:
        """The multipart upload route."""
        return f"{self.api_base}/upload"

    @property
    def version_label(self) -> str:
        """`Gradio 5.50.0`, or `Gradio 5` where only the major version is known."""
        return f"Gradio {self.version or self.major}"

    @property
    def named_endpoints(self) -> tuple[Endpoint, ...]:
        """The endpoints shown in the app's API page."""
        return tuple(e for e in self.endpoints if e.visible)

    def endpoint(self, api_name: str | None) -> Endpoint:
        """The endpoint called `api_name`; left out, the app's only named one."""
        if api_name is None:
            named = self.named_endpoints
            if len(named) == 1:
                return named[0]
            listing = ", ".join(e.path for e in named) or "none"
            raise UsageProblem(f"name the endpoint to call; this app has: {listing}")
        name = normalize_api_name(api_name)
        for e in self.endpoints:
            if e.api_name == name:
                return e
        if not self.discovered:
            return Endpoint(api_name=name, known=False)
        listing = ", ".join(e.path for e in self.named_endpoints) or "none"
        raise UsageProblem(f"unknown endpoint /{name}; this app has: {listing}")


@dataclass(frozen=True)
class Auth:
    """How generated output authenticates, by environment variable names only."""

    token_env: str = DEFAULT_TOKEN_ENV  # bearer token, sent when set at run time
    username_env: str = DEFAULT_USERNAME_ENV  # Gradio's own login
    password_env: str = DEFAULT_PASSWORD_ENV
    use_token: bool = False  # copy-paste commands: add the bearer header
    login: bool = False  # copy-paste commands: log in first


# Flags that every generated script has; a parameter whose flag would clash is renamed.
FIXED_FLAGS = frozenset(
    {"url", "data", "session", "timeout", "raw", "stream", "download", "quiet", "help", "h"}
)


@dataclass(frozen=True)
class Slot:
    """One position of `data` in a generated script: a parameter, or a State placeholder."""

    index: int  # 1-based position in `data`
    param: Param | None  # None for a gr.State slot
    flag: str = ""  # e.g. "--text"; empty for State
    var: str = ""  # shell variable stem, e.g. "in_text"
    value: Any = None  # the value baked in at generation

    @property
    def kind(self) -> str:
        """The parameter's kind, or `state`."""
        return self.param.kind if self.param else "state"

    @property
    def renamed(self) -> bool:
        """Whether the flag differs from the parameter name because of a clash."""
        return self.param is not None and self.flag != f"--{kebab(self.param.name)}"

    @property
    def baked_paths(self) -> str:
        """Local files baked in for this slot, one per line; uploaded at run time."""
        values = self.value if isinstance(self.value, list) else [self.value]
        return "\n".join(v.path for v in values if isinstance(v, LocalFile))

    @property
    def display_json(self) -> str:
        """The baked value as readable JSON, for --help (empty for a local file)."""
        return "" if self.baked_paths else to_json(self.value)

    @property
    def baked_json(self) -> str:
        """The baked value as JSON for a single-quoted shell word (empty for a local file)."""
        if self.baked_paths:
            return ""
        return to_shell_json(self.value)


def make_slots(endpoint: Endpoint, data: tuple[Any, ...]) -> tuple[Slot, ...]:
    """The slots of `data`, with flags and shell names that clash with nothing.

    A parameter keeps the flag of its own name where it can; one that clashes with a fixed
    flag (or with an earlier parameter) becomes --param-NAME, numbered if need be.
    """
    bases = [kebab(p.name) for p in endpoint.params]
    taken: set[str] = set(FIXED_FLAGS)
    flags: list[str | None] = []
    for base in bases:  # first pass: every name that is free keeps it
        flags.append(None if base in taken else base)
        taken.add(base)
    for i, base in enumerate(bases):  # second pass: the clashing ones are renamed
        if flags[i] is None:
            flag, n = f"param-{base}", 2
            while flag in taken:
                flag, n = f"param-{base}-{n}", n + 1
            flags[i] = flag
            taken.add(flag)
    slots: list[Slot] = []
    params = iter(zip(endpoint.params, [str(f) for f in flags]))
    for i, value in enumerate(data, start=1):
        if i - 1 in endpoint.state_inputs:
            slots.append(Slot(index=i, param=None, value=None))
            continue
        param, flag = next(params)
        var = "in_" + str(flag).replace("-", "_")
        slots.append(Slot(index=i, param=param, flag=f"--{flag}", var=var, value=value))
    return tuple(slots)


@dataclass(frozen=True)
class Upload:
    """A local file that copy-paste commands upload before the call."""

    var: str  # the shell variable that receives its server path
    path: str  # the local path, as given

    @property
    def form(self) -> str:
        """curl's -F argument: the field `files`, the path quoted for curl's form parser."""
        quoted = self.path.replace("\\", "\\\\").replace('"', '\\"')
        return f'files=@"{quoted}"'

    @property
    def orig_name(self) -> str:
        """The file's own name, as Gradio's `orig_name`."""
        return self.path.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Call:
    """One call of one endpoint with its inputs: what commands and scripts are made of."""

    app: App
    endpoint: Endpoint
    data: tuple[Any, ...] = field(default=())  # the full data list, State slots included
    session_hash: str | None = None
    auth: Auth = field(default_factory=Auth)

    @property
    def post_url(self) -> str:
        """Where the inputs are POSTed."""
        return f"{self.app.api_base}/call/{self.endpoint.api_name}"

    @property
    def get_by_session(self) -> bool:
        """4.x and 5.x look a GET up by session when the POST carried a session_hash."""
        return self.session_hash is not None and self.app.major < 6

    @property
    def get_url_fixed(self) -> str | None:
        """The GET URL when it does not depend on the event id, else None."""
        if self.get_by_session:
            return f"{self.post_url}/{self.session_hash}"
        return None

    @property
    def slots(self) -> tuple[Slot, ...]:
        """The data positions a script exposes as flags (empty when the schema is unknown)."""
        if not self.endpoint.known:
            return ()
        return make_slots(self.endpoint, self.data)

    @property
    def has_files(self) -> bool:
        """Whether any input takes files."""
        return any(s.kind in ("file", "files") for s in self.slots)

    @property
    def payload(self) -> dict[str, Any]:
        """The POST body as a dict."""
        body: dict[str, Any] = {"data": list(self.data)}
        if self.session_hash is not None:
            body["session_hash"] = self.session_hash
        return body

    @property
    def baked_payload(self) -> str:
        """The POST body as shell-safe JSON when it holds no local file to upload, else ``""``."""
        return "" if self.uploads else to_shell_json(self.payload)

    @property
    def data_shell_json(self) -> str:
        """The `data` list as JSON for a single-quoted shell word."""
        return to_shell_json(list(self.data))

    @property
    def uploads(self) -> tuple[Upload, ...]:
        """The local files in `data`, in order, each with its shell variable."""
        files: list[str] = []
        for value in self.data:
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, LocalFile):
                    files.append(v.path)
        if len(files) == 1:
            return (Upload(var="FILE_PATH", path=files[0]),)
        return tuple(Upload(var=f"FILE_PATH_{i}", path=p) for i, p in enumerate(files, 1))

    @property
    def payload_word(self) -> str:
        """The POST body as one shell word; uploaded files spliced in from their variables."""
        uploads = iter(self.uploads)
        marks: dict[str, str] = {}

        def mark(v: Any) -> Any:
            if isinstance(v, list):
                return [mark(x) for x in v]
            if isinstance(v, LocalFile):
                up = next(uploads)
                token = f"@curlgen-upload-{len(marks)}@"
                meta = to_json(FILE_META)
                marks[json.dumps(token)] = (
                    f'{{"path": "\'"${up.var}"\'", "meta": {meta}, '
                    f'"orig_name": {to_shell_json(up.orig_name)}}}'
                )
                return token
            return v

        body = dict(self.payload, data=[mark(v) for v in self.data])
        text = to_shell_json(body)  # holds no single quote: safe inside one
        for token, splice in marks.items():
            text = text.replace(token, splice)
        return f"'{text}'"

    @property
    def data_json(self) -> str:
        """The `data` list as JSON text."""
        return to_json(list(self.data))
