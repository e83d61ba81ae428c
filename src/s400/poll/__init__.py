"""The class poll: read a folder of the scenario files students export from the reasoning lab
(notebook 03) and summarise the class's spread.

Every file's bytes go through the lab's own reader (``s400.reasoning.scenarios.read_scenario``),
so the poll accepts exactly what the lab's Import button accepts, with the same message for the
rest. A file that fails is listed with its name and the reason, and skipped; nothing in a folder
stops the poll. The rules:

- only the files directly in the folder are read; names starting with "." (``.ipynb_checkpoints``,
  ``.DS_Store``) are ignored silently; other files not ending in ``.json``, subfolders, links
  (which could lead out of the folder) and anything that is not a plain file are listed as
  skipped;
- at most ``MAX_BYTES`` of a file are read (an exported scenario is about 1.5 KB);
- a file with a missing parameter is rejected, not filled in: filling it from the lab's default
  would put a number in a student's mouth (a value of 0, a chance of 1) and could flip their
  verdict;
- a file with the same name and the same numbers as an earlier one (in file-name order) is a second
  copy of one submission: it is counted once and listed as a duplicate. Two files that share a name
  but differ in their numbers are two students (every file exported under the default name is
  called "my_scenario") and both count.

"Rational" means what it means in the lab: by the student's own numbers, buying the S-400 has the
highest expected value of the three options.
"""

from s400.poll.files import Entry, SkippedFile, problems_text, read_file, read_folder, summary_text
from s400.poll.spreads import (
    KEY_PARAMETERS,
    break_even_spread,
    break_evens,
    columns,
    parameter_table,
    points,
    spread,
)
from s400.poll.verdicts import (
    best_options,
    by_file,
    margins,
    preset_scenarios,
    share_rational,
    verdict_summary,
)

__all__ = [
    "KEY_PARAMETERS",
    "Entry",
    "SkippedFile",
    "best_options",
    "break_even_spread",
    "break_evens",
    "by_file",
    "columns",
    "margins",
    "parameter_table",
    "points",
    "preset_scenarios",
    "problems_text",
    "read_file",
    "read_folder",
    "share_rational",
    "spread",
    "summary_text",
    "verdict_summary",
]
