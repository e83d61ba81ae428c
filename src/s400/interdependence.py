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

from s400.data import Dataset


def vulnerability(exposure: float, substitutability: float) -> float:
    """What remains of an exposure after adapting: exposure × (1 − substitutability).

    >>> vulnerability(0.4, 0.25)
    0.3
    """
    return round(exposure * (1 - substitutability), 12)


def asymmetry_index(
    own: Sequence[float], partner: Sequence[float], weights: Sequence[float] | None = None
) -> float:
    """(D_own − D_partner) / (D_own + D_partner) with D = Σ weight × dependence; 0 when both are 0.

    >>> asymmetry_index([0.3, 0.1], [0.1, 0.1])
    0.333333333333
    >>> asymmetry_index([0.3, 0.1], [0.1, 0.1], weights=[0.0, 1.0])
    0.0
    """
    weights = [1.0] * len(own) if weights is None else list(weights)
    if not len(own) == len(partner) == len(weights):
        raise ValueError(
            f"need one value per channel on each side: {len(own)}, {len(partner)}, {len(weights)}"
        )
    mine = sum(w * d for w, d in zip(weights, own))
    theirs = sum(w * d for w, d in zip(weights, partner))
    return 0.0 if mine + theirs == 0 else round((mine - theirs) / (mine + theirs), 12)


@dataclass(frozen=True)
class Dependence:
    """One tie between Turkey and Russia: Turkey's exposure from the data, the rest judgements."""

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
        return vulnerability(self.turkey_exposure or 0.0, self.turkey_substitutability)

    @property
    def russia_vulnerability(self) -> float:
        return vulnerability(self.russia_exposure, self.russia_substitutability)


def dependences(data: Dataset) -> list[Dependence]:
    """The five channels of dependence, Turkey's exposures read (or derived) from figures.csv.

    >>> from s400.data import load
    >>> [(c.name, c.turkey_exposure) for c in dependences(load())][:2]
    [('gas', 0.4227), ('Akkuyu', 0.1)]
    """
    f = data.figures
    gas_share = f["gas_share_russia_2023"].value / 100
    turkstream = round(f["turkstream_capacity"].value / f["gas_imports_total_2023"].value, 4)
    return [
        Dependence(
            "gas",
            gas_share,
            "gas_share_russia_2023: Russia's share of Turkish gas imports, 2023",
            0.5,
            0.2,
            0.3,
            "Judgements. Turkey: Gazprom's deliveries fell 35% in 2019 (gazprom_deliveries_change_2019), "
            "so about a third could be replaced within a year; 0.5 allows for more over time. Russia: the "
            "sources give no share of Russian exports; Moscow's own offer of a gas hub in Turkey (Oct 2022) "
            "suggests it wants the outlet.",
        ),
        Dependence(
            "Akkuyu",
            f["akkuyu_power_share"].value / 100,
            "akkuyu_power_share: projected share of Turkish electricity (no unit generates yet)",
            0.2,
            0.2,
            0.1,
            "Judgements. Turkey: a Rosatom-owned plant is hard to replace once it runs. Russia: "
            "an investment in Turkey that cannot be moved: about $20bn in 2018 (akkuyu_cost), $24–25bn "
            "at current prices by Rosatom's own account (akkuyu_cost_likhachev).",
        ),
        Dependence(
            "TurkStream",
            turkstream,
            "turkstream_capacity / gas_imports_total_2023: capacity, not flow, as a share of 2023 "
            "imports; overlaps the gas channel",
            0.5,
            0.3,
            0.2,
            "Judgements. Turkey: as for gas. Russia: the pipeline needs Turkey as its landfall; the "
            "sources give no share of Russia's exports through it.",
        ),
        Dependence(
            "tourism",
            f["russian_visitors_share_2024"].value / 100,
            "russian_visitors_share_2024: Russians' share of foreign arrivals, 2024",
            0.3,
            0.1,
            0.5,
            "Judgements. Turkey: in 2016 Russian arrivals fell from 3.65m to about 0.82–0.87m (a tourism "
            "shrinkage of at least $5bn was expected). Russia: the sources give no share of Russians' "
            "travel abroad; its tourists can go elsewhere.",
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
    """The sensitivity and the vulnerability asymmetry over the channels with a Turkish exposure
    (a channel whose exposure is None is left out).

    >>> toy = [Dependence("a", 0.4, "", 0.5, 0.2, 0.0, ""), Dependence("b", None, "", 0.9, 0.9, 0.0, "")]
    >>> dependence_asymmetry(toy)
    {'sensitivity': 0.333333333333, 'vulnerability': 0.0}
    """
    used = [c for c in chans if c.turkey_exposure is not None]
    weights = [c.weight for c in used]
    return {
        "sensitivity": asymmetry_index(
            [c.turkey_exposure for c in used], [c.russia_exposure for c in used], weights
        ),
        "vulnerability": asymmetry_index(
            [c.turkey_vulnerability for c in used], [c.russia_vulnerability for c in used], weights
        ),
    }


def with_judgement(chans: Sequence[Dependence], name: str, **changes: float) -> list[Dependence]:
    """A copy of the channels with one channel's judgements changed (for "what if" questions).

    >>> toy = [Dependence("a", 0.4, "", 0.5, 0.2, 0.0, "")]
    >>> with_judgement(toy, "a", weight=0.0)[0].weight
    0.0
    """
    if name not in {c.name for c in chans}:
        raise KeyError(f"no channel named {name!r}; the channels are {[c.name for c in chans]}")
    return [replace(c, **changes) if c.name == name else c for c in chans]
