// Quote divergences: two documents quoting the same speaker's same statement
// in different words. Quotes are compared as word sequences (lower case,
// punctuation and possessive "'s" dropped); the longest common subsequence
// tells verbatim, punctuation/case-only and reworded pairs apart and gives
// the word-level diff shown in the finding's explanation.
#include "compare/quote_compare.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compare/compare.h"
#include "data/embedded.h"
#include "util/ascii.h"

namespace crosscheck::internal {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A statement counts as the same when the common words cover at least half
// of the shorter quote and number at least kMinCommonWords, include at least
// kMinCommonContentWords words with content of their own and half of the
// shorter quote's, and fill at least kMinSpanFraction of the stretch of each
// quote they span; and the shorter quote has at least kMinLengthRatio of the
// longer one's words. Not "this is ... going to" picked out of a long speech,
// nor a fragment ("how the system is rigged") set against a whole answer: an
// excerpt is told apart above, and a fragment reworded is too short to tell.
constexpr double kMinSharedFraction = 0.5;
constexpr std::size_t kMinCommonWords = 4;
constexpr std::size_t kMinCommonContentWords = 2;
constexpr double kMinSpanFraction = 0.4;
constexpr double kMinLengthRatio = 0.5;

// Words with no content of their own (lib/data/compare/function_words.txt).
bool function_word(std::string_view word) {
  static const std::set<std::string, std::less<>> kWords = [] {
    std::set<std::string, std::less<>> out;
    for (const auto& row : data_tsv("compare/function_words.txt")) out.emplace(row[0]);
    return out;
  }();
  return kWords.count(word) > 0;
}

/// Speaker key for matching across documents: the linked entity when the
/// report has one, else the surname for people ("per:jens_stoltenberg" and
/// "per:stoltenberg" match), else the subject key itself. The entity is the
/// first in report order whose id is the subject or whose name or an alias
/// is the subject's name (case-insensitive); the index finds it without
/// scanning every entity for every pair of quotes.
class SpeakerKeys {
 public:
  explicit SpeakerKeys(const Report& report) : report_(report) {
    for (std::size_t i = 0; i < report.entities.size(); ++i) {
      const Entity& e = report.entities[i];
      by_id_.emplace(e.id, i);
      by_name_.emplace(lower_ascii(e.name), i);
      for (const std::string& a : e.aliases) by_name_.emplace(lower_ascii(a), i);
    }
  }

  std::string key(const Claim& c) const {
    std::size_t first = report_.entities.size();
    if (auto it = by_id_.find(c.subject); it != by_id_.end()) first = std::min(first, it->second);
    if (auto it = by_name_.find(lower_ascii(c.subject_name)); it != by_name_.end()) {
      first = std::min(first, it->second);
    }
    std::string subject = first < report_.entities.size() ? report_.entities[first].id : c.subject;
    if (subject.rfind("per:", 0) == 0) {
      auto cut = subject.rfind('_');
      if (cut != std::string::npos && cut > 4) return "per:" + subject.substr(cut + 1);
    }
    return subject;
  }

 private:
  const Report& report_;
  std::unordered_map<std::string, std::size_t> by_id_, by_name_;  // first entity with it
};

}  // namespace

std::vector<std::string> quote_words(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && cur.back() == '\'') cur.pop_back();
    if (cur.size() > 2 && cur.ends_with("'s")) cur.resize(cur.size() - 2);
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (text.substr(i, 3) == "\xE2\x80\x99") {  // right single quote as apostrophe
      if (!cur.empty()) cur += '\'';
      i += 2;
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80) {
      // U+2000-U+203F: spaces, dashes, quotation marks, "…" separate words
      // ("ready—and willing" is three).
      flush();
      i += 2;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0xA0 ||
                static_cast<unsigned char>(text[i + 1]) == 0xAB ||
                static_cast<unsigned char>(text[i + 1]) == 0xBB)) {
      flush();  // a no-break space, "«", "»"
      ++i;
    } else if (c == '\'') {
      if (!cur.empty()) cur += '\'';
    } else if (ascii_alnum(c) || c >= 0x80 || (c == '-' && !cur.empty())) {
      cur += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  for (auto& w : words) {
    while (!w.empty() && w.back() == '-') w.pop_back();
  }
  std::erase_if(words, [](const std::string& w) { return w.empty(); });
  return words;
}

namespace {

// Quotes are compared on word ids (one id per distinct normalised word), so a
// quotation's words are split once however many quotations it is set against.
using WordIds = std::vector<std::uint32_t>;

// LCS table over words (quotes are short; bounded below).
constexpr std::size_t kMaxWords = 400;

class WordInterner {
 public:
  WordIds ids(const std::vector<std::string>& words) {
    WordIds out;
    out.reserve(std::min(words.size(), kMaxWords));
    for (std::size_t i = 0; i < words.size() && i < kMaxWords; ++i) {
      auto [it, inserted] = ids_.try_emplace(words[i], static_cast<std::uint32_t>(ids_.size()));
      if (inserted) function_.push_back(function_word(words[i]));
      out.push_back(it->second);
    }
    return out;
  }
  /// Per word id: whether the word has no content of its own.
  const std::vector<bool>& function_ids() const { return function_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<bool> function_;
};

// Classifies two quotations given as word ids (already cut to kMaxWords);
// `verbatim` when their bytes are equal. With `words_x`/`words_y` (the words
// themselves) it also writes the diff.
QuoteComparison compare_ids(const WordIds& x, const WordIds& y, bool verbatim,
                            const std::vector<bool>& function_ids,
                            const std::vector<std::string>* words_x = nullptr,
                            const std::vector<std::string>* words_y = nullptr) {
  QuoteComparison out;
  if (verbatim) out.kind = QuoteComparison::Kind::kVerbatim;
  const std::size_t w = y.size() + 1;
  std::vector<std::uint16_t> m((x.size() + 1) * w, 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return m[i * w + j]; };
  for (std::size_t i = x.size(); i-- > 0;) {
    for (std::size_t j = y.size(); j-- > 0;) {
      at(i, j) = x[i] == y[j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                              : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  out.common = at(0, 0);
  out.words_a = x.size();
  out.words_b = y.size();
  // One walk along the alignment the table gives: how many common words have
  // content, the stretch of each quote from the first to the last, and (with
  // the words) the diff, git word-diff style: [-removed-] {+added+}.
  std::size_t content = 0, first_x = x.size(), first_y = y.size(), last_x = 0, last_y = 0;
  const bool with_diff = words_x && words_y;
  std::string diff;
  auto put = [&](std::string_view piece) {
    if (!diff.empty()) diff += ' ';
    diff += piece;
  };
  for (std::size_t i = 0, j = 0; i < x.size() || j < y.size();) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      content += !function_ids[x[i]];
      first_x = std::min(first_x, i), first_y = std::min(first_y, j);
      if (with_diff) put((*words_x)[i]);
      last_x = i++, last_y = j++;
    } else if (j >= y.size() || (i < x.size() && at(i + 1, j) >= at(i, j + 1))) {
      if (with_diff) put("[-" + (*words_x)[i] + "-]");
      ++i;
    } else {
      if (with_diff) put("{+" + (*words_y)[j] + "+}");
      ++j;
    }
  }
  if (with_diff) out.diff = std::move(diff);
  if (out.kind == QuoteComparison::Kind::kVerbatim) return out;
  std::size_t shorter = std::min(x.size(), y.size());
  if (x == y) {
    out.kind = QuoteComparison::Kind::kPunctuation;
    return out;
  }
  // One quote is a contiguous excerpt of the other: the same words, cut.
  const auto& small = x.size() <= y.size() ? x : y;
  const auto& large = x.size() <= y.size() ? y : x;
  if (!small.empty() &&
      std::search(large.begin(), large.end(), small.begin(), small.end()) != large.end()) {
    out.kind = QuoteComparison::Kind::kExcerpt;
    return out;
  }
  auto dense = [&](std::size_t first, std::size_t last) {
    return first <= last && static_cast<double>(out.common) >=
                                kMinSpanFraction * static_cast<double>(last - first + 1);
  };
  auto content_words = [&](const WordIds& q) {
    return static_cast<std::size_t>(
        std::count_if(q.begin(), q.end(), [&](std::uint32_t id) { return !function_ids[id]; }));
  };
  const std::size_t fewer_content = std::min(content_words(x), content_words(y));
  const std::size_t longer = std::max(x.size(), y.size());
  if (shorter > 0 && out.common >= kMinCommonWords &&
      static_cast<double>(out.common) >= kMinSharedFraction * static_cast<double>(shorter) &&
      static_cast<double>(shorter) >= kMinLengthRatio * static_cast<double>(longer) &&
      content >= kMinCommonContentWords &&
      static_cast<double>(content) >= kMinSharedFraction * static_cast<double>(fewer_content) &&
      dense(first_x, last_x) && dense(first_y, last_y)) {
    out.kind = QuoteComparison::Kind::kReworded;
  } else {
    out.kind = QuoteComparison::Kind::kDifferent;
  }
  return out;
}

}  // namespace

QuoteComparison compare_quotes(std::string_view a, std::string_view b) {
  std::vector<std::string> x = quote_words(a), y = quote_words(b);
  if (x.size() > kMaxWords) x.resize(kMaxWords);
  if (y.size() > kMaxWords) y.resize(kMaxWords);
  WordInterner words;
  WordIds ix = words.ids(x), iy = words.ids(y);
  return compare_ids(ix, iy, a == b, words.function_ids(), &x, &y);
}

std::vector<Finding> find_quote_divergences(const Report& report) {
  // Quote claims by document, documents in order of their first quote claim.
  // Speakers and quotations are interned: a quote is (speaker id, text id).
  struct QuoteRef {
    std::uint32_t speaker, text;
    const Claim* claim;
  };
  std::vector<std::vector<QuoteRef>> by_doc;
  std::unordered_map<std::string_view, std::size_t> doc_index;
  const SpeakerKeys speakers(report);
  std::unordered_map<std::string, std::uint32_t> speaker_ids;
  std::unordered_map<std::string_view, std::uint32_t> text_ids;
  std::vector<std::string_view> texts;
  for (const Claim& c : report.claims) {
    if (c.type != "quote" || c.value.empty()) continue;
    auto [d, new_doc] = doc_index.try_emplace(c.document, by_doc.size());
    if (new_doc) by_doc.emplace_back();
    auto [s, new_speaker] =
        speaker_ids.try_emplace(speakers.key(c), static_cast<std::uint32_t>(speaker_ids.size()));
    auto [t, new_text] = text_ids.try_emplace(c.value, static_cast<std::uint32_t>(texts.size()));
    if (new_text) texts.push_back(c.value);
    by_doc[d->second].push_back({s->second, t->second, &c});
  }
  // Each distinct quotation's words, split once.
  WordInterner interner;
  std::vector<std::vector<std::string>> text_words(texts.size());
  std::vector<WordIds> text_word_ids(texts.size());
  std::vector<WordIds> text_sorted_ids(texts.size());  // the same, sorted: shared-word bounds
  for (std::size_t t = 0; t < texts.size(); ++t) {
    text_words[t] = quote_words(texts[t]);
    if (text_words[t].size() > kMaxWords) text_words[t].resize(kMaxWords);
    text_word_ids[t] = interner.ids(text_words[t]);
    text_sorted_ids[t] = text_word_ids[t];
    std::sort(text_sorted_ids[t].begin(), text_sorted_ids[t].end());
  }
  // Only documents that quote the same speaker are compared, and each with at
  // most kMaxPartners later documents quoting that speaker, so the cost grows
  // with the number of quotes rather than the square of the documents.
  constexpr std::size_t kMaxPartners = 64;
  std::vector<std::vector<std::size_t>> docs_by_speaker(speaker_ids.size());
  // Per document: (speaker, position of the document in that speaker's list).
  std::vector<std::vector<std::pair<std::uint32_t, std::size_t>>> speaker_slots(by_doc.size());
  for (std::size_t d = 0; d < by_doc.size(); ++d) {
    for (const QuoteRef& q : by_doc[d]) {
      auto& docs = docs_by_speaker[q.speaker];
      if (docs.empty() || docs.back() != d) {
        speaker_slots[d].emplace_back(q.speaker, docs.size());
        docs.push_back(d);
      }
    }
  }
  // Comparisons of two quotations (without the diff), by text ids; copies of
  // an article quote the same words, so most pairs have been seen before. A
  // cache only: cleared when it grows large, the results do not depend on it.
  constexpr std::size_t kMaxCached = 1u << 20;
  std::unordered_map<std::uint64_t, QuoteComparison> compared;
  auto compare_texts = [&](std::uint32_t ta, std::uint32_t tb) -> const QuoteComparison& {
    const std::uint64_t key = (static_cast<std::uint64_t>(ta) << 32) | tb;
    if (auto it = compared.find(key); it != compared.end()) return it->second;
    if (texts[ta] != texts[tb]) {
      // The words both quotes use (with repeats) bound their common
      // subsequence; when that bound is short of the whole shorter quote and of
      // the rewording threshold, the quotes are different (equal word lists
      // and excerpts share all of the shorter one) without the LCS table.
      const WordIds &x = text_sorted_ids[ta], &y = text_sorted_ids[tb];
      std::size_t shared = 0;
      for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] < y[j]) {
          ++i;
        } else if (y[j] < x[i]) {
          ++j;
        } else {
          ++shared;
          ++i;
          ++j;
        }
      }
      const std::size_t shorter = std::min(x.size(), y.size());
      if (shared < shorter &&
          (shared < kMinCommonWords ||
           static_cast<double>(shared) < kMinSharedFraction * static_cast<double>(shorter))) {
        QuoteComparison different;  // kDifferent; `common` is not computed (never read)
        different.words_a = x.size();
        different.words_b = y.size();
        return compared.emplace(key, std::move(different)).first->second;
      }
    }
    return compared
        .emplace(key, compare_ids(text_word_ids[ta], text_word_ids[tb], texts[ta] == texts[tb],
                                  interner.function_ids()))
        .first->second;
  };
  std::unordered_map<std::uint64_t, std::string> diffs;  // the same, for chosen pairs' diffs
  auto diff_of = [&](std::uint32_t ta, std::uint32_t tb) -> const std::string& {
    const std::uint64_t key = (static_cast<std::uint64_t>(ta) << 32) | tb;
    if (auto it = diffs.find(key); it != diffs.end()) return it->second;
    if (diffs.size() >= kMaxCached) diffs.clear();
    return diffs
        .emplace(key, compare_ids(text_word_ids[ta], text_word_ids[tb], texts[ta] == texts[tb],
                                  interner.function_ids(), &text_words[ta], &text_words[tb])
                          .diff)
        .first->second;
  };
  // A document's quotes as (speaker, text) pairs, interned: copies of an
  // article share one signature, and a pair of signatures always pairs the
  // same quotes, so that choice is made once per pair of signatures.
  std::vector<std::uint32_t> signature(by_doc.size());
  {
    std::map<std::vector<std::uint32_t>, std::uint32_t> ids;
    std::vector<std::uint32_t> key;
    for (std::size_t d = 0; d < by_doc.size(); ++d) {
      key.clear();
      for (const QuoteRef& q : by_doc[d]) {
        key.push_back(q.speaker);
        key.push_back(q.text);
      }
      signature[d] = ids.try_emplace(key, static_cast<std::uint32_t>(ids.size())).first->second;
    }
  }
  // The reworded pairs (i, j) chosen for two documents' quotes.
  struct Chosen {
    std::size_t i, j, common, shorter;
  };
  auto choose = [&](const std::vector<QuoteRef>& qa, const std::vector<QuoteRef>& qb) {
    // (cleared between document pairs: `pairs` points into it)
    if (compared.size() >= kMaxCached) compared.clear();
    // Candidate pairs, best first; each quote pairs at most once, so a
    // statement is matched with its own counterpart, not a neighbour.
    struct Pair {
      double score;
      std::size_t i, j;
      const QuoteComparison* cmp;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < qa.size(); ++i) {
      for (std::size_t j = 0; j < qb.size(); ++j) {
        if (qa[i].speaker != qb[j].speaker) continue;
        const QuoteComparison& cmp = compare_texts(qa[i].text, qb[j].text);
        if (cmp.kind == QuoteComparison::Kind::kDifferent) continue;
        double score =
            static_cast<double>(cmp.common) /
            static_cast<double>(std::max<std::size_t>(1, std::max(cmp.words_a, cmp.words_b)));
        pairs.push_back({score, i, j, &cmp});
      }
    }
    std::vector<Chosen> chosen;
    if (pairs.empty()) return chosen;
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& p, const Pair& q) {
      if (p.score != q.score) return p.score > q.score;
      return p.i != q.i ? p.i < q.i : p.j < q.j;
    });
    std::vector<bool> used_a(qa.size()), used_b(qb.size());
    for (const Pair& p : pairs) {
      if (used_a[p.i] || used_b[p.j]) continue;
      used_a[p.i] = used_b[p.j] = true;
      if (p.cmp->kind == QuoteComparison::Kind::kReworded) {
        chosen.push_back({p.i, p.j, p.cmp->common, std::min(p.cmp->words_a, p.cmp->words_b)});
      }
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Chosen& p, const Chosen& q) { return p.i != q.i ? p.i < q.i : p.j < q.j; });
    return chosen;
  };
  std::unordered_map<std::uint64_t, std::vector<Chosen>> chosen_by_signatures;  // a cache
  std::vector<Finding> findings;
  std::vector<std::size_t> partners;
  for (std::size_t da = 0; da < by_doc.size(); ++da) {
    // Later documents quoting one of this document's speakers, in order.
    partners.clear();
    for (const auto& [speaker, slot] : speaker_slots[da]) {
      const auto& docs = docs_by_speaker[speaker];
      for (std::size_t y = slot + 1; y < docs.size() && y <= slot + kMaxPartners; ++y)
        partners.push_back(docs[y]);
    }
    std::sort(partners.begin(), partners.end());
    partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
    const auto& qa = by_doc[da];
    for (std::size_t db : partners) {
      const auto& qb = by_doc[db];
      const std::uint64_t key = (static_cast<std::uint64_t>(signature[da]) << 32) | signature[db];
      auto it = chosen_by_signatures.find(key);
      if (it == chosen_by_signatures.end()) {
        if (chosen_by_signatures.size() >= kMaxCached) chosen_by_signatures.clear();
        it = chosen_by_signatures.emplace(key, choose(qa, qb)).first;
      }
      const std::vector<Chosen>& chosen = it->second;
      for (const Chosen& p : chosen) {
        const Claim& a = *qa[p.i].claim;
        const Claim& b = *qb[p.j].claim;
        auto clip = [](const std::string& s) {
          constexpr std::size_t kMax = 90;
          if (s.size() <= kMax) return s;
          std::size_t cut = kMax;
          while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
          return s.substr(0, cut) + "...";
        };
        Finding f;
        f.kind = "quote_divergence";
        f.claims = {a.id, b.id};
        f.documents = {a.document, b.document};
        f.summary = a.subject_name + " quoted differently: '" + clip(a.value) + "' (" + a.document +
                    ") vs '" + clip(b.value) + "' (" + b.document + ")";
        f.rule = "quote_divergence: same speaker, same statement (" + std::to_string(p.common) +
                 " common words of " + std::to_string(p.shorter) + "), reworded";
        f.explanation = "word diff (" + a.document + " -> " + b.document +
                        "): " + diff_of(qa[p.i].text, qb[p.j].text);
        findings.push_back(std::move(f));
      }
    }
  }
  return findings;
}

}  // namespace crosscheck::internal
