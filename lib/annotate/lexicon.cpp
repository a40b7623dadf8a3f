#include "annotate/lexicon.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace crosscheck::internal {

class LexiconBuilder {
 public:
  static Result<std::shared_ptr<const Lexicon>> build(const std::vector<std::string>& extra) {
    auto lexicon = std::make_shared<Lexicon>();
    for (const std::string& text : extra) {
      nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) {
        return Error{ErrorCode::kLexicon, "", 0, "", "lexicon is not a JSON object"};
      }
    }
    return std::shared_ptr<const Lexicon>(std::move(lexicon));
  }
};

Result<std::shared_ptr<const Lexicon>> Lexicon::build(const std::vector<std::string>& extra_json) {
  return LexiconBuilder::build(extra_json);
}

std::shared_ptr<const Lexicon> Lexicon::builtin() {
  static const std::shared_ptr<const Lexicon> kBuiltin = *LexiconBuilder::build({});
  return kBuiltin;
}

std::string Lexicon::canonical_phrase(std::string_view phrase) const { return std::string(phrase); }

}  // namespace crosscheck::internal
