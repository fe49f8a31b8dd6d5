"""Exports: a timeline as TimelineJS JSON or Markdown (other formats live beside them)."""
