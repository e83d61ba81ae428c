"""Instructor tools for the S-400 module: not imported by students' notebooks.

``s400_instructor.grading`` grades submissions with nbgrader, running student code in a sandbox.
Its dependencies are the ``instructor`` extra (``pip install -e '.[instructor]'``).
"""
