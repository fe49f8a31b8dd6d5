"""The HTTP API: a FastAPI application over one store, with the web UI mounted beside it."""

from dateline.api.app import create_app
from dateline.api.limits import Rate

__all__ = ["Rate", "create_app"]
