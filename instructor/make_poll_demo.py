"""Write the class poll's demo folder, instructor/poll_demo/: synthetic scenarios plus broken files.

    .venv/bin/python instructor/make_poll_demo.py

Synthetic: each scenario starts from an anchor and gets random noise (seed ``SEED``) on every slider
(values, chances, the discount rate and the network weights), rounded to the lab's slider steps and
kept in range. The anchors, in turn: the three presets, and Ankara's stated case with independence
from allies' terms valued at 6.5, a little past the break-even notebook 03 finds in section 6 (about
6.2): a student who moved that slider until the verdict changed. Around the three presets alone no
scenario came out rational, and a demo in which the whole class agrees could not show how a split
class looks; the share in the demo is a property of this made-up class, not a finding. None is a
real student's answer, and each file says so in its name and notes. The broken files are named after
what is wrong with them. tests/test_poll.py regenerates the folder and fails if it differs from what
is committed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from s400.data import load
from s400.reasoning import PRESETS, Lab
from s400.reasoning.scenarios import preset, to_json

SEED = 2026
STUDENTS = 30
NOISE = 0.15  # standard deviation, as a share of each slider's range
#: Where the synthetic students start: a preset, and the sliders moved from it.
ANCHORS = [
    ("author", {}),
    ("ankara", {}),
    ("sceptic", {}),
    ("ankara", {"magnitude.supply_independence": 6.5}),
]
FOLDER = Path(__file__).parent / "poll_demo"
README = """# Class poll demo folder: synthetic data

Every `synthetic_NN.json` here is made up: a preset of notebook 03 (or Ankara's case with
independence from allies' terms valued past its break-even) with random noise, written by
`instructor/make_poll_demo.py` (seed {seed}). None is a real student's answer.
`synthetic_07_copy.json` is a second copy of `synthetic_07.json`, and each `broken_*.json` file is
broken on purpose, as its name says, to show how the poll lists the files it skips. So is this
README, which is not a .json file.
"""


def synthetic(
    lab: Lab, rng: np.random.Generator, reading: str, moved: dict[str, float]
) -> dict[str, float]:
    """A preset, with some sliders moved, plus noise on every number, rounded to the slider step and
    kept in range."""
    scenario = {**preset(lab, reading), **moved}
    for key, p in lab.parameters.items():
        step = p.step
        value = scenario[key] + rng.normal(0, NOISE * (p.high - p.low))
        scenario[key] = round(float(np.clip(round(value / step) * step, p.low, p.high)), 2)
    return scenario


def document(lab: Lab, name: str, scenario: dict[str, float], note: str) -> dict:
    """A scenario file as the lab exports it, with a note saying it is synthetic."""
    return {**json.loads(to_json(lab, name, scenario)), "notes": {"synthetic": note}}


def dump(document: object) -> bytes:
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def demo_files(lab: Lab, seed: int = SEED) -> dict[str, bytes]:
    """Every file of the demo folder, by name."""
    rng = np.random.default_rng(seed)
    files = {"README.md": README.format(seed=seed).encode("utf-8")}
    for i in range(1, STUDENTS + 1):
        reading, moved = ANCHORS[(i - 1) % len(ANCHORS)]
        anchor = f"the preset '{PRESETS[reading]}'" + "".join(
            f", {k} at {v}" for k, v in moved.items()
        )
        note = (
            f"Synthetic, not a student's answer: {anchor}, with random noise; "
            f"written by instructor/make_poll_demo.py (seed {seed})."
        )
        files[f"synthetic_{i:02d}.json"] = dump(
            document(lab, f"synthetic student {i:02d}", synthetic(lab, rng, reading, moved), note)
        )
    files["synthetic_07_copy.json"] = files["synthetic_07.json"]

    def broken(why: str, **changes: object) -> bytes:
        doc = document(
            lab,
            "synthetic broken file",
            preset(lab, "author"),
            f"Synthetic, broken on purpose: {why}.",
        )
        for key, value in changes.items():
            if key == "values":
                doc["values"].update(value)
            else:
                doc[key] = value
        return dump(doc)

    files["broken_empty.json"] = b""
    files["broken_not_json.json"] = b"air defence 12, F-35 place 9, autonomy 6\n"
    files["broken_binary.json"] = bytes(range(256))
    files["broken_foreign_package.json"] = dump(
        {"name": "some-web-app", "version": "1.0.0", "dependencies": {}}
    )
    files["broken_wrong_version.json"] = broken("a version this lab does not read", version=2)
    missing = json.loads(broken("two parameters left out"))
    del missing["values"]["discount_rate"], missing["values"]["probability.s400_active"]
    files["broken_missing_keys.json"] = dump(missing)
    files["broken_bad_values.json"] = broken(
        "a chance above 1, a word for a number and an unknown parameter",
        values={
            "probability.s400_active": 1.5,
            "magnitude.economy": "high",
            "magnitude.morale": 2.0,
        },
    )
    return files


def write_demo(folder: Path = FOLDER, seed: int = SEED) -> None:
    """Replace the demo folder's contents with freshly generated files."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, content in demo_files(Lab(load()), seed).items():
        (folder / name).write_bytes(content)


if __name__ == "__main__":
    write_demo(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
