"""curlgen: copy-paste curl commands and shell scripts for any Gradio app."""

__version__ = "0.1.0"
