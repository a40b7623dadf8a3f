// Reading documents: JSON Lines, plain text, HTML files and directories.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "crosscheck/crosscheck.h"
#include "ingest/flat_json.h"
#include "ingest/limits.h"
#include "pipeline/validate.h"
#include "util/ascii.h"
#include "util/date.h"
#include "util/utf8.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

Error input_error(std::string_view file, std::size_t line, std::string detail,
                  ErrorCode code = ErrorCode::kInput) {
  return Error{code, std::string(file), line, "", std::move(detail)};
}

Result<std::string> read_file(const fs::path& path, std::size_t max_bytes) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return input_error(path.string(), 0, "cannot read file: " + ec.message(), ErrorCode::kIo);
  if (size > max_bytes) {
    return input_error(path.string(), 0,
                       "file is " + std::to_string(size) + " bytes, over the limit of " +
                           std::to_string(max_bytes) + " (see --max-document-bytes)",
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
  const std::string ext = internal::ascii_lowered(path.extension().string());
  if (ext == ".jsonl") return Kind::kJsonl;
  if (ext == ".txt" || ext == ".md") return Kind::kText;
  if (ext == ".html" || ext == ".htm") return Kind::kHtml;
  return Kind::kOther;
}

// nlohmann's parser keeps its own stack, but a limit gives a clear error and
// bounds the work; strings are skipped so brackets inside them do not count.
std::optional<std::size_t> json_too_deep(std::string_view line, std::size_t max_nesting) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_nesting) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
// error while parsing value - invalid literal; last read: 'x'" becomes
// "invalid JSON at column 5: syntax error while parsing value - invalid literal",
// short and on one line (the "last read" part can quote megabytes).
std::string json_error_detail(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  if (auto last = what.find("; last read:"); last != std::string::npos) what.resize(last);
  if (auto column = what.find("column "); column != std::string::npos) {
    what = "invalid JSON at " + what.substr(column);
  } else if (auto colon = what.find("] "); colon != std::string::npos) {
    what = "invalid JSON: " + what.substr(colon + 2);
  }
  if (what.size() > 200) what.resize(200);
  return what;
}

// A record's fields, from either reader.
class Fields {
 public:
  enum State { kAbsent, kNull, kString, kOther };

  explicit Fields(std::vector<internal::FlatMember>& flat) : flat_(&flat) {}
  explicit Fields(nlohmann::json& json) : json_(&json) {}

  State state(std::string_view key) const {
    if (flat_) {
      const internal::FlatMember* m = find(key);
      return !m ? kAbsent : m->is_null ? kNull : kString;
    }
    auto it = json_->find(key);
    if (it == json_->end()) return kAbsent;
    return it->is_null() ? kNull : it->is_string() ? kString : kOther;
  }
  /// The string value of `key`, or "" when it is absent or not a string.
  const std::string& string(std::string_view key) const {
    static const std::string kEmpty;
    const std::string* s = find_string(key);
    return s ? *s : kEmpty;
  }
  /// The same, moved out (the body is the record's largest string).
  std::string take_string(std::string_view key) {
    std::string* s = find_string(key);
    return s ? std::move(*s) : std::string();
  }

 private:
  // The last member named `key`: a JSON object keeps the last of duplicates.
  internal::FlatMember* find(std::string_view key) const {
    for (auto it = flat_->rbegin(); it != flat_->rend(); ++it) {
      if (it->key == key) return &*it;
    }
    return nullptr;
  }
  std::string* find_string(std::string_view key) const {
    if (flat_) {
      internal::FlatMember* m = find(key);
      return m && !m->is_null ? &m->value : nullptr;
    }
    auto it = json_->find(key);
    return it != json_->end() && it->is_string() ? &it->template get_ref<std::string&>() : nullptr;
  }

  std::vector<internal::FlatMember>* flat_ = nullptr;
  nlohmann::json* json_ = nullptr;
};

Result<std::vector<Document>> read_plain(const fs::path& path, Kind kind,
                                         const ReadOptions& options) {
  // HTML carries markup around its text; allow it a larger budget.
  auto content = read_file(path, kind == Kind::kHtml ? internal::html_limit(options.limits)
                                                     : options.limits.max_document_bytes);
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
    if (!text) return input_error(name, text.error().line, text.error().detail, text.error().code);
    d.text = std::move(*text);
  } else {
    d.text = std::move(*content);
  }
  if (auto error = internal::validation_error(d, options.limits)) return *std::move(error);
  std::vector<Document> docs;  // (not {std::move(d)}: an initializer list copies)
  docs.push_back(std::move(d));
  return docs;
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
    if (line.size() > internal::html_limit(options.limits)) {
      return input_error(file, line_no,
                         "line is " + std::to_string(line.size()) + " bytes, over the limit of " +
                             std::to_string(internal::html_limit(options.limits)),
                         ErrorCode::kLimit);
    }
    if (auto bad = internal::find_invalid_utf8(line)) {
      return input_error(file, line_no, "invalid UTF-8 at column " + std::to_string(*bad + 1),
                         ErrorCode::kEncoding);
    }
    // Most records are flat objects of strings: read those directly, and
    // anything else (or anything wrong) with nlohmann, which also words the
    // errors.
    std::optional<std::vector<internal::FlatMember>> flat = internal::parse_flat_object(line);
    // (A flat object is one level deep.)
    if (!flat || options.limits.max_nesting < 1) {
      if (auto deep = json_too_deep(line, options.limits.max_nesting)) {
        return input_error(file, line_no,
                           "JSON nesting deeper than " +
                               std::to_string(options.limits.max_nesting) + " at column " +
                               std::to_string(*deep + 1),
                           ErrorCode::kLimit);
      }
    }
    nlohmann::json j;
    if (!flat) {
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        return input_error(file, line_no, json_error_detail(e));
      } catch (const nlohmann::json::exception& e) {
        // e.g. out_of_range for a number too large for a double (found by fuzz_jsonl).
        std::string what = e.what();
        if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
        if (what.size() > 120) what = what.substr(0, 120) + "...";
        return input_error(file, line_no, "invalid JSON: " + what);
      }
      if (!j.is_object()) return input_error(file, line_no, "expected a JSON object");
    }
    Fields fields = flat ? Fields(*flat) : Fields(j);
    // Made in its place in `docs` and validated there (on an error the
    // whole result is dropped anyway).
    Document& d = docs.emplace_back();
    d.origin = std::string(file) + ':' + std::to_string(line_no);
    if (fields.state("id") != Fields::kString || fields.string("id").empty()) {
      return input_error(file, line_no, "missing string field 'id'");
    }
    d.id = fields.string("id");
    const bool has_text = fields.state("text") != Fields::kAbsent;
    const bool has_html = fields.state("html") != Fields::kAbsent;
    if (has_text == has_html) {
      return input_error(file, line_no,
                         "document '" + d.id + "' needs exactly one of 'text' or 'html'");
    }
    const char* body_key = has_text ? "text" : "html";
    if (fields.state(body_key) != Fields::kString) {
      return input_error(file, line_no, std::string("field '") + body_key + "' must be a string");
    }
    for (const char* key : {"source", "url", "title", "author", "published", "language"}) {
      if (Fields::State s = fields.state(key);
          s != Fields::kAbsent && s != Fields::kString && s != Fields::kNull) {
        return input_error(file, line_no, std::string("field '") + key + "' must be a string");
      }
    }
    d.source = fields.string("source");
    d.url = fields.string("url");
    d.title = fields.string("title");
    d.author = fields.string("author");
    d.published = fields.string("published");
    if (d.published.empty()) d.published = options.published;
    if (std::string lang = fields.string("language"); !lang.empty()) d.language = lang;
    if (has_html) {
      auto text = html_to_text(fields.string("html"), options.limits);
      if (!text) {
        std::string where =
            text.error().line > 0 ? " (HTML line " + std::to_string(text.error().line) + ")" : "";
        return input_error(file, line_no, "document '" + d.id + "': " + text.error().detail + where,
                           text.error().code);
      }
      d.text = std::move(*text);
    } else {
      d.text = fields.take_string("text");
    }
    if (auto error = internal::validation_error(d, options.limits)) return *std::move(error);
    if (docs.size() > options.limits.max_documents) {
      return input_error(
          file, line_no,
          "more documents than the limit of " + std::to_string(options.limits.max_documents),
          ErrorCode::kLimit);
    }
  }
  return docs;
}

Result<std::vector<Document>> read_inputs(const std::vector<std::string>& paths,
                                          const ReadOptions& options) {
  if (!options.published.empty() && !internal::parse_iso_date(options.published)) {
    return Error{ErrorCode::kUsage, "", 0, "",
                 "--published '" + options.published + "' is not YYYY-MM-DD"};
  }
  std::vector<Document> all;
  auto add = [&](const fs::path& path, bool explicit_file) -> std::optional<Error> {
    Kind kind = kind_of(path);
    if (kind == Kind::kOther) {
      if (explicit_file)
        kind = Kind::kText;  // a named file is read as text
      else
        return std::nullopt;  // a directory's other files are not inputs
    }
    Result<std::vector<Document>> docs = std::vector<Document>{};
    if (kind == Kind::kJsonl) {
      auto content = read_file(path, internal::scaled_limit(options.limits, 256));
      if (!content) return content.error();
      docs = parse_jsonl(*content, path.string(), options);
    } else {
      docs = read_plain(path, kind, options);
    }
    if (!docs) return docs.error();
    // A file that yields no document is an input mistake, not an empty story.
    if (docs->empty()) return input_error(path.string(), 0, "no documents in the file");
    for (Document& d : *docs) all.push_back(std::move(d));
    if (all.size() > options.limits.max_documents) {
      return input_error(
          path.string(), 0,
          "more documents than the limit of " + std::to_string(options.limits.max_documents),
          ErrorCode::kLimit);
    }
    return std::nullopt;
  };
  for (const std::string& p : paths) {
    fs::path path(p);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        std::error_code file_ec;
        if (entry.is_regular_file(file_ec)) files.push_back(entry.path());
      }
      if (ec) return input_error(p, 0, "cannot list directory: " + ec.message(), ErrorCode::kIo);
      // Name order, byte-wise, whatever the locale.
      std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        return a.filename().string() < b.filename().string();
      });
      const std::size_t before = all.size();
      for (const fs::path& f : files) {
        if (auto err = add(f, false)) return *err;
      }
      if (all.size() == before) {
        return input_error(p, 0, "no .jsonl, .txt, .md, .html or .htm files in the directory");
      }
    } else if (fs::exists(path, ec)) {
      if (auto err = add(path, true)) return *err;
    } else {
      return input_error(p, 0, "no such file or directory", ErrorCode::kIo);
    }
  }
  std::map<std::string_view, std::string_view> first_origin;
  for (const Document& d : all) {
    auto [it, inserted] = first_origin.emplace(d.id, d.origin);
    if (!inserted) {
      return Error{
          ErrorCode::kInput, d.origin, 0, "",
          "duplicate document id '" + d.id + "' (first at " + std::string(it->second) + ")"};
    }
  }
  return all;
}

}  // namespace crosscheck
