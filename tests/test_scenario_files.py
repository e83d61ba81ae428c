"""Broken scenario files: the lab's Import button and the class poll give each one the same
message (they share s400.reasoning.scenarios.read_scenario), neither raises, the message can be
sent to a browser, and the poll opens nothing outside its folder."""

import json
import os
from html import escape
from pathlib import Path

import pytest
from opened_files import opened
from test_lab_widget import upload
from test_poll import LAB, scenario_file

from s400.poll import read_folder
from s400.reasoning.scenarios import MAX_BYTES, MAX_NAME, preset, to_json
from s400.widgets import ReasoningLab

GOOD = scenario_file().encode("utf-8")
FIRST_KEY = next(iter(LAB.parameters))
EXPORT = "save it as UTF-8, or export it from the lab again"


def with_values(text: str) -> bytes:
    """The good file with its "values" object's text replaced."""
    document = json.loads(GOOD)
    document["values"] = "@"
    return json.dumps(document).replace('"@"', text).encode("utf-8")


def values_text(**changes: str) -> str:
    """The preset's values as JSON text, some of them replaced by raw JSON text."""
    values = {k: json.dumps(v) for k, v in preset(LAB, "author").items()} | changes
    return "{" + ", ".join(f'"{k}": {v}' for k, v in values.items()) + "}"


def document_text(**fields: str) -> bytes:
    """The good file as JSON text, its top-level fields replaced by raw JSON text."""
    document = {k: json.dumps(v) for k, v in json.loads(GOOD).items()} | fields
    return ("{" + ", ".join(f'"{k}": {v}' for k, v in document.items()) + "}").encode("utf-8")


def twice(key: str) -> tuple[bytes, int]:
    """The good file, one indented line per key, with ``key``'s line written a second time, and
    the line (counted from 1) where the key comes the second time."""
    lines = to_json(LAB, "ann", preset(LAB, "author")).splitlines()
    line = next(i for i, text in enumerate(lines) if text.lstrip().startswith(f'"{key}"'))
    copy = lines[line] if lines[line].endswith(",") else lines[line] + ","
    return "\n".join([*lines[:line], copy, *lines[line:]]).encode("utf-8"), line + 2


DUPLICATE_VALUE, DUPLICATE_VALUE_LINE = twice("discount_rate")
DUPLICATE_VERSION, DUPLICATE_VERSION_LINE = twice("version")

CASES = {
    "a 5,000-digit number": (
        with_values(values_text(**{FIRST_KEY: "1" * 5000})),
        f"{FIRST_KEY}: inf is outside its range {LAB.parameters[FIRST_KEY].low:g} to "
        f"{LAB.parameters[FIRST_KEY].high:g}",
    ),
    "a 5,000-digit version": (
        document_text(version="1" * 5000),
        "unsupported scenario version inf (this lab reads version 1)",
    ),
    "brackets 30,000 deep": (
        with_values("[" * 30_000 + "]" * 30_000),
        "not a scenario file: its brackets are nested too deep",
    ),
    "Latin-1": (
        GOOD.replace(b'"ann"', b'"Ay\xfe\xe9"'),
        f'line 1: byte 0xFE ("þ" in Windows-1252, Excel\'s plain "CSV") is not UTF-8: {EXPORT}',
    ),
    "UTF-16": (GOOD.decode().encode("utf-16"), f"line 1: is saved as UTF-16: {EXPORT}"),
    "a value twice": (
        DUPLICATE_VALUE,
        f'line {DUPLICATE_VALUE_LINE}: the key "discount_rate" appears twice in one object, so it '
        "is unclear which value counts: keep one",
    ),
    "values twice": (
        document_text(values=values_text()).replace(b'"values"', b'"values": {}, "values"'),
        'line 1: the key "values" appears twice in one object, so it is unclear which value '
        "counts: keep one",
    ),
    "two versions": (
        DUPLICATE_VERSION,
        f'line {DUPLICATE_VERSION_LINE}: the key "version" appears twice in one object, so it is '
        "unclear which value counts: keep one",
    ),
    "version true": (
        document_text(version="true"),
        "unsupported scenario version True (this lab reads version 1)",
    ),
    "a name of 10 MB": (
        document_text(name=json.dumps("x" * 10_000_000)),
        f"too large (more than {MAX_BYTES:,} bytes): a scenario file is about 1.5 KB; export it "
        "from the lab again",
    ),
    "a name too long": (
        document_text(name=json.dumps("x" * 300)),
        f'"name" must be a text of 1 to {MAX_NAME} characters, got \'{"x" * 78}…',
    ),
    "a name that is a number": (
        document_text(name="7"),
        f'"name" must be a text of 1 to {MAX_NAME} characters, got 7',
    ),
    "a lone surrogate in the name": (
        document_text(name='"ann\\ud800"'),
        '"ann\\ud800" holds a \\u escape that is half of a character (a lone surrogate): write '
        "the character itself",
    ),
    "a lone surrogate in a key": (
        with_values(values_text(**{"\\udc00": "1"})),
        '"\\udc00" holds a \\u escape that is half of a character (a lone surrogate): write the '
        "character itself",
    ),
    "NaN": (
        with_values(values_text(**{FIRST_KEY: "NaN"})),
        "not valid JSON (NaN is not a number JSON allows)",
    ),
    "thousands of unknown keys": (
        with_values(values_text(**{f"k{i}": "1" for i in range(2000)})),
        "; ".join([*(f"unknown parameter: k{i}" for i in range(12)), "and 1,988 more"]),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_lab_and_the_poll_say_the_same(tmp_path, name):
    content, reason = CASES[name]
    (tmp_path / "poll").mkdir()
    (tmp_path / "poll" / "f.json").write_bytes(content)
    entries, skipped = read_folder(LAB, tmp_path / "poll")
    assert entries == [] and [(s.file, s.reason) for s in skipped] == [("f.json", reason)]

    app = ReasoningLab(LAB, folder=tmp_path)
    before = app.scenario()
    upload(app, "f.json", content)
    assert app.scenario() == before
    assert app.status.value == (
        f"<b>Could not import f.json</b>: {escape(reason)}. Nothing was changed."
    )
    app.status.value.encode("utf-8")  # a message the browser can be sent


def test_a_byte_order_mark_is_fine_for_both(tmp_path):
    (tmp_path / "poll").mkdir()
    (tmp_path / "poll" / "f.json").write_bytes(b"\xef\xbb\xbf" + GOOD)
    assert [e.name for e in read_folder(LAB, tmp_path / "poll")[0]] == ["ann"]
    app = ReasoningLab(LAB, folder=tmp_path)
    upload(app, "f.json", b"\xef\xbb\xbf" + GOOD)
    assert app.status.value == "Imported ann from f.json."


def test_the_same_file_imports_again_after_a_slider_moved(tmp_path):
    app = ReasoningLab(LAB, folder=tmp_path)
    upload(app, "f.json", GOOD)
    imported = app.scenario()
    app.sliders[FIRST_KEY].value = LAB.parameters[FIRST_KEY].high
    app.status.value = ""
    upload(app, "f.json", GOOD)
    assert app.scenario() == imported and app.status.value == "Imported ann from f.json."


def test_a_file_name_the_browser_cannot_show_is_shown_escaped(tmp_path):
    app = ReasoningLab(LAB, folder=tmp_path)
    upload(app, "\udcff" + "x" * 200 + ".json", b"{")
    assert app.status.value.startswith("<b>Could not import \\udcff" + "x" * 73 + "…</b>")


def test_the_poll_follows_no_link_and_reads_no_pipe(tmp_path):
    poll, outside = tmp_path / "poll", tmp_path / "outside.json"
    poll.mkdir()
    outside.write_bytes(GOOD)
    (poll / "linked.json").symlink_to(outside)
    os.mkfifo(poll / "pipe.json")  # reading it would wait for a writer for ever
    (poll / b"\xff.json".decode(errors="surrogateescape")).write_bytes(b"{")
    with opened() as paths:
        entries, skipped = read_folder(LAB, poll)
    assert paths and [p for p in paths if Path(p).parent != poll] == []
    assert entries == []
    assert [(s.file, s.reason) for s in skipped] == [
        ("linked.json", "a link: skipped (only files in the folder itself are read)"),
        ("pipe.json", "not a plain file: skipped"),
        (
            "\\udcff.json",
            "not valid JSON (Expecting property name enclosed in double quotes, line 1)",
        ),
    ]


def test_the_poll_reads_exactly_what_the_lab_writes(tmp_path):
    app = ReasoningLab(LAB, folder=tmp_path)
    app.file_name.value = "Ayşe.json"
    app.export.click()
    (entry,) = read_folder(LAB, tmp_path)[0]
    assert (entry.file, entry.name) == ("Ayşe.json", "Ayşe")
    assert Path(tmp_path / "Ayşe.json").read_bytes().decode("utf-8")
