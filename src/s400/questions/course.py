"""The data and the lab, loaded once and shared by every check of the exercises and notebooks."""

from __future__ import annotations

from functools import cache

from s400.data import Dataset, load
from s400.reasoning import Lab


@cache
def course_data() -> Dataset:
    """The data package, loaded once for every check.

    Returns
    -------
    Dataset
        The validated data in data/.

    Examples
    --------
    >>> course_data() is course_data()
    True
    """
    return load()


@cache
def course_lab() -> Lab:
    """The reasoning lab built from the data, once for every check.

    Returns
    -------
    Lab
        The model of notebook 03.

    Examples
    --------
    >>> course_lab().prices["buy_s400"]
    2.5
    """
    return Lab(course_data())
