"""The errors that core modules raise; cli.py maps them to exit codes."""

from __future__ import annotations


class CurlgenError(Exception):
    """Base of every error curlgen reports to the user (exit 1)."""

    exit_code = 1


class UsageProblem(CurlgenError):
    """Bad usage or bad input from the user (exit 2)."""

    exit_code = 2


class AppProblem(CurlgenError):
    """The app cannot be reached or answers in a way we cannot use (exit 1)."""

    exit_code = 1
