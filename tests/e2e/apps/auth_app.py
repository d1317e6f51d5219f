"""Blocks test app behind ``auth=("user", "pass")``: reverse and a gr.State counter."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gradio as gr
from _common import launch
from blocks_app import counter, reverse

USERNAME, PASSWORD = "user", "pass"


def build() -> gr.Blocks:
    """Build the Blocks app."""
    with gr.Blocks(title="curlgen auth test app") as demo:
        text = gr.Textbox(label="text", value="hello")
        reversed_ = gr.Textbox(label="reversed")
        gr.Button("reverse").click(reverse, text, reversed_, api_name="reverse")
        step = gr.Number(label="step", value=1)
        state = gr.State(None)
        count = gr.Textbox(label="count")
        gr.Button("count").click(counter, [step, state], [count, state], api_name="counter")
    return demo


if __name__ == "__main__":
    launch(build(), auth=(USERNAME, PASSWORD))
