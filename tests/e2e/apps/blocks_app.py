"""Blocks test app: the endpoints of shared/gradio-transcripts plus typed, file and hidden ones.

Run as ``python blocks_app.py PORT``; works unchanged on Gradio 4.44.1, 5.50.0 and 6.31.0.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gradio as gr
from _common import MAJOR, hidden_kwargs, launch, no_description

FILE_OUT_NAME = "report ü é.txt"


def reverse(text: str) -> str:
    """Return the text reversed."""
    return text[::-1]


def multi(text: str, shout: bool, times: float) -> tuple[str, int]:
    """Repeat the (optionally upper-cased) text; also return the repeated length."""
    count = int(times)
    word = text.upper() if shout else text
    return " ".join([word] * count), len(text) * count


def file_info(path: str) -> tuple[str, str]:
    """Describe an uploaded file and return a generated report file."""
    name = os.path.basename(path)
    size = os.path.getsize(path)
    handle = tempfile.NamedTemporaryFile(
        "w", prefix="report-", suffix=".txt", delete=False, encoding="utf-8"
    )
    with handle:
        handle.write(f"file: {name}\nsize: {size} bytes\npath: {path}\n")
    return handle.name, f"{name}: {size} bytes"


def image_flip(path: str) -> str:
    """Mirror an image left to right and return the new PNG's path."""
    from PIL import Image, ImageOps

    handle = tempfile.NamedTemporaryFile(prefix="flipped-", suffix=".png", delete=False)
    handle.close()
    with Image.open(path) as image:
        ImageOps.mirror(image).save(handle.name, format="PNG")
    return handle.name


def stream(text: str) -> Iterator[str]:
    """Yield the words seen so far, 0.3 s apart."""
    words: list[str] = []
    for word in text.split():
        time.sleep(0.3)
        words.append(word)
        yield " ".join(words)


def stream_fail(text: str) -> Iterator[str]:
    """Yield two parts 0.3 s apart, then raise gr.Error."""
    yield "partial 1"
    time.sleep(0.3)
    yield "partial 2"
    raise gr.Error(f"stream failed after 2 parts for '{text}'")


def counter(step: float, state: float | None) -> tuple[str, float]:
    """Add step to the per-session total kept in gr.State."""
    total = (state or 0) + step
    return f"count={int(total) if float(total).is_integer() else total}", total


def fail(text: str) -> str:
    """Always raise gr.Error."""
    raise gr.Error(f"custom failure for '{text}'")


def crash(text: str) -> str:
    """Always raise a plain exception."""
    raise ValueError(f"unexpected boom for '{text}'")


def slow(seconds: float) -> str:
    """Sleep, then say how long."""
    time.sleep(float(seconds))
    return f"slept {int(seconds)}s"


def types(text: Any, number: Any, flag: Any, slider: Any, choice: Any) -> dict[str, Any]:
    """Report each received value and its Python type name."""
    received = {"text": text, "number": number, "flag": flag, "slider": slider, "choice": choice}
    return {
        name: {"value": value, "type": type(value).__name__} for name, value in received.items()
    }


def echo(text: str) -> str:
    """Return the text unchanged."""
    return text


def file_out(content: str) -> str:
    """Write content to a file whose name has a space and non-ASCII letters; return its path."""
    path = Path(tempfile.mkdtemp(prefix="file_out-")) / FILE_OUT_NAME
    path.write_text(content, encoding="utf-8")
    return str(path)


def files_multi(paths: list[str] | None) -> list[dict[str, Any]]:
    """Return the name and size of each uploaded file."""
    return [{"name": os.path.basename(p), "size": os.path.getsize(p)} for p in paths or []]


def hidden(text: str) -> str:
    """An endpoint left out of the API page."""
    return f"hidden:{text}"


def big(size: float) -> str:
    """Return a string of ``size`` characters."""
    return "x" * int(size)


def build() -> gr.Blocks:
    """Build the Blocks app."""
    # The transcripts' endpoints had no description; the new ones keep their docstring.
    bare = no_description()
    with gr.Blocks(title="curlgen test app") as demo:
        with gr.Tab("reverse"):
            text = gr.Textbox(label="text", value="hello")
            reversed_ = gr.Textbox(label="reversed")
            gr.Button("reverse").click(reverse, text, reversed_, api_name="reverse", **bare)
        with gr.Tab("multi"):
            m_text = gr.Textbox(label="text", value="hi")
            m_shout = gr.Checkbox(label="shout", value=False)
            m_times = gr.Slider(1, 5, value=2, step=1, label="times")
            m_joined = gr.Textbox(label="joined")
            m_length = gr.Number(label="length", precision=0)
            gr.Button("multi").click(
                multi, [m_text, m_shout, m_times], [m_joined, m_length], api_name="multi", **bare
            )
        with gr.Tab("files"):
            f_in = gr.File(label="file", type="filepath")
            f_report = gr.File(label="report")
            f_summary = gr.Textbox(label="summary")
            gr.Button("file_info").click(
                file_info, f_in, [f_report, f_summary], api_name="file_info", **bare
            )
            i_in = gr.Image(label="image", type="filepath")
            i_out = gr.Image(label="flipped", type="filepath")
            gr.Button("image_flip").click(image_flip, i_in, i_out, api_name="image_flip", **bare)
        with gr.Tab("stream"):
            s_in = gr.Textbox(label="text", value="a b c")
            s_out = gr.Textbox(label="so far")
            gr.Button("stream").click(stream, s_in, s_out, api_name="stream", **bare)
            gr.Button("stream_fail").click(stream_fail, s_in, s_out, api_name="stream_fail", **bare)
        with gr.Tab("counter"):
            c_step = gr.Number(label="step", value=1)
            c_state = gr.State(None)
            c_out = gr.Textbox(label="count")
            gr.Button("count").click(
                counter, [c_step, c_state], [c_out, c_state], api_name="counter", **bare
            )
        with gr.Tab("errors"):
            e_in = gr.Textbox(label="text", value="boom")
            e_out = gr.Textbox(label="result")
            gr.Button("fail").click(fail, e_in, e_out, api_name="fail", **bare)
            gr.Button("crash").click(crash, e_in, e_out, api_name="crash", **bare)
            sl_in = gr.Number(label="seconds", value=1)
            sl_out = gr.Textbox(label="result")
            gr.Button("slow").click(slow, sl_in, sl_out, api_name="slow", **bare)
        with gr.Tab("types"):
            t_text = gr.Textbox(label="text", value="hello")
            t_number = gr.Number(label="number", value=3)
            t_flag = gr.Checkbox(label="flag", value=True)
            t_slider = gr.Slider(0, 10, value=5, step=1, label="slider")
            t_choice = gr.Dropdown(choices=["a", "b", "c"], value="a", label="choice")
            t_out = gr.JSON(label="received")
            gr.Button("types").click(
                types, [t_text, t_number, t_flag, t_slider, t_choice], t_out, api_name="types"
            )
            echo_in = gr.Textbox(label="text", value="")
            echo_out = gr.Textbox(label="echoed")
            gr.Button("echo").click(echo, echo_in, echo_out, api_name="echo")
            big_in = gr.Number(label="size", value=10)
            big_out = gr.Textbox(label="text")
            gr.Button("big").click(big, big_in, big_out, api_name="big")
        with gr.Tab("more files"):
            fo_in = gr.Textbox(label="content", value="hello")
            fo_out = gr.File(label="file")
            gr.Button("file_out").click(file_out, fo_in, fo_out, api_name="file_out")
            fm_in = gr.File(label="files", file_count="multiple", type="filepath")
            fm_out = gr.JSON(label="names and sizes")
            gr.Button("files_multi").click(files_multi, fm_in, fm_out, api_name="files_multi")
        with gr.Tab("hidden"):
            h_in = gr.Textbox(label="text", value="x")
            h_out = gr.Textbox(label="result")
            gr.Button("hidden").click(hidden, h_in, h_out, api_name="hidden", **hidden_kwargs())
            if MAJOR >= 6:
                # 6.x only: hidden from the API page *and* refused to clients.
                gr.Button("private").click(
                    hidden, h_in, h_out, api_name="private", api_visibility="private"
                )
    return demo


if __name__ == "__main__":
    launch(build())
