"""App specs for the stub server: validation, and the /config and info documents they give.

An app spec is a JSON object (the format is documented in curlgen/stub.py). `parse_app`
checks it and returns an `App`; `config_document` and `info_document` render what a real
Gradio server of major version 4, 5 or 6 answers for that app, using the shapes captured
from real servers in curlgen/stub_shapes.py. An app in mode "interface" gets the blocks and
the listeners of a gr.Interface around its one endpoint (`_build_interface`).
"""

from __future__ import annotations

import copy
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from curlgen.errors import UsageProblem
from curlgen.stub_shapes import SHAPES

VERSIONS: dict[int, str] = {4: "4.44.1", 5: "5.50.0", 6: "6.31.0"}
API_PREFIX = "/gradio_api"

# The spec's component names (lower-cased) and the block name Gradio gives each.
KINDS: dict[str, str] = {
    "textbox": "textbox",
    "number": "number",
    "checkbox": "checkbox",
    "slider": "slider",
    "dropdown": "dropdown",
    "json": "json",
    "file": "file",
    "image": "image",
    "state": "state",
}

# fn name -> (number of inputs, number of outputs, is a generator); None = any number.
BEHAVIOURS: dict[str, tuple[int | None, int | None, bool]] = {
    "reverse": (1, 1, False),
    "upper": (1, 1, False),
    "echo": (None, None, False),
    "multi": (3, 2, False),
    "types": (None, 1, False),
    "stream": (1, 1, True),
    "stream_fail": (1, 1, True),
    "counter": (2, 2, False),
    "fail": (1, 1, False),
    "crash": (1, 1, False),
    "slow": (1, 1, False),
    "file_info": (1, 2, False),
    "image_flip": (1, 1, False),
    "file_out": (1, 1, False),
    "files_multi": (1, 1, False),
    "big": (1, 1, False),
    "hidden": (1, 1, False),
}

# The built-in behaviours of a gr.Interface's own listeners (never named in a spec):
# no_backend: a js-only listener called through the API ("function has no backend method.");
# flag_saving, flag, flag_reset: the Flag button's updates (the flag itself writes nothing).
LISTENER_BEHAVIOURS: dict[str, tuple[int | None, int | None, bool]] = {
    "no_backend": (0, None, False),
    "flag_saving": (0, 1, False),
    "flag": (None, 1, False),
    "flag_reset": (0, 1, False),
}

# The components Gradio puts in a gr.Form (FormComponent subclasses) when they share a column.
FORM_KINDS = frozenset({"textbox", "number", "checkbox", "slider", "dropdown"})
# The input components whose `submit` event also triggers an Interface's function.
SUBMIT_KINDS = frozenset({"textbox", "number"})
# The js of the Clear button's second listener (an Interface's input column made visible).
INPUT_COLUMN_JS = '() => [{"variant": null, "visible": true, "__type__": "update"}]\n            '

_APP_KEYS = {
    "title",
    "mode",
    "auth",
    "auth_message",
    "root_path",
    "info_status",
    "allow_hosts",
    "show_error",
    "endpoints",
}
_ENDPOINT_KEYS = {
    "api_name",
    "fn",
    "fn_name",
    "inputs",
    "outputs",
    "show_api",
    "api_visibility",
    "description",
    "options",
}
_COMPONENT_KEYS = {
    "component",
    "label",
    "parameter_name",
    "default",
    "example",
    "choices",
    "minimum",
    "maximum",
    "step",
    "precision",
    "file_count",
    "multiselect",
}

FILE_EXAMPLE_URL = "https://github.com/gradio-app/gradio/raw/main/test/test_files/sample_file.pdf"
IMAGE_EXAMPLE_URL = (
    "https://raw.githubusercontent.com/gradio-app/gradio/main/test/test_files/bus.png"
)

FILEDATA_DOC = (
    "The FileData class is a subclass of the GradioModel class that represents a file object "
    "within a Gradio interface. It is used to store file data and metadata when a file is "
    "uploaded.\n\nAttributes:\n"
    "    path: The server file path where the file is stored.\n"
    "    url: The normalized server URL pointing to the file.\n"
    "    size: The size of the file in bytes.\n"
    "    orig_name: The original filename before upload.\n"
    "    mime_type: The MIME type of the file.\n"
    "    is_stream: Indicates whether the file is a stream.\n"
    "    meta: Additional metadata used internally (should not be changed)."
)
IMAGEDATA_DOC = {
    5: "For input, either path or url must be provided. For output, path is always provided.",
    6: "A local filepath or publicly available URL.",
}


@dataclass
class Component:
    """One input or output component of an endpoint."""

    kind: str
    id: int = 0
    label: str | None = None
    parameter_name: str = ""
    default: Any = None
    example: Any = None
    has_example: bool = False
    choices: list[Any] = field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    precision: int | None = None
    multiple: bool = False  # File(file_count="multiple") or Dropdown(multiselect=True)

    @property
    def skip_api(self) -> bool:
        """State components stay out of the API schema (and so do an Interface's blocks)."""
        return self.kind in ("state", "button", "column")

    @property
    def is_file(self) -> bool:
        """Whether values are FileData dicts."""
        return self.kind in ("file", "image")


@dataclass
class Endpoint:
    """One event listener with an API name."""

    api_name: str | None
    fn: str
    fn_name: str
    inputs: list[Component]
    outputs: list[Component]
    show_api: bool = True
    api_visibility: str | None = None
    description: str | bool = ""
    options: dict[str, Any] = field(default_factory=dict)
    id: int = 0
    button_id: int = 0
    # how the listener is wired; set by parse_app (a Blocks button click by default)
    targets: list[tuple[int, str]] = field(default_factory=list)
    js: str | None = None  # a js-only listener (backend_fn false)
    queue: bool = True
    scroll_to_output: bool = False
    event_specific_args: list[Any] | None = None  # [] for a listener made with gr.on (5/6)
    preprocess: bool = True  # false: the fn gets the values as sent (an Interface's Flag)

    def name_for(self, version: int) -> str:
        """The API name on this version (an Interface's None: predict on 4/5, fn name on 6)."""
        if self.api_name is not None:
            return self.api_name
        return self.fn_name if version >= 6 else "predict"

    def visibility(self, version: int) -> str:
        """api_visibility on 6 ("public", "undocumented" or "private")."""
        if self.api_visibility is not None:
            return self.api_visibility
        return "public" if self.show_api else "undocumented"

    def listed(self, version: int) -> bool:
        """Whether the info schema lists it."""
        if version >= 6:
            return self.visibility(version) == "public"
        return self.show_api


@dataclass
class InterfaceLayout:
    """The blocks a gr.Interface renders around its components.

    `order` is the order Gradio creates them in (the config's component list): each entry an
    id and either a role (a key of the shapes' interface_blocks) or a spec component with its
    side ("in", "out"). `layout` is the config's layout tree.
    """

    order: list[tuple[int, str | tuple[Component, str]]] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)


@dataclass
class App:
    """A validated app spec."""

    title: str = "Gradio"
    mode: str = "blocks"
    auth: tuple[str, str] | None = None
    auth_message: str | None = None
    root_path: str = ""
    show_error: bool = False
    info_status: int | None = None
    allow_hosts: list[str] = field(default_factory=list)
    endpoints: list[Endpoint] = field(default_factory=list)
    components: dict[int, Component] = field(default_factory=dict)
    buttons: dict[int, str] = field(default_factory=dict)
    interface: InterfaceLayout | None = None  # mode "interface": the blocks around the fn

    def endpoint(self, api_name: str, version: int) -> Endpoint | None:
        """The endpoint called `api_name` on this version, if any."""
        for ep in self.endpoints:
            if ep.name_for(version) == api_name:
                return ep
        return None


def _bad(where: str, why: str) -> UsageProblem:
    return UsageProblem(f"bad app spec: {where}: {why}")


def _parameter_name(label: str | None, index: int) -> str:
    if not label:
        return f"param_{index}"
    name = "".join(c for c in label if c.isalnum() or c in " _").replace(" ", "_").lower()
    return name or f"param_{index}"


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(where, "must be a number")
    return value


def _parse_component(raw: Any, where: str, index: int) -> Component:
    if isinstance(raw, str):
        raw = {"component": raw}
    if not isinstance(raw, dict):
        raise _bad(where, "must be an object or a component name")
    unknown = sorted(set(raw) - _COMPONENT_KEYS)
    if unknown:
        raise _bad(where, f"unknown key {unknown[0]!r}")
    name = raw.get("component")
    if not isinstance(name, str) or name.lower() not in KINDS:
        raise _bad(where, f"component must be one of {', '.join(sorted(KINDS))}")
    kind = KINDS[name.lower()]
    label = raw.get("label")
    if label is not None and not isinstance(label, str):
        raise _bad(where, "label must be a string")
    pname = raw.get("parameter_name")
    if pname is not None and (not isinstance(pname, str) or not pname):
        raise _bad(where, "parameter_name must be a non-empty string")
    comp = Component(
        kind=kind,
        label=label,
        parameter_name=pname or _parameter_name(label, index),
        default=raw.get("default"),
        example=raw.get("example"),
        has_example="example" in raw,
        minimum=_number(raw.get("minimum"), where + ".minimum"),
        maximum=_number(raw.get("maximum"), where + ".maximum"),
        step=_number(raw.get("step"), where + ".step"),
    )
    precision = raw.get("precision")
    if precision is not None and (isinstance(precision, bool) or not isinstance(precision, int)):
        raise _bad(where, "precision must be an integer")
    comp.precision = precision
    choices = raw.get("choices")
    if choices is not None:
        if kind != "dropdown":
            raise _bad(where, "choices is only for a Dropdown")
        if not isinstance(choices, list) or not choices:
            raise _bad(where, "choices must be a non-empty list")
        comp.choices = list(choices)
    elif kind == "dropdown":
        raise _bad(where, "a Dropdown needs choices")
    file_count = raw.get("file_count", "single")
    if file_count not in ("single", "multiple"):
        raise _bad(where, "file_count must be 'single' or 'multiple'")
    if file_count == "multiple" and kind != "file":
        raise _bad(where, "file_count is only for a File")
    multiselect = raw.get("multiselect", False)
    if not isinstance(multiselect, bool):
        raise _bad(where, "multiselect must be true or false")
    comp.multiple = file_count == "multiple" or (kind == "dropdown" and multiselect)
    if kind == "slider":
        comp.minimum = 0 if comp.minimum is None else comp.minimum
        comp.maximum = 100 if comp.maximum is None else comp.maximum
        comp.step = 1 if comp.step is None else comp.step
        if comp.default is None:
            comp.default = comp.minimum
    if kind == "checkbox" and comp.default is None:
        comp.default = False
    return comp


def _parse_endpoint(raw: Any, index: int) -> Endpoint:
    where = f"endpoints[{index}]"
    if not isinstance(raw, dict):
        raise _bad(where, "must be an object")
    unknown = sorted(set(raw) - _ENDPOINT_KEYS)
    if unknown:
        raise _bad(where, f"unknown key {unknown[0]!r}")
    fn = raw.get("fn")
    if not isinstance(fn, str) or fn not in BEHAVIOURS:
        raise _bad(where, f"fn must be one of {', '.join(sorted(BEHAVIOURS))}")
    api_name = raw.get("api_name")
    if api_name is not None and (
        not isinstance(api_name, str) or not api_name.strip("/") or "/" in api_name.strip("/")
    ):
        raise _bad(where, "api_name must be a name without '/' (or null for an Interface)")
    if isinstance(api_name, str):
        api_name = api_name.strip("/")
    fn_name = raw.get("fn_name", api_name or fn)
    if not isinstance(fn_name, str) or not fn_name.isidentifier():
        raise _bad(where, "fn_name must be a Python identifier")
    lists: dict[str, list[Component]] = {}
    for side in ("inputs", "outputs"):
        items = raw.get(side, [])
        if not isinstance(items, list):
            raise _bad(where, f"{side} must be a list")
        lists[side] = [
            _parse_component(item, f"{where}.{side}[{i}]", i) for i, item in enumerate(items)
        ]
    # an output State is the input State it updates (one component, as in a Blocks app)
    states = [c for c in lists["inputs"] if c.kind == "state"]
    for index, comp in enumerate(lists["outputs"]):
        if comp.kind == "state" and states:
            lists["outputs"][index] = states.pop(0)
    n_in, n_out, _gen = BEHAVIOURS[fn]
    if n_in is not None and len(lists["inputs"]) != n_in:
        raise _bad(where, f"fn {fn} takes {n_in} input(s), not {len(lists['inputs'])}")
    if n_out is not None and len(lists["outputs"]) != n_out:
        raise _bad(where, f"fn {fn} gives {n_out} output(s), not {len(lists['outputs'])}")
    if fn == "echo" and len(lists["inputs"]) != len(lists["outputs"]):
        raise _bad(where, "fn echo needs as many outputs as inputs")
    show_api = raw.get("show_api", True)
    if not isinstance(show_api, bool):
        raise _bad(where, "show_api must be true or false")
    visibility = raw.get("api_visibility")
    if visibility is not None and visibility not in ("public", "undocumented", "private"):
        raise _bad(where, "api_visibility must be public, undocumented or private")
    description = raw.get("description", "")
    if not isinstance(description, (str, bool)) or description is True:
        raise _bad(where, "description must be a string (or false: api_description=False)")
    options = raw.get("options", {})
    if not isinstance(options, dict):
        raise _bad(where, "options must be an object")
    return Endpoint(
        api_name=api_name,
        fn=fn,
        fn_name=fn_name,
        inputs=lists["inputs"],
        outputs=lists["outputs"],
        show_api=show_api,
        api_visibility=visibility,
        description=description,
        options=options,
    )


def parse_app(spec: Any) -> App:
    """Validate an app spec (a dict) and number its components; UsageProblem if it is wrong."""
    if not isinstance(spec, dict):
        raise UsageProblem("bad app spec: the top level must be a JSON object")
    unknown = sorted(set(spec) - _APP_KEYS)
    if unknown:
        raise _bad("top level", f"unknown key {unknown[0]!r}")
    app = App()
    title = spec.get("title", "Gradio")
    if not isinstance(title, str):
        raise _bad("title", "must be a string")
    app.title = title
    mode = spec.get("mode", "blocks")
    if mode not in ("blocks", "interface"):
        raise _bad("mode", "must be 'blocks' or 'interface'")
    app.mode = mode
    auth = spec.get("auth")
    if auth is not None:
        if (
            not isinstance(auth, list)
            or len(auth) != 2
            or not all(isinstance(a, str) and a for a in auth)
        ):
            raise _bad("auth", 'must be ["user", "password"]')
        app.auth = (auth[0], auth[1])
    message = spec.get("auth_message")
    if message is not None and not isinstance(message, str):
        raise _bad("auth_message", "must be a string")
    app.auth_message = message
    root_path = spec.get("root_path", "") or ""
    if not isinstance(root_path, str) or (
        root_path and (not root_path.startswith("/") or root_path.endswith("/"))
    ):
        raise _bad("root_path", "must look like /gradio (leading slash, no trailing slash)")
    if root_path.startswith(("/_stub", API_PREFIX)):
        raise _bad("root_path", "clashes with a reserved path")
    app.root_path = root_path
    show_error = spec.get("show_error", bool(root_path))  # mount_gradio_app's default: True
    if not isinstance(show_error, bool):
        raise _bad("show_error", "must be true or false")
    app.show_error = show_error
    info_status = spec.get("info_status")
    if info_status is not None and (
        isinstance(info_status, bool)
        or not isinstance(info_status, int)
        or not 400 <= info_status <= 599
    ):
        raise _bad("info_status", "must be an HTTP error status (400-599)")
    app.info_status = info_status
    hosts = spec.get("allow_hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h for h in hosts):
        raise _bad("allow_hosts", "must be a list of host names")
    app.allow_hosts = [h.lower() for h in hosts]
    endpoints = spec.get("endpoints")
    if not isinstance(endpoints, list) or not endpoints:
        raise _bad("endpoints", "must be a non-empty list")
    app.endpoints = [_parse_endpoint(raw, i) for i, raw in enumerate(endpoints)]
    if app.mode == "interface":
        _build_interface(app)
    else:
        next_id = 1
        for ep in app.endpoints:
            for comp in [*ep.inputs, *ep.outputs]:
                if comp.id:
                    continue
                comp.id = next_id
                app.components[next_id] = comp
                next_id += 1
            ep.button_id = next_id
            ep.targets = [(next_id, "click")]
            app.buttons[next_id] = ep.name_for(6)
            next_id += 1
    for dep_id, ep in enumerate(app.endpoints):
        ep.id = dep_id
    for version in VERSIONS:
        names = [ep.name_for(version) for ep in app.endpoints]
        dup = next((n for n in names if names.count(n) > 1), None)
        if dup is not None:
            raise _bad("endpoints", f"api name {dup!r} is used twice")
    return app


def _clear_value(comp: Component) -> Any:
    """What the Clear button sets a component to (the component's postprocess(None))."""
    if comp.kind == "checkbox":
        return False
    if comp.kind == "slider":
        return comp.minimum
    return None


def _build_interface(app: App) -> None:
    """Number an Interface's components and blocks as gr.Interface creates them, add its
    listeners (Clear: js_fn, js_fn_1, reset; Flag: lambda, Flag) after the function's own."""
    if len(app.endpoints) != 1:
        raise _bad("endpoints", "an interface app has exactly one endpoint")
    ep = app.endpoints[0]
    if BEHAVIOURS[ep.fn][2]:
        raise _bad("endpoints[0]", "an interface app's fn cannot be a generator here")
    if not ep.inputs or not ep.outputs:
        raise _bad("endpoints[0]", "an interface app needs inputs and outputs")
    if any(c.kind == "state" for c in [*ep.inputs, *ep.outputs]):
        raise _bad("endpoints[0]", "an interface app cannot have State here")
    next_id = 1
    for comp in [*ep.inputs, *ep.outputs]:
        comp.id = next_id
        app.components[next_id] = comp
        next_id += 1
    order: list[tuple[int, str | tuple[Component, str]]] = []

    def block(role: str) -> int:
        nonlocal next_id
        order.append((next_id, role))
        next_id += 1
        return next_id - 1

    def column_children(comps: list[Component]) -> list[dict[str, Any]]:
        # consecutive form components share a gr.Form, made when the column closes
        nonlocal next_id
        children: list[dict[str, Any]] = []
        form: dict[str, Any] | None = None
        for comp in comps:
            if comp.kind not in FORM_KINDS:
                form = None
                children.append({"id": comp.id})
            elif form is not None:
                form["children"].append({"id": comp.id})
            else:
                form = {"id": block("form"), "children": [{"id": comp.id}]}
                children.append(form)
        return children

    top_row = block("top_row")
    input_column = block("input_column")
    inner_column = block("input_inner_column")
    order += [(c.id, (c, "in")) for c in ep.inputs]
    inputs = column_children(ep.inputs)
    button_row = block("button_row")
    clear = block("clear_button")
    submit = block("submit_button")
    output_column = block("output_column")
    order += [(c.id, (c, "out")) for c in ep.outputs]
    flag_row = block("flag_row")
    flag = block("flag_button")
    outputs = column_children(ep.outputs)
    layout = {
        "id": 0,
        "children": [
            {
                "id": top_row,
                "children": [
                    {
                        "id": input_column,
                        "children": [
                            {"id": inner_column, "children": inputs},
                            {"id": button_row, "children": [{"id": clear}, {"id": submit}]},
                        ],
                    },
                    {
                        "id": output_column,
                        "children": [*outputs, {"id": flag_row, "children": [{"id": flag}]}],
                    },
                ],
            }
        ],
    }
    app.interface = InterfaceLayout(order=order, layout=layout)
    ep.button_id = submit
    submits = [(c.id, "submit") for c in ep.inputs if c.kind in SUBMIT_KINDS]
    ep.targets = [(submit, "click"), *submits]
    ep.scroll_to_output = True
    ep.event_specific_args = []
    everything = [*ep.inputs, *ep.outputs]
    flag_button = Component(kind="button", id=flag, label="Flag")

    def listener(
        name: str,
        fn: str,
        target: int,
        inputs: list[Component],
        outputs: list[Component],
        js: str | None = None,
    ) -> Endpoint:
        return Endpoint(
            api_name=name,
            fn=fn,
            fn_name=name,
            inputs=inputs,
            outputs=outputs,
            show_api=False,
            api_visibility="private" if js is not None else "undocumented",
            description="",
            targets=[(target, "click")],
            js=js,
            queue=False,
            preprocess=fn != "flag",
        )

    clear_js = "() => " + json.dumps([_clear_value(c) for c in everything])
    inner = Component(kind="column", id=inner_column)
    app.endpoints += [
        listener("js_fn", "no_backend", clear, [], everything, clear_js),
        listener("js_fn_1", "no_backend", clear, [], [inner], INPUT_COLUMN_JS),
        listener("lambda", "flag_saving", flag, [], [flag_button]),
        listener("Flag", "flag", flag, everything, [flag_button]),
        listener("reset", "flag_reset", clear, [], [flag_button]),
    ]


# --- API schemas ---------------------------------------------------------------------


def _nullable(kind: str, title: str, description: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"anyOf": [{"type": kind}, {"type": "null"}], "default": None}
    if description is not None:
        entry["description"] = description
    entry["title"] = title
    return entry


def _filedata_properties(version: int) -> dict[str, Any]:
    meta: dict[str, Any]
    if version == 4:
        meta = {"default": {"_type": "gradio.FileData"}, "title": "Meta", "type": "object"}
    else:
        meta = {"$ref": "#/$defs/FileDataMeta"}
    return {
        "path": {"title": "Path", "type": "string"},
        "url": _nullable("string", "Url"),
        "size": _nullable("integer", "Size"),
        "orig_name": _nullable("string", "Orig Name"),
        "mime_type": _nullable("string", "Mime Type"),
        "is_stream": {"default": False, "title": "Is Stream", "type": "boolean"},
        "meta": meta,
    }


_FILEDATA_META_DEF = {
    "properties": {"_type": {"const": "gradio.FileData", "title": "Type", "type": "string"}},
    "required": ["_type"],
    "title": "FileDataMeta",
    "type": "object",
}


def file_schema(version: int) -> dict[str, Any]:
    """The FileData JSON schema of a File component's api_info."""
    body = {
        "properties": _filedata_properties(version),
        "required": ["path"],
        "title": "FileData",
        "type": "object",
    }
    if version == 4:
        return body
    return {
        "$defs": {"FileDataMeta": _FILEDATA_META_DEF},
        **body,
        "additional_description": FILEDATA_DOC,
    }


def files_schema(version: int) -> dict[str, Any]:
    """The ListFiles schema of File(file_count="multiple")."""
    item = {
        "description": FILEDATA_DOC,
        "properties": _filedata_properties(version),
        "required": ["path"],
        "title": "FileData",
        "type": "object",
    }
    defs: dict[str, Any] = {"FileData": item}
    if version != 4:
        defs["FileDataMeta"] = _FILEDATA_META_DEF
    schema: dict[str, Any] = {
        "$defs": defs,
        "items": {"$ref": "#/$defs/FileData"},
        "title": "ListFiles",
        "type": "array",
    }
    if version != 4:
        schema["additional_description"] = None
    return schema


def image_schema(version: int) -> dict[str, Any]:
    """The Image component's api_info (FileData on 4, ImageData on 5/6)."""
    if version == 4:
        return file_schema(4)
    props = {
        "path": _nullable("string", "Path", "Path to a local file"),
        "url": _nullable("string", "Url", "Publicly available url or base64 encoded image"),
        "size": _nullable("integer", "Size", "Size of image in bytes"),
        "orig_name": _nullable("string", "Orig Name", "Original filename"),
        "mime_type": _nullable("string", "Mime Type", "mime type of image"),
        "is_stream": {
            "default": False,
            "description": "Can always be set to False",
            "title": "Is Stream",
            "type": "boolean",
        },
        "meta": {
            "additionalProperties": True,
            "default": {"_type": "gradio.FileData"},
            "title": "Meta",
            "type": "object",
        },
    }
    return {
        "properties": props,
        "title": "ImageData",
        "type": "object",
        "additional_description": IMAGEDATA_DOC[version],
    }


def _num_text(value: Any) -> str:
    return str(value)


def api_info(comp: Component, version: int) -> dict[str, Any]:
    """The component's JSON schema as Gradio reports it (api_info)."""
    integer = version >= 5 and comp.precision == 0
    if comp.kind == "textbox":
        return {"type": "string"}
    if comp.kind == "number":
        return {"type": "integer" if integer else "number"}
    if comp.kind == "checkbox":
        return {"type": "boolean"}
    if comp.kind == "slider":
        return {
            "type": "integer" if integer else "number",
            "description": (
                f"numeric value between {_num_text(comp.minimum)} and {_num_text(comp.maximum)}"
            ),
        }
    if comp.kind == "dropdown":
        enum = {"type": "string", "enum": list(comp.choices)}
        return {"type": "array", "items": enum} if comp.multiple else enum
    if comp.kind == "json":
        return {"type": {}, "description": "any valid json"}
    if comp.kind == "file":
        return files_schema(version) if comp.multiple else file_schema(version)
    if comp.kind == "image":
        return image_schema(version)
    return {}


def _shape_key(comp: Component) -> str:
    return "file_multiple" if comp.kind == "file" and comp.multiple else comp.kind


def python_type(comp: Component, version: int, side: str) -> dict[str, Any]:
    """The info schema's python_type of the component, as input ("in") or output ("out")."""
    table = SHAPES[version]["python_types"]
    key = _shape_key(comp)
    type_ = table.get(f"{key}:{side}") or table.get(f"{key}:in") or table.get(f"{key}:out") or "Any"
    if comp.kind in ("number", "slider"):
        type_ = "int" if version >= 5 and comp.precision == 0 else "float"
    if comp.kind == "dropdown":
        literal = "Literal[" + ", ".join(f"'{c}'" for c in comp.choices) + "]"
        type_ = (
            (("List" if version == 4 else "list") + f"[{literal}]") if comp.multiple else literal
        )
    schema = api_info(comp, version)
    if side == "in" and version >= 5:
        description = schema.get("additional_description", "")
    else:
        description = schema.get("description", "")
    if description is None and side == "out":
        description = ""
    return {"type": type_, "description": description}


def _handle_file(url: str) -> dict[str, Any]:
    return {
        "path": url,
        "meta": {"_type": "gradio.FileData"},
        "orig_name": url.rsplit("/", 1)[-1],
        "url": url,
    }


def example_input(comp: Component, version: int) -> Any:
    """The example value Gradio shows for the component (example_inputs)."""
    if comp.has_example:
        return comp.example
    if comp.kind == "textbox":
        return "Hello!!"
    if comp.kind == "number":
        if version == 4:
            return 3
        base = 3 if comp.minimum is None else comp.minimum
        if comp.precision is None:
            return base
        return round(base) if comp.precision == 0 else round(base, comp.precision)
    if comp.kind == "checkbox":
        return True
    if comp.kind == "slider":
        return comp.minimum
    if comp.kind == "dropdown":
        return [comp.choices[0]] if comp.multiple else comp.choices[0]
    if comp.kind == "json":
        return {"foo": "bar"}
    if comp.kind == "file":
        single = _handle_file(FILE_EXAMPLE_URL)
        return [single] if comp.multiple else single
    if comp.kind == "image":
        return _handle_file(IMAGE_EXAMPLE_URL)
    return None


# --- /config -------------------------------------------------------------------------


def _component_entry(
    comp: Component, version: int, side: str, interactive: bool | None = None
) -> dict[str, Any]:
    templates = SHAPES[version]["components"]
    key = _shape_key(comp)
    template = (
        templates.get(f"{key}:{side}") or templates.get(f"{key}:in") or templates[f"{key}:out"]
    )
    entry = copy.deepcopy(template)
    props: dict[str, Any] = {}
    if comp.default is not None:
        props["value"] = comp.default
    for name, value in entry["props"].items():
        if name == "show_label" and comp.label is not None:
            props["label"] = comp.label
        if name == "visible" and interactive is not None:
            props["interactive"] = interactive  # its place in the constructor's arguments
        props[name] = value
    if interactive is not None:
        props["interactive"] = interactive
    if comp.label is not None and "label" not in props:
        props["label"] = comp.label
    if comp.kind == "slider":
        props.update(minimum=comp.minimum, maximum=comp.maximum, step=comp.step)
    if comp.kind == "dropdown":
        props["choices"] = [[c, c] for c in comp.choices]
        if comp.multiple:
            props["multiselect"] = True
    if comp.kind == "file":
        props["file_count"] = "multiple" if comp.multiple else "single"
    if comp.kind == "number":
        props.pop("precision", None)
        props.pop("step", None)
        if comp.precision is not None:
            props["precision"] = comp.precision
        props["step"] = comp.step if comp.step is not None else 1
        if comp.minimum is not None:
            props["minimum"] = comp.minimum
        if comp.maximum is not None:
            props["maximum"] = comp.maximum
    result: dict[str, Any] = {"id": comp.id}
    for name, value in entry.items():
        result[name] = props if name == "props" else value
    if not comp.skip_api:
        schema = api_info(comp, version)
        result["api_info"] = schema
        if version >= 5:
            result["api_info_as_input"] = schema
            result["api_info_as_output"] = schema
        result["example_inputs"] = example_input(comp, version)
    return result


def _button_entry(button_id: int, label: str, version: int) -> dict[str, Any]:
    entry = copy.deepcopy(SHAPES[version]["components"]["button"])
    props = {"value": label, **entry["props"]}
    return {"id": button_id, **{k: (props if k == "props" else v) for k, v in entry.items()}}


def _dependency(ep: Endpoint, version: int) -> dict[str, Any]:
    dep: dict[str, Any] = copy.deepcopy(SHAPES[version]["dependency"])
    dep["id"] = ep.id
    dep["targets"] = [[target, event] for target, event in ep.targets]
    dep["inputs"] = [c.id for c in ep.inputs]
    dep["outputs"] = [c.id for c in ep.outputs]
    if ep.js is not None:
        dep["backend_fn"] = False
        dep["js"] = ep.js
    dep["queue"] = ep.queue
    dep["api_name"] = ep.name_for(version)
    dep["scroll_to_output"] = ep.scroll_to_output
    behaviour = BEHAVIOURS.get(ep.fn) or LISTENER_BEHAVIOURS[ep.fn]
    dep["types"] = {"generator": behaviour[2], "cancel": False}
    if "event_specific_args" in dep and ep.event_specific_args is not None:
        dep["event_specific_args"] = list(ep.event_specific_args)
    if "show_api" in dep:
        dep["show_api"] = ep.show_api
    if "api_visibility" in dep:
        dep["api_visibility"] = ep.visibility(version)
    if "api_description" in dep:
        dep["api_description"] = False if ep.description is False else None
    return dep


def config_document(
    app: App,
    version: int,
    *,
    root: str,
    app_id: int,
    show_error: bool,
    username: str | None = None,
) -> dict[str, Any]:
    """The JSON of GET /config (and of window.gradio_config in the page)."""
    shape = SHAPES[version]
    components: list[dict[str, Any]] = []
    layout: dict[str, Any]
    if app.interface is not None:
        blocks = shape["interface_blocks"]
        for block_id, item in app.interface.order:
            if isinstance(item, str):
                components.append({"id": block_id, **copy.deepcopy(blocks[item])})
            else:
                # gr.Interface makes its outputs non-interactive (gr.JSON has no such prop)
                comp, side = item
                interactive = False if side == "out" and comp.kind != "json" else None
                components.append(_component_entry(comp, version, side, interactive))
        layout = copy.deepcopy(app.interface.layout)
    else:
        for ep in app.endpoints:
            seen = {c.id for c in ep.inputs}
            components.extend(_component_entry(c, version, "in") for c in ep.inputs)
            components.extend(
                _component_entry(c, version, "out") for c in ep.outputs if c.id not in seen
            )
            components.append(_button_entry(ep.button_id, ep.name_for(version), version))
        layout = {"id": 0, "children": [{"id": c["id"]} for c in components]}
    dependencies = [_dependency(ep, version) for ep in app.endpoints]
    doc: dict[str, Any] = {}
    for key in shape["config_keys"]:
        if key == "version":
            doc[key] = VERSIONS[version]
        elif key == "mode":
            doc[key] = app.mode
        elif key == "app_id":
            doc[key] = app_id
        elif key == "title":
            doc[key] = app.title
        elif key == "components":
            doc[key] = components
        elif key == "dependencies":
            doc[key] = dependencies
        elif key == "layout":
            doc[key] = layout
        elif key == "root":
            doc[key] = root
        elif key == "username":
            doc[key] = username
        elif key == "connect_heartbeat":
            doc[key] = any(c.kind == "state" for c in app.components.values())
        elif key == "show_error":
            doc[key] = show_error
        elif key == "page":
            doc[key] = {
                "": {
                    "layout": layout,
                    "components": [c["id"] for c in components],
                    "dependencies": [d["id"] for d in dependencies],
                }
            }
        else:
            doc[key] = copy.deepcopy(shape["config_values"][key])
    return doc


def auth_required_config(app: App, version: int, root: str) -> dict[str, Any]:
    """The small window.gradio_config of the login page, before login."""
    doc: dict[str, Any] = {
        "auth_required": True,
        "auth_message": app.auth_message,
        "space_id": None,
        "root": root,
    }
    if version >= 5:
        doc.update(
            page={"": {"layout": {}}}, pages=[""], components=[], dependencies=[], current_page=""
        )
    return doc


# --- info ----------------------------------------------------------------------------


def _label(comp: Component, fallback: str) -> str:
    return comp.label if comp.label is not None else f"{fallback}_{comp.id}"


def _component_name(comp: Component) -> str:
    return comp.kind.capitalize()


def _is_filedata(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value.get("url"))
        and isinstance(value.get("meta"), dict)
        and value["meta"].get("_type") == "gradio.FileData"
    )


def _files_as(value: Any, lang: str) -> Any:
    """File data inside a value, as the snippet of `lang` writes it."""
    if _is_filedata(value):
        if lang == "py":
            return _Raw(f"handle_file('{value['url']}')")
        if lang in ("bash", "cli"):
            return {"path": value["url"], "meta": {"_type": "gradio.FileData"}}
        return value
    if isinstance(value, list):
        return [_files_as(v, lang) for v in value]
    if isinstance(value, dict):
        return {k: _files_as(v, lang) for k, v in value.items()}
    return value


class _Raw(str):
    """Text to put in Python code as it is (not quoted)."""


def _py_literal(value: Any) -> str:
    if isinstance(value, _Raw):
        return str(value)
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        return "[" + ", ".join(_py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_py_literal(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


def _snippet_value(value: Any, ptype: str, lang: str) -> str:
    if value is None:
        return "None" if lang == "py" else "null"
    if ptype in ("str", "string") or ptype.startswith("Literal['"):
        return f'"{value}"'
    if ptype in ("bool", "boolean"):
        if lang == "py":
            return "True" if value else "False"
        return str(value).lower() if isinstance(value, bool) else str(value)
    if ptype in ("float", "int", "number"):
        return str(value)
    if isinstance(value, str):
        return value if value else ("None" if lang == "py" else "null")
    value = _files_as(value, lang)
    return _py_literal(value) if lang == "py" else json.dumps(value)


def _code_snippets(api: str, params: list[dict[str, Any]], root: str) -> dict[str, str]:
    def chosen(p: dict[str, Any]) -> Any:
        return p["parameter_default"] if p["parameter_has_default"] else p.get("example_input")

    file_params = [p for p in params if p["component"] in ("File", "Image")]
    py_import = "from gradio_client import Client" + (", handle_file" if file_params else "")
    py = [py_import, "", f'client = Client("{root}")', "result = client.predict("]
    py += [
        f"\t{p['parameter_name']}={_snippet_value(chosen(p), p['python_type']['type'], 'py')},"
        for p in params
    ]
    py += [f'\tapi_name="{api}",', ")", "print(result)"]

    js_import = "Client, handle_file" if file_params else "Client"
    js = [f'import {{ {js_import} }} from "@gradio/client";', ""]
    for i, p in enumerate(file_params):
        example = p.get("example_input")
        url = example.get("url", "") if isinstance(example, dict) else ""
        js += [
            f'const response_{i} = await fetch("{url}");',
            f"const example{p['component']} = await response_{i}.blob();",
        ]
    if file_params:
        js.append("")
    js += [
        f'const client = await Client.connect("{root}");',
        f'const result = await client.predict("{api}", {{',
    ]
    for p in params:
        if p in file_params:
            js.append(f"\t\t{p['parameter_name']}: handle_file(example{p['component']}),")
        else:
            value = _snippet_value(chosen(p), p["python_type"]["type"], "js")
            js.append(f"\t\t{p['parameter_name']}: {value},")
    js += ["});", "", "console.log(result.data);"]

    name = api.lstrip("/")
    bash: list[str] = []
    if file_params:
        bash += [
            f"FILE_PATH=$(curl -s -X POST {root}{API_PREFIX}/upload"
            " -F 'files=@/path/to/your/file' | tr -d '[]\" ')",
            "",
        ]
    entries = []
    for p in params:
        if p in file_params:
            value = '{"path": "\'$FILE_PATH\'", "meta": {"_type": "gradio.FileData"}}'
        else:
            value = _snippet_value(chosen(p), p["python_type"]["type"], "bash")
        entries.append(f'"{p["parameter_name"]}": {value}')
    data = "{" + ", ".join(entries) + "}"
    bash += [
        f'curl -X POST {root}{API_PREFIX}/call/v2/{name} -s -H "Content-Type: application/json" \\',
        f"  -d '{data}' \\",
        "  | awk -F'\"' '{ print $4}' \\",
        f"  | read EVENT_ID; curl -N {root}{API_PREFIX}/call/{name}/$EVENT_ID",
    ]
    cli_args = {
        p["parameter_name"]: _files_as(p["parameter_default"] or p.get("example_input"), "cli")
        for p in params
    }
    cli = f"{{command}} predict {root} {api} '{json.dumps(cli_args, indent=2)}'\n"
    return {
        "python": "\n".join(py),
        "javascript": "\n".join(js),
        "bash": "\n".join(bash),
        "cli": cli,
    }


def info_document(app: App, version: int, *, root: str) -> dict[str, Any]:
    """The JSON of GET $P/info."""
    named: dict[str, Any] = {}
    for ep in app.endpoints:
        if not ep.listed(version):
            continue
        params = []
        for comp in ep.inputs:
            if comp.skip_api:
                continue
            params.append(
                {
                    "label": _label(comp, "parameter"),
                    "parameter_name": comp.parameter_name,
                    "parameter_has_default": comp.default is not None,
                    "parameter_default": comp.default,
                    "type": api_info(comp, version),
                    "python_type": python_type(comp, version, "in"),
                    "component": _component_name(comp),
                    "example_input": example_input(comp, version),
                }
            )
        returns = [
            {
                "label": _label(comp, "value"),
                "type": api_info(comp, version),
                "python_type": python_type(comp, version, "out"),
                "component": _component_name(comp),
            }
            for comp in ep.outputs
            if not comp.skip_api
        ]
        api = "/" + ep.name_for(version)
        entry: dict[str, Any] = {"parameters": params, "returns": returns}
        if version == 6:
            entry["api_visibility"] = ep.visibility(version)
            entry["description"] = ep.description or ""
            entry["code_snippets"] = _code_snippets(api, params, root)
        else:
            entry["show_api"] = True
            if version == 5:
                entry["description"] = ep.description or ""
        named[api] = entry
    return {"named_endpoints": named, "unnamed_endpoints": {}}


def new_app_id() -> int:
    """A random 64-bit app id, as Gradio makes one per app."""
    return secrets.randbits(64)
