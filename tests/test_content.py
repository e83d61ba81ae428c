"""The content is what the module promises: a full, paraphrased, sourced reconstruction."""

import hashlib
import json
import re

import pytest
from locations import DATA, ROOT, SHARED

from s400.data import load

OP_ED = SHARED / "op-ed.txt"


FINGERPRINT = ROOT / "tests" / "op_ed_fingerprint.txt"
RUN = 7  # words in a row that count as a copy


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def fingerprint(text: str) -> set[str]:
    """Each run of RUN words, hashed: enough to find a copied run, not to recover the text."""
    tokens = words(text)
    runs = (" ".join(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1))
    return {hashlib.sha256(run.encode()).hexdigest()[:16] for run in runs}


def stored_fingerprint() -> set[str]:
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def project_texts() -> dict[str, str]:
    """Every piece of prose the project ships: CSV files, READMEs and notebook cells."""
    texts = {
        p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
        for pattern in ("data/*.csv", "data/scenarios/*.json", "*.md", "*/*.md")
        for p in ROOT.glob(pattern)
    }
    for nb in ROOT.glob("*/**/*.ipynb"):
        if ".ipynb_checkpoints" not in nb.parts and ".venv" not in nb.parts:
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            texts[nb.relative_to(ROOT).as_posix()] = "\n".join("".join(c["source"]) for c in cells)
    return texts


def copied_runs(texts: dict[str, str], op_ed: set[str]) -> dict[str, int]:
    """How many runs of the op-ed each text holds, for the texts that hold any."""
    found = {name: len(fingerprint(text) & op_ed) for name, text in texts.items()}
    return {name: count for name, count in found.items() if count}


def test_no_sentence_of_the_op_ed_is_copied():
    """Paraphrase, never copy: no run of 7 words of the op-ed appears anywhere in the project."""
    assert copied_runs(project_texts(), stored_fingerprint()) == {}


def test_the_copy_check_finds_seven_words_in_a_row_and_not_six():
    source = fingerprint("one two three four five six seven eight")
    assert copied_runs({"a.md": "x two three four five six seven eight y"}, source) == {"a.md": 1}
    assert copied_runs({"b.md": "x two three four five six seven y"}, source) == {}


@pytest.mark.skipif(not OP_ED.is_file(), reason="needs ../shared/reference/op-ed.txt")
def test_the_stored_fingerprint_is_the_op_eds():
    """CI has ../shared beside the repository, so this runs there and catches a stale copy."""
    assert stored_fingerprint() == fingerprint(OP_ED.read_text(encoding="utf-8"))


def test_every_paragraph_is_reconstructed_in_reading_order():
    claims = list(load().claims.values())
    assert [c.id for c in claims] == [f"C{i:02d}" for i in range(1, len(claims) + 1)]
    paragraphs = [c.paragraph for c in claims]
    assert paragraphs == sorted(paragraphs)
    assert set(paragraphs) == {"P1", "P2", "P3", "P4", "P5"}


def test_claims_attributed_to_others_are_not_the_authors():
    data = load()
    reported = {c.kind for c in data.claims.values() if c.speaker != "author"}
    assert reported <= {"attributed_justification", "belief_attribution"}
    assert all(c.hedge == "none" for c in data.claims.values() if c.speaker != "author")


def test_every_prediction_of_the_op_ed_is_checked_against_the_record():
    data = load()
    predictive = {
        c.id for c in data.claims.values() if c.kind in {"prediction", "conditional_prediction"}
    }
    checked = {claim for p in data.predictions.values() for claim in p.claims}
    assert predictive - checked == set()


def test_conditional_predictions_keep_their_condition():
    data = load()
    for prediction in data.predictions.values():
        conditions = {data.claims[c].condition for c in prediction.claims}
        if prediction.condition:
            assert prediction.condition in conditions, prediction.id


def test_the_argument_map_has_one_conclusion_and_no_circle():
    import networkx as nx

    data = load()
    graph = nx.DiGraph((link.source, link.target) for link in data.claim_links)
    assert nx.is_directed_acyclic_graph(graph)
    conclusions = [c.id for c in data.claims.values() if c.kind == "conclusion"]
    assert len(conclusions) == 1 and graph.out_degree(conclusions[0]) == 0


def test_every_fact_cites_a_source_and_a_confidence():
    data = load()
    for row in [*data.timeline.values(), *data.figures.values()]:
        assert row.source.strip() and row.confidence in {"H", "M"}, row.id
        if row.url:
            assert row.url.startswith(("http://", "https://")), row.id


def test_the_f35_and_f16_payments_are_not_merged():
    """factcheck.md: the $1.4bn F-16 down payment (2024) is not one of the F-35 payments."""
    figures = load().figures
    assert figures["f35_payments"].metric != figures["f16_down_payment_2024"].metric
    assert (figures["f35_payments"].low, figures["f35_payments"].high) == (1.25, 1.4)


def test_nothing_is_dated_after_the_sources_end():
    """The reference sources stop in early March 2026; the data must not claim to know more."""
    data = load()
    assert max(e.date for e in data.timeline.values()) <= "2026-03-03"


def test_edges_rest_on_what_they_cite():
    """An op-ed edge cites a claim of the author or of someone the author reports; assumptions
    say why."""
    data = load()
    for edge in data.edges:
        if edge.basis == "assumption":
            assert edge.note and len(edge.note) > 20, edge.id
        if edge.basis == "op-ed":
            assert data.claims[edge.claim].kind != "fact" or edge.kind == "tie", edge.id


def test_data_readme_documents_every_file():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource["path"] in readme


def test_op_ed_edges_follow_the_written_weight_rule():
    """data/README.md: an op-ed edge's default weight is set by how firmly the op-ed commits."""
    rule = {"strong": 0.8, "moderate": 0.6, "weak": 0.4, "none": 0.5}
    data = load()
    off = {
        e.id: (e.weight, rule[data.claims[e.claim].hedge])
        for e in data.edges
        if e.basis == "op-ed" and e.weight != rule[data.claims[e.claim].hedge]
    }
    assert off == {}


if __name__ == "__main__":  # regenerate the fingerprint from the op-ed
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    hashes = sorted(fingerprint(OP_ED.read_text(encoding="utf-8")))
    FINGERPRINT.write_text("\n".join(header + hashes) + "\n", encoding="utf-8")
