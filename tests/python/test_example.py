"""The notebook-style example runs from start to end."""

import os
import pathlib
import subprocess
import sys

import crosscheck

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_quickstart_example_runs(tmp_path):
    env = dict(os.environ)
    # Whatever crosscheck this test imports, the example imports too.
    env["PYTHONPATH"] = str(pathlib.Path(crosscheck.__file__).resolve().parents[1])
    env["TMPDIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "quickstart.py")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "<crosscheck.Report: 5 documents" in done.stdout
    assert "InputError late - document 'late'" in done.stdout
    assert "crosscheck.report/1" in done.stdout
    assert (tmp_path / "crosscheck-report.html").read_text(encoding="utf-8").strip()
