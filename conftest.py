"""Import the libraries once, before pytest collects their doctests.

With ``--import-mode=importlib``, pytest imports a module's file anew when the module is not yet in
``sys.modules``, and the package it imports along the way then holds a second copy of it (two
``ScenarioError`` classes, and a test that fails or passes by the order of collection). Importing
every module first makes every doctest and test share one copy.
"""

import importlib
import pkgutil

import s400
import s400_instructor
import s400_testing

for package in (s400, s400_instructor, s400_testing):
    for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if not module.name.endswith(".__main__"):  # a command, not a library module
            importlib.import_module(module.name)
