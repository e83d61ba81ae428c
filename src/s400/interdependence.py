"""Asymmetric interdependence (Keohane and Nye, *Power and Interdependence*, 1977), in numbers.

For each channel that ties Turkey to Russia (gas, the Akkuyu plant, TurkStream, tourism, trade):

- **sensitivity** is how exposed a side is while policies stay as they are: here a share in [0, 1]
  (Russia's share of Turkish gas imports, Russians' share of foreign arrivals, ...);
- **vulnerability** is what is left once a side adapts: exposure × (1 − substitutability), where
  substitutability in [0, 1] says how much of the exposure could be replaced.

The **dependence-asymmetry index** is this module's construction, not Keohane and Nye's:

    A = (D_Turkey − D_Russia) / (D_Turkey + D_Russia),  D_side = Σ_c weight_c × dependence_side,c

It lies in [−1, 1]: +1 means only Turkey depends, −1 only Russia, 0 even. Computed on exposures
it is the sensitivity asymmetry; on exposure × (1 − substitutability) the vulnerability asymmetry.

Only Turkey's exposures come from the data (figures.csv). The sources give no shares for Russia's
side, and substitutability is never measured: those numbers are judgements, each with its reason
below, for students to change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from s400.data import Dataset


def vulnerability(exposure: float, substitutability: float) -> float:
    """What remains of an exposure after adapting: exposure × (1 − substitutability).

    Parameters
    ----------
    exposure : float
        The share a side depends on, in [0, 1] (its sensitivity).
    substitutability : float
        How much of the exposure could be replaced, in [0, 1].

    Returns
    -------
    float
        The vulnerability, rounded to 12 places.

    Examples
    --------
    >>> vulnerability(0.4, 0.25)  # 0.4 x 0.75
    0.3
    >>> vulnerability(0.4, 1.0)  # fully replaceable: nothing left
    0.0
    """
    return round(exposure * (1 - substitutability), 12)


def asymmetry_index(
    own: Sequence[float], partner: Sequence[float], weights: Sequence[float] | None = None
) -> float:
    """The dependence-asymmetry index: (D_own − D_partner) / (D_own + D_partner).

    Parameters
    ----------
    own : sequence of float
        One side's dependence on each channel.
    partner : sequence of float
        The other side's dependence on the same channels, in the same order.
    weights : sequence of float, optional
        Each channel's weight; all 1 by default.

    Returns
    -------
    float
        The index in [−1, 1], with D = Σ weight × dependence, rounded to 12 places: +1 when only
        ``own`` depends, −1 when only ``partner`` does, 0 when even or when both D are 0.

    Raises
    ------
    ValueError
        If the three sequences differ in length.

    Examples
    --------
    >>> asymmetry_index([0.3, 0.1], [0.1, 0.1])  # (0.4 − 0.2) / (0.4 + 0.2) = 1/3
    0.333333333333
    >>> asymmetry_index([0.3, 0.1], [0.1, 0.1], weights=[0.0, 1.0])  # (0.1 − 0.1) / 0.2
    0.0
    >>> asymmetry_index([0.5], [0.0]), asymmetry_index([0.0], [0.0])  # 0.5 / 0.5; nobody depends
    (1.0, 0.0)
    >>> asymmetry_index([0.5], [0.1, 0.2])
    Traceback (most recent call last):
    ...
    ValueError: need one value per channel on each side: 1, 2, 1
    """
    weights = [1.0] * len(own) if weights is None else list(weights)
    if not len(own) == len(partner) == len(weights):
        raise ValueError(
            f"need one value per channel on each side: {len(own)}, {len(partner)}, {len(weights)}"
        )
    mine = sum(w * d for w, d in zip(weights, own, strict=True))
    theirs = sum(w * d for w, d in zip(weights, partner, strict=True))
    return 0.0 if mine + theirs == 0 else round((mine - theirs) / (mine + theirs), 12)


@dataclass(frozen=True)
class Dependence:
    """One tie between Turkey and Russia: Turkey's exposure from the data, the rest judgements.

    Parameters
    ----------
    name : str
        The channel ("gas", "Akkuyu", ...).
    turkey_exposure : float or None
        Turkey's sensitivity, a share in [0, 1]; None when the sources give no share.
    exposure_basis : str
        Which figures the exposure comes from, and how.
    turkey_substitutability : float
        How much of Turkey's exposure could be replaced, in [0, 1] (a judgement).
    russia_exposure : float
        Russia's sensitivity, in [0, 1] (a judgement: the sources give no share).
    russia_substitutability : float
        How much of Russia's exposure could be replaced, in [0, 1] (a judgement).
    judgement : str
        The reasons for the judged numbers.
    weight : float, default 1.0
        The channel's weight in the asymmetry index.

    Examples
    --------
    >>> gas = Dependence("gas", 0.4, "a share", 0.5, 0.2, 0.25, "guesses")
    >>> gas.turkey_vulnerability, gas.russia_vulnerability  # 0.4 x 0.5; 0.2 x 0.75
    (0.2, 0.15)
    """

    name: str
    turkey_exposure: float | None  # None: the sources give no share
    exposure_basis: str
    turkey_substitutability: float
    russia_exposure: float
    russia_substitutability: float
    judgement: str
    weight: float = 1.0

    @property
    def turkey_vulnerability(self) -> float:
        """Turkey's exposure × (1 − its substitutability); 0 when the exposure is unknown.

        Examples
        --------
        >>> Dependence("gas", 0.5, "", 0.2, 0.0, 0.0, "").turkey_vulnerability  # 0.5 x 0.8
        0.4
        >>> Dependence("trade", None, "", 0.0, 0.0, 0.0, "").turkey_vulnerability
        0.0
        """
        return vulnerability(self.turkey_exposure or 0.0, self.turkey_substitutability)

    @property
    def russia_vulnerability(self) -> float:
        """Russia's exposure × (1 − its substitutability).

        Examples
        --------
        >>> Dependence("gas", None, "", 0.0, 0.3, 0.5, "").russia_vulnerability  # 0.3 x 0.5
        0.15
        """
        return vulnerability(self.russia_exposure, self.russia_substitutability)


def dependences(data: Dataset) -> list[Dependence]:
    """The five channels of dependence, Turkey's exposures read (or derived) from figures.csv.

    Parameters
    ----------
    data : Dataset
        The loaded data package, for its figures.

    Returns
    -------
    list of Dependence
        Gas, Akkuyu, TurkStream, tourism and trade, with the judged numbers and their reasons.

    Raises
    ------
    ValueError
        If a figure used is given as a range, without a single value.

    Examples
    --------
    From figures.csv: gas_share_russia_2023 42.27 % → 0.4227; akkuyu_power_share 10 % → 0.1;
    turkstream_capacity / gas_imports_total_2023 = 31.5 / 50.48 = 0.62401 → 0.624 (4 places);
    russian_visitors_share_2024 12.8 % → 0.128; trade has no share.

    >>> from s400.data import load
    >>> [(c.name, c.turkey_exposure) for c in dependences(load())]
    [('gas', 0.4227), ('Akkuyu', 0.1), ('TurkStream', 0.624), ('tourism', 0.128), ('trade', None)]
    """
    gas_share = _value(data, "gas_share_russia_2023") / 100
    turkstream = round(
        _value(data, "turkstream_capacity") / _value(data, "gas_imports_total_2023"), 4
    )
    return [
        Dependence(
            "gas",
            gas_share,
            "gas_share_russia_2023: Russia's share of Turkish gas imports, 2023",
            0.5,
            0.2,
            0.3,
            "Judgements. Turkey: Gazprom's deliveries fell 35% in 2019 "
            "(gazprom_deliveries_change_2019), so about a third could be replaced within a year; "
            "0.5 allows for more over time. Russia: the sources give no share of Russian exports; "
            "Moscow's own offer of a gas hub in Turkey (Oct 2022) suggests it wants the outlet.",
        ),
        Dependence(
            "Akkuyu",
            _value(data, "akkuyu_power_share") / 100,
            "akkuyu_power_share: projected share of Turkish electricity (no unit generates yet)",
            0.2,
            0.2,
            0.1,
            "Judgements. Turkey: a Rosatom-owned plant is hard to replace once it runs. Russia: "
            "an investment in Turkey that cannot be moved: about $20bn in 2018 (akkuyu_cost), "
            "$24–25bn at current prices by Rosatom's own account (akkuyu_cost_likhachev).",
        ),
        Dependence(
            "TurkStream",
            turkstream,
            "turkstream_capacity / gas_imports_total_2023: capacity, not flow, as a share of 2023 "
            "imports; overlaps the gas channel",
            0.5,
            0.3,
            0.2,
            "Judgements. Turkey: as for gas. Russia: the pipeline needs Turkey as its landfall; "
            "the sources give no share of Russia's exports through it.",
        ),
        Dependence(
            "tourism",
            _value(data, "russian_visitors_share_2024") / 100,
            "russian_visitors_share_2024: Russians' share of foreign arrivals, 2024",
            0.3,
            0.1,
            0.5,
            "Judgements. Turkey: in 2016 Russian arrivals fell from 3.65m to about 0.82–0.87m "
            "(a tourism shrinkage of at least $5bn was expected). Russia: the sources give no "
            "share of Russians' travel abroad; its tourists can go elsewhere.",
        ),
        Dependence(
            "trade",
            None,
            "not computable: the sources give bilateral trade ($62–70bn in 2022, tr_ru_trade_2022) "
            "but not either side's total trade, so no share",
            0.0,
            0.0,
            0.0,
            "Left out of the index until someone finds the totals.",
        ),
    ]


def dependence_asymmetry(chans: Sequence[Dependence]) -> dict[str, float]:
    """The sensitivity and the vulnerability asymmetry over the channels with a Turkish exposure.

    Parameters
    ----------
    chans : sequence of Dependence
        The channels; one whose Turkish exposure is None is left out.

    Returns
    -------
    dict
        ``{"sensitivity": index, "vulnerability": index}``, each from :func:`asymmetry_index`
        with the channels' weights.

    Examples
    --------
    Channel a: sensitivity (0.4 − 0.2) / (0.4 + 0.2) = 1/3; vulnerability Turkey 0.4 x 0.5 = 0.2,
    Russia 0.2 x 1 = 0.2, so 0. Channel b has no Turkish exposure and does not count.

    >>> toy = [
    ...     Dependence("a", 0.4, "", 0.5, 0.2, 0.0, ""),
    ...     Dependence("b", None, "", 0.9, 0.9, 0.0, ""),
    ... ]
    >>> dependence_asymmetry(toy)
    {'sensitivity': 0.333333333333, 'vulnerability': 0.0}

    The real data (exposures as in :func:`dependences`): Turkey's sensitivities sum to
    0.4227 + 0.1 + 0.624 + 0.128 = 1.2747, Russia's judged ones to 0.2 + 0.2 + 0.3 + 0.1 = 0.8:
    0.4747 / 2.0747 ≈ 0.229. Vulnerabilities: Turkey 0.4227 x 0.5 + 0.1 x 0.8 + 0.624 x 0.5
    + 0.128 x 0.7 = 0.69295, Russia 0.2 x 0.7 + 0.2 x 0.9 + 0.3 x 0.8 + 0.1 x 0.5 = 0.61:
    0.08295 / 1.30295 ≈ 0.064.

    >>> from s400.data import load
    >>> {k: round(v, 3) for k, v in dependence_asymmetry(dependences(load())).items()}
    {'sensitivity': 0.229, 'vulnerability': 0.064}
    """
    used = [(c, exposure) for c in chans if (exposure := c.turkey_exposure) is not None]
    weights = [c.weight for c, _ in used]
    return {
        "sensitivity": asymmetry_index(
            [exposure for _, exposure in used], [c.russia_exposure for c, _ in used], weights
        ),
        "vulnerability": asymmetry_index(
            [c.turkey_vulnerability for c, _ in used],
            [c.russia_vulnerability for c, _ in used],
            weights,
        ),
    }


def with_judgement(chans: Sequence[Dependence], name: str, **changes: float) -> list[Dependence]:
    """A copy of the channels with one channel's judgements changed (for "what if" questions).

    Parameters
    ----------
    chans : sequence of Dependence
        The channels; they are not changed.
    name : str
        The name of the channel to change.
    **changes : float
        New values of that channel's numeric fields, e.g. ``russia_exposure=0.5``.

    Returns
    -------
    list of Dependence
        The channels in the same order, the named one replaced by a changed copy.

    Raises
    ------
    KeyError
        If no channel has that name.
    TypeError
        If a change names a field that a Dependence does not have.

    Examples
    --------
    >>> toy = [Dependence("a", 0.4, "", 0.5, 0.2, 0.0, ""), Dependence("b", 0.1, "", 0, 0, 0, "")]
    >>> changed = with_judgement(toy, "a", weight=0.0, russia_exposure=0.3)
    >>> changed[0].weight, changed[0].russia_exposure, changed[1] is toy[1], toy[0].weight
    (0.0, 0.3, True, 1.0)
    >>> with_judgement(toy, "c", weight=0.0)
    Traceback (most recent call last):
    ...
    KeyError: "no channel named 'c'; the channels are ['a', 'b']"
    """
    if name not in {c.name for c in chans}:
        raise KeyError(f"no channel named {name!r}; the channels are {[c.name for c in chans]}")
    # replace() checks the field names and mypy cannot type keyword arguments chosen at run time.
    fields: dict[str, Any] = changes
    return [replace(c, **fields) if c.name == name else c for c in chans]


def _value(data: Dataset, figure: str) -> float:
    """A figure's single value; a figure given only as a range has none to divide."""
    value = data.figures[figure].value
    if value is None:
        raise ValueError(f"figures.csv, {figure}: the value is empty (a range is not enough here)")
    return value
