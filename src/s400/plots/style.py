"""Colours, markers and line styles shared by every drawing.

Colours come from the Okabe–Ito palette, and every style that tells things apart pairs its
colour with a shape or a line pattern, so the figures read in greyscale and for colour-blind
readers.
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
THEME_STYLE = {  # colour and marker per theme, so lanes differ in shape as well as colour
    "procurement": (OKABE_ITO["blue"], "s"),
    "us_relations": (OKABE_ITO["vermillion"], "D"),
    "nato": (OKABE_ITO["sky"], "^"),
    "russia": (OKABE_ITO["purple"], "v"),
    "energy": (OKABE_ITO["orange"], "o"),
    "economy": (OKABE_ITO["green"], "P"),
    "domestic": (OKABE_ITO["grey"], "X"),
}
NODE_STYLE = {  # type -> (marker, face colour)
    "decision": ("s", OKABE_ITO["orange"]),
    "factor": ("D", OKABE_ITO["sky"]),
    "outcome": ("o", OKABE_ITO["green"]),
    "actor": ("h", OKABE_ITO["yellow"]),
}
#: One colour per consequence; segments also carry text labels, so the chart does not rely on colour alone.
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
    "political": (OKABE_ITO["vermillion"], "-"),
    "military": (OKABE_ITO["blue"], (0, (6, 3))),
    "financial": (OKABE_ITO["green"], (0, (6, 2, 1, 2))),
    "economic": (OKABE_ITO["orange"], (0, (1, 2))),
    "energy": (OKABE_ITO["purple"], (0, (3, 1))),
}


#: Marker and colour of each preset in the class-poll charts, in the order the presets are given.
PRESET_STYLES = [
    ("X", OKABE_ITO["vermillion"]),
    ("D", OKABE_ITO["blue"]),
    ("^", OKABE_ITO["green"]),
    ("s", OKABE_ITO["purple"]),
]
