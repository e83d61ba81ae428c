"""Shared test fixtures."""

from pathlib import Path

import pytest
from locations import DATA


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    folder = tmp_path / "data"
    folder.mkdir()
    for item in DATA.iterdir():
        if item.suffix in {".csv", ".json"}:
            (folder / item.name).write_bytes(item.read_bytes())
    return folder
