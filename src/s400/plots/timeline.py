"""The case on a time axis (notebook 01 and the opening slides)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import matplotlib.dates as mdates
from matplotlib.figure import Figure

from s400.data import Event
from s400.plots.alt_text import describe
from s400.plots.style import OKABE_ITO, THEME_STYLE

#: The op-ed speaks of the purchase as done and of activation as a possibility, so it falls between
#: the first delivery (12 July 2019) and the first radar test (25 November 2019): an inference,
#: drawn as a band.
OP_ED_WINDOW = (dt.date(2019, 7, 12), dt.date(2019, 11, 25))


def draw_timeline(events: Iterable[Event], labels: Mapping[str, str] | None = None) -> Figure:
    """Events in one lane per theme on a time axis, with the op-ed's window shaded.

    Filled markers are confidence H, hollow ones M.

    Parameters
    ----------
    events : iterable of Event
        The rows of timeline.csv to draw.
    labels : mapping, optional
        Short captions for some events, by id.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: every event as a row (date, theme, event,
        confidence), the captioned ones named in the summary.

    Examples
    --------
    >>> from s400.data import load
    >>> from s400.plots.alt_text import text_of
    >>> fig = draw_timeline(load().timeline.values(), {"f35_removal_2019": "F-35 removal"})
    >>> [t.get_text() for t in fig.axes[0].texts][:2]
    ['F-35 removal', 'op-ed']
    >>> text_of(fig).summary
    'Events named on the chart: F-35 removal (2019-07-17).'
    """
    events = sorted(events, key=lambda e: e.start)
    labels = labels or {}
    themes = [t for t in THEME_STYLE if any(e.theme == t for e in events)]
    fig = Figure(figsize=(12, 0.6 * len(themes) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for lane, theme in enumerate(themes):
        colour, marker = THEME_STYLE[theme]
        labelled = 0
        for event in (e for e in events if e.theme == theme):
            filled = event.confidence == "H"
            # matplotlib converts dates through its units, which its stubs leave out
            # (matplotlib#25676): they accept only numbers, hence the ignores here and below.
            ax.plot(
                event.start,  # type: ignore[arg-type]
                lane,
                marker=marker,
                markersize=8,
                linestyle="",
                markerfacecolor=colour if filled else "white",
                markeredgecolor=colour,
            )
            if event.id in labels:
                above = labelled % 2 == 0  # alternate above and below, so neighbours do not collide
                ax.annotate(
                    labels[event.id],
                    (event.start, lane),
                    xytext=(0, 9 if above else -11),
                    textcoords="offset points",
                    ha="center",
                    va="bottom" if above else "top",
                    fontsize=8.5,
                )
                labelled += 1
    ax.axvspan(
        *OP_ED_WINDOW,  # type: ignore[arg-type]
        color=OKABE_ITO["yellow"],
        alpha=0.35,
        zorder=0,
    )
    ax.text(
        OP_ED_WINDOW[0],  # type: ignore[arg-type]
        len(themes) - 0.45,
        "op-ed",
        fontsize=9,
        fontweight="bold",
    )
    ax.set_yticks(range(len(themes)), [t.replace("_", " ") for t in themes])
    ax.set_ylim(-0.6, len(themes) - 0.2)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("The S-400 case, 2013 to March 2026 (filled: confidence H; hollow: M)", loc="left")
    named = "; ".join(f"{labels[e.id]} ({e.date})" for e in events if e.id in labels)
    first, last = events[0].start.year, events[-1].start.year
    return describe(
        fig,
        f"Timeline of the S-400 case, {first} to {last}: {len(events)} events in {len(themes)} "
        f"themes ({', '.join(t.replace('_', ' ') for t in themes)}), with the op-ed's window, "
        "July to November 2019, shaded.",
        f"Events named on the chart: {named}." if named else "",
        ("date", "theme", "event", "confidence"),
        [(e.date, e.theme.replace("_", " "), e.event, e.confidence) for e in events],
    )
