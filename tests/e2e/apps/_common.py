"""Helpers shared by the test apps (run as scripts, so imported from their own folder)."""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

import gradio as gr

MAJOR = int(gr.__version__.split(".")[0])


def port_from_args() -> int:
    """Return the port from argv[1], else $PORT, else 7860."""
    if len(sys.argv) > 1:
        return int(sys.argv[1])
    return int(os.environ.get("PORT", "7860"))


def hidden_kwargs() -> dict[str, Any]:
    """Return the listener keyword that hides an endpoint from the API page but keeps /call."""
    # 6.x maps the old show_api=False to "undocumented" (blocks.py from_config); "private"
    # would also refuse client calls.
    if MAJOR >= 6:
        return {"api_visibility": "undocumented"}
    return {"show_api": False}


def no_description() -> dict[str, Any]:
    """Return the listener keyword that keeps the docstring out of the API page (5.x and 6.x)."""
    return {} if MAJOR < 5 else {"api_description": False}


def watch_parent() -> None:
    """Exit when the process named by $CURLGEN_PARENT_PID is gone (no orphaned test servers)."""
    parent = os.environ.get("CURLGEN_PARENT_PID")
    if not parent:
        return

    def watch() -> None:
        """Poll the parent once a second."""
        while True:
            try:
                os.kill(int(parent), 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass
            time.sleep(1)

    threading.Thread(target=watch, name="curlgen-parent-watch", daemon=True).start()


def launch(demo: gr.Blocks, **kwargs: Any) -> None:
    """Launch on 127.0.0.1 at the port given on the command line, never shared."""
    watch_parent()
    demo.queue().launch(
        server_name="127.0.0.1", server_port=port_from_args(), share=False, **kwargs
    )
