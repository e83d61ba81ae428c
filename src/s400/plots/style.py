"""Colours, markers and line styles shared by every drawing.

Colours come from the Okabe–Ito palette, and every style that tells things apart pairs its
colour with a shape or a line pattern, so the figures read in greyscale and for colour-blind
readers. Contrast follows WCAG 2.1 AA (tests/test_contrast.py computes it): a colour drawn
straight on white as a line or a marker comes from MARK (3:1 or more), text from INK (4.5:1 or
more); the lighter Okabe–Ito colours only fill shapes that carry a black outline.
"""

from __future__ import annotations

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
#: Lines and markers on white: the Okabe–Ito colour where it reaches 3:1 against white, else the
#: same hue darkened until it does (orange, sky, grey; yellow is left out, too faint to darken).
MARK = {
    **{name: OKABE_ITO[name] for name in ("green", "blue", "vermillion", "purple")},
    "orange": "#C28600",
    "sky": "#1D9AE0",
    "grey": "#767676",
}
#: Text on white: 4.5:1 or more, the same hues darkened further where needed.
INK = {
    "black": "#000000",
    "blue": OKABE_ITO["blue"],
    "vermillion": "#C35600",
    "green": "#008762",
    "grey": "#767676",
}
#: The axis text of the reasoning lab's SVG chart, on white.
AXIS_TEXT = "#555555"
#: What a cut tie or a cut-off institution is drawn in: faint, yet 4.5:1 on white.
CUT = INK["grey"]
THEME_STYLE = {  # colour and marker per theme, so lanes differ in shape as well as colour
    "procurement": (MARK["blue"], "s"),
    "us_relations": (MARK["vermillion"], "D"),
    "nato": (MARK["sky"], "^"),
    "russia": (MARK["purple"], "v"),
    "energy": (MARK["orange"], "o"),
    "economy": (MARK["green"], "P"),
    "domestic": (MARK["grey"], "X"),
}
NODE_STYLE = {  # type -> (marker, face colour); drawn with a black outline
    "decision": ("s", OKABE_ITO["orange"]),
    "factor": ("D", OKABE_ITO["sky"]),
    "outcome": ("o", OKABE_ITO["green"]),
    "actor": ("h", OKABE_ITO["yellow"]),
}
#: One fill per consequence, outlined black; segments also carry text labels (black or white,
#: whichever contrasts more), so the chart does not rely on colour alone.
CONSEQUENCE_COLOURS = {
    "air_defence": "#0072B2",
    "autonomy": "#56B4E9",
    "f35_place": "#D55E00",
    "us_sanctions": "#E69F00",
    "us_relations": "#CC79A7",
    "economy": "#009E73",
    "national_security": "#F0E442",
    "nato_trust": "#999999",
    "nato_standing": "#DDDDDD",
    "russian_leverage": "#555555",
    "supply_independence": "#44AA99",
    "defence_industry": "#9988DD",
    "price": "#FFFFFF",
}


#: Colour and line style per layer, so layers differ in pattern as well as colour.
LAYER_STYLE = {
    "political": (MARK["vermillion"], "-"),
    "military": (MARK["blue"], (0, (6, 3))),
    "financial": (MARK["green"], (0, (6, 2, 1, 2))),
    "economic": (MARK["orange"], (0, (1, 2))),
    "energy": (MARK["purple"], (0, (3, 1))),
}


#: Marker and colour of each preset in the class-poll charts, in the order the presets are given
#: (drawn with a black outline).
PRESET_STYLES = [
    ("X", OKABE_ITO["vermillion"]),
    ("D", OKABE_ITO["blue"]),
    ("^", OKABE_ITO["green"]),
    ("s", OKABE_ITO["purple"]),
]
