"""Temporal tagging: TIMEX3 expressions found in text and resolved against an anchor, TimeML in and out, and
the TempEval-3 scorer."""

from dateline.temporal.tagger import MODES, tag
from dateline.temporal.timex import Timex, interval, is_value

__all__ = ["MODES", "Timex", "interval", "is_value", "tag"]
