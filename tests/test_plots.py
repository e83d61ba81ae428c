"""Drawings: text enlarged for a projector, and a contribution chart that scales to the page."""

import re
from dataclasses import replace

import pytest

from s400.data import load
from s400.network import effect_graph
from s400.plots import (
    contribution_chart_svg,
    draw_figure_series,
    draw_network,
    draw_timeline,
    enlarge_text,
    figure_svg,
)
from s400.widgets import NetworkExplorer


def sizes(fig) -> list[float]:
    fig.canvas.draw()  # tick labels are made at drawing time
    return [
        t.get_fontsize()
        for ax in fig.axes
        for t in [ax.title, *ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts]
        if t.get_text()
    ]


def test_enlarge_text_scales_every_text_once_tick_labels_included():
    events = load().timeline.values()
    plain = sizes(draw_timeline(events, {"f35_removal_2019": "F-35 removal"}))
    large = sizes(enlarge_text(draw_timeline(events, {"f35_removal_2019": "F-35 removal"}), 1.5))
    assert len(large) == len(plain) > 10
    assert large == [1.5 * s for s in plain]


def test_an_enlarged_network_still_draws():
    graph = effect_graph(load())
    assert "font-size: 14.25px" in figure_svg(enlarge_text(draw_network(graph), 1.5))  # 9.5 × 1.5
    assert "font-size: 14.25px" not in figure_svg(draw_network(graph))


def test_the_chart_scales_with_its_viewbox_to_its_full_height():
    svg = contribution_chart_svg(
        {"buy": {"air_defence": 2.0}}, {"buy": 0.5}, {"buy": "Buy", "air_defence": "Air defence"}
    )
    width, height = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg).groups()
    assert f'viewBox="0 0 {width} {height}"' in svg


def test_the_network_explorer_draws_larger_text_for_the_projector():
    data = load()
    assert (
        NetworkExplorer(data, text_scale=1.5).picture.value != NetworkExplorer(data).picture.value
    )


@pytest.mark.parametrize("low", [None, 1.0])
def test_a_figure_without_a_value_or_a_whole_range_is_refused_by_its_id(low):
    # The loader refuses such a row; one made by hand must not draw a bar out of nothing.
    row = replace(load().figures["russian_visitors_2015"], value=None, low=low, high=None)
    with pytest.raises(ValueError, match="russian_visitors_2015: neither a value nor a range"):
        draw_figure_series([row], "Visitors", "millions")
