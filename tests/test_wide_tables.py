"""A wide table in a box a keyboard can reach and scroll (ACCESSIBILITY.md, notebooks 02 and 05)."""

import re

import pandas as pd

from s400.wide_tables import WideTable


def test_the_table_sits_whole_in_one_named_focusable_scroll_box():
    frame = pd.DataFrame({"id": ["E01", "E02"], "note": ["a <b> note", "2"]})
    html = WideTable(frame, 'Edges "as data"')._repr_html_()
    box = re.match(r"<div ([^>]*)>(.*)</div>$", html, flags=re.S)
    assert box is not None
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', box.group(1)))
    assert attributes["role"] == "region" and attributes["tabindex"] == "0"
    assert set(attributes["class"].split()) == {"tex2jax_ignore", "mathjax_ignore"}  # money
    assert attributes["aria-label"] == "Edges &quot;as data&quot;"
    assert attributes["data-lm-suppress-shortcuts"] == "true"  # JupyterLab leaves its keys alone
    assert "overflow-x:auto" in attributes["style"]
    inner = box.group(2)
    assert inner.count("<table") == 1 and inner.count("<thead>") == 1
    assert "a &lt;b&gt; note" in inner and inner.count("<tr") == 3  # header and two rows


def test_its_plain_text_is_the_tables():
    frame = pd.DataFrame({"x": [1, 2]})
    assert repr(WideTable(frame, "x")) == repr(frame) and str(WideTable(frame, "x")) == str(frame)
