// One self-contained HTML page for journalists.
#include <sstream>

#include "crosscheck/crosscheck.h"

namespace crosscheck {
namespace {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string to_html(const Report& report) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>crosscheck report</title></head><body>\n";
  out << "<h1>crosscheck report</h1>\n<ul class=\"findings\">\n";
  for (const Finding& f : report.findings) {
    out << "<li class=\"finding " << escape(f.kind) << "\" id=\"" << escape(f.id) << "\">"
        << escape(f.summary) << "</li>\n";
  }
  out << "</ul>\n</body></html>\n";
  return out.str();
}

}  // namespace crosscheck
