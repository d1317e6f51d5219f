"""FastAPI test app with a Gradio reverse endpoint mounted at ``/gradio``, served by uvicorn."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gradio as gr
import uvicorn
from _common import port_from_args, watch_parent
from blocks_app import reverse
from fastapi import FastAPI

MOUNT_PATH = "/gradio"


def build() -> FastAPI:
    """Build the FastAPI app with the Gradio Blocks mounted under MOUNT_PATH."""
    app = FastAPI()

    @app.get("/")
    def index() -> dict[str, str]:
        """Answer at the FastAPI root, outside Gradio."""
        return {"app": "fastapi", "gradio": MOUNT_PATH}

    with gr.Blocks(title="curlgen mounted test app") as demo:
        text = gr.Textbox(label="text", value="hello")
        reversed_ = gr.Textbox(label="reversed")
        gr.Button("reverse").click(reverse, text, reversed_, api_name="reverse")
    return gr.mount_gradio_app(app, demo, path=MOUNT_PATH)


if __name__ == "__main__":
    watch_parent()
    uvicorn.run(build(), host="127.0.0.1", port=port_from_args(), log_level="info")
