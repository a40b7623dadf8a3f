// A fast reader for the common JSON Lines record: one object whose values are
// all strings or null. Anything else is left to the full JSON parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::internal {

/// One member of a flat JSON object, its string value decoded.
struct FlatMember {
  std::string_view key;  ///< as written (keys with escapes are not read here)
  std::string value;     ///< decoded; empty for null
  bool is_null = false;  ///< the value was the literal null
};

/// The members of `line` in order when it is exactly one JSON object whose
/// keys have no escapes and whose values are strings or null, with JSON
/// whitespace around the tokens; the keys point into `line`. nullopt for
/// anything else: other value types, nested values, a byte-order mark, lone
/// surrogates, control characters, trailing text or invalid JSON. The result,
/// when there is one, is what a conforming JSON parser reads. `line` must be
/// valid UTF-8 (the caller checks it first).
std::optional<std::vector<FlatMember>> parse_flat_object(std::string_view line);

}  // namespace crosscheck::internal
