"""A clean `pip install --no-build-isolation` of bindings/python into a fresh virtual
environment, then `import crosscheck` on the sample corpus.

It compiles the whole library (a few minutes on two cores; ccache makes reruns fast).
Set CROSSCHECK_SKIP_PIP_TEST=1 to skip it in quick local runs; CI runs it.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "nato-amman.jsonl"
SYSTEM_PYTHON = "/usr/bin/python3"

pytestmark = pytest.mark.skipif(
    os.environ.get("CROSSCHECK_SKIP_PIP_TEST", "") not in ("", "0"),
    reason="CROSSCHECK_SKIP_PIP_TEST is set",
)


def copy_sources(destination):
    """The repository without build trees, so the install starts from sources only."""
    ignore = shutil.ignore_patterns("build", "build-*", "build_*", ".git", "__pycache__",
                                    "*.egg-info", ".pytest_cache")
    shutil.copytree(ROOT, destination, ignore=ignore, symlinks=True)


def test_pip_install_into_a_fresh_venv(tmp_path):
    python = SYSTEM_PYTHON if os.path.exists(SYSTEM_PYTHON) else sys.executable
    source = tmp_path / "src"
    copy_sources(source)
    venv = tmp_path / "venv"
    subprocess.run([python, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    venv_python = venv / "bin" / "python"

    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the in-tree module must not be the one imported
    env.setdefault("CCACHE_BASEDIR", str(source))  # cache hits across temporary copies
    install = subprocess.run(
        [str(venv_python), "-m", "pip", "install", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", str(source / "bindings" / "python")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=3600)
    assert install.returncode == 0, install.stdout[-5000:] + install.stderr[-5000:]

    script = textwrap.dedent(f"""
        import json, pathlib, crosscheck
        docs = crosscheck.read({str(SAMPLE)!r})
        report = crosscheck.check(docs)
        package = pathlib.Path(crosscheck.__file__).parent
        doc = crosscheck.Document("d", "Caf\\u00e9 \\u201cquoted\\u201d. Second sentence.")
        second = crosscheck.extract(doc).sentences[1]
        print(json.dumps({{
            "file": crosscheck.__file__,
            "version": crosscheck.__version__,
            "ids": [d.id for d in docs],
            "schema": json.loads(report.to_json())["schema"],
            "report": report.to_json(),
            "typed": (package / "py.typed").exists() and (package / "_core.pyi").exists(),
            "second": doc.text[second.char_begin:second.char_end],
        }}))
    """)
    run = subprocess.run([str(venv_python), "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert pathlib.Path(result["file"]).resolve().is_relative_to(venv.resolve())
    assert result["ids"] == [json.loads(line)["id"] for line in
                             SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert result["schema"] == "crosscheck.report/1"
    assert result["typed"]
    assert result["second"] == "Second sentence."
    # The installed module computes exactly what the in-tree one does.
    import crosscheck
    assert result["version"] == crosscheck.__version__
    assert result["report"] == crosscheck.check(crosscheck.read(SAMPLE)).to_json()
