"""The ipywidgets apps, one module per notebook. Each is a thin shell: controls in, a pure
function of s400 called, its text or picture out. Re-exported here, so a notebook writes
``from s400.widgets import ReasoningLab``.
"""

from s400.widgets.argument import ClaimExplorer
from s400.widgets.beliefs import BeliefUpdater
from s400.widgets.channels import ChannelCutter
from s400.widgets.lab import ReasoningLab, SensitivityPanel
from s400.widgets.leverage import LeverageMap
from s400.widgets.network import NetworkExplorer
from s400.widgets.quiz import ForecastQuiz
from s400.widgets.start import path_demo

__all__ = [
    "BeliefUpdater",
    "ChannelCutter",
    "ClaimExplorer",
    "ForecastQuiz",
    "LeverageMap",
    "NetworkExplorer",
    "ReasoningLab",
    "SensitivityPanel",
    "path_demo",
]
