"""The S-400 Decision: the small library behind the teaching module's notebooks.

Notebooks teach; this package computes. Each module holds pure, tested functions: ``paths`` finds
the data package and ``data`` loads and validates it; ``network`` builds and queries the influence
network, ``channels`` and ``balance`` the actors' ties (notebooks 04–05); ``reasoning`` is the
cost-benefit lab (with ``reasoning.ledgers``: which consequences each reading counts) and ``poll``
reads a class's exported scenarios; ``bayes`` updates beliefs on observed moves;
``interdependence`` and ``fcm`` model Russia's leverage; ``forecasting`` scores the op-ed's
predictions; ``plots`` and ``widgets`` show all of it, with ``cards`` (claims and edges) and
``readouts`` (result lines) for their text, and ``tables`` lays out the notebooks' tables;
``checks`` gives feedback, ``questions`` on the exercises and ``practice`` on the notebooks' own
"Your turn" cells. Grading is an instructor's tool, in the separate package ``s400_instructor``.
"""

__version__ = "0.1.0"
