"""The typed records of the evidence: dated events, sourced figures, the op-ed's predictions with
their verdicts, and Ankara's observed moves; and the partial dates they are given in.

Like the records of the argument (:mod:`s400.data.records`), one frozen dataclass per table,
whose fields its table's schema must have (:func:`s400.data.dataset.expected_fields`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """A dated event; ``date`` keeps the source's precision (YYYY, YYYY-MM or YYYY-MM-DD).

    Parameters
    ----------
    id : str
        A readable id ending with its year, such as ``f35_removal_2019``.
    date, end_date : str or None
        When it happened, and when a period ended (None for a single event).
    theme : str
        ``procurement``, ``us_relations``, ``nato``, ``russia``, ``energy``, ``economy`` or
        ``domestic``.
    event : str
        What happened, in the module's words.
    source, url : str or None
        The publishers and dates of its sources (always given), and a URL where known.
    confidence, check : str
        ``H`` or ``M`` (see data/README.md), and what the second-source check found.
    note : str or None
        Corrections, disagreements, caveats.

    Examples
    --------
    timeline.csv, line 30: ``f35_removal_2019,2019-07-17,,us_relations,...``

    >>> from s400.data import load
    >>> event = load().timeline["f35_removal_2019"]
    >>> event.date, event.end_date, event.theme
    ('2019-07-17', None, 'us_relations')
    """

    id: str
    date: str
    end_date: str | None
    theme: str
    event: str
    source: str
    url: str | None
    confidence: str
    check: str
    note: str | None

    @property
    def start(self) -> dt.date:
        """The first day the date could mean, for plotting on a time axis.

        Returns
        -------
        datetime.date
            :func:`parse_partial_date` of ``date``.

        Examples
        --------
        >>> from s400.data import load
        >>> load().timeline["f35_removal_2019"].start
        datetime.date(2019, 7, 17)
        """
        return parse_partial_date(self.date)


@dataclass(frozen=True)
class Figure:
    """A sourced number: either ``value``, or a range ``low``-``high``.

    Parameters
    ----------
    id : str
        A readable id, such as ``s400_price``.
    metric : str
        What is measured; rows measuring the same thing share it.
    year : str
        The year or period it is for.
    value : float or None
        The number, when the source gives one.
    low, high : float or None
        The ends of the range, when the source gives a range.
    unit : str
        Such as ``bn USD`` or ``%``.
    source, url : str or None
        The publishers and dates of its sources (always given), and a URL where known.
    confidence, check : str
        ``H`` or ``M`` (see data/README.md), and what the second-source check found.
    note : str or None
        Corrections, disagreements, caveats, how a derived number was derived.

    Examples
    --------
    figures.csv, line 28: ``f35_resourcing_cost,...,2019,,0.5,0.6,bn USD,...``, a range.

    >>> from s400.data import load
    >>> cost = load().figures["f35_resourcing_cost"]
    >>> cost.value, cost.low, cost.high, cost.unit
    (None, 0.5, 0.6, 'bn USD')
    """

    id: str
    metric: str
    year: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    source: str
    url: str | None
    confidence: str
    check: str
    note: str | None


@dataclass(frozen=True)
class Prediction:
    """A prediction of the op-ed as a dated, checkable statement, with its verdict.

    Parameters
    ----------
    id : str
        ``PR01`` to ``PRnn``.
    claims : tuple of str
        The ids of the claims it is drawn from (``C08;C09`` in the file).
    statement : str
        The prediction as a statement that can be checked.
    resolve_by : str
        When it is judged (the module's reading), YYYY, YYYY-MM or YYYY-MM-DD.
    condition : str or None
        The "if" of a conditional prediction.
    condition_status : str
        Whether that condition held: ``none`` (unconditional), ``met``, ``not_met``, ``contested``.
    verdict : str
        ``true``, ``partly``, ``false`` or ``untested``.
    verdict_source : str
        ``facts.md Part C`` (the fact sheet) or ``module judgement``.
    evidence : tuple of str
        The timeline and figure ids the verdict rests on.
    note : str or None
        How the verdict was reached, and any later context.

    Examples
    --------
    predictions.csv, line 2: ``PR01,C08,...,true,facts.md Part C,f35_removal_2019;caatsa_2020;...``

    >>> from s400.data import load
    >>> pr01 = load().predictions["PR01"]
    >>> pr01.claims, pr01.verdict, pr01.evidence[1]
    (('C08',), 'true', 'caatsa_2020')
    """

    id: str
    claims: tuple[str, ...]
    statement: str
    resolve_by: str
    condition: str | None
    condition_status: str
    verdict: str
    verdict_source: str
    evidence: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Move:
    """An observed move of Ankara's, with judged chances of it under two readings of the deal.

    Parameters
    ----------
    id : str
        ``M01`` to ``Mnn``, in date order.
    date : str
        When the move began, at the source's precision.
    move : str
        What Ankara did, in the module's words.
    evidence : tuple of str
        The timeline and figure ids it rests on.
    p_if_chip, p_if_realign : float
        Judgements, in [0.01, 0.99]: the chance of the move if the S-400 is a bargaining chip,
        and if the purchase marks a realignment towards Russia.
    note : str
        The reasoning behind the two chances.

    Examples
    --------
    moves.csv, line 2: ``M01,2019-11,...,0.4,0.8,...``: a realignment makes the move twice as
    likely as a chip does (0.8 / 0.4 = 2).

    >>> from s400.data import load
    >>> m01 = load().moves["M01"]
    >>> m01.p_if_realign / m01.p_if_chip, len(m01.evidence)
    (2.0, 3)
    """

    id: str
    date: str
    move: str
    evidence: tuple[str, ...]
    p_if_chip: float
    p_if_realign: float
    note: str


def parse_partial_date(text: str) -> dt.date:
    """The first day a date at the source's precision can mean.

    Parameters
    ----------
    text : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Returns
    -------
    datetime.date
        The date; a missing month or day is read as 1.

    Raises
    ------
    ValueError
        If the text is not a date in one of those forms, or not a calendar date (2019-02-30).

    Examples
    --------
    >>> parse_partial_date("2019-07")
    datetime.date(2019, 7, 1)
    >>> parse_partial_date("2019")
    datetime.date(2019, 1, 1)
    >>> parse_partial_date("2019-02-30")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    parts = [int(p) for p in text.split("-")]
    if len(parts) > 3:
        raise ValueError(f"not a date: {text!r}")
    return dt.date(*(parts + [1] * (3 - len(parts))))
