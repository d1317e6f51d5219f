"""Learn an app from itself: /config and the info schema over HTTP (stdlib urllib)."""
