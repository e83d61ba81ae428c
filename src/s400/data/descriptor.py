"""Read ``datapackage.json`` and check it before any table is opened: its JSON, its shape, the
schema of each table against what the module's records need, and each table's path, which must
name a file inside the data folder.

A resource that cannot be read comes back with ``broken`` saying why (its problems are reported
already); the tables that cite it are then told so once instead of failing line by line.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any

from s400.data.dataset import RECORDS, expected_fields
from s400.data.problems import Problem
from s400.data.schema import Field, Resource
from s400.data.text import decode, json_error

DESCRIPTOR = "datapackage.json"
TYPES = ("string", "integer", "number", "boolean")
#: The constraints s400.data checks, and the JSON type each must have.
CONSTRAINTS: dict[str, type | tuple[type, ...]] = {
    "required": bool,
    "unique": bool,
    "enum": list,
    "minimum": (int, float),
    "maximum": (int, float),
    "minLength": int,
    "maxLength": int,
    "pattern": str,
}
#: Frictionless's default spellings of true and false.
TRUE_VALUES, FALSE_VALUES = ("true", "True", "TRUE", "1"), ("false", "False", "FALSE", "0")
_NAME = re.compile(r"^[-a-z0-9._/]+$")  # Frictionless's rule for package and resource names
# Properties that would change how a cell is read, which s400.data does not implement.
_UNSUPPORTED = ("decimalChar", "groupChar", "bareNumber", "missingValues", "format")


def read_descriptor(folder: Path, problems: list[Problem]) -> list[Resource]:
    """The tables ``datapackage.json`` in ``folder`` describes, every problem of it reported.

    Parameters
    ----------
    folder : Path
        The data folder.
    problems : list of Problem
        Where to add what is wrong.

    Returns
    -------
    list of Resource
        In the descriptor's order; empty when the descriptor itself cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "datapackage.json").write_text('{"resources": [}')
    >>> found = []
    >>> read_descriptor(folder, found), [str(p) for p in found]
    ([], ['datapackage.json, line 1: not valid JSON (Expecting value, column 16): look for a \
missing or extra comma, quote or bracket just before'])
    """
    path = folder / DESCRIPTOR
    if not folder.is_dir() or not path.is_file():
        where = f"{folder} is not a folder" if not folder.is_dir() else f"no such file in {folder}"
        report = Problem(DESCRIPTOR, None, None, f"not found ({where}): is this the data folder?")
        problems.append(report)
        return []
    outside = _outside(folder, path)
    if outside:
        problems.append(Problem(DESCRIPTOR, None, None, outside))
        return []
    try:
        text, trouble = decode(path.read_bytes(), "utf-8", bom="refuse")
    except OSError as error:
        problems.append(Problem(DESCRIPTOR, None, None, f"could not be read ({error.strerror})"))
        return []
    if trouble:
        problems.append(Problem(DESCRIPTOR, trouble[0], None, trouble[1]))
        return []
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        problems.append(Problem(DESCRIPTOR, *json_error(error)))
        return []
    return _Checker(folder, text, problems).package(document)


class _Checker:
    """Checks the parsed descriptor piece by piece, locating each problem by the line of the
    resource or field it concerns."""

    def __init__(self, folder: Path, text: str, problems: list[Problem]):
        self.folder, self.text, self.problems = folder, text, problems
        self.root = folder.resolve()

    def report(self, where: list[str], message: str) -> None:
        self.problems.append(Problem(DESCRIPTOR, self.line(where), None, message))

    def line(self, names: list[str]) -> int | None:
        """The line of ``"name": "<names[-1]>"``, found after each of the names before it."""
        position = 0
        for name in names:
            found = re.compile(r'"name"\s*:\s*' + re.escape(json.dumps(name))).search(
                self.text, position
            )
            if not found:
                return None
            position = found.start()
        return self.text.count("\n", 0, position) + 1 if names else None

    def package(self, document: Any) -> list[Resource]:
        resources = document.get("resources") if isinstance(document, dict) else None
        if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
            self.report(
                [],
                'expected an object whose "resources" is a list of tables, each an object '
                'with "name", "path" and "schema" (compare with the module\'s original)',
            )
            return []
        name = document.get("name")
        if name is not None and not (isinstance(name, str) and _NAME.match(name)):
            self.report([], f'the package\'s "name" {name!r} must use a-z, 0-9, ".", "-", "_"')
        names = [r.get("name") for r in resources]
        read = [self.resource(r) for r in resources]
        for missing in [n for n in RECORDS if n not in names]:
            self.report(
                [],
                f'no resource named "{missing}": the module reads the tables '
                f"{', '.join(RECORDS)}; put its entry back (see data/README.md)",
            )
            read.append(_broken(missing, f'it has a resource "{missing}"'))
        for twice in sorted({n for n in names if isinstance(n, str) and names.count(n) > 1}):
            self.report([twice], f'two resources are named "{twice}": names must differ')
        known = {r.name: r for r in read}
        for r in read:
            for column, target, target_field in r.foreign_keys:
                if target in known and known[target].broken:
                    continue  # the target's own problems say why
                fields = [f.name for f in known[target].fields] if target in known else []
                if target_field not in fields:
                    self.report(
                        [r.name, column],
                        f'resource "{r.name}", field "{column}": its foreign key points to '
                        f'"{target}"/"{target_field}", which the descriptor does not define',
                    )
        return read

    def resource(self, entry: dict) -> Resource:
        name, path = entry.get("name"), entry.get("path")
        if not isinstance(name, str) or not _NAME.match(name):
            self.report([], f'a resource\'s "name" must be a-z, 0-9, ".", "-", "_"; got {name!r}')
            name = str(name)
        where = [name]
        if not isinstance(path, str) or not path:
            self.report(
                where,
                f'resource "{name}": "path" must be one file name, such as '
                f'"{name}.csv"; got {path!r}',
            )
            return _broken(name, f'the path of "{name}" is fixed')
        unsafe = _unsafe(path) or _outside(self.folder, self.folder / path, self.root)
        if unsafe:
            self.report(where, f'resource "{name}": {unsafe}')
            return _broken(name, f'the path of "{name}" is fixed')
        schema = entry.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if (
            not isinstance(schema, dict)
            or not isinstance(fields, list)
            or not all(isinstance(f, dict) for f in fields)
        ):
            self.report(
                where,
                f'resource "{name}": "schema" must hold "fields", a list of '
                "objects (s400.data reads a schema written in datapackage.json)",
            )
            return _broken(name, f'the schema of "{name}" is fixed')
        before = len(self.problems)
        primary, foreign = self.keys(name, schema, [f.get("name") for f in fields])
        keys = set(primary) | {fk[0] for fk in foreign}
        parsed = tuple(self.field(name, f, keys) for f in fields)
        self.record_fields(name, [f.name for f in parsed])
        encoding = entry.get("encoding", "utf-8")
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError):
            self.report(where, f'resource "{name}": unknown "encoding" {encoding!r}: use "utf-8"')
        dialect = entry.get("dialect", {})
        delimiter = dialect.get("delimiter") if isinstance(dialect, dict) else None
        if (
            not isinstance(dialect, dict)
            or set(dialect) - {"delimiter"}
            or not (delimiter is None or (isinstance(delimiter, str) and len(delimiter) == 1))
        ):
            message = 'reads a "dialect" with one setting, a one-character "delimiter"'
            self.report(where, f'resource "{name}": s400.data {message}; got {dialect!r}')
        if "missingValues" in schema:
            self.report(where, f'resource "{name}": s400.data does not read "missingValues"')
        if len(self.problems) > before:
            return _broken(name, f'the schema of "{name}" is fixed')
        return Resource(
            name,
            path,
            self.folder / path,
            parsed,
            primary,
            foreign,
            encoding=encoding,
            delimiter=delimiter,
        )

    def field(self, resource: str, entry: dict, keys: set[str]) -> Field:
        """One field, checked on its own and against what the module's record needs of it."""
        name, kind = entry.get("name"), entry.get("type", "string")
        where = [resource, str(name)]
        label = f'resource "{resource}", field "{name}"'
        if not isinstance(name, str) or not name:
            self.report([resource], f'resource "{resource}": a field has no "name"')
        if kind not in TYPES:
            message = f"type {kind!r} is not one s400.data reads ({', '.join(TYPES)})"
            self.report(where, f"{label}: {message}")
        for key in _UNSUPPORTED:
            if key in entry and not (key == "format" and entry[key] == "default"):
                self.report(where, f'{label}: s400.data does not read "{key}"; remove it')
        constraints = entry.get("constraints", {})
        if not isinstance(constraints, dict):
            self.report(where, f'{label}: "constraints" must be an object')
            constraints = {}
        for key, value in constraints.items():
            wanted = CONSTRAINTS.get(key)
            if wanted is None:
                self.report(where, f'{label}: s400.data does not check the constraint "{key}"')
            elif not isinstance(value, wanted) or (wanted is not bool and isinstance(value, bool)):
                message = f'constraint "{key}" has the wrong kind of value {value!r}'
                self.report(where, f"{label}: {message}")
        if isinstance(constraints.get("pattern"), str):
            try:
                re.compile(constraints["pattern"])
            except re.error as error:
                self.report(where, f'{label}: its "pattern" is not a regular expression ({error})')
        spec = expected_fields(RECORDS[resource]).get(str(name)) if resource in RECORDS else None
        if spec and kind in TYPES and kind != spec.type:
            message = f'type "{kind}", but the module reads it as "{spec.type}"'
            self.report(where, f"{label}: {message}")
        if spec and spec.required and constraints.get("required") is not True:
            message = 'must be required ("constraints": {"required": true}): the module needs it'
            self.report(where, f"{label}: {message}")
        true = entry.get("trueValues", TRUE_VALUES)
        false = entry.get("falseValues", FALSE_VALUES)
        exact = (
            name in keys
            or kind == "boolean"
            or bool({"pattern", "enum", "unique"} & set(constraints))
        )
        return Field(
            str(name),
            str(kind),
            constraints,
            exact=exact,
            is_list=bool(spec and spec.is_list),
            booleans={
                **dict.fromkeys(map(str, true), True),
                **dict.fromkeys(map(str, false), False),
            },
        )

    def record_fields(self, resource: str, names: list[str]) -> None:
        """A table the module reads has exactly its record's fields."""
        if resource not in RECORDS:
            return
        expected = expected_fields(RECORDS[resource])
        label, listed = f'resource "{resource}"', ", ".join(expected)
        for missing in [n for n in expected if n not in names]:
            message = f'no field "{missing}"; the module reads the fields {listed}'
            self.report([resource], f"{label}: {message}")
        for extra in [n for n in names if n not in expected]:
            message = f'field "{extra}": not a field the module reads ({listed})'
            self.report([resource, extra], f"{label}, {message}")

    def keys(self, resource: str, schema: dict, names: list[str]) -> tuple[tuple, tuple]:
        label = f'resource "{resource}"'
        primary = schema.get("primaryKey", [])
        primary = [primary] if isinstance(primary, str) else primary
        if not isinstance(primary, list) or not set(primary) <= set(names):
            self.report([resource], f'{label}: "primaryKey" {primary!r} must list its fields')
            primary = []
        foreign = []
        for fk in schema.get("foreignKeys", []) if isinstance(schema, dict) else []:
            try:
                (column,) = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
                target = fk["reference"]["resource"]
                (target_field,) = fk["reference"]["fields"]
                if column not in names or not isinstance(target, str):
                    raise ValueError
            except (KeyError, TypeError, ValueError):
                self.report(
                    [resource],
                    f"{label}: a foreign key must name one of its fields and "
                    f"one field of another resource; got {fk!r}",
                )
                continue
            foreign.append((column, target or resource, target_field))
        return tuple(primary), tuple(foreign)


def _broken(name: str, why: str) -> Resource:
    """A resource that cannot be read; what waits on it is reported on the descriptor."""
    return Resource(name, DESCRIPTOR, None, broken=why)


def _unsafe(path: str) -> str | None:
    """Why a descriptor's path is refused before anything is opened (None: it may be read)."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path):
        return (
            f'path "{path}" is a web or file address: s400.data reads only files in the data folder'
        )
    if Path(path).is_absolute() or path.startswith(("~", "\\")) or ".." in re.split(r"[/\\]", path):
        return (
            f'path "{path}" leaves the data folder: give the name of a file in it, '
            'such as "claims.csv"'
        )
    if re.search(r"[$\x00]|%.+%", path):
        return (
            f'path {path!r} holds "$", "%" or a NUL: give a plain file name, such as "claims.csv"'
        )
    return None


def _outside(folder: Path, path: Path, root: Path | None = None) -> str | None:
    """Why ``path`` is refused if it resolves (links followed) outside ``folder`` (whose resolved
    path is ``root``)."""
    if path.resolve().is_relative_to(root or folder.resolve()):
        return None
    return (
        f'path "{path.relative_to(folder)}" is a link to a file outside the data folder: '
        "copy the file into the folder instead"
    )
