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
    """W[j, i] = sign × weight of the edge j → i (0 where there is none); ``overrides`` replace weights.

    >>> g = nx.DiGraph([("a", "b", {"sign": -1, "weight": 0.5})])
    >>> weight_matrix(g, ["a", "b"]).tolist()
    [[0.0, -0.5], [0.0, 0.0]]
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

    >>> w = np.array([[0.0, 0.5], [0.0, 0.0]])
    >>> step(np.array([1.0, 0.0]), w, {0: 1.0}).round(4).tolist()
    [1.0, 0.4621]
    """
    new = squash(w.T @ state)
    for i, value in clamps.items():
        new[i] = value
    return new


@dataclass(frozen=True)
class Run:
    """The states of one run, row t is A(t), and how it ended."""

    nodes: tuple[str, ...]
    states: np.ndarray
    status: str  # "fixed point", "cycle" or "no convergence"
    period: int  # length of the cycle; 1 for a fixed point, 0 when neither was found

    @property
    def final(self) -> dict[str, float]:
        return {n: float(v) for n, v in zip(self.nodes, self.states[-1])}


def simulate(
    w: np.ndarray,
    nodes: Sequence[str],
    clamps: Mapping[str, float],
    max_steps: int = 100,
    tol: float = 1e-4,
    squash: Callable[[np.ndarray], np.ndarray] = np.tanh,
) -> Run:
    """Run the map from zero with ``clamps`` held, until a fixed point, a cycle or ``max_steps``.

    >>> run = simulate(np.array([[0.0, 0.5], [0.0, 0.0]]), ["a", "b"], {"a": 1.0})
    >>> run.status, len(run.states), round(run.final["b"], 4)
    ('fixed point', 3, 0.4621)
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
