"""Timeline summarization, ROUGE and the Timeline17 evaluation."""

from __future__ import annotations

from dateline.timeline.summarize import Candidate, TimelineEntry, summarize

__all__ = ["Candidate", "TimelineEntry", "summarize"]
