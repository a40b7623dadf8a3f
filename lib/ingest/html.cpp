// HTML to plain text with a real parser (gumbo): entities decoded, scripts and
// styles dropped, block elements separated by line breaks, spaces collapsed.
#include <gumbo.h>

#include <string>
#include <vector>

#include "crosscheck/crosscheck.h"
#include "util/utf8.h"

namespace crosscheck {
namespace {

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_NAV: case GUMBO_TAG_MAIN: case GUMBO_TAG_TITLE: case GUMBO_TAG_BODY:
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
    struct Frame { const GumboNode* node; unsigned next_child; };
    std::vector<Frame> stack{{root, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* n = f.node;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        add_text(n->v.text.text);
        stack.pop_back();
        continue;
      }
      if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT && n->type != GUMBO_NODE_TEMPLATE) {
        stack.pop_back();
        continue;
      }
      const GumboVector& children = n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children
                                                                    : n->v.element.children;
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

}  // namespace

Result<std::string> html_to_text(std::string_view html, const Limits& limits) {
  if (html.size() > 4 * limits.max_document_bytes) {
    return Error{ErrorCode::kLimit, "", 0, "", "HTML is " + std::to_string(html.size()) +
                                                  " bytes, over the limit"};
  }
  if (auto bad = internal::find_invalid_utf8(html)) {
    return Error{ErrorCode::kEncoding, "", 0, "", "invalid UTF-8 at byte " + std::to_string(*bad) + " of the HTML"};
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output == nullptr) return Error{ErrorCode::kInput, "", 0, "", "HTML could not be parsed"};
  TextWriter writer(limits.max_nesting);
  const bool ok = writer.walk(output->document);
  gumbo_destroy_output(&options, output);
  if (!ok) {
    return Error{ErrorCode::kLimit, "", 0, "",
                 "HTML nesting deeper than " + std::to_string(limits.max_nesting) + " elements"};
  }
  return writer.take();
}

}  // namespace crosscheck
