// UTF-8 checks and conversions on byte offsets.
#ifndef CROSSCHECK_LIB_UTIL_UTF8_H_
#define CROSSCHECK_LIB_UTIL_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace crosscheck::internal {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// The same, and in the same pass the offset of the first NUL byte in
/// `first_nul` (npos when there is none; meaningful only when the text is
/// valid): a document's validation wants both.
std::optional<std::size_t> find_invalid_utf8(std::string_view text, std::size_t& first_nul);

/// 1-based line number of byte `offset` in `text`.
std::size_t line_of(std::string_view text, std::size_t offset);

/// Number of code points in text[0, byte_offset).
std::size_t code_points_before(std::string_view text, std::size_t byte_offset);

/// Appends the UTF-8 encoding of `code_point`.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_UTF8_H_
