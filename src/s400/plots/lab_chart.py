"""The reasoning lab's stacked contribution chart, as SVG text (notebook 03).

SVG text, not a matplotlib figure: the chart redraws on every key press of a slider, and a
string is built in microseconds where a PNG takes a tenth of a second; it also scales on a
projector.
"""

from __future__ import annotations

from collections.abc import Mapping

from s400.plots.alt_text import TextAlternative
from s400.plots.contrast import text_colour_on
from s400.plots.style import AXIS_TEXT, CONSEQUENCE_COLOURS


def chart_scale(
    contributions: Mapping[str, Mapping[str, float]],
    prices: Mapping[str, float],
    current: float = 30.0,
) -> float:
    """The half-width of the chart's axis: the next multiple of 10 above the widest bar.

    The axis grows to fit but never shrinks below ``current``, so a bar does not jump back and
    forth while a student moves a slider.

    Parameters
    ----------
    contributions : mapping
        ``{option: {consequence: contribution}}``, as ``Lab.contributions`` gives them.
    prices : mapping
        Each option's price, drawn on the cost side.
    current : float
        The half-width shown now.

    Returns
    -------
    float
        The new half-width, in $bn-equivalent.

    Examples
    --------
    Costs 24 + price 9 = 33 reach past 30, so the axis grows to 40; it never shrinks back.

    >>> chart_scale({"buy": {"a": 5.0, "b": -24.0}}, {"buy": 9.0})
    40.0
    >>> chart_scale({"buy": {"a": 5.0}}, {"buy": 0.0}, current=40.0)
    40.0
    """
    widest = max(
        max(
            sum(v for v in parts.values() if v > 0),
            prices[o] - sum(v for v in parts.values() if v < 0),
        )
        for o, parts in contributions.items()
    )
    return max(current, 10.0 * (int(widest) // 10 + 1))


def contribution_chart_svg(
    contributions: Mapping[str, Mapping[str, float]],
    prices: Mapping[str, float],
    labels: Mapping[str, str],
    scale: float = 30.0,
) -> str:
    """Stacked bars, one per option: benefits to the right of zero, costs (and the price) to the
    left, and a marker at the net value. SVG text, so a widget can redraw it in microseconds.
    The viewBox lets a page scale the chart (the projector dashboard widens it to the screen).

    Parameters
    ----------
    contributions : mapping
        ``{option: {consequence: contribution}}``, as ``Lab.contributions`` gives them.
    prices : mapping
        Each option's price, drawn on the cost side.
    labels : mapping
        The label of each option and consequence.
    scale : float
        The axis's half-width (:func:`chart_scale`).

    Returns
    -------
    str
        An ``<svg>`` element; each segment's ``<title>`` gives its value.

    Examples
    --------
    Benefit 2.0, cost 1.0 and price 0.5: net 2.0 − 1.0 − 0.5 = +0.5.

    >>> labels = {"buy": "Buy", "air_defence": "Air defence", "f35_place": "F-35"}
    >>> svg = contribution_chart_svg(
    ...     {"buy": {"air_defence": 2.0, "f35_place": -1.0}}, {"buy": 0.5}, labels
    ... )
    >>> "net +0.5" in svg and svg.startswith("<svg")
    True
    """
    width, left, row, top = 860, 190, 48, 28
    axis = lambda x: left + (width - left - 20) * (x + scale) / (2 * scale)  # noqa: E731
    options = list(contributions)
    height = top + row * len(options) + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="13">'
    ]
    parts.append(f'<text x="10" y="{top - 10}" fill="{AXIS_TEXT}">$bn-equivalent</text>')
    for tick in range(-int(scale), int(scale) + 1, 10):
        x = axis(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{top + row * len(options)}" '
            f'stroke="{"#000" if tick == 0 else "#ddd"}"/>'
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" '
            f'fill="{AXIS_TEXT}">{tick:+d}</text>'
        )
    for i, option in enumerate(options):
        y = top + i * row + 8
        parts.append(
            f'<text x="{left - 8}" y="{y + 20}" text-anchor="end" font-weight="bold">'
            f"{labels[option]}</text>"
        )
        items = [(c, v) for c, v in contributions[option].items() if abs(v) > 1e-9]
        if prices.get(option):
            items.append(("price", -prices[option]))
        ends = {1: 0.0, -1: 0.0}
        for name, value in sorted(items, key=lambda kv: -abs(kv[1])):
            side = 1 if value > 0 else -1
            start, ends[side] = ends[side], ends[side] + value
            x0, x1 = sorted(
                (axis(max(-scale, min(scale, start))), axis(max(-scale, min(scale, ends[side]))))
            )
            short = "price" if name == "price" else labels[name].split(" (")[0]
            parts.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{x1 - x0:.1f}" height="28" '
                f'fill="{CONSEQUENCE_COLOURS[name]}" stroke="#000" stroke-width="0.6">'
                f"<title>{short}: {value:+.2f}</title></rect>"
            )
            if x1 - x0 > 7.5 * len(short[:14]):
                fill = text_colour_on(CONSEQUENCE_COLOURS[name])
                parts.append(
                    f'<text x="{(x0 + x1) / 2:.1f}" y="{y + 18}" text-anchor="middle" '
                    f'font-size="11" fill="{fill}">{short[:14]}</text>'
                )
        net = sum(v for _, v in items)
        xn = axis(max(-scale, min(scale, net)))
        # A triangle above the bar points at the net value without covering any segment.
        parts.append(
            f'<path d="M{xn:.1f},{y} l-6,-9 l12,0 z" fill="#000"/>'
            f'<line x1="{xn:.1f}" y1="{y}" x2="{xn:.1f}" y2="{y + 28}" '
            'stroke="#000" stroke-width="2"/>'
            f'<text x="{xn + 6:.1f}" y="{y + 42}" font-weight="bold">net {net:+.1f}</text>'
        )
    legend_y = top + row * len(options) + 30
    x = 10
    for name in [*next(iter(contributions.values())), "price"]:
        text = "price" if name == "price" else labels[name].split(" (")[0]
        if x + 26 + 6.2 * len(text) > width - 10:
            x, legend_y = 10, legend_y + 18
        parts.append(
            f'<rect x="{x}" y="{legend_y}" width="12" height="12" '
            f'fill="{CONSEQUENCE_COLOURS[name]}" stroke="#000" stroke-width="0.6"/>'
            f'<text x="{x + 16}" y="{legend_y + 11}" font-size="11">{text}</text>'
        )
        x += 26 + 6.2 * len(text)
    parts[0] = parts[0].replace(
        f'height="{height}"',  # fit the legend
        f'height="{legend_y + 20}" viewBox="0 0 {width} {legend_y + 20}"',
    )
    parts.append("</svg>")
    return "".join(parts)


def contribution_text(
    contributions: Mapping[str, Mapping[str, float]],
    prices: Mapping[str, float],
    labels: Mapping[str, str],
) -> TextAlternative:
    """The contribution chart in words: each option's net value, and every segment as a row.

    Parameters
    ----------
    contributions : mapping
        ``{option: {consequence: contribution}}``.
    prices : mapping
        Each option's price.
    labels : mapping
        The label of each option and consequence.

    Returns
    -------
    TextAlternative
        Alt text naming each option's net value; one row per non-zero segment, price included.

    Examples
    --------
    Net 2.0 − 1.0 − 0.5 = +0.5:

    >>> labels = {"buy": "Buy", "air_defence": "Air defence", "f35_place": "F-35"}
    >>> text = contribution_text(
    ...     {"buy": {"air_defence": 2.0, "f35_place": -1.0}}, {"buy": 0.5}, labels
    ... )
    >>> print(text.alt)  # doctest: +NORMALIZE_WHITESPACE
    Stacked bar chart of what each option gains (right of zero) and costs (left), in
    $bn-equivalent. Net values: Buy +0.50.
    >>> text.rows
    (('Buy', 'Air defence', '+2.00'), ('Buy', 'F-35', '-1.00'), ('Buy', 'price', '-0.50'))
    """
    rows = []
    nets = []
    for option, parts in contributions.items():
        items = [(labels[c], v) for c, v in parts.items() if abs(v) > 1e-9]
        if prices.get(option):
            items.append(("price", -prices[option]))
        rows += [(labels[option], name, f"{value:+.2f}") for name, value in items]
        nets.append(f"{labels[option]} {sum(v for _, v in items):+.2f}")
    return TextAlternative(
        "Stacked bar chart of what each option gains (right of zero) and costs (left), in "
        f"$bn-equivalent. Net values: {'; '.join(nets)}.",
        header=("option", "consequence", "contribution"),
        rows=tuple(rows),
    )
