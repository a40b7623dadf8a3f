import crosscheck


def test_version_is_a_string():
    assert isinstance(crosscheck.__version__, str)
    assert crosscheck.__version__.count(".") == 2
