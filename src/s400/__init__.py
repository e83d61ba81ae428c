"""The S-400 Decision: the small library behind the teaching module's notebooks.

Notebooks teach; this package computes. Each module holds pure, tested functions:
``data`` loads and validates the data package, ``network`` builds and queries the
influence network, ``interdependence`` and ``fcm`` model Russia's leverage, ``forecasting``
scores the op-ed's predictions.
"""

__version__ = "0.1.0"
