#include "crosscheck/result.h"

namespace crosscheck {
namespace {

// Ids come from user input: a long one is cut (at a UTF-8 boundary) so the
// message stays readable.
std::string clipped(const std::string& id) {
  constexpr std::size_t kMaxIdBytes = 120;
  if (id.size() <= kMaxIdBytes) return id;
  std::size_t cut = kMaxIdBytes;
  while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  return id.substr(0, cut) + "...";
}

}  // namespace

std::string Error::message() const {
  std::string raw;
  if (!file.empty()) {
    raw = file;
    if (line > 0) raw += ':' + std::to_string(line);
    if (!document.empty()) raw += ": document '" + clipped(document) + "'";
  } else if (!document.empty()) {
    raw = "document '" + clipped(document) + "'";
  }
  if (!raw.empty()) raw += ": ";
  raw += detail;
  // One line, whatever the file name, id or detail hold: line breaks are
  // shown escaped and other control characters as spaces.
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace crosscheck
