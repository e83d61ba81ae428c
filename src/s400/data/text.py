"""Bytes to text, and JSON errors, in words a person who saved the file can act on.

Shared by the data package's reader and the scenario files' reader (s400.reasoning.scenarios),
so a file saved in the wrong encoding gets the same advice wherever it is opened.
"""

from __future__ import annotations

import json
from typing import Literal

#: Byte-order marks of the encodings a spreadsheet may save "Unicode text" in.
_WIDE_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
SAVE_AS_UTF8 = 'save the file as "CSV UTF-8" in Excel, or with the encoding UTF-8 elsewhere'


def decode(
    raw: bytes,
    encoding: str,
    bom: Literal["strip", "refuse"] = "strip",
    advice: str = SAVE_AS_UTF8,
) -> tuple[str, tuple[int, str] | None]:
    """The text of a file, and the first reason it is not clean text in ``encoding``.

    Parameters
    ----------
    raw : bytes
        The file's bytes.
    encoding : str
        The encoding the file should be in.
    bom : {"strip", "refuse"}
        What to do with a UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one; JSON forbids it).
    advice : str
        What to do about a problem, after it in the message.

    Returns
    -------
    tuple
        The text (undecodable bytes replaced by U+FFFD, so reading can go on) and None, or
        ``(line, message)`` for the first problem.

    Examples
    --------
    >>> decode(b"\\xef\\xbb\\xbfid,name\\n", "utf-8")
    ('id,name\\n', None)
    >>> decode(b"id\\nT\\xfcrkiye\\n", "utf-8")[1]
    (2, 'byte 0xFC ("ü" in Windows-1252, Excel\\'s plain "CSV") is not UTF-8: save the file as \
"CSV UTF-8" in Excel, or with the encoding UTF-8 elsewhere')
    """
    for mark, name in _WIDE_BOMS.items():
        if raw.startswith(mark) and not encoding.lower().startswith(name.lower()):
            return "", (1, f"is saved as {name}: {advice}")
    if raw.startswith(b"\xef\xbb\xbf") and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        if bom == "refuse":
            message = "starts with a byte-order mark (BOM), which JSON does not allow"
            return "", (1, f"{message}: save it as UTF-8 without a BOM")
        raw = raw[3:]
    if b"\x00" in raw and "16" not in encoding and "32" not in encoding:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        return "", (line, f"holds NUL bytes, so it is not a text file: {advice}")
    try:
        return raw.decode(encoding), None
    except UnicodeDecodeError as error:
        return raw.decode(encoding, errors="replace"), _undecodable(raw, error, encoding, advice)


def _undecodable(
    raw: bytes, error: UnicodeDecodeError, encoding: str, advice: str
) -> tuple[int, str]:
    byte = raw[error.start]
    line = raw.count(b"\n", 0, error.start) + 1
    guess = bytes([byte]).decode("cp1252", errors="ignore")
    seen = f' ("{guess}" in Windows-1252, Excel\'s plain "CSV")' if guess.isprintable() else ""
    after = raw.find(b"\n", error.end)  # the lines after this one
    more = 0 if after < 0 else sum(not _decodes(c, encoding) for c in raw[after:].split(b"\n"))
    others = f"; {more} more line{'s' * (more != 1)} after it too" if more else ""
    name = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    return line, f"byte 0x{byte:02X}{seen} is not {name}{others}: {advice}"


def _decodes(chunk: bytes, encoding: str) -> bool:
    try:
        chunk.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def json_error(error: Exception) -> tuple[int | None, None, str]:
    """Where a JSON document broke and what to do, from the exception ``json.loads`` raised.

    Parameters
    ----------
    error : Exception
        A ``json.JSONDecodeError``, the ``ValueError`` of a number too long to convert, or the
        ``RecursionError`` of brackets nested too deep.

    Returns
    -------
    tuple
        ``(line, None, message)``, ready to be a Problem's line, field and message.

    Examples
    --------
    A comma missing between two entries, at line 2, column 3 (the same words on every Python):

    >>> try:
    ...     json.loads('{"a": 1\\n  "b": 2}')
    ... except ValueError as error:
    ...     print(json_error(error))
    (2, None, "not valid JSON (Expecting ',' delimiter, column 3): look for a missing or extra \
comma, quote or bracket just before")
    """
    if isinstance(error, json.JSONDecodeError):
        return (
            error.lineno,
            None,
            f"not valid JSON ({error.msg}, column {error.colno}): look for a missing or extra "
            "comma, quote or bracket just before",
        )
    if isinstance(error, RecursionError):
        return None, None, "not valid JSON for this module: brackets nested too deep"
    return None, None, "not valid JSON for this module: a number with too many digits"
