"""A timeline as Markdown: a heading a date, its sentences as a list with their sources, ready to publish."""

from __future__ import annotations

from dateline.events.cited import CitedDate, CitedTimeline
from dateline.events.record import outlet


def _escape(text: str) -> str:
    """Markdown-inert text: the characters that would start emphasis, links or code are backslash-escaped."""
    return "".join("\\" + char if char in "\\`*_[]<>#|" else char for char in " ".join(text.split()))


def _display(entry: CitedDate) -> str:
    if entry.precision == "year":
        return str(entry.date.year)
    if entry.precision == "month":
        return entry.date.strftime("%B %Y")
    return entry.date.isoformat()


def _date_section(entry: CitedDate, level: str) -> list[str]:
    lines = [f"{level} {_display(entry)}{' (expected)' if entry.expected else ''}", ""]
    for s in entry.sentences:
        lines.append(f"- {_escape(s.text)} — *{_escape(outlet(s.source, s.article_id))}*, "
                     f"published {s.published.isoformat()} (`{s.article_id[:12]}` #{s.sentence})")
    count = len(entry.sources)
    lines += ["", f"Reported by {count} source{'s' if count != 1 else ''} ({_escape(', '.join(entry.sources))}); "
              f"first by {_escape(entry.first_source)} on {entry.first_reported_at[:10]}.", ""]
    return lines


def to_markdown(timeline: CitedTimeline) -> str:
    """The Markdown document for `timeline`; phases, when it has them, are second-level headings."""
    lines = [f"# {_escape(timeline.title)}", ""]
    if timeline.as_of:
        lines += [f"*As of {timeline.as_of}: only articles first seen by then.*", ""]
    if timeline.sample:
        lines += [f"*Made from {timeline.sample.note}.*", ""]
    if not timeline.dates:
        lines += ["No dated sentences match.", ""]
    eras = list(timeline.eras)
    for entry in timeline.dates:
        while eras and eras[0].start <= entry.date:
            era = eras.pop(0)
            lines += [f"## {_escape(era.headline)}", ""]
        lines += _date_section(entry, "###" if timeline.eras else "##")
    return "\n".join(lines).rstrip("\n") + "\n"
