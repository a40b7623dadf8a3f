// crosscheck._core: a thin pybind11 layer over the C++ API.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <crosscheck/crosscheck.h>

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "crosscheck native core";
  m.attr("__version__") = CROSSCHECK_VERSION;
}
