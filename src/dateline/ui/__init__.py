"""The web UI, served by the API's process: Jinja2 templates, one stylesheet, one small script, SVG charts."""

from dateline.ui.pages import install_ui

__all__ = ["install_ui"]
