"""nbgrader's settings for this module: the repository root is the course directory.

solutions/ is the source (instructor versions with hidden tests), exercises/ the release that
students get; submissions go in submitted/<student>/<assignment>/ (see `make grade`).
"""

from pathlib import Path

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# The rubric of the written questions stays with the instructor.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "rubric.md"]

# Answer cells run as released, so "Run All" reaches the end; the checks then say "not answered yet".
c.ClearSolutions.code_stub = {"python": "..."}
c.ClearSolutions.text_stub = "Write your answer here."

# A per-cell limit for grading, so an infinite loop costs one question, not the whole run.
c.Execute.timeout = 30

# Feedback shows that a hidden test failed and why, not the test's code or its answer key.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "s400.grading.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# A test cell a student deleted comes back (nbgrader marks it), so nobody loses a question by accident.
c.OverwriteCells.add_missing_cells = True

# Grading kernels keep no history file and do not warn about their local TCP connection in the
# grader's terminal (students' errors still reach the notebooks).
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
