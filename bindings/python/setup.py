"""Builds the crosscheck Python package with CMake.

    pip install --no-build-isolation ./bindings/python

CMake configures the repository root (two levels up) with only the library and
the `_core` module enabled, builds `_core`, and the module is copied into the
package. Everything comes from Debian packages (cmake, pybind11-dev or
python3-pybind11, ICU, Boost, nlohmann-json, gumbo); no package index is used.

Environment: CROSSCHECK_JOBS (parallel compile jobs, default: all cores),
CROSSCHECK_CMAKE_ARGS (extra CMake arguments, space-separated).
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(crosscheck\s+VERSION\s+([0-9.]+)", text)
    if not match:
        raise RuntimeError("cannot find the project version in CMakeLists.txt")
    return match.group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Runs CMake on the repository root and copies the built module."""

    def build_extension(self, ext):
        if shutil.which("cmake") is None:
            raise RuntimeError("building crosscheck needs CMake (apt-get install cmake)")
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        build_dir = Path(self.build_temp).resolve() / "cmake"
        args = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DCROSSCHECK_BUILD_TESTS=OFF",
            "-DCROSSCHECK_BUILD_EXAMPLES=OFF",
            "-DCROSSCHECK_INSTALL=OFF",
            "-DCROSSCHECK_BUILD_PYTHON=ON",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ]
        try:
            import pybind11

            args.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        except ImportError:
            pass  # CMake finds pybind11-dev's config on its own
        if shutil.which("ccache"):
            args.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
        args += os.environ.get("CROSSCHECK_CMAKE_ARGS", "").split()
        jobs = os.environ.get("CROSSCHECK_JOBS") or str(os.cpu_count() or 1)
        subprocess.run(args, check=True)
        subprocess.run(
            ["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs], check=True
        )
        suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
        built = build_dir / "python" / "crosscheck" / ("_core" + suffix)
        if not built.exists():
            candidates = glob.glob(str(build_dir / "python" / "crosscheck" / "_core*"))
            if len(candidates) != 1:
                raise RuntimeError(f"cannot find the built module in {built.parent}")
            built = Path(candidates[0])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(
    name="crosscheck",
    version=project_version(),
    description="Check news sources against each other: claims, contradictions, quotes",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.9",
    packages=["crosscheck"],
    package_data={"crosscheck": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("crosscheck._core")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
