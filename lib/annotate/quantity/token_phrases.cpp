#include "annotate/quantity/token_phrases.h"

#include "data/embedded.h"

namespace crosscheck::internal {

std::string normalise_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    // U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 99) -> '
    if (c == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80 &&
        static_cast<unsigned char>(token[i + 2]) == 0x99) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  }
  return out;
}

NormalisedTokens normalise_tokens(const TextLayer& text) {
  NormalisedTokens out;
  out.words.reserve(text.tokens.size());
  out.possessive.reserve(text.tokens.size());
  for (std::size_t i = 0; i < text.tokens.size(); ++i) {
    std::string w = normalise_token(text.token_text(i));
    bool poss = false;
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) {
      w.resize(w.size() - 2);
      poss = true;
    } else if (w.size() > 1 && w.back() == '\'' && w[w.size() - 2] == 's') {
      w.pop_back();  // plural possessive: "states'"
      poss = true;
    }
    out.words.push_back(std::move(w));
    out.possessive.push_back(poss);
  }
  return out;
}

PhraseTable::PhraseTable(std::string_view name) {
  for (const auto& row : data_tsv(name)) {
    if (row.empty() || row[0].empty()) continue;
    TextLayer layer = segment(row[0]);
    Entry e;
    for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
      e.words.push_back(normalise_token(layer.token_text(i)));
    }
    if (e.words.empty()) continue;
    e.value = std::string(row.size() > 1 ? row[1] : row[0]);
    if (row.size() > 2) e.extra = std::string(row[2]);
    by_first_[e.words.front()].push_back(entries_.size());
    entries_.push_back(std::move(e));
  }
}

PhraseTable::Match PhraseTable::match(const std::vector<std::string>& words, std::size_t i,
                                      std::size_t end) const {
  Match best;
  if (i >= end || i >= words.size()) return best;
  auto it = by_first_.find(words[i]);
  if (it == by_first_.end()) return best;
  for (std::size_t index : it->second) {
    const Entry& e = entries_[index];
    if (i + e.words.size() > end || e.words.size() <= best.length) continue;
    bool same = true;
    for (std::size_t k = 1; k < e.words.size() && same; ++k) same = words[i + k] == e.words[k];
    if (same) best = Match{&e, e.words.size()};
  }
  return best;
}

const PhraseTable::Entry* PhraseTable::find_word(std::string_view word) const {
  auto it = by_first_.find(std::string(word));
  if (it == by_first_.end()) return nullptr;
  for (std::size_t index : it->second) {
    if (entries_[index].words.size() == 1) return &entries_[index];
  }
  return nullptr;
}

}  // namespace crosscheck::internal
