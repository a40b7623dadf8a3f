// Reading documents: JSON Lines, plain text, HTML files and directories.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "crosscheck/crosscheck.h"
#include "util/date.h"
#include "util/utf8.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

Error input_error(std::string_view file, std::size_t line, std::string detail,
                  ErrorCode code = ErrorCode::kInput) {
  return Error{code, std::string(file), line, "", std::move(detail)};
}

Result<std::string> read_file(const fs::path& path, const Limits& limits) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return input_error(path.string(), 0, "cannot read file: " + ec.message(), ErrorCode::kIo);
  // HTML carries markup around its text; allow it a larger budget.
  if (size > 4 * limits.max_document_bytes) {
    return input_error(path.string(), 0, "file is " + std::to_string(size) + " bytes, over the limit",
                       ErrorCode::kLimit);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return input_error(path.string(), 0, "cannot open file", ErrorCode::kIo);
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<std::size_t>(in.gcount()));
  return content;
}

enum class Kind { kJsonl, kText, kHtml, kOther };

Kind kind_of(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".jsonl") return Kind::kJsonl;
  if (ext == ".txt" || ext == ".md") return Kind::kText;
  if (ext == ".html" || ext == ".htm") return Kind::kHtml;
  return Kind::kOther;
}

std::string string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<std::vector<Document>> read_plain(const fs::path& path, Kind kind, const ReadOptions& options) {
  auto content = read_file(path, options.limits);
  if (!content) return content.error();
  std::string name = path.string();
  if (auto bad = internal::find_invalid_utf8(*content)) {
    return input_error(name, internal::line_of(*content, *bad),
                       "invalid UTF-8 at byte " + std::to_string(*bad), ErrorCode::kEncoding);
  }
  Document d;
  d.id = path.stem().string();
  d.origin = name;
  d.published = options.published;
  if (kind == Kind::kHtml) {
    auto text = html_to_text(*content, options.limits);
    if (!text) return input_error(name, 0, text.error().detail, text.error().code);
    d.text = std::move(*text);
  } else {
    d.text = std::move(*content);
  }
  auto valid = validate(std::move(d), options.limits);
  if (!valid) return valid.error();
  return std::vector<Document>{std::move(*valid)};
}

}  // namespace

Result<std::vector<Document>> parse_jsonl(std::string_view content, std::string_view file,
                                          const ReadOptions& options) {
  std::vector<Document> docs;
  std::size_t line_no = 0;
  while (!content.empty()) {
    ++line_no;
    std::size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (auto bad = internal::find_invalid_utf8(line)) {
      return input_error(file, line_no, "invalid UTF-8 at column " + std::to_string(*bad + 1),
                         ErrorCode::kEncoding);
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return input_error(file, line_no, "not a valid JSON object");
    if (!j.is_object()) return input_error(file, line_no, "expected a JSON object");
    Document d;
    d.origin = std::string(file) + ':' + std::to_string(line_no);
    auto id = j.find("id");
    if (id == j.end() || !id->is_string() || id->get<std::string>().empty()) {
      return input_error(file, line_no, "missing string field 'id'");
    }
    d.id = id->get<std::string>();
    const bool has_text = j.contains("text"), has_html = j.contains("html");
    if (has_text == has_html) {
      return input_error(file, line_no, "document '" + d.id + "' needs exactly one of 'text' or 'html'");
    }
    const char* body_key = has_text ? "text" : "html";
    if (!j[body_key].is_string()) {
      return input_error(file, line_no, std::string("field '") + body_key + "' must be a string");
    }
    for (const char* key : {"source", "url", "title", "author", "published", "language"}) {
      if (j.contains(key) && !j[key].is_string() && !j[key].is_null()) {
        return input_error(file, line_no, std::string("field '") + key + "' must be a string");
      }
    }
    d.source = string_field(j, "source");
    d.url = string_field(j, "url");
    d.title = string_field(j, "title");
    d.author = string_field(j, "author");
    d.published = string_field(j, "published");
    if (d.published.empty()) d.published = options.published;
    if (std::string lang = string_field(j, "language"); !lang.empty()) d.language = lang;
    if (has_html) {
      auto text = html_to_text(j["html"].get_ref<const std::string&>(), options.limits);
      if (!text) return input_error(file, line_no, "document '" + d.id + "': " + text.error().detail);
      d.text = std::move(*text);
    } else {
      d.text = j["text"].get<std::string>();
    }
    auto valid = validate(std::move(d), options.limits);
    if (!valid) return valid.error();
    docs.push_back(std::move(*valid));
    if (docs.size() > options.limits.max_documents) {
      return input_error(file, line_no, "more documents than the limit of " +
                                            std::to_string(options.limits.max_documents),
                         ErrorCode::kLimit);
    }
  }
  return docs;
}

Result<std::vector<Document>> read_inputs(const std::vector<std::string>& paths,
                                          const ReadOptions& options) {
  if (!options.published.empty() && !internal::parse_iso_date(options.published)) {
    return Error{ErrorCode::kUsage, "", 0, "", "--published '" + options.published + "' is not YYYY-MM-DD"};
  }
  std::vector<Document> all;
  auto add = [&](const fs::path& path, bool explicit_file) -> std::optional<Error> {
    Kind kind = kind_of(path);
    if (kind == Kind::kOther) {
      if (explicit_file) kind = Kind::kText;  // a named file is read as text
      else return std::nullopt;               // a directory's other files are not inputs
    }
    Result<std::vector<Document>> docs = std::vector<Document>{};
    if (kind == Kind::kJsonl) {
      auto content = read_file(path, Limits{options.limits.max_document_bytes * 64, 0, 0});
      if (!content) return content.error();
      docs = parse_jsonl(*content, path.string(), options);
    } else {
      docs = read_plain(path, kind, options);
    }
    if (!docs) return docs.error();
    for (Document& d : *docs) all.push_back(std::move(d));
    return std::nullopt;
  };
  for (const std::string& p : paths) {
    fs::path path(p);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      if (ec) return input_error(p, 0, "cannot list directory: " + ec.message(), ErrorCode::kIo);
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        if (auto err = add(f, false)) return *err;
      }
    } else if (fs::exists(path, ec)) {
      if (auto err = add(path, true)) return *err;
    } else {
      return input_error(p, 0, "no such file or directory", ErrorCode::kIo);
    }
  }
  std::set<std::string> seen;
  for (const Document& d : all) {
    if (!seen.insert(d.id).second) {
      Error e{ErrorCode::kInput, d.origin, 0, "", "duplicate document id '" + d.id + "'"};
      return e;
    }
  }
  return all;
}

}  // namespace crosscheck
