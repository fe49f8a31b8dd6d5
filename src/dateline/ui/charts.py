"""Small SVG charts drawn on the server: no chart library, no script, printable, fast for any corpus size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from markupsafe import Markup


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _days_between(first: str, last: str) -> list[str]:
    start, stop = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((stop - start).days + 1)]


def _sum_by(counts: dict[str, int], width: int) -> dict[str, int]:
    summed: dict[str, int] = {}
    for key, value in counts.items():
        summed[key[:width]] = summed.get(key[:width], 0) + value
    return summed


def fill_periods(counts: dict[str, int], max_bars: int = 400) -> list[tuple[str, int]]:
    """Counts keyed by `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, with the empty periods in between filled with zeros.

    Days spanning more than `max_bars` are summed into months, and months into years, so a chart never has more
    bars than it can show.

    >>> fill_periods({"2023-06-22": 1, "2023-06-24": 2})
    [('2023-06-22', 1), ('2023-06-23', 0), ('2023-06-24', 2)]
    >>> fill_periods({"2004-11": 1, "2023-06": 2}, max_bars=100)[:2]
    [('2004', 1), ('2005', 0)]
    """
    if not counts:
        return []
    keys = sorted(counts)
    if len(keys[0]) == 10:
        days = _days_between(keys[0], keys[-1])
        if len(days) <= max_bars:
            return [(day, counts.get(day, 0)) for day in days]
        counts = _sum_by(counts, 7)
        keys = sorted(counts)
    if len(keys[0]) == 7:
        months = _months_between(keys[0], keys[-1])
        if len(months) <= max_bars:
            return [(month, counts.get(month, 0)) for month in months]
        counts = _sum_by(counts, 4)
        keys = sorted(counts)
    return [(str(year), counts.get(str(year), 0)) for year in range(int(keys[0]), int(keys[-1]) + 1)]


def bar_chart(series: Sequence[tuple[str, int]], *, label: str, width: int = 720, height: int = 160,
              href: str | None = None) -> Markup:
    """An accessible SVG bar chart of (period, count); each bar has a tooltip, and links to `href` + period."""
    if not series:
        return Markup('<p class="muted">Nothing to chart yet.</p>')
    top = max(count for _, count in series) or 1
    left, plot_h = 34, height - 30
    step = (width - left - 4) / len(series)
    bar = min(max(step * 0.8, 1.0), 40.0)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">',
             f"<title>{escape(label)}</title>"]
    for fraction in (0.5, 1.0):
        y = 8 + plot_h * (1 - fraction)
        parts.append(f'<line class="grid" x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{round(top * fraction)}</text>")
    for index, (period, count) in enumerate(series):
        h = plot_h * count / top
        x = left + index * step + (step - bar) / 2
        rect = (f'<rect x="{x:.1f}" y="{8 + plot_h - h:.1f}" width="{bar:.1f}" height="{max(h, 0):.1f}">'
                f"<title>{escape(period)}: {count}</title></rect>")
        if href and count:
            rect = f'<a href="{escape(href + period)}">{rect}</a>'
        parts.append(rect)
    ticks = sorted({0, len(series) // 2, len(series) - 1})
    for index in ticks:
        x = left + index * step + step / 2
        anchor = "start" if index == 0 else "end" if index == len(series) - 1 else "middle"
        parts.append(f'<text class="axis" x="{x:.1f}" y="{height - 4}" text-anchor="{anchor}">'
                     f"{escape(series[index][0])}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _caption(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def timeline_strip(points: Sequence[tuple[date, int, str, str]], eras: Sequence[tuple[date, date, str]] = (),
                   *, width: int = 960, height: int = 170) -> Markup:
    """A horizontal time axis with one dot per date (area grows with its sources), the eras shaded behind, and
    a caption on a stem above each dot, on three staggered levels so neighbours do not collide.

    `points` are (day, weight, caption, href); each dot links to its entry on the page (`#d-2023-07-12`).
    """
    if not points:
        return Markup("")
    days = [p[0] for p in points] + [e[0] for e in eras] + [e[1] for e in eras]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    left, right, axis_y = 24, width - 24, height - 34

    def x(day: date) -> float:
        return left + (right - left) * (day - first).days / span

    top = max(p[1] for p in points) or 1
    parts = [f'<svg class="tl-strip" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{len(points)} dates from {first.isoformat()} to {last.isoformat()}">']
    for index, (start, end, name) in enumerate(eras):
        parts.append(f'<rect class="era era-{index % 2}" x="{x(start) - 6:.1f}" y="4" '
                     f'width="{max(x(end) - x(start) + 12, 12):.1f}" height="{axis_y - 2}" rx="6"/>'
                     f'<text class="era-label" x="{x(start) - 2:.1f}" y="16">{escape(name)}</text>')
    parts.append(f'<line class="axis" x1="{left}" x2="{right}" y1="{axis_y}" y2="{axis_y}"/>')
    level_end = [-1e9, -1e9, -1e9]
    for day, weight, caption, href in sorted(points):
        radius = 4 + 6 * (weight / top) ** 0.5
        cx, text = x(day), _caption(caption)
        anchor, text_x = ("end", cx - 4) if cx > width * 0.75 else ("start", cx + 4)
        extent = (cx - 6.2 * len(text), cx) if anchor == "end" else (cx, cx + 6.2 * len(text))
        free = [i for i in range(3) if level_end[i] < extent[0] - 8]
        link = f'<a href="{escape(href)}">'
        if free:
            level = free[0]
            level_end[level] = extent[1]
            y = 30 + level * 26
            link += (f'<line class="stem" x1="{cx:.1f}" x2="{cx:.1f}" y1="{y + 4}" y2="{axis_y - radius:.1f}"/>'
                     f'<text class="caption" x="{text_x:.1f}" y="{y}" text-anchor="{anchor}">'
                     f"{escape(text)}</text>")
        parts.append(link + f'<circle cx="{cx:.1f}" cy="{axis_y}" r="{radius:.1f}"><title>{escape(day.isoformat())}: '
                     f"{escape(caption)}</title></circle></a>")
    ordered = sorted({p[0] for p in points})
    shown = [ordered[0], ordered[-1]] if len(ordered) > 1 else [ordered[0]]
    for day in ordered[1:-1]:
        if all(abs(x(day) - x(other)) >= 90 for other in shown):
            shown.append(day)
    for day in shown:
        anchor = "start" if day == ordered[0] else "end" if day == ordered[-1] else "middle"
        parts.append(f'<text x="{x(day):.1f}" y="{height - 10}" text-anchor="{anchor}">{day.isoformat()}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
