"""A fuzzy cognitive map (Kosko 1986) over the influence network, in plain numpy.

Concepts are the network's nodes, each with an activation in [−1, 1] (−1 strongly down, +1
strongly up, 0 unchanged). Edge j → i has the signed weight w_ji = sign × weight. One step is

    A_i(t+1) = tanh( Σ_j w_ji A_j(t) )

and a **clamped** concept is held at its value every step (it is the scenario's input). The map
runs from all-zero until no concept moves by more than ``tol`` (a fixed point), until a state
repeats (a cycle), or until ``max_steps``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np


def weight_matrix(
    graph: nx.DiGraph,
    nodes: Sequence[str],
    overrides: Mapping[tuple[str, str], float] | None = None,
) -> np.ndarray:
    """The map's signed weights: W[j, i] = sign × weight of the edge j → i, 0 where there is none.

    Parameters
    ----------
    graph : networkx.DiGraph
        The network; each edge has a ``sign`` (+1 or -1) and a ``weight``.
    nodes : sequence of str
        The concepts in the order of the matrix's rows and columns; must include every node
        that an edge of ``graph`` touches.
    overrides : mapping of (str, str) to float, optional
        Weights that replace the network's own, keyed by edge (source, target); the sign stays.

    Returns
    -------
    numpy.ndarray
        A ``len(nodes)`` x ``len(nodes)`` matrix of floats, row = source, column = target.

    Raises
    ------
    KeyError
        If an edge of ``graph`` touches a node that is not in ``nodes``.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b", {"sign": -1, "weight": 0.5})])
    >>> weight_matrix(g, ["a", "b"]).tolist()  # row a, column b: -1 x 0.5
    [[0.0, -0.5], [0.0, 0.0]]
    >>> weight_matrix(g, ["b", "a"], {("a", "b"): 0.2}).tolist()  # row a is now row 1: -1 x 0.2
    [[0.0, 0.0], [-0.2, 0.0]]
    """
    index = {n: i for i, n in enumerate(nodes)}
    overrides = overrides or {}
    w = np.zeros((len(nodes), len(nodes)))
    for u, v, data in graph.edges(data=True):
        w[index[u], index[v]] = data["sign"] * overrides.get((u, v), data["weight"])
    return w


def step(
    state: np.ndarray,
    w: np.ndarray,
    clamps: Mapping[int, float],
    squash: Callable[[np.ndarray], np.ndarray] = np.tanh,
) -> np.ndarray:
    """One update: squash(Wᵀ·A), then reset the clamped concepts.

    Parameters
    ----------
    state : numpy.ndarray
        The activations A(t), one per concept.
    w : numpy.ndarray
        The weight matrix, as from :func:`weight_matrix`.
    clamps : mapping of int to float
        The concepts held fixed, by index, and the value each is held at.
    squash : callable, default numpy.tanh
        The function that keeps activations in range, applied elementwise.

    Returns
    -------
    numpy.ndarray
        The activations A(t + 1); ``state`` is not changed.

    Examples
    --------
    Concept 1 receives 0.5 x 1.0 from concept 0: tanh(0.5) = (e − 1) / (e + 1) = 1.71828 /
    3.71828 ≈ 0.4621. Concept 0 receives nothing, tanh(0) = 0, but it is clamped at 1.

    >>> w = np.array([[0.0, 0.5], [0.0, 0.0]])
    >>> step(np.array([1.0, 0.0]), w, {0: 1.0}).round(4).tolist()
    [1.0, 0.4621]
    >>> step(np.array([1.0, 0.0]), w, {}, squash=np.sign).tolist()  # sign(0), sign(0.5)
    [0.0, 1.0]
    """
    new = squash(w.T @ state)
    for i, value in clamps.items():
        new[i] = value
    return new


@dataclass(frozen=True)
class Run:
    """The states of one run, row t is A(t), and how it ended.

    Parameters
    ----------
    nodes : tuple of str
        The concepts, in the order of the states' columns.
    states : numpy.ndarray
        One row per step, from the start A(0) to the last state computed.
    status : str
        "fixed point", "cycle" or "no convergence".
    period : int
        The length of the cycle; 1 for a fixed point, 0 when neither was found.

    Examples
    --------
    >>> run = Run(("a", "b"), np.array([[1.0, 0.0], [1.0, -0.5]]), "fixed point", 1)
    >>> run.final  # the last row, by concept
    {'a': 1.0, 'b': -0.5}
    """

    nodes: tuple[str, ...]
    states: np.ndarray
    status: str  # "fixed point", "cycle" or "no convergence"
    period: int  # length of the cycle; 1 for a fixed point, 0 when neither was found

    @property
    def final(self) -> dict[str, float]:
        """The last state, each concept's activation by name.

        Examples
        --------
        >>> Run(("a",), np.array([[0.0], [0.25], [0.5]]), "no convergence", 0).final
        {'a': 0.5}
        """
        return {n: float(v) for n, v in zip(self.nodes, self.states[-1], strict=True)}


def simulate(
    w: np.ndarray,
    nodes: Sequence[str],
    clamps: Mapping[str, float],
    max_steps: int = 100,
    tol: float = 1e-4,
    squash: Callable[[np.ndarray], np.ndarray] = np.tanh,
) -> Run:
    """Run the map from zero with ``clamps`` held, until a fixed point, a cycle or ``max_steps``.

    Parameters
    ----------
    w : numpy.ndarray
        The weight matrix, as from :func:`weight_matrix`.
    nodes : sequence of str
        The concepts, in the order of ``w``'s rows and columns.
    clamps : mapping of str to float
        The concepts held fixed, by name, and the value each is held at (also its start).
    max_steps : int, default 100
        The most updates to make.
    tol : float, default 1e-4
        Two states are the same when no concept differs by as much as this.
    squash : callable, default numpy.tanh
        The function that keeps activations in range, applied elementwise.

    Returns
    -------
    Run
        Every state from the start, the status and, for a cycle, its period.

    Raises
    ------
    KeyError
        If a clamped concept is not in ``nodes``.

    Examples
    --------
    a is held at 1 and feeds b with weight 0.5: b becomes tanh(0.5) ≈ 0.4621 (see :func:`step`)
    after one step, and the second step changes nothing. Three states: the start and two steps.

    >>> run = simulate(np.array([[0.0, 0.5], [0.0, 0.0]]), ["a", "b"], {"a": 1.0})
    >>> run.status, len(run.states), round(run.final["b"], 4)
    ('fixed point', 3, 0.4621)

    A cycle: c (held at 1) pushes a up, a pushes b up, b pushes a down. With ``numpy.sign``
    as the squash, (c, a, b) goes (1, 0, 0) → (1, 1, 0) → (1, 1, 1) → (1, 0, 1) → (1, 0, 0):
    step 4 is the start again, a cycle of period 4 found after 5 states.

    >>> w = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]])
    >>> run = simulate(w, ["c", "a", "b"], {"c": 1.0}, squash=np.sign)
    >>> run.status, run.period, len(run.states)
    ('cycle', 4, 5)
    >>> simulate(w, ["c", "a", "b"], {"c": 1.0}, max_steps=3, squash=np.sign).status
    'no convergence'
    >>> simulate(w, ["c", "a", "b"], {"d": 1.0})
    Traceback (most recent call last):
    ...
    KeyError: "cannot clamp ['d']: not concepts of the map"
    """
    unknown = set(clamps) - set(nodes)
    if unknown:
        raise KeyError(f"cannot clamp {sorted(unknown)}: not concepts of the map")
    held = {list(nodes).index(n): v for n, v in clamps.items()}
    state = np.zeros(len(nodes))
    for i, v in held.items():
        state[i] = v
    states = [state]
    for _ in range(max_steps):
        state = step(state, w, held, squash)
        if np.max(np.abs(state - states[-1])) < tol:
            states.append(state)
            return Run(tuple(nodes), np.array(states), "fixed point", 1)
        for back, earlier in enumerate(reversed(states[:-1]), start=2):
            if np.max(np.abs(state - earlier)) < tol:
                states.append(state)
                return Run(tuple(nodes), np.array(states), "cycle", back)
        states.append(state)
    return Run(tuple(nodes), np.array(states), "no convergence", 0)
