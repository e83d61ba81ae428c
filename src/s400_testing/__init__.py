"""Helpers for testing the module as its users meet it: a real JupyterLab in headless Chromium.

Not part of the students' library; installed with the ``test`` extra's dependencies.
"""
