"""The bank of broken data folders, continued: datapackage.json.

See broken_data.py for how a case works; importing this module adds its cases to CASES.
"""

from __future__ import annotations

from pathlib import Path

from broken_data import (
    TABLES,
    case,
    edit_descriptor,
    field_of,
    line_of,
    resource,
    rows_of,
    waiting,
    write_rows,
)


@case
def descriptor_not_json(folder: Path) -> list[str]:
    """A comma missing after an edit."""
    path = folder / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"version": "0.1.0",', '"version": "0.1.0"'), encoding="utf-8")
    line = line_of(folder, "datapackage.json", '"version": "0.1.0"') + 1
    return [
        f"datapackage.json, line {line}: not valid JSON (Expecting ',' delimiter, column 3): "
        "look for a missing or extra comma, quote or bracket just before"
    ]


@case
def descriptor_a_list(folder: Path) -> list[str]:
    (folder / "datapackage.json").write_text("[]", encoding="utf-8")
    return [
        'datapackage.json: expected an object whose "resources" is a list of tables, each an '
        'object with "name", "path" and "schema" (compare with the module\'s original)'
    ]


@case
def resources_not_a_list(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: d.update(resources={"claims": "claims.csv"}))
    return [
        'datapackage.json: expected an object whose "resources" is a list of tables, each an '
        'object with "name", "path" and "schema" (compare with the module\'s original)'
    ]


@case
def resource_left_out(folder: Path) -> list[str]:
    """An instructor who deletes a table's entry: the module needs all nine (no table cites the
    moves, so Frictionless sees a valid package of eight)."""
    edit_descriptor(folder, lambda d: d["resources"].remove(resource(d, "moves")))
    return [
        f'datapackage.json: no resource named "moves": the module reads the tables {TABLES}; '
        "put its entry back (see data/README.md)"
    ]


@case
def cited_resource_left_out(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: d["resources"].remove(resource(d, "claims")))
    return [
        f'datapackage.json: no resource named "claims": the module reads the tables {TABLES}; '
        "put its entry back (see data/README.md)",
        f"datapackage.json: {waiting(folder, 'claims')} cannot be checked until it has a "
        'resource "claims"',
    ]


@case
def resource_twice(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: d["resources"].append(resource(d, "moves")))
    line = line_of(folder, "datapackage.json", '"name": "moves"')
    return [f'datapackage.json, line {line}: two resources are named "moves": names must differ']


@case
def field_type_unknown(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: field_of(d, "nodes", "label").update(type="colour"))
    line = line_of(folder, "datapackage.json", '"name": "label"')
    return [
        f'datapackage.json, line {line}: resource "nodes", field "label": type \'colour\' is not '
        "one s400.data reads (string, integer, number, boolean)",
        f"datapackage.json: {waiting(folder, 'nodes')} cannot be checked until the schema of "
        '"nodes" is fixed',
    ]


@case
def field_type_changed(folder: Path) -> list[str]:
    """Valid Frictionless, but a sign read as 1.0 would change every path product's type."""
    edit_descriptor(folder, lambda d: field_of(d, "edges", "sign").update(type="number"))
    text = (folder / "datapackage.json").read_text(encoding="utf-8")
    edges = text.index('"name": "edges"')
    line = text[: text.index('"name": "sign"', edges)].count("\n") + 1
    return [
        f'datapackage.json, line {line}: resource "edges", field "sign": type "number", but the '
        'module reads it as "integer"'
    ]


@case
def foreign_key_to_nowhere(folder: Path) -> list[str]:
    def change(d: dict) -> None:
        resource(d, "edges")["schema"]["foreignKeys"][0]["reference"]["resource"] = "node"

    edit_descriptor(folder, change)
    text = (folder / "datapackage.json").read_text(encoding="utf-8")
    edges = text.index('"name": "edges"')
    line = text[: text.index('"name": "source"', edges)].count("\n") + 1
    return [
        f'datapackage.json, line {line}: resource "edges", field "source": its foreign key points '
        'to "node"/"id", which the descriptor does not define'
    ]


@case
def primary_key_not_a_field(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: resource(d, "moves")["schema"].update(primaryKey=["ident"]))
    line = line_of(folder, "datapackage.json", '"name": "moves"')
    return [
        f'datapackage.json, line {line}: resource "moves": "primaryKey" [\'ident\'] must list its '
        "fields"
    ]


@case
def pattern_not_a_regex(folder: Path) -> list[str]:
    edit_descriptor(
        folder, lambda d: field_of(d, "moves", "id")["constraints"].update(pattern="M[0-9")
    )
    text = (folder / "datapackage.json").read_text(encoding="utf-8")
    line = text[: text.index('"name": "id"', text.index('"name": "moves"'))].count("\n") + 1
    return [
        f'datapackage.json, line {line}: resource "moves", field "id": its "pattern" is not a '
        "regular expression (unterminated character set at position 1)"
    ]


@case
def a_further_table(folder: Path) -> list[str]:
    """An instructor's own extra table is checked like the nine, and loads."""
    (folder / "sources.csv").write_text("id,title\ns1,A source\n", encoding="utf-8")
    schema = {
        "fields": [
            {"name": "id", "type": "string", "constraints": {"required": True}},
            {"name": "title", "type": "string"},
        ],
        "primaryKey": ["id"],
    }
    extra = {"name": "sources", "path": "sources.csv", "format": "csv", "schema": schema}
    edit_descriptor(folder, lambda d: d["resources"].append(extra))
    return []


@case
def a_further_table_broken(folder: Path) -> list[str]:
    a_further_table(folder)
    (folder / "sources.csv").write_text("id,title\ns1,A source\ns1,Again\n", encoding="utf-8")
    return ['sources.csv, line 3, field "id": duplicate id "s1" (first used on line 2)']


@case
def package_name_not_a_name(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: d.update(name="The S-400 Decision"))
    return [
        'datapackage.json: the package\'s "name" \'The S-400 Decision\' must use a-z, 0-9, ".", '
        '"-", "_"'
    ]


@case
def required_dropped(folder: Path) -> list[str]:
    """Valid Frictionless, but an edge without a weight would break every path product."""
    edit_descriptor(folder, lambda d: field_of(d, "edges", "weight")["constraints"].pop("required"))
    text = (folder / "datapackage.json").read_text(encoding="utf-8")
    line = text[: text.index('"name": "weight"')].count("\n") + 1
    return [
        f'datapackage.json, line {line}: resource "edges", field "weight": must be required '
        '("constraints": {"required": true}): the module needs it'
    ]


@case
def field_added(folder: Path) -> list[str]:
    """A column added to nodes.csv and its schema: valid Frictionless, unknown to the module."""
    rows = rows_of(folder, "nodes.csv")
    write_rows(
        folder, "nodes.csv", [[*row, "colour" if n == 0 else ""] for n, row in enumerate(rows)]
    )
    edit_descriptor(
        folder, lambda d: resource(d, "nodes")["schema"]["fields"].append({"name": "colour"})
    )
    line = line_of(folder, "datapackage.json", '"name": "colour"')
    return [
        f'datapackage.json, line {line}: resource "nodes", field "colour": not a field the module '
        "reads (id, label, type, description)",
        f"datapackage.json: {waiting(folder, 'nodes')} cannot be checked until the schema of "
        '"nodes" is fixed',
    ]


@case
def descriptor_nested_too_deep(folder: Path) -> list[str]:
    edit_descriptor(folder, lambda d: d.update(notes="@"))
    path = folder / "datapackage.json"
    path.write_text(path.read_text().replace('"@"', "[" * 100_000 + "]" * 100_000))
    return ["datapackage.json: not valid JSON for this module: brackets nested too deep"]
