"""Bad input raises crosscheck errors (or TypeError) naming the document; nothing crashes."""

import datetime
import pickle

import pytest

import crosscheck


def test_hierarchy():
    assert issubclass(crosscheck.InputError, crosscheck.Error)
    assert issubclass(crosscheck.InputError, ValueError)
    assert issubclass(crosscheck.EncodingError, crosscheck.InputError)
    assert issubclass(crosscheck.LimitError, crosscheck.InputError)
    assert issubclass(crosscheck.LexiconError, crosscheck.Error)
    assert issubclass(crosscheck.ReadError, crosscheck.Error)
    assert issubclass(crosscheck.ReadError, OSError)
    assert issubclass(crosscheck.UsageError, crosscheck.Error)
    assert crosscheck.InputError.__module__ == "crosscheck"


@pytest.mark.parametrize("kwargs, error, detail", [
    (dict(id="empty", text="   \n "), crosscheck.InputError, "empty"),
    (dict(id="bad-date", text="Text.", published="10 July 2024"), crosscheck.InputError, "YYYY-MM-DD"),
    (dict(id="bad-day", text="Text.", published="2024-02-30"), crosscheck.InputError, "YYYY-MM-DD"),
    (dict(id="surrogate", text="Text \udc80 here."), crosscheck.EncodingError, "Unicode"),
    (dict(id="big", text="word " * (2 << 20)), crosscheck.LimitError, "limit"),
])
def test_bad_documents_name_the_document(kwargs, error, detail):
    with pytest.raises(error) as caught:
        crosscheck.Document(**kwargs)
    e = caught.value
    assert e.document == kwargs["id"]
    assert f"document '{kwargs['id']}'" in str(e)
    assert detail in str(e)
    assert e.code == error.code


def test_missing_id_is_an_input_error():
    with pytest.raises(crosscheck.InputError, match="no id"):
        crosscheck.Document("", "Text.")


def test_deep_html_is_a_limit_error():
    html = "<div>" * 5000 + "deep" + "</div>" * 5000
    with pytest.raises(crosscheck.LimitError) as caught:
        crosscheck.Document("deep", html=html)
    assert caught.value.document == "deep"
    with pytest.raises(crosscheck.LimitError):
        crosscheck.html_to_text(html)


@pytest.mark.parametrize("args, kwargs", [
    ((1, "Text."), {}),
    (("id", b"bytes are not text"), {}),
    (("id",), {}),                                   # neither text nor html
    (("id", "Text."), dict(html="<p>Text.</p>")),    # both
    (("id", "Text."), dict(published=20240710)),
    (("id", "Text."), dict(source=3)),
    (("id", "Text."), dict(language=None)),
])
def test_wrong_types_are_type_errors(args, kwargs):
    with pytest.raises(TypeError):
        crosscheck.Document(*args, **kwargs)


def test_wrong_arguments_to_functions():
    doc = crosscheck.Document("d", "Text.")
    with pytest.raises(TypeError, match="wrap one document"):
        crosscheck.check(doc)
    with pytest.raises(TypeError, match="crosscheck.read"):
        crosscheck.check("examples/nato-amman.jsonl")
    with pytest.raises(TypeError, match="item 1 is str"):
        crosscheck.check([doc, "text"])
    with pytest.raises(TypeError):
        crosscheck.check(5)
    with pytest.raises(TypeError):
        crosscheck.check([None])
    with pytest.raises(TypeError):
        crosscheck.extract("just text")
    with pytest.raises(TypeError):
        crosscheck.extract_all([doc, {"id": "x", "text": "y"}])
    with pytest.raises(TypeError):
        crosscheck.read(5)
    with pytest.raises(TypeError):
        crosscheck.read([b"bytes"])
    with pytest.raises(TypeError):
        crosscheck.check([doc], threads="2")
    with pytest.raises(crosscheck.UsageError):
        crosscheck.check([doc], threads=-1)
    with pytest.raises(TypeError):
        crosscheck.check([doc], lexicon=5)
    with pytest.raises(TypeError):
        crosscheck.check([doc], lexicon=[3])
    with pytest.raises(TypeError):
        crosscheck.html_to_text(None)


def test_duplicate_ids_name_the_document():
    docs = [crosscheck.Document("twice", "One."), crosscheck.Document("twice", "Two.")]
    with pytest.raises(crosscheck.InputError, match="duplicate") as caught:
        crosscheck.check(docs)
    assert caught.value.document == "twice"
    with pytest.raises(crosscheck.InputError):
        crosscheck.extract_all(docs)


def test_bad_jsonl_line_names_file_and_line(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n{"id": "b", "text": 3}\n', encoding="utf-8")
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.read(path)
    e = caught.value
    assert e.file == str(path) and e.line == 2
    assert str(e).startswith(f"{path}:2: ")

    path.write_text('{"id": "a", "text": "Fine."}\nnot json\n', encoding="utf-8")
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.read(path)
    assert caught.value.line == 2

    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    with pytest.raises(crosscheck.EncodingError) as caught:
        crosscheck.read(path)
    assert caught.value.line == 1


def test_bad_date_in_jsonl_names_the_document(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n{"id": "late", "text": "Text.", "published": "soon"}\n',
                    encoding="utf-8")
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.read(path)
    assert caught.value.document == "late"
    assert caught.value.line == 2


def test_missing_file_is_a_read_error(tmp_path):
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(crosscheck.ReadError) as caught:
        crosscheck.read(missing)
    assert isinstance(caught.value, OSError)
    assert caught.value.file == str(missing)


def test_bad_published_option_is_a_usage_error(sample_path):
    with pytest.raises(crosscheck.UsageError):
        crosscheck.read(sample_path, published="yesterday")
    with pytest.raises(TypeError):
        crosscheck.read(sample_path, published=3.5)


def test_bad_lexicons(tmp_path):
    doc = crosscheck.Document("d", "Text.")
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(crosscheck.LexiconError):
        crosscheck.check([doc], lexicon=bad)
    with pytest.raises(crosscheck.LexiconError) as caught:
        crosscheck.extract(doc, lexicon=[{}, bad])
    # The error names the file, not its position in the list.
    assert caught.value.file == str(bad)
    assert str(bad) in str(caught.value)
    with pytest.raises(crosscheck.LexiconError) as caught:
        crosscheck.extract_all([doc], lexicon=[{"entities": 3}])
    assert "lexicon 1" in str(caught.value)
    with pytest.raises(crosscheck.ReadError) as caught:
        crosscheck.check([doc], lexicon=tmp_path / "missing.json")
    assert caught.value.file == str(tmp_path / "missing.json")
    with pytest.raises(crosscheck.LexiconError):
        crosscheck.check([doc], lexicon={"bad": {1, 2}})  # a set is not JSON


def test_errors_pickle_with_their_attributes():
    with pytest.raises(crosscheck.InputError) as caught:
        crosscheck.Document("pickled", "Text.", published="nope")
    e = caught.value
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is crosscheck.InputError
    assert (again.document, str(again), again.code) == ("pickled", str(e), "input")


# Odd but valid text: every one is analysed without crashing, offsets stay valid.
ODD_TEXTS = [
    "\x01\x02 control characters \x7f.",
    "Only punctuation: ?!?!... —— “” «» ‹›",
    "🙂" * 2000,
    "a" * 200000,
    "e\u0301\u0301\u0301 combining marks " * 500,
    "العربية: افتتح حلف الناتو مكتبا في عمان في 16 سبتمبر 2025.",
    "“" * 5000 + "unbalanced quotes",
    "said " * 20000,
    "On 2024-13-45 and 31 February 2025, 10^400 people (−5 %) met 1e309 times.",
    "\u2028line\u2029separators\r\n\r\nand\ttabs\f.",
    "\ufeffBOM first. \ufffd replacement.",
]


def test_nul_bytes_are_an_input_error():
    # A NUL byte marks binary or UTF-16 input: refused, with the document named.
    with pytest.raises(crosscheck.InputError) as err:
        crosscheck.Document("nul", "\x00\x01 text", published=datetime.date(2024, 1, 1))
    assert err.value.document == "nul"


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_odd_text_does_not_crash(text):
    doc = crosscheck.Document("odd", text, published=datetime.date(2024, 1, 1))
    x = crosscheck.extract(doc)
    data = text.encode("utf-8")
    for s in x.sentences:
        assert text[s.char_begin:s.char_end].encode("utf-8") == data[s.begin:s.end]
    report = crosscheck.check([doc, crosscheck.Document("other", text[::-1])])
    assert report.to_json()


@pytest.mark.parametrize("html", [
    "", "<", "<p", "<<<>>>", "<script>alert(1)</script>", "<p>unclosed <b>tags <i>here",
    "<!-- comment only -->", "&amp;&bogus;&#xFFFFFFFF;&#0;", "<table><tr><td>cell" * 200,
])
def test_odd_html_does_not_crash(html):
    try:
        doc = crosscheck.Document("page", html=html)
    except crosscheck.InputError as e:  # e.g. no text left
        assert e.document == "page"
    else:
        assert isinstance(crosscheck.extract(doc).to_json(), str)


def test_misuse_of_the_classes_is_a_type_error():
    blank = crosscheck.Document.__new__(crosscheck.Document)  # __init__ never ran
    for call in [
        lambda: blank.text,
        lambda: repr(blank),
        lambda: blank == crosscheck.Document("a", "b"),
        lambda: crosscheck.check([blank]),
        lambda: crosscheck.extract(blank),
        lambda: crosscheck.Document.text.fget(5),
        lambda: crosscheck.Report(),
        lambda: crosscheck.Report.__new__(crosscheck.Report),
        lambda: crosscheck.Claim.__new__(crosscheck.Claim),
        lambda: crosscheck.Extraction(),
        lambda: crosscheck.Report.to_json(5),
    ]:
        with pytest.raises(TypeError):
            call()

    class Forgetful(crosscheck.Document):
        def __init__(self):  # does not call Document.__init__
            pass

    with pytest.raises(TypeError):
        Forgetful()

    class Mine(crosscheck.Document):
        def __init__(self, id, text):
            super().__init__(id, text, source="mine")

    assert crosscheck.check([Mine("m", "Some text.")]).documents[0].source == "mine"
