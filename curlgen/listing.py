"""`curlgen endpoints`: an app's endpoints as a readable table or as stable JSON.

The JSON document ("schema": "curlgen.endpoints/1") is described field by field by the
JSON Schema in `SCHEMA_PATH`; fields are only ever added to it, never renamed or removed,
without a new schema id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from curlgen.model import App, Endpoint, Param, to_json

SCHEMA_ID = "curlgen.endpoints/1"
SCHEMA_PATH = Path(__file__).resolve().with_name("endpoints.schema.json")

MAX_CELL = 40  # longer defaults and choices are cut in the table (the JSON has them whole)
MAX_TYPE = 40  # longer python types show the kind instead


# --- JSON ------------------------------------------------------------------------------------


def _param_doc(p: Param) -> dict[str, Any]:
    return {
        "name": p.name,
        "label": p.label,
        "type": p.kind,
        "python_type": p.python_type,
        "type_description": p.type_description,
        "component": p.component,
        "required": not p.has_default,
        "default": p.default if p.has_default else None,
        "example": p.example if p.has_example else None,
        "choices": list(p.choices),
    }


def _endpoint_doc(e: Endpoint) -> dict[str, Any]:
    return {
        "api_name": e.path,
        "visible": e.visible,
        "description": e.description,
        "parameters": [_param_doc(p) for p in e.params],
        "returns": [
            {"label": r.label, "python_type": r.python_type, "component": r.component}
            for r in e.returns
        ],
        "state_inputs": list(e.state_inputs),
        "state_outputs": list(e.state_outputs),
    }


def endpoints_document(app: App) -> dict[str, Any]:
    """The `curlgen.endpoints/1` document as a dict."""
    return {
        "schema": SCHEMA_ID,
        "app": {
            "url": app.root,
            "gradio_version": app.version or None,
            "major": app.major,
            "api_prefix": app.prefix,
            "auth_required": app.auth_required,
        },
        "endpoints": [_endpoint_doc(e) for e in app.endpoints],
    }


def endpoints_json(app: App) -> str:
    """The `curlgen.endpoints/1` document: pretty-printed JSON ending in a newline."""
    return json.dumps(endpoints_document(app), indent=2, ensure_ascii=False) + "\n"


# --- text ------------------------------------------------------------------------------------


def _cut(text: str, limit: int = MAX_CELL) -> str:
    text = " ".join(text.split())  # one line per cell
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _type_cell(python_type: str, kind: str) -> str:
    return python_type if python_type and len(python_type) <= MAX_TYPE else kind


def _table(header: list[str], rows: list[list[str]], indent: str) -> list[str]:
    """Left-aligned columns two spaces apart; trailing empty cells leave no blanks."""
    keep = [i for i in range(len(header)) if i < 4 or any(row[i] for row in rows)]
    header = [header[i] for i in keep]
    rows = [[row[i] for i in keep] for row in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        (indent + "  ".join(cell.ljust(w) for cell, w in zip(r, widths))).rstrip()
        for r in [header, *rows]
    ]


def _state_line(e: Endpoint) -> str:
    names = iter(p.name for p in e.params)
    data = ["null" if i in e.state_inputs else next(names, "?") for i in range(e.data_length)]
    text = f"state: send data as [{', '.join(data)}] (null holds each gr.State slot)"
    if e.state_outputs:
        total = len(e.returns) + len(e.state_outputs)
        labels = iter(r.label or "?" for r in e.returns)
        result = ["null" if i in e.state_outputs else next(labels, "?") for i in range(total)]
        text += f"; the result is [{', '.join(result)}]"
    return text


def _endpoint_lines(app: App, e: Endpoint) -> list[str]:
    title = e.path if e.visible else f"{e.path}  (hidden from the API page)"
    lines = [title]
    if e.description:
        lines.append(f"  {' '.join(e.description.split())}")
    lines.append(f"  POST {app.api_base}/call/{e.api_name}")
    if e.params:
        lines.append("  parameters:")
        rows = [
            [
                p.name,
                _type_cell(p.python_type, p.kind),
                _cut(to_json(p.default)) if p.has_default else "required",
                p.component,
                _cut(", ".join(to_json(c) for c in p.choices)),
            ]
            for p in e.params
        ]
        lines += _table(["NAME", "TYPE", "DEFAULT", "COMPONENT", "CHOICES"], rows, "    ")
    else:
        lines.append("  parameters: none")
    if e.returns:
        lines.append("  returns:")
        rows = [[r.label or "?", _cut(r.python_type, MAX_TYPE), r.component] for r in e.returns]
        lines += _table(["LABEL", "TYPE", "COMPONENT"], rows, "    ")
    else:
        lines.append("  returns: nothing")
    if e.state_inputs or e.state_outputs:
        lines.append(f"  {_state_line(e)}")
    return lines


def endpoints_text(app: App) -> str:
    """A readable listing: a header line, then each endpoint with its parameters and returns."""
    prefix = app.prefix or "none"
    header = f"{app.root}  {app.version_label}  API prefix: {prefix}"
    if app.auth_required:
        header += "  login required"
    lines = [header]
    if not app.endpoints:
        lines += ["", "No named endpoints (--all also lists the hidden ones)."]
    for e in app.endpoints:
        lines.append("")
        lines += _endpoint_lines(app, e)
    return "\n".join(lines) + "\n"
