"""Autograding that student code cannot forge: ``python -m s400_instructor.grading ASSIGNMENT``.

Each submission's code runs in a bubblewrap sandbox that sees nothing of the course; only its
answers come out, as plain data, and they are checked against the hidden keys in a fresh process
outside it. nbgrader remains the engine for the gradebook, the Formgrader, feedback and export.

- :mod:`.batch`: the command, one submission at a time, resumable; grades.csv and feedback
  (:mod:`.reports`: its line about each submission);
- :mod:`.preprocessors`: what nbgrader runs instead of executing the notebook in a kernel;
- :mod:`.matching`: which submitted cell is which question, whatever the metadata says;
- :mod:`.sandbox`: bubblewrap, resource limits, no new processes (:mod:`.bwrap`: its command line);
- :mod:`.runner`: the program inside the sandbox (standard library and IPython only), with
  :mod:`.answers`, which reads answer variables as plain data;
- :mod:`.extraction`: the job sent in, and the runner's report read back as plain data;
- :mod:`.checking`: the answer keys, and judging the answers in a fresh process.

This package imports nothing heavy, so the checker's fresh process starts fast.
"""
