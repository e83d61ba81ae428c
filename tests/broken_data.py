"""A bank of broken data folders, the kinds instructors' editors and spreadsheets produce.

Each case breaks a private copy of data/ in one way and returns the problems s400.data must
report for it, written out by hand (line numbers are looked up in the copy). A case returning []
is a variation that must load. This file holds the helpers and the cases of bytes and paths;
broken_descriptor.py those of datapackage.json, broken_tables.py those of rows, cells, keys and
rules. Both test_data.py (the messages) and test_data_frictionless.py (agreement with
`frictionless validate`) run every case.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

Case = Callable[[Path], list[str]]
CASES: dict[str, Case] = {}
FIX = "Fix {}, then load the data again (data/README.md explains every column)."
SAVE = 'save the file as "CSV UTF-8" in Excel, or with the encoding UTF-8 elsewhere'
TABLES = "claims, claim_links, nodes, edges, timeline, figures, predictions, alignments, moves"
# Who cites whom (datapackage.json's foreign keys, and the ';' lists s400.data checks), to count
# by hand the references that wait on a table that cannot be read.
CITES = {
    "claims": [("claim_links", "source"), ("claim_links", "target"), ("edges", "claim"),
               ("alignments", "claim"), ("predictions", "claims")],
    "nodes": [("edges", "source"), ("edges", "target"), ("alignments", "source"),
              ("alignments", "target")],
}  # fmt: skip


def case(function: Case) -> Case:
    CASES[function.__name__] = function
    return function


# --- helpers -----------------------------------------------------------------------------


def rows_of(folder: Path, file: str) -> list[list[str]]:
    with (folder / file).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(folder: Path, file: str, rows: list[list[str]], delimiter: str = ",") -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    (folder / file).write_text(out.getvalue(), encoding="utf-8")


def edit_csv(folder: Path, file: str, row_id: str, field: str, value: str) -> int:
    """Set one cell (the row whose first cell is row_id); return its line number."""
    rows = rows_of(folder, file)
    column = rows[0].index(field)
    for index, row in enumerate(rows):
        if row[0] == row_id:
            row[column] = value
            write_rows(folder, file, rows)
            return index + 1
    raise AssertionError(f"{row_id} not in {file}")


def line_of(folder: Path, file: str, text: str) -> int:
    """The first line of the file holding ``text``."""
    lines = (folder / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def edit_descriptor(folder: Path, change: Callable[[dict], object]) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def field_of(descriptor: dict, table: str, name: str) -> dict:
    return next(f for f in resource(descriptor, table)["schema"]["fields"] if f["name"] == name)


def waiting(folder: Path, table: str) -> str:
    """How many references wait on ``table``, counted with the csv module."""
    count, files = 0, set()
    for file, column in CITES[table]:
        for row in csv.DictReader((folder / f"{file}.csv").open(encoding="utf-8", newline="")):
            items = [i for i in row[column].split(";") if i]
            count += len(items)
            files |= {f"{file}.csv"} if items else set()
    return f"the {count} references to {table} in {len(files)} files ({', '.join(sorted(files))})"


# --- bytes ----------------------------------------------------------------------------------


@case
def latin1_csv(folder: Path) -> list[str]:
    """Excel's plain "CSV" saves Windows-1252: "ü" is the one byte 0xFC."""
    path = folder / "claims.csv"
    line = line_of(folder, "claims.csv", "Turkish–American")
    path.write_bytes(path.read_bytes().replace("Turkish–".encode(), b"T\xfcrkiye-"))
    return [
        f'claims.csv, line {line}: byte 0xFC ("ü" in Windows-1252, Excel\'s plain "CSV") is not '
        f"UTF-8: {SAVE}"
    ]


@case
def utf16_csv(folder: Path) -> list[str]:
    """Excel's "Unicode text"."""
    path = folder / "nodes.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    return [
        f"nodes.csv, line 1: is saved as UTF-16: {SAVE}",
        f"nodes.csv, line 1: {waiting(folder, 'nodes')} cannot be checked until it can be read "
        "as text",
    ]


@case
def bom_csv(folder: Path) -> list[str]:
    """Excel's "CSV UTF-8" starts the file with a byte-order mark: fine."""
    path = folder / "claims.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return []


@case
def crlf_csv(folder: Path) -> list[str]:
    """Windows line ends: fine."""
    path = folder / "edges.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return []


@case
def utf16_without_bom_csv(folder: Path) -> list[str]:
    """UTF-16 with no byte-order mark: every other byte is NUL."""
    path = folder / "moves.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    return [f"moves.csv, line 1: holds NUL bytes, so it is not a text file: {SAVE}"]


@case
def bom_descriptor(folder: Path) -> list[str]:
    path = folder / "datapackage.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return [
        "datapackage.json, line 1: starts with a byte-order mark (BOM), which JSON does not "
        "allow: save it as UTF-8 without a BOM"
    ]


@case
def latin1_descriptor(folder: Path) -> list[str]:
    path = folder / "datapackage.json"
    line = line_of(folder, "datapackage.json", "Turkey's purchase")
    path.write_bytes(path.read_bytes().replace(b"Turkey's", b"T\xfcrkiye's"))
    return [
        f'datapackage.json, line {line}: byte 0xFC ("ü" in Windows-1252, Excel\'s plain "CSV") '
        f"is not UTF-8: {SAVE}"
    ]


# --- paths ----------------------------------------------------------------------------------


def _path_case(path: str, why: str) -> Case:
    def breaks(folder: Path) -> list[str]:
        edit_descriptor(folder, lambda d: resource(d, "nodes").update(path=path))
        line = line_of(folder, "datapackage.json", '"name": "nodes"')
        return [
            f'datapackage.json, line {line}: resource "nodes": path "{path}" {why}',
            f"datapackage.json: {waiting(folder, 'nodes')} cannot be checked until the path of "
            '"nodes" is fixed',
        ]

    return breaks


CASES["path_absolute"] = _path_case(
    "/etc/passwd", 'leaves the data folder: give the name of a file in it, such as "claims.csv"'
)
CASES["path_up_and_out"] = _path_case(
    "../data/nodes.csv",
    'leaves the data folder: give the name of a file in it, such as "claims.csv"',
)
CASES["path_a_web_address"] = _path_case(
    "http://127.0.0.1:9/nodes.csv",
    "is a web or file address: s400.data reads only files in the data folder",
)


@case
def path_a_link_out(folder: Path) -> list[str]:
    """A link inside the folder to a file outside it (here a copy beside the folder)."""
    outside = folder.parent / "elsewhere.csv"
    outside.write_bytes((folder / "nodes.csv").read_bytes())
    (folder / "nodes.csv").unlink()
    (folder / "nodes.csv").symlink_to(outside)
    line = line_of(folder, "datapackage.json", '"name": "nodes"')
    return [
        f'datapackage.json, line {line}: resource "nodes": path "nodes.csv" is a link to a file '
        "outside the data folder: copy the file into the folder instead",
        f"datapackage.json: {waiting(folder, 'nodes')} cannot be checked until the path of "
        '"nodes" is fixed',
    ]


@case
def file_missing(folder: Path) -> list[str]:
    (folder / "claims.csv").unlink()
    return [
        f"claims.csv: not found in the data folder: {waiting(folder, 'claims')} cannot be checked"
    ]


@case
def file_a_folder(folder: Path) -> list[str]:
    (folder / "moves.csv").unlink()
    (folder / "moves.csv").mkdir()
    return ["moves.csv: is not a file"]


@case
def folder_missing(folder: Path) -> list[str]:
    for item in folder.iterdir():
        item.unlink()
    folder.rmdir()
    return [f"datapackage.json: not found ({folder} is not a folder): is this the data folder?"]
