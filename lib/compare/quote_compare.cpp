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
// of the shorter quote and number at least kMinCommonWords.
constexpr double kMinSharedFraction = 0.5;
constexpr std::size_t kMinCommonWords = 4;

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
    } else if (c == '\'') {
      if (!cur.empty()) cur += '\'';
    } else if (std::isalnum(c) || c >= 0x80 || (c == '-' && !cur.empty())) {
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

QuoteComparison compare_quotes(std::string_view a, std::string_view b) {
  QuoteComparison out;
  if (a == b) {
    out.kind = QuoteComparison::Kind::kVerbatim;
  }
  std::vector<std::string> x = quote_words(a), y = quote_words(b);
  // LCS table over words (quotes are short; bounded below).
  constexpr std::size_t kMaxWords = 400;
  if (x.size() > kMaxWords) x.resize(kMaxWords);
  if (y.size() > kMaxWords) y.resize(kMaxWords);
  std::vector<std::vector<std::uint16_t>> m(x.size() + 1,
                                            std::vector<std::uint16_t>(y.size() + 1, 0));
  for (std::size_t i = x.size(); i-- > 0;) {
    for (std::size_t j = y.size(); j-- > 0;) {
      m[i][j] = x[i] == y[j] ? static_cast<std::uint16_t>(m[i + 1][j + 1] + 1)
                             : std::max(m[i + 1][j], m[i][j + 1]);
    }
  }
  out.common = m[0][0];
  out.words_a = x.size();
  out.words_b = y.size();
  // The diff, git word-diff style: [-removed-] {+added+}.
  std::string diff;
  auto put = [&](std::string_view piece) {
    if (!diff.empty()) diff += ' ';
    diff += piece;
  };
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      put(x[i]);
      ++i;
      ++j;
    } else if (j >= y.size() || (i < x.size() && m[i + 1][j] >= m[i][j + 1])) {
      put("[-" + x[i] + "-]");
      ++i;
    } else {
      put("{+" + y[j] + "+}");
      ++j;
    }
  }
  out.diff = std::move(diff);
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
  if (shorter > 0 && out.common >= kMinCommonWords &&
      static_cast<double>(out.common) >= kMinSharedFraction * static_cast<double>(shorter)) {
    out.kind = QuoteComparison::Kind::kReworded;
  } else {
    out.kind = QuoteComparison::Kind::kDifferent;
  }
  return out;
}

std::vector<Finding> find_quote_divergences(const Report& report) {
  // Quote claims by document, in report order.
  std::vector<std::string> doc_order;
  std::map<std::string, std::vector<const Claim*>> by_doc;
  for (const Claim& c : report.claims) {
    if (c.type != "quote" || c.value.empty()) continue;
    if (!by_doc.count(c.document)) doc_order.push_back(c.document);
    by_doc[c.document].push_back(&c);
  }
  const SpeakerKeys speakers(report);
  std::map<std::string, std::vector<std::string>> keys;  // by document, one per quote
  for (const auto& [doc, quotes] : by_doc) {
    for (const Claim* c : quotes) keys[doc].push_back(speakers.key(*c));
  }
  // Only documents that quote the same speaker are compared, and each with at
  // most kMaxPartners later documents quoting that speaker, so the cost grows
  // with the number of quotes rather than the square of the documents.
  constexpr std::size_t kMaxPartners = 64;
  std::map<std::string, std::vector<std::size_t>> docs_by_speaker;
  for (std::size_t d = 0; d < doc_order.size(); ++d) {
    for (const std::string& k : keys[doc_order[d]]) {
      auto& docs = docs_by_speaker[k];
      if (docs.empty() || docs.back() != d) docs.push_back(d);
    }
  }
  std::set<std::pair<std::size_t, std::size_t>> doc_pairs;
  for (const auto& [speaker, docs] : docs_by_speaker) {
    for (std::size_t x = 0; x < docs.size(); ++x) {
      for (std::size_t y = x + 1; y < docs.size() && y <= x + kMaxPartners; ++y) {
        doc_pairs.emplace(docs[x], docs[y]);
      }
    }
  }
  std::vector<Finding> findings;
  for (const auto& [da, db] : doc_pairs) {
    const auto& qa = by_doc[doc_order[da]];
    const auto& qb = by_doc[doc_order[db]];
    const auto& ka = keys[doc_order[da]];
    const auto& kb = keys[doc_order[db]];
    // Candidate pairs, best first; each quote pairs at most once, so a
    // statement is matched with its own counterpart, not a neighbour.
    struct Pair {
      double score;
      std::size_t i, j;
      QuoteComparison cmp;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < qa.size(); ++i) {
      for (std::size_t j = 0; j < qb.size(); ++j) {
        if (ka[i] != kb[j]) continue;
        QuoteComparison cmp = compare_quotes(qa[i]->value, qb[j]->value);
        if (cmp.kind == QuoteComparison::Kind::kDifferent) continue;
        double score =
            static_cast<double>(cmp.common) /
            static_cast<double>(std::max<std::size_t>(1, std::max(cmp.words_a, cmp.words_b)));
        pairs.push_back({score, i, j, std::move(cmp)});
      }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& p, const Pair& q) {
      if (p.score != q.score) return p.score > q.score;
      return p.i != q.i ? p.i < q.i : p.j < q.j;
    });
    std::vector<bool> used_a(qa.size()), used_b(qb.size());
    std::vector<const Pair*> chosen;
    for (const Pair& p : pairs) {
      if (used_a[p.i] || used_b[p.j]) continue;
      used_a[p.i] = used_b[p.j] = true;
      if (p.cmp.kind == QuoteComparison::Kind::kReworded) chosen.push_back(&p);
    }
    std::sort(chosen.begin(), chosen.end(), [](const Pair* p, const Pair* q) {
      return p->i != q->i ? p->i < q->i : p->j < q->j;
    });
    for (const Pair* p : chosen) {
      const Claim& a = *qa[p->i];
      const Claim& b = *qb[p->j];
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
      f.rule = "quote_divergence: same speaker, same statement (" + std::to_string(p->cmp.common) +
               " common words of " + std::to_string(std::min(p->cmp.words_a, p->cmp.words_b)) +
               "), reworded";
      f.explanation = "word diff (" + a.document + " -> " + b.document + "): " + p->cmp.diff;
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace crosscheck::internal
