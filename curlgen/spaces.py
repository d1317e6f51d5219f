"""From what a user types (app URL, Space page URL, Space id) to the app's root URL."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from dataclasses import dataclass

from curlgen.errors import UsageProblem

HUB_ENDPOINT = "https://huggingface.co"
HUB_TIMEOUT = 5.0
MAX_SUBDOMAIN = 63  # a DNS label; longer Space names get a host the Hub assigns

_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?"
_SPACE_ID = re.compile(rf"({_PART})/({_PART})\Z")
_SPACE_PATH = re.compile(rf"/spaces/({_PART})/({_PART})/?\Z")


@dataclass(frozen=True)
class Target:
    """What APP named: the app's root URL, and the Space it belongs to, if any."""

    url: str
    space: str | None = None
    from_hub: bool = False

    @property
    def derived_host_may_differ(self) -> bool:
        """A derived (not Hub-given) host for a name too long for one DNS label."""
        host = urllib.parse.urlsplit(self.url).hostname or ""
        return (
            self.space is not None and not self.from_hub and len(host.split(".")[0]) > MAX_SUBDOMAIN
        )


def space_id_of(text: str) -> str | None:
    """`owner/name` for a Space id or a Space page URL, else None."""
    text = text.strip()
    m = _SPACE_ID.match(text)
    if m and "://" not in text:
        return f"{m.group(1)}/{m.group(2)}"
    parts = urllib.parse.urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        m = _SPACE_PATH.match(parts.path)
        if m:
            return f"{m.group(1)}/{m.group(2)}"
    return None


def derived_app_url(space: str) -> str:
    """The `*.hf.space` URL as the Hub derives it for short names."""
    sub = re.sub(r"[/_.]", "-", space.lower())
    return f"https://{sub}.hf.space"


def hub_app_url(space: str, token: str | None = None, timeout: float = HUB_TIMEOUT) -> str | None:
    """The Hub's answer for the Space's host, or None when the Hub cannot be asked."""
    import urllib.request  # lazy: only a Space id needs the network here

    endpoint = (os.environ.get("HF_ENDPOINT") or HUB_ENDPOINT).rstrip("/")
    req = urllib.request.Request(f"{endpoint}/api/spaces/{space}/host")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            answer = json.loads(resp.read().decode("utf-8"))
    except (OSError, ValueError):  # URLError is an OSError
        # Offline, blocked, or not JSON: fall back to the derived host.
        return None
    host = answer.get("host") if isinstance(answer, dict) else None
    if isinstance(host, str) and host.startswith(("http://", "https://")):
        return host.rstrip("/")
    return None


def normalize_app_url(text: str) -> str:
    """An http(s) URL -> the app root: no query, no fragment, no trailing slash."""
    parts = urllib.parse.urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageProblem(
            f"not an app URL, Space URL or Space id: {text!r} "
            "(expected e.g. http://127.0.0.1:7860, https://huggingface.co/spaces/OWNER/NAME "
            "or OWNER/NAME)"
        )
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UsageProblem(f"invalid port in URL {text!r}") from None
    if any(c in text for c in "\"'`$\\!<> \t\n"):
        raise UsageProblem(f"invalid characters in URL {text!r}")
    path = parts.path.rstrip("/")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def resolve(text: str, *, offline: bool = False, token: str | None = None) -> Target:
    """APP as typed -> Target; a Space asks the Hub unless offline, then derives."""
    space = space_id_of(text)
    if space is None:
        return Target(url=normalize_app_url(text))
    if not offline:
        url = hub_app_url(space, token=token)
        if url is not None:
            return Target(url=normalize_app_url(url), space=space, from_hub=True)
    return Target(url=derived_app_url(space), space=space)
