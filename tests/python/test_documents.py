"""crosscheck.Document and crosscheck.read on the sample corpus."""

import datetime
import json
import pickle

import pytest

import crosscheck


def test_version_is_the_project_version():
    assert isinstance(crosscheck.__version__, str)
    assert crosscheck.__version__.count(".") == 2
    assert crosscheck.__version__ == crosscheck._core.__version__


def test_read_gives_the_sample_documents_in_order(docs, sample_lines):
    assert [d.id for d in docs] == [line["id"] for line in sample_lines]
    national = docs[0]
    assert national.source == "The National"
    assert national.published == "2024-07-10"
    assert national.published_date == datetime.date(2024, 7, 10)
    assert national.origin.endswith("nato-amman.jsonl:1")
    # HTML input is converted to text: no markup is left, the words are.
    assert "<a href" not in national.text
    assert national.text.startswith("Nato will open a liaison office in Jordan")
    undated = [d for d in docs if d.published is None]
    assert {d.id for d in undated} == {
        line["id"] for line in sample_lines if not line.get("published")
    }
    assert all(d.published_date is None for d in undated)


def test_read_accepts_paths_lists_and_published(sample_path, tmp_path):
    assert [d.id for d in crosscheck.read([sample_path])] == [
        d.id for d in crosscheck.read(str(sample_path))
    ]
    note = tmp_path / "note.txt"
    note.write_text("Rain fell in Amman on Tuesday.", encoding="utf-8")
    (doc,) = crosscheck.read(note, published=datetime.date(2024, 3, 5))
    assert doc.id == "note"
    assert doc.published == "2024-03-05"
    assert doc.text == "Rain fell in Amman on Tuesday."
    (doc,) = crosscheck.read(tmp_path, published="2024-03-06")
    assert doc.published == "2024-03-06"


def test_document_from_text_keeps_every_field():
    doc = crosscheck.Document(
        id="d1",
        text="Zürich, 3 May — “We agree,” she said.",
        source="Outlet",
        url="https://example.org/a",
        title="A title",
        author="A. Writer",
        published=datetime.date(2024, 5, 3),
    )
    assert (doc.id, doc.source, doc.url, doc.title, doc.author) == (
        "d1", "Outlet", "https://example.org/a", "A title", "A. Writer")
    assert doc.language == "en"
    assert doc.published == "2024-05-03"
    assert doc.text == "Zürich, 3 May — “We agree,” she said."
    assert doc.origin is None and doc.published_inferred is None
    assert doc.to_dict()["text"] == doc.text


def test_document_published_forms():
    def pub(value):
        return crosscheck.Document("d", "Text.", published=value).published

    assert pub(None) is None
    assert pub("2024-07-10") == "2024-07-10"
    assert pub("2024-07-10T08:30:00Z") == "2024-07-10"  # ISO 8601 date-time
    assert pub(datetime.date(2025, 9, 16)) == "2025-09-16"
    assert pub(datetime.datetime(2025, 9, 16, 23, 59)) == "2025-09-16"


def test_document_from_html_matches_the_reader(sample_lines, docs):
    line = sample_lines[0]
    assert "html" in line
    doc = crosscheck.Document(line["id"], html=line["html"], source=line.get("source"),
                              published=line.get("published"))
    assert doc == docs[0]  # same text, same fields
    assert doc.text == crosscheck.html_to_text(line["html"])


def test_document_equality_repr_and_pickle(docs):
    doc = docs[1]
    copy = pickle.loads(pickle.dumps(doc))
    assert copy == doc and copy is not doc
    assert copy != crosscheck.Document(doc.id, doc.text + " More.")
    assert doc != "not a document"
    text = repr(doc)
    assert text.startswith("Document(id='singh-2024-07-12'")
    assert "published='2024-07-12'" in text
    assert len(text) < 300  # long texts are cut
    assert type(doc).__module__ == "crosscheck"


def test_documents_are_read_only(docs):
    with pytest.raises(AttributeError):
        docs[0].text = "changed"
    with pytest.raises(AttributeError):
        docs[0].id = "other"


def test_to_dict_round_trips_through_json(docs):
    for doc in docs:
        again = crosscheck.Document(**json.loads(json.dumps(doc.to_dict())))
        assert again == doc
