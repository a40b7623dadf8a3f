#include "crosscheck/result.h"

namespace crosscheck {

std::string Error::message() const {
  std::string out;
  if (!file.empty()) {
    out = file;
    if (line > 0) out += ':' + std::to_string(line);
    if (!document.empty()) out += ": document '" + document + "'";
  } else if (!document.empty()) {
    out = "document '" + document + "'";
  }
  if (!out.empty()) out += ": ";
  // One line, whatever the detail holds.
  for (char c : detail) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace crosscheck
