"""The bank of broken data folders, continued: rows, cells, keys and the module's own rules.

See broken_data.py for how a case works; importing this module adds its cases to CASES.
"""

from __future__ import annotations

from pathlib import Path

from broken_data import CASES, case, edit_csv, line_of, rows_of, waiting, write_rows

COLUMNS = {"nodes": "id, label, type, description"}
DATE = "a date as YYYY, YYYY-MM or YYYY-MM-DD (month 01 to 12, day 01 to 31)"
EXACT = "remove it (an id or a code must match exactly)"

# --- rows -----------------------------------------------------------------------------------


@case
def file_empty(folder: Path) -> list[str]:
    (folder / "moves.csv").write_text("", encoding="utf-8")
    return [
        "moves.csv: is empty: expected a header line "
        "(id,date,move,evidence,p_if_chip,p_if_realign,note) and rows"
    ]


@case
def claims_only_a_header(folder: Path) -> list[str]:
    """The example of issue 16: one line instead of a hundred follow-on errors."""
    write_rows(folder, "claims.csv", rows_of(folder, "claims.csv")[:1])
    return [
        f"claims.csv: has no rows (only its header): {waiting(folder, 'claims')} cannot be checked"
    ]


@case
def moves_only_a_header(folder: Path) -> list[str]:
    """No table cites the moves, so only s400.data notices: notebook 05 needs at least one."""
    write_rows(folder, "moves.csv", rows_of(folder, "moves.csv")[:1])
    return ["moves.csv: has no rows (only its header): the module needs at least one row"]


def _columns(change, readable: bool = True):
    """Change every row of nodes.csv; without one of its columns the table cannot be read, and
    the references to its ids wait on its header."""

    def breaks(folder: Path) -> list[str]:
        rows = rows_of(folder, "nodes.csv")
        write_rows(folder, "nodes.csv", [change(row) for row in rows])
        found = [f"nodes.csv, line 1: {change.__doc__}. Expected the columns: {COLUMNS['nodes']}"]
        wait = f"nodes.csv, line 1: {waiting(folder, 'nodes')} cannot be checked until its " + (
            "header is fixed"
        )
        return found if readable else [*found, wait]

    return breaks


def _no_label(row: list[str]) -> list[str]:
    """missing column(s) label"""
    return [row[0], *row[2:]]


def _an_extra(row: list[str]) -> list[str]:
    """unexpected column(s) "colour\""""
    return [*row, "colour" if row[0] == "id" else "red"]


def _swapped(row: list[str]) -> list[str]:
    """the columns are in another order"""
    return [row[1], row[0], *row[2:]]


CASES["column_missing"] = _columns(_no_label, readable=False)
CASES["column_extra"] = _columns(_an_extra)
CASES["columns_swapped"] = _columns(_swapped)


@case
def column_name_with_a_space(folder: Path) -> list[str]:
    """A space after a column's name is read as the name, as Frictionless reads it."""
    rows = rows_of(folder, "nodes.csv")
    rows[0][1] = "label "
    write_rows(folder, "nodes.csv", rows)
    return []


@case
def column_twice(folder: Path) -> list[str]:
    write_rows(folder, "nodes.csv", [[*row, row[1]] for row in rows_of(folder, "nodes.csv")])
    return [
        f"nodes.csv, line 1: column(s) label more than once. Expected the columns: "
        f"{COLUMNS['nodes']}",
        f"nodes.csv, line 1: {waiting(folder, 'nodes')} cannot be checked until its header is "
        "fixed",
    ]


@case
def trailing_commas(folder: Path) -> list[str]:
    """A spreadsheet that saved two empty columns after the last one."""
    write_rows(folder, "moves.csv", [[*row, "", ""] for row in rows_of(folder, "moves.csv")])
    return [
        'moves.csv, line 1: unexpected column(s) "" (a "," too many?), "" (a "," too many?). '
        "Expected the columns: id, date, move, evidence, p_if_chip, p_if_realign, note"
    ]


@case
def semicolons(folder: Path) -> list[str]:
    """A spreadsheet set to a language with a decimal comma saves CSV with ";": fine."""
    write_rows(folder, "nodes.csv", rows_of(folder, "nodes.csv"), delimiter=";")
    return []


@case
def blank_lines(folder: Path) -> list[str]:
    path = folder / "nodes.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(5, "\n")
    path.write_text("".join(lines) + "\n,,,\n", encoding="utf-8")
    blank = "is blank: delete the line (a blank line reads as an empty row)"
    return [f"nodes.csv, line {n}: {blank}" for n in (6, len(lines) + 1, len(lines) + 2)]


@case
def a_comma_in_an_unquoted_text(folder: Path) -> list[str]:
    path = folder / "nodes.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("economy,Turkey's economy,", "economy,Turkey's, economy,"))
    line = line_of(folder, "nodes.csv", "economy,Turkey's, economy")
    return [
        f'nodes.csv, line {line}: expected 4 cells, found 5: a text holding a "," needs double '
        "quotes around it"
    ]


@case
def a_cell_left_out(folder: Path) -> list[str]:
    path = folder / "nodes.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("economy,Turkey's economy,outcome,", "economy,outcome,"))
    line = line_of(folder, "nodes.csv", "economy,outcome,")
    return [f'nodes.csv, line {line}: expected 4 cells, found 3: a "," is missing']


@case
def a_quote_never_closed(folder: Path) -> list[str]:
    """The quote swallows every line after it into one cell (claim_links.csv has no other quote,
    so it runs to the end of the file)."""
    path = folder / "claim_links.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("C02,C08,supports", 'C02,"C08,supports', 1), encoding="utf-8")
    end = len(text.splitlines())
    return [
        f'claim_links.csv, line 2: a quote (") opened on this line is not closed until line {end}, '
        f"so lines 2 to {end} read as one row: close the quote (a quote inside a text is "
        'written "")'
    ]


@case
def a_long_text(folder: Path) -> list[str]:
    """Longer than the csv module's default limit (131,072 characters): fine."""
    edit_csv(folder, "claims.csv", "C05", "text", "A claim. " * 20_000)
    return []


# --- cells ----------------------------------------------------------------------------------


def _cell(file: str, row: str, field: str, value: str, message: str) -> object:
    def breaks(folder: Path) -> list[str]:
        line = edit_csv(folder, file, row, field, value)
        return [f'{file}, line {line}, field "{field}": {message}'] if message else []

    return breaks


CELLS = {
    "required_empty": ("nodes.csv", "economy", "label", "", "is empty but required"),
    "required_only_spaces": (
        "nodes.csv", "economy", "label", "   ", "holds only spaces, but is required"),
    "id_with_a_trailing_space": (
        "edges.csv", "E06", "id", "E06 ", f'"E06 " has a space at its end: {EXACT}'),
    "reference_with_a_trailing_space": (
        "edges.csv", "E06", "source", "buy_s400 ",
        f'"buy_s400 " has a space at its end: {EXACT}'),
    "code_with_a_leading_space": (
        "claims.csv", "C05", "kind", " judgement",
        f'" judgement" has a space at its start: {EXACT}'),
    "boolean_with_a_space": (
        "claims.csv", "C05", "stated", "true ", f'"true " has a space at its end: {EXACT}'),
    "text_with_spaces_around": ("claims.csv", "C05", "horizon", "  soon  ", ""),
    "number_with_spaces_around": ("edges.csv", "E07", "weight", " 0.6 ", ""),
    "boolean_capitalised": ("claims.csv", "C05", "stated", "True", ""),
    "number_in_scientific_notation": ("edges.csv", "E07", "weight", "6e-1", ""),
    "id_with_an_invisible_character": (
        "moves.csv", "M03", "id", "M03\u200b",
        'expected text matching the pattern ^M[0-9]{2}$, got "M03\u200b" (it holds U+200B '
        "ZERO WIDTH SPACE, which does not show)"),
    "reference_with_a_no_break_space": (
        "edges.csv", "E06", "source", "buy_s400\xa0",
        '"buy_s400\xa0" (it holds U+00A0 NO-BREAK SPACE, which does not show) has a space at '
        f"its end: {EXACT}"),
    "boolean_yes": ("claims.csv", "C05", "stated", "yes", 'expected "true" or "false", got "yes"'),
    "number_with_a_decimal_comma": (
        "edges.csv", "E07", "weight", "0,6",
        'expected a number (with a dot for decimals, no units), got "0,6"'),
    "number_out_of_range": (
        "edges.csv", "E07", "weight", "1.5", 'expected a number between 0 and 1, got "1.5"'),
    "number_infinite": ("figures.csv", "f35_payments", "value", "inf",
                        'expected a finite number, got "inf"'),
    "integer_with_a_decimal": (
        "edges.csv", "E08", "sign", "1.0", 'expected a whole number, got "1.0"'),
    "integer_not_in_enum": ("edges.csv", "E08", "sign", "0", 'expected one of -1, 1, got "0"'),
    "code_capitalised": (
        "claims.csv", "C05", "hedge", "Strong",
        'expected one of strong, moderate, weak, none, got "Strong" (did you mean "strong"?)'),
    "id_not_its_pattern": (
        "moves.csv", "M03", "id", "M3", 'expected text matching the pattern ^M[0-9]{2}$, got "M3"'),
    "text_too_short": (
        "claims.csv", "C05", "text", "Short.", 'expected at least 10 characters, got "Short."'),
    "date_day_first": (
        "timeline.csv", "caatsa_2020", "date", "14/12/2020", f'expected {DATE}, got "14/12/2020"'),
    "date_month_13": ("moves.csv", "M02", "date", "2020-13", f'expected {DATE}, got "2020-13"'),
    "date_not_on_the_calendar": (
        "timeline.csv", "caatsa_2020", "date", "2020-02-30",
        '"2020-02-30" is not a calendar date (is the month or the day right?)'),
    "date_after_the_sources": (
        "predictions.csv", "PR01", "resolve_by", "2030-01",
        '"2030-01" is after 3 March 2026, when the module\'s sources end: check the date'),
}  # fmt: skip
CASES.update({name: _cell(*spec) for name, spec in CELLS.items()})  # type: ignore[misc]


# --- keys -----------------------------------------------------------------------------------


@case
def duplicate_id(folder: Path) -> list[str]:
    """No table cites the moves, so the duplicate is the only problem."""
    line = edit_csv(folder, "moves.csv", "M03", "id", "M02")
    first = line_of(folder, "moves.csv", "M02,")
    return [f'moves.csv, line {line}, field "id": duplicate id "M02" (first used on line {first})']


@case
def unknown_node(folder: Path) -> list[str]:
    line = edit_csv(folder, "edges.csv", "E06", "target", "us_relation")
    return [
        f'edges.csv, line {line}, field "target": "us_relation" is not an id in nodes.csv '
        '(did you mean "us_relations"?)'
    ]


@case
def renamed_node(folder: Path) -> list[str]:
    """One rename, every citation listed on one line of the report."""
    edit_csv(folder, "nodes.csv", "economy", "id", "turkish_economy")
    cited = [
        (n, field)
        for n, row in enumerate(rows_of(folder, "edges.csv"), 1)
        for field, cell in (("source", row[1]), ("target", row[2]))
        if cell == "economy"
    ]
    return [
        f'edges.csv, line {n}, field "{field}": "economy" is not an id in nodes.csv'
        for n, field in sorted(cited)
    ]


@case
def unknown_evidence_in_a_list(folder: Path) -> list[str]:
    line = edit_csv(
        folder, "moves.csv", "M02", "evidence", "patriot_request_2020;patriot_gift_2021"
    )
    return [
        f'moves.csv, line {line}, field "evidence": "patriot_gift_2021" is not an id in '
        "timeline.csv or figures.csv"
    ]


# --- the module's rules ----------------------------------------------------------------------

# file, row, field changed, its new value; the field the problem names, and the message
RULES = {
    "op_ed_edge_without_its_claim": (
        "edges.csv", "E06", "claim", "", "claim", "an op-ed edge needs the claim id it comes from"),
    "evidence_relation_without_its_event": (
        "alignments.csv", "A06", "event", "", "event", "an evidence relation needs an event id"),
    "tie_between_outcomes": (
        "edges.csv", "E31", "target", "economy", "kind",
        "a tie links two actors; use kind=effect for causes and outcomes"),
    "relation_with_an_outcome": (
        "alignments.csv", "A02", "target", "economy", "target",
        '"economy" is not an actor (its type is outcome); a relation links two actors'),
    "range_upside_down": (
        "figures.csv", "f35_payments", "low", "2", "low", "low is greater than high"),
    "conditional_prediction_without_its_condition": (
        "claims.csv", "C17", "condition", "", "condition",
        "a conditional prediction needs its condition"),
    "condition_status_without_a_condition": (
        "predictions.csv", "PR06", "condition", "", "condition_status",
        "is none exactly when the prediction has no condition"),
}  # fmt: skip


def _rule(file: str, row: str, field: str, value: str, named: str, message: str) -> object:
    def breaks(folder: Path) -> list[str]:
        line = edit_csv(folder, file, row, field, value)
        return [f'{file}, line {line}, field "{named}": {message}']

    return breaks


CASES.update({name: _rule(*spec) for name, spec in RULES.items()})  # type: ignore[misc]


@case
def a_claim_bearing_on_itself(folder: Path) -> list[str]:
    line = edit_csv(folder, "claim_links.csv", "C02", "target", "C02")
    return [f'claim_links.csv, line {line}, field "target": a claim cannot bear on itself']


@case
def argument_map_in_a_circle(folder: Path) -> list[str]:
    """C02 supports C08 (line 2); a new last line has C08 support C02: notebook 01 cannot lay
    the map out."""
    rows = rows_of(folder, "claim_links.csv")
    write_rows(folder, "claim_links.csv", [*rows, ["C08", "C02", "supports"]])
    return [
        f"claim_links.csv, line 2: the links C02 → C08 → C02 (lines 2 and {len(rows) + 1}) go "
        "round in a circle; an argument map cannot: remove or reverse one of them"
    ]


@case
def ends_before_it_starts(folder: Path) -> list[str]:
    line = edit_csv(folder, "timeline.csv", "radar_test_2019", "end_date", "2019-10")
    return [f'timeline.csv, line {line}, field "end_date": ends before it starts']


@case
def every_kind_at_once(folder: Path) -> list[str]:
    """A schema error, a broken reference and a rule in one load: all reported together."""
    weight = edit_csv(folder, "edges.csv", "E07", "weight", "7")
    claim = edit_csv(folder, "edges.csv", "E09", "claim", "")
    target = edit_csv(folder, "edges.csv", "E08", "target", "securit")
    rng = edit_csv(folder, "figures.csv", "f35_payments", "low", "2")
    return [
        f'edges.csv, line {weight}, field "weight": expected a number between 0 and 1, got "7"',
        f'edges.csv, line {target}, field "target": "securit" is not an id in nodes.csv',
        f'edges.csv, line {claim}, field "claim": an op-ed edge needs the claim id it comes from',
        f'figures.csv, line {rng}, field "low": low is greater than high',
    ]
