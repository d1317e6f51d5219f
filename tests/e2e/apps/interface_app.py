"""gr.Interface test app: text in, text out (api name ``predict`` on 4/5, ``shout`` on 6)."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gradio as gr
from _common import launch


def shout(text: str) -> str:
    """Return the text upper-cased."""
    return text.upper()


def build() -> gr.Blocks:
    """Build the Interface."""
    return gr.Interface(fn=shout, inputs="text", outputs="text")


if __name__ == "__main__":
    launch(build())
