"""The typed records of the op-ed's argument and of the networks: one frozen dataclass per table.

These and the records of the evidence (:mod:`s400.data.evidence`) are the module's side of the
contract with ``datapackage.json``: a table's schema must have exactly its record's fields, with
the matching types (:func:`s400.data.dataset.expected_fields`), so that a notebook never meets a
number where it expects text. :mod:`s400.data.dataset` gathers them into the Dataset.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    """A claim of the op-ed, paraphrased, with where it comes from and who holds it.

    Parameters
    ----------
    id : str
        ``C01`` to ``Cnn``, in reading order.
    paragraph : str
        The op-ed paragraph it comes from, ``P1`` to ``P5``.
    kind : str
        What sort of claim it is: ``fact``, ``prediction``, ``normative_premise``, ...
    speaker : str
        Whose claim it is: ``author``, or ``Ankara`` or ``NATO`` as the author reports them.
    stated : bool
        False for a claim the reconstruction supplies and the op-ed only implies.
    hedge : str
        How firmly the op-ed commits to it: ``strong``, ``moderate``, ``weak`` or ``none``.
    condition, horizon : str or None
        The condition a conditional claim depends on, and the time frame the op-ed gives.
    text : str
        The claim in the module's own words.

    Examples
    --------
    claims.csv, line 9: ``C08,P2,prediction,author,true,moderate,,,The purchase will ...``

    >>> from s400.data import load
    >>> c08 = load().claims["C08"]
    >>> c08.paragraph, c08.kind, c08.stated, c08.hedge, c08.condition
    ('P2', 'prediction', True, 'moderate', None)
    """

    id: str
    paragraph: str
    kind: str
    speaker: str
    stated: bool
    hedge: str
    condition: str | None
    horizon: str | None
    text: str


@dataclass(frozen=True)
class ClaimLink:
    """An arrow of the argument map: ``source`` supports, qualifies or rebuts ``target``.

    Parameters
    ----------
    source, target : str
        The claim ids the arrow runs from and to.
    relation : str
        ``supports``, ``qualifies`` or ``rebuts``.

    Examples
    --------
    The first row of claim_links.csv (line 2) is ``C02,C08,supports``.

    >>> from s400.data import load
    >>> load().claim_links[0]
    ClaimLink(source='C02', target='C08', relation='supports')
    """

    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class Node:
    """A node of the influence network: a decision, factor, outcome or actor.

    Parameters
    ----------
    id : str
        A snake-case id, such as ``buy_s400``.
    label : str
        The readable name figures and tables show.
    type : str
        ``decision`` (an option Ankara had), ``factor`` (an intermediate cause), ``outcome``
        (something Turkey values) or ``actor`` (a government or institution).
    description : str
        What the node stands for, in a sentence or two.

    Examples
    --------
    nodes.csv, line 6: ``f35_place,Place in the F-35 programme,factor,...``

    >>> from s400.data import load
    >>> node = load().nodes["f35_place"]
    >>> node.label, node.type
    ('Place in the F-35 programme', 'factor')
    """

    id: str
    label: str
    type: str
    description: str


@dataclass(frozen=True)
class Edge:
    """A signed, weighted edge of the influence network, tied to its basis.

    Parameters
    ----------
    id : str
        ``E01`` to ``Ennn``.
    source, target : str
        The node ids it runs from and to.
    kind : str
        ``effect`` (a directed causal influence) or ``tie`` (an undirected channel between actors).
    sign : int
        +1: more of the source means more of the target, or a cooperative tie; -1: the opposite.
    weight : float
        Its strength in [0, 1]: a judgement, by the rule in data/README.md.
    layer : str
        ``political``, ``military``, ``economic``, ``financial`` or ``energy``.
    basis : str
        Where it comes from: ``op-ed``, ``evidence``, ``ankara`` or ``assumption``.
    claim, event, figure : str or None
        The ids of the op-ed claim, the timeline event and the figure behind it, where it has them.
    note : str or None
        Why the edge is there (required for an assumption).

    Examples
    --------
    edges.csv, line 5: ``E04,buy_s400,f35_place,effect,-1,0.9,military,evidence,,f35_remo...``;
    its empty ``claim`` cell reads as None.

    >>> from s400.data import load
    >>> e04 = next(edge for edge in load().edges if edge.id == "E04")
    >>> e04.target, e04.sign, e04.weight, e04.basis, e04.claim, e04.event
    ('f35_place', -1, 0.9, 'evidence', None, 'f35_removal_2019')
    """

    id: str
    source: str
    target: str
    kind: str
    sign: int
    weight: float
    layer: str
    basis: str
    claim: str | None
    event: str | None
    figure: str | None
    note: str | None


@dataclass(frozen=True)
class Alignment:
    """A signed relation between two actors at one moment (``before`` or ``after`` the purchase).

    Parameters
    ----------
    id : str
        ``A01`` to ``Ann``.
    period : str
        ``before`` (the Su-24 crisis, November 2015 to June 2016) or ``after`` (mid-2019).
    source, target : str
        The two actors' node ids (the relation has no direction).
    sign : int
        +1 friendly, -1 hostile: a reading of the relation as a whole.
    basis : str
        ``op-ed``, ``evidence`` or ``assumption``.
    claim, event : str or None
        The op-ed claim or the timeline event behind the sign.
    note : str or None
        Why the sign is what it is (required for an assumption).

    Examples
    --------
    alignments.csv, line 2: ``A01,before,us_gov,turkey_gov,1,op-ed,C13,,...``

    >>> from s400.data import load
    >>> a01 = load().alignments[0]
    >>> a01.period, a01.source, a01.target, a01.sign, a01.claim
    ('before', 'us_gov', 'turkey_gov', 1, 'C13')
    """

    id: str
    period: str
    source: str
    target: str
    sign: int
    basis: str
    claim: str | None
    event: str | None
    note: str | None
