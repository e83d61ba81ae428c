"""nbgrader's settings for this module: the repository root is the course directory.

solutions/ is the source (instructor versions with hidden tests), exercises/ the release that
students get; submissions go in submitted/<student>/<assignment>/ (see `make grade`).
"""

from pathlib import Path

from s400_instructor.grading.preprocessors import use_sandbox

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# The rubric of the written questions stays with the instructor.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "rubric.md"]

# Answer cells run as released, so "Run All" reaches the end; checks then say "not answered yet".
c.ClearSolutions.code_stub = {"python": "..."}
c.ClearSolutions.text_stub = "Write your answer here."

# Autograding (make grade, nbgrader autograde, the Formgrader) runs each submission's code in a
# bubblewrap sandbox that sees nothing of this directory and checks the answers outside it
# (s400_instructor.grading); nbgrader's own kernel never runs student code.
use_sandbox(c)
# A per-cell limit, so an infinite loop costs one question, not the whole run.
c.SandboxedExecute.timeout = 30

# Feedback shows that a hidden test failed and why, not the test's code or its answer key.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "s400_instructor.grading.preprocessors.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# A test cell a student deleted comes back (nbgrader marks it): no question is lost by accident.
c.OverwriteCells.add_missing_cells = True
