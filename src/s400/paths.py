"""Where the module's data package is, however the module was installed.

The data lives at the top of the repository, in data/, where instructors edit it. A wheel
(``pip install``, a JupyterHub, Colab) carries a copy inside the package, ``s400/_data``, put
there at build time (setup.py), and read here with :mod:`importlib.resources`. A source
checkout (``make setup`` installs it editable) has no copy and reads data/ in place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

#: The variable that points the module at another data folder (an instructor's adapted copy).
DATA_DIR_VARIABLE = "S400_DATA_DIR"


def data_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The folder holding the data package: datapackage.json, the CSV files and scenarios/.

    Parameters
    ----------
    environ : mapping, optional
        The environment to read ``S400_DATA_DIR`` from (default: the process's).

    Returns
    -------
    Path
        The first of: the folder ``S400_DATA_DIR`` names, when it is set and not empty; the copy
        shipped inside the installed package (a wheel); the repository's data/ (a checkout).
        The folder is not checked: :func:`s400.data.load` says what is missing from it.

    Examples
    --------
    >>> data_dir({"S400_DATA_DIR": "course/data"}).parts
    ('course', 'data')
    >>> (data_dir({}) / "datapackage.json").is_file()
    True
    """
    if environ.get(DATA_DIR_VARIABLE):
        return Path(environ[DATA_DIR_VARIABLE])
    shipped = files("s400") / "_data"
    # A wheel unpacked on disk gives a real folder; only a zipped install would not.
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "data"


#: Where the data lives unless S400_DATA_DIR says otherwise.
DEFAULT_DATA_DIR = data_dir({})
