"""Shared fixtures: the sample corpus, its report, and the C++ checker to compare with."""

import json
import os
import pathlib
import subprocess

import pytest

import crosscheck

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "nato-amman.jsonl"


def checker_binary():
    """The C++ checker built beside the in-tree module (build/crosscheck), or None."""
    explicit = os.environ.get("CROSSCHECK_BINARY")
    if explicit:
        return pathlib.Path(explicit)
    # PYTHONPATH=build/python: the module is build/python/crosscheck/_core*.so
    build = pathlib.Path(crosscheck._core.__file__).resolve().parents[2]
    candidate = build / "crosscheck"
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


@pytest.fixture(scope="session")
def sample_path():
    return SAMPLE


@pytest.fixture(scope="session")
def sample_lines():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def docs():
    return crosscheck.read(SAMPLE)


@pytest.fixture(scope="session")
def report(docs):
    return crosscheck.check(docs)


@pytest.fixture(scope="session")
def cli():
    """Runs the C++ checker; skips when it is not built (e.g. a pip-installed module)."""
    binary = checker_binary()
    if binary is None:
        pytest.skip("the C++ checker (build/crosscheck) is not built")

    def run(*args):
        done = subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True,
                              encoding="utf-8", timeout=600)
        return done

    return run
