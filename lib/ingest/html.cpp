// HTML to plain text with a real parser (gumbo): entities decoded, scripts and
// styles dropped, block elements separated by line breaks, spaces collapsed.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/crosscheck.h"
#include "ingest/limits.h"
#include "util/ascii.h"
#include "util/utf8.h"

namespace crosscheck {
namespace {

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

class TextWriter {
 public:
  explicit TextWriter(std::size_t max_depth) : max_depth_(max_depth) {}

  bool walk(const GumboNode* root) {
    // Iterative walk: hostile nesting cannot overflow the stack.
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* n = f.node;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
          n->type == GUMBO_NODE_CDATA) {
        add_text(n->v.text.text);
        stack.pop_back();
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
          n->type != GUMBO_NODE_TEMPLATE) {
        stack.pop_back();
        continue;
      }
      const GumboVector& children =
          n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
      const GumboTag tag = n->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : n->v.element.tag;
      if (f.next_child == 0) {
        if (tag != GUMBO_TAG_UNKNOWN && is_skipped(tag) && n->type != GUMBO_NODE_DOCUMENT) {
          stack.pop_back();
          continue;
        }
        if (is_block(tag)) break_line();
      }
      if (f.next_child < children.length) {
        if (stack.size() > max_depth_) return false;
        const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
        stack.push_back(Frame{child, 0});
        continue;
      }
      if (is_block(tag)) break_line();
      stack.pop_back();
    }
    return true;
  }

  std::string take() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  void add_text(const char* s) {
    for (; *s; ++s) {
      const unsigned char c = static_cast<unsigned char>(*s);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
      pending_space_ = false;
      out_ += static_cast<char>(c);
    }
  }
  void break_line() {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }

  std::size_t max_depth_;
  std::string out_;
  bool pending_space_ = false;
};

// Gumbo's tree construction scans the stack of open elements for many start
// tags and checks each attribute against the tag's others, so very deep
// nesting or thousands of attributes on one tag make it quadratic (200,000
// nested <div>s take minutes). A linear pre-scan of the tags bounds both before
// gumbo runs. The depth it estimates is an upper bound for well-formed pages:
// void elements and elements whose end tag may be omitted (p, li, td, ...)
// do not count, since siblings close them.
constexpr std::size_t kMaxAttributesPerTag = 256;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower_tag_name(std::string_view html, std::size_t& i) {
  std::string name;
  while (i < html.size() && !is_html_space(html[i]) && html[i] != '>' && html[i] != '/') {
    if (name.size() < 16) name += internal::ascii_lower(html[i]);
    ++i;
  }
  return name;
}

bool is_depth_neutral(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      // void elements
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "isindex",
      // end tag optional: closed by the next sibling
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
      "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool is_raw_text(std::string_view name) {
  static constexpr std::string_view kNames[] = {"script", "style",   "textarea", "title",   "xmp",
                                                "iframe", "noembed", "noframes", "noscript"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Offset of the next "</name" (ASCII case-insensitive) at or after `from`, or the end.
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos;
       i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) break;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) {
      same = internal::ascii_lower(html[i + 2 + k]) == name[k];
    }
    if (same) return i;
  }
  return html.size();
}

std::optional<Error> prescan_tags(std::string_view html, std::size_t max_nesting) {
  const std::size_t n = html.size();
  std::size_t depth = 0;
  auto error_at = [&](std::size_t offset, std::string detail) {
    return Error{ErrorCode::kLimit, "", internal::line_of(html, offset), "", std::move(detail)};
  };
  for (std::size_t i = html.find('<'); i < n; i = html.find('<', i)) {
    const std::size_t tag_begin = i;
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t close = html.find("-->", i + 4);
      i = close == std::string_view::npos ? n : close + 3;
      continue;
    }
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const std::size_t close = html.find('>', i);
      i = close == std::string_view::npos ? n : close + 1;
      continue;
    }
    const bool end_tag = i + 1 < n && html[i + 1] == '/';
    i += end_tag ? 2 : 1;
    if (i >= n || !is_ascii_alpha(html[i])) continue;
    const std::string name = lower_tag_name(html, i);
    // Attributes: names, optionally = and a (quoted) value, up to '>'.
    std::size_t attributes = 0;
    bool self_closing = false;
    while (i < n && html[i] != '>') {
      if (is_html_space(html[i])) {
        ++i;
        continue;
      }
      if (html[i] == '/') {
        self_closing = i + 1 < n && html[i + 1] == '>';
        ++i;
        continue;
      }
      ++attributes;
      while (i < n && !is_html_space(html[i]) && html[i] != '>' && html[i] != '=' &&
             html[i] != '/') {
        ++i;
      }
      while (i < n && is_html_space(html[i])) ++i;
      if (i < n && html[i] == '=') {
        ++i;
        while (i < n && is_html_space(html[i])) ++i;
        if (i < n && (html[i] == '"' || html[i] == '\'')) {
          const std::size_t close = html.find(html[i], i + 1);
          i = close == std::string_view::npos ? n : close + 1;
        } else {
          while (i < n && !is_html_space(html[i]) && html[i] != '>') ++i;
        }
      }
    }
    if (i < n) ++i;  // '>'
    if (attributes > kMaxAttributesPerTag) {
      return error_at(tag_begin, "HTML tag <" + name + "> has more than " +
                                     std::to_string(kMaxAttributesPerTag) + " attributes");
    }
    if (end_tag) {
      if (!is_depth_neutral(name) && depth > 0) --depth;
      continue;
    }
    if (name == "plaintext") break;  // the rest is text
    if (is_raw_text(name)) {
      i = find_end_tag(html, i, name);
      continue;
    }
    if (!self_closing && !is_depth_neutral(name) && ++depth > max_nesting) {
      return error_at(tag_begin,
                      "HTML nesting deeper than " + std::to_string(max_nesting) + " elements");
    }
  }
  return std::nullopt;
}

// Gumbo allocates from this arena and nothing is freed until the parse is
// over: gumbo_destroy_output() recurses once per tree level, so hostile
// nesting could overflow the stack; dropping the arena frees everything at
// once. The arena also caps the memory a parse may use (the HTML5 algorithm
// can build far more nodes than there are tags, e.g. by reopening many
// formatting elements in every paragraph); past the budget the parse is
// abandoned with longjmp, which only crosses gumbo's C frames and
// arena_allocate(), none of which own resources.
class Arena {
 public:
  explicit Arena(std::size_t budget) : budget_(budget) {}

  void* allocate(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (size > remaining_) {
      const std::size_t block = std::max<std::size_t>(size, 64 * 1024);
      blocks_.push_back(std::make_unique<std::max_align_t[]>(block / sizeof(std::max_align_t) + 1));
      next_ = reinterpret_cast<char*>(blocks_.back().get());
      remaining_ = block;
    }
    void* p = next_;
    next_ += size;
    remaining_ -= size;
    used_ += size;
    return p;
  }
  bool over_budget(std::size_t size) const { return used_ + size > budget_; }

  std::jmp_buf escape;

 private:
  std::size_t budget_;
  std::size_t used_ = 0;
  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
  char* next_ = nullptr;
  std::size_t remaining_ = 0;
};

extern "C" void* arena_allocate(void* userdata, size_t size) {
  auto* arena = static_cast<Arena*>(userdata);
  if (arena->over_budget(size)) std::longjmp(arena->escape, 1);
  return arena->allocate(size);
}

extern "C" void arena_free(void*, void*) {}

// No objects with destructors live in this frame, so longjmp back to it is sound.
GumboOutput* parse_in_arena(const GumboOptions* options, const char* html, std::size_t size,
                            Arena* arena) {
  if (setjmp(arena->escape) != 0) return nullptr;
  return gumbo_parse_with_options(options, html, size);
}

}  // namespace

Result<std::string> html_to_text(std::string_view html, const Limits& limits) {
  if (html.size() > internal::html_limit(limits)) {
    return Error{ErrorCode::kLimit, "", 0, "",
                 "HTML is " + std::to_string(html.size()) + " bytes, over the limit of " +
                     std::to_string(internal::html_limit(limits))};
  }
  if (auto bad = internal::find_invalid_utf8(html)) {
    return Error{ErrorCode::kEncoding, "", 0, "",
                 "invalid UTF-8 at byte " + std::to_string(*bad) + " of the HTML"};
  }
  if (auto error = prescan_tags(html, limits.max_nesting)) return *error;
  // Gumbo needs well under 64 bytes of tree per input byte on real pages.
  Arena arena(64 * html.size() + (1u << 20));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; don't store them
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena;
  GumboOutput* output = parse_in_arena(&options, html.data(), html.size(), &arena);
  if (output == nullptr) {
    return Error{ErrorCode::kLimit, "", 0, "",
                 "HTML needs more memory to parse than allowed (pathological markup)"};
  }
  // The pre-scan bounds the depth of the page's own tags; the walk is a
  // backstop (elements the parser adds itself: document, html, body, tbody,
  // reopened formatting elements), so it allows a little more.
  TextWriter writer(limits.max_nesting + 16);
  if (!writer.walk(output->document)) {
    return Error{ErrorCode::kLimit, "", 0, "",
                 "HTML nesting deeper than " + std::to_string(limits.max_nesting) + " elements"};
  }
  return writer.take();
}

}  // namespace crosscheck
