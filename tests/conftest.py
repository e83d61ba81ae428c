"""Shared test fixtures: where the repository, its data and the shared reference folder are."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared" / "reference"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    folder = tmp_path / "data"
    folder.mkdir()
    for item in DATA.iterdir():
        if item.suffix in {".csv", ".json"}:
            (folder / item.name).write_bytes(item.read_bytes())
    return folder
