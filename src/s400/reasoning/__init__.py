"""The cost-benefit lab of notebook 03: expected value of Ankara's options, break-even, sensitivity.

The lab is the influence network of notebook 02 seen as a decision model (Allison's Model I):

- a *consequence* is a node Turkey puts a value on (air defence, the F-35 place, US sanctions, ...);
- the *effect* of an option on a consequence is path tracing over the network: the sum, over the
  routes from the option to the consequence, of the product of sign x weight x probability along
  the route. Each route is counted once, at the first consequence it reaches, so nothing is
  counted twice: the magnitude of a consequence includes whatever it leads to further on;
- a *probability* on a node scales every edge into it: P(activation) governs the whole
  conditional branch of the op-ed, P(consequence) says how likely the consequence is at all;
- the *magnitude* of a consequence is what a full-strength change is worth to Turkey, in billions
  of US dollars or their equivalent (a judgement; sourced figures anchor the scale);
- later consequences are discounted: ``(1 + rate) ** -delay``, with delays read off the timeline;
- the expected value of an option is the sum of its discounted contributions minus its price.

A scenario is a flat ``dict`` from parameter key to number, so sliders, presets, JSON files, the
break-even search, the tornado chart and the Monte Carlo all speak the same language. Keys:
``magnitude.<node>``, ``probability.<node>``, ``weight.<edge id>`` and ``discount_rate``.

Three modules, one purpose each:

- :mod:`s400.reasoning.model`: the :class:`Lab` (the model built from the data) and its verdict;
- :mod:`s400.reasoning.scenarios`: presets and scenario files (read, validate, write);
- :mod:`s400.reasoning.sensitivity`: break-even, beliefs to overturn, tornado, Monte Carlo.
"""

from s400.reasoning.model import Lab, Parameter, Scenario
from s400.reasoning.scenarios import PRESETS, ScenarioError
from s400.reasoning.verdict import OPTIONS, Verdict, verdict_text

__all__ = [
    "OPTIONS",
    "PRESETS",
    "Lab",
    "Parameter",
    "Scenario",
    "ScenarioError",
    "Verdict",
    "verdict_text",
]
