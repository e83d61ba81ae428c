"""Build step: the wheel carries the repository's data/ inside the package, as s400/_data.

data/ stays at the top of the repository, where instructors edit it; s400.paths finds the copy
with importlib.resources. An editable install (make setup) copies nothing and reads data/ in place.
Everything else about the package is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            self.copy_tree("data", str(Path(self.build_lib, "s400", "_data")))


setup(cmdclass={"build_py": BuildPyWithData})
