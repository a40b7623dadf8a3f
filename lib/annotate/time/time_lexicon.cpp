#include "annotate/time/time_lexicon.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "data/embedded.h"

namespace crosscheck::internal::time {
namespace {

// A number field of `row` ("3", "-1", "+1"); one that does not parse is
// reported and read as 0.
int number(std::string_view file, const std::vector<std::string_view>& row, std::string_view v) {
  std::optional<int> n = data_int(v.starts_with('+') ? v.substr(1) : v);
  if (!n) report_data_row(file, row, "not a number: " + std::string(v));
  return n.value_or(0);
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (is_alpha(c)) {
      std::size_t j = i;
      while (j < text.size() && is_alpha(text[j])) ++j;
      out.emplace_back(text.substr(i, j - i));
      i = j;
    } else if (is_digit(c)) {
      std::size_t j = i;
      while (j < text.size() && is_digit(text[j])) ++j;
      out.emplace_back(text.substr(i, j - i));
      i = j;
    } else {
      out.emplace_back(text.substr(i, 1));
      ++i;
    }
  }
  return out;
}

const TimeLexicon& time_lexicon() {
  static const TimeLexicon kLexicon = [] {
    TimeLexicon lex;
    auto word_rows = data_tsv("time/words.tsv", 3);
    auto tense_rows = data_tsv("time/tense.tsv", 2);
    auto entry = [&lex](std::string_view w) -> WordInfo& {
      auto it = lex.words.find(w);
      if (it != lex.words.end()) return it->second;
      lex.storage.emplace_back(w);
      return lex.words[lex.storage.back()];
    };
    for (const auto& row : word_rows) {
      auto to_int = [&row](std::string_view v) { return number("time/words.tsv", row, v); };
      WordInfo& w = entry(row[0]);
      std::string_view cls = row[1], val = row[2];
      if (cls == "month")
        w.month = to_int(val);
      else if (cls == "month_abbr")
        w.month_abbr = to_int(val);
      else if (cls == "weekday")
        w.weekday = to_int(val);
      else if (cls == "weekday_plural")
        w.weekday_plural = to_int(val);
      else if (cls == "weekday_abbr")
        w.weekday_abbr = to_int(val);
      else if (cls == "number")
        w.number = val == "X" ? -1 : to_int(val);
      else if (cls == "ordinal")
        w.ordinal = to_int(val);
      else if (cls == "unit")
        w.unit = val.empty() ? 0 : val.front();
      else if (cls == "plural")
        w.plural = true;
      else if (cls == "season")
        w.season = val;
      else if (cls == "part_of_day")
        w.part_of_day = val;
      else if (cls == "part_of_day_plural")
        w.part_of_day_plural = val;
      else if (cls == "day_offset") {
        w.day_offset = to_int(val);
        w.tonight = row[0] == "tonight";
      } else if (cls == "vague")
        w.vague = val;
      else if (cls == "deictic")
        w.deictic = to_int(val);
      else if (cls == "approx")
        w.approx = val;
      else if (cls == "position")
        w.position = val;
      else if (cls == "set")
        w.set = val;
      else if (cls == "direction")
        w.direction = to_int(val);
      else if (cls == "generic")
        w.generic_noun = true;
      else if (cls == "discourse")
        w.discourse = true;
      else if (cls == "rate")
        w.rate_marker = true;
      else if (cls == "adverb_set")
        w.adverb_set = true;
      else if (cls == "holiday_noun")
        w.holiday_noun = true;
      else if (cls == "other_calendar")
        w.other_calendar = true;
      else if (cls == "timezone")
        w.timezone = true;
      else if (cls == "event_noun")
        w.event_noun = true;
      else if (cls == "report_noun")
        w.report_noun = true;
      else if (cls == "result_noun")
        w.result_noun = true;
      else if (cls == "change_verb")
        w.change_verb = true;
      else if (cls == "span_verb")
        w.span_verb = true;
      else if (cls == "reschedule_verb")
        w.reschedule_verb = true;
      else if (cls == "unplanned_noun")
        w.unplanned_noun = true;
      else if (cls == "day_part_noun")
        w.day_part_noun = true;
      else if (cls == "measure_noun")
        w.measure_noun = true;
      else if (cls == "game_noun")
        w.game_noun = true;
      else
        report_data_row("time/words.tsv", row, "unknown class");
    }
    for (const auto& row : tense_rows) {
      WordInfo& w = entry(row[0]);
      if (row[1] == "plan") {
        w.plan = true;
        continue;
      }
      if (row[1] == "noun_after_to") {
        w.noun_after_to = true;
        continue;
      }
      if (row[1] == "implicative") {
        w.implicative = true;
        continue;
      }
      if (row[1] == "refusal") {
        w.refusal = true;
        continue;
      }
      if (row[1] == "simple_past") {
        w.simple_past = true;
        continue;
      }
      // WordInfo::tense of each tense name.
      static constexpr std::pair<std::string_view, int> kTenses[] = {
          {"past", -1},     {"present", 2},   {"future", 1},  {"report", 3},
          {"future_to", 4}, {"adjective", 5}, {"schedule", 6}};
      const auto* tense = std::find_if(std::begin(kTenses), std::end(kTenses),
                                       [&](const auto& t) { return t.first == row[1]; });
      if (tense == std::end(kTenses)) {
        report_data_row("time/tense.tsv", row, "unknown tense");
        continue;
      }
      w.tense = tense->second;
    }
    for (const auto& row : data_tsv("time/phrases.tsv", 3)) {
      Phrase p;
      p.words = split_words(row[0]);
      p.type = row[1];
      p.value = row[2];
      if (!p.words.empty()) lex.phrases.push_back(std::move(p));
    }
    for (const auto& row : data_tsv("time/holidays.tsv", 2)) {
      auto to_int = [&row](std::string_view v) { return number("time/holidays.tsv", row, v); };
      Phrase p;
      p.words = split_words(row[0]);
      p.type = row[1];
      if (p.type == "fixed" && row.size() >= 3 && row[2].size() == 5) {
        p.month = to_int(row[2].substr(0, 2));
        p.nth = to_int(row[2].substr(3));  // day of month
      } else if (p.type == "nth" && row.size() >= 5) {
        p.month = to_int(row[2]);
        p.nth = to_int(row[3]);
        p.weekday = to_int(row[4]);
        if (row.size() >= 6) p.offset = to_int(row[5]);
      } else if (p.type == "easter" && row.size() >= 3) {
        p.offset = to_int(row[2]);
      } else if (p.type != "election") {
        report_data_row("time/holidays.tsv", row,
                        "unknown kind, or too few or malformed fields for it");
        continue;
      }
      if (!p.words.empty()) lex.holidays.push_back(std::move(p));
    }
    for (const auto& row : data_tsv("time/events.tsv", 3)) {
      if (row[0].size() != 5) {
        report_data_row("time/events.tsv", row, "a date is MM-DD");
        continue;
      }
      auto to_int = [&row](std::string_view v) { return number("time/events.tsv", row, v); };
      DatedEvent e;
      e.month = to_int(row[0].substr(0, 2));
      e.day = to_int(row[0].substr(3));
      e.year = to_int(row[1]);
      for (const std::string& noun : split_words(row[2])) e.nouns.push_back(&entry(noun));
      lex.dated_events.push_back(std::move(e));
    }
    // Index by first word once the vectors no longer move.
    auto index = [](std::vector<Phrase>& list,
                    std::unordered_map<std::string_view, std::vector<const Phrase*>>& by_first) {
      for (const Phrase& p : list) by_first[p.words.front()].push_back(&p);
      for (auto& [_, v] : by_first) {
        std::stable_sort(v.begin(), v.end(), [](const Phrase* a, const Phrase* b) {
          return a->words.size() > b->words.size();
        });
      }
    };
    index(lex.phrases, lex.phrases_by_first);
    index(lex.holidays, lex.holidays_by_first);
    // Words the scanner's patterns test by name (see time_tagger.cpp).
    static constexpr std::string_view kPatternWords[] = {
        "every",    "each",     "per",     "fiscal",  "fy",       "calendar",  "q",
        "noon",     "midnight", "midday",  "year",    "the",      "more",      "less",
        "at",       "up",       "no",      "close",   "nineteen", "eighteen",  "two",
        "twenties", "thirties", "forties", "fifties", "sixties",  "seventies", "eighties",
        "nineties", "these",    "that",    "half",    "once",     "twice",     "thrice",
        "h",        "midweek",  "ad"};
    for (std::string_view w : kPatternWords) entry(w).trigger = true;
    // Second words of patterns: known to the scanner, but they begin nothing.
    static constexpr std::string_view kFollowers[] = {
        "least", "than",       "most",          "to",         "of",          "fiscal",  "o",
        "old",   "additional", "full",          "straight",   "consecutive", "long",    "while",
        "and",   "same",       "corresponding", "comparable", "period",      "trading", "business",
        "other", "times",      "back",          "front",      "extra",       "further", "handful"};
    for (std::string_view w : kFollowers) entry(w);
    // Pattern words that are expressions by themselves.
    static constexpr std::string_view kStandalone[] = {
        "noon",    "midnight", "midday",    "twenties", "thirties", "forties",
        "fifties", "sixties",  "seventies", "eighties", "nineties", "midweek"};
    for (auto& [first, list] : lex.phrases_by_first) {
      WordInfo& w = entry(first);
      w.phrases = &list;
      w.trigger = true;
    }
    for (auto& [first, list] : lex.holidays_by_first) {
      WordInfo& w = entry(first);
      w.holidays = &list;
      w.trigger = true;
    }
    // Every phrase word has an entry, so phrases match by comparing entry addresses.
    for (auto* list : {&lex.phrases, &lex.holidays}) {
      for (Phrase& p : *list) {
        for (const std::string& word : p.words) entry(word);
      }
    }
    for (auto* list : {&lex.phrases, &lex.holidays}) {
      for (Phrase& p : *list) {
        for (const std::string& word : p.words) p.infos.push_back(&lex.words.find(word)->second);
      }
    }
    for (auto& [word, w] : lex.words) {
      if (w.month || w.month_abbr || w.weekday || w.weekday_plural || w.weekday_abbr ||
          w.number != -2 || w.ordinal || w.unit || !w.season.empty() || !w.part_of_day.empty() ||
          !w.part_of_day_plural.empty() || w.day_offset != 99 || !w.vague.empty() ||
          w.deictic != 99 || !w.approx.empty() || !w.position.empty() || !w.set.empty()) {
        w.trigger = true;
      }
      w.standalone = w.month || w.month_abbr || w.weekday || w.weekday_plural || w.plural ||
                     !w.season.empty() || !w.part_of_day.empty() || w.day_offset != 99 ||
                     !w.vague.empty() || !w.set.empty() || w.unit ||
                     (w.holidays && !w.holidays->empty());
      lex.max_length = std::max(lex.max_length, word.size());
    }
    for (auto& [word, w] : lex.words) {
      w.has = (w.season.empty() ? 0 : WordInfo::kHasSeason) |
              (w.part_of_day.empty() ? 0 : WordInfo::kHasPartOfDay) |
              (w.vague.empty() ? 0 : WordInfo::kHasVague) |
              (w.set.empty() ? 0 : WordInfo::kHasSet) |
              (w.approx.empty() ? 0 : WordInfo::kHasApprox) |
              (w.position.empty() ? 0 : WordInfo::kHasPosition);
    }
    for (std::string_view w : kStandalone) lex.words.find(w)->second.standalone = true;
    // A one-word phrase ("weeklong") is an expression by itself.
    for (const Phrase& p : lex.phrases) {
      if (p.words.size() == 1) lex.words.find(p.words.front())->second.standalone = true;
    }
    // Sparse (at most 1/8 full): an unknown word mostly meets an empty cell.
    std::size_t size = 16;
    int bits = 4;
    while (size < lex.words.size() * 8) size *= 2, ++bits;
    lex.cells.assign(size, 0);
    lex.shift = 64 - bits;
    lex.slots.reserve(lex.words.size() + 1);
    lex.slots.emplace_back();  // the sentinel
    // Cells hold 16-bit slot numbers: a data file that outgrows them is a
    // build mistake, not something to skip words over.
    if (lex.words.size() >= 0xFFFF) throw std::logic_error("time lexicon: over 65534 words");
    // find_short() tells short keys apart by their bytes alone.
    for (const auto& entry : lex.words) {
      if (entry.first.find('\0') != std::string_view::npos) {
        throw std::logic_error("time lexicon: a word with a NUL byte");
      }
    }
    for (const auto& [word, w] : lex.words) {
      if (word.empty()) continue;
      std::string padded(word);
      padded.resize(std::max<std::size_t>(word.size(), 8), '\0');
      TimeLexicon::Slot slot;
      TimeLexicon::key_words(padded.data(), word.size(), &slot.head, &slot.tail);
      slot.length = static_cast<std::uint32_t>(word.size());
      slot.key = word.data();
      slot.info = &w;
      slot.flags = (w.trigger ? TimeLexicon::kTrigger : 0) |
                   (w.standalone ? TimeLexicon::kStandalone : 0) |
                   (w.generic_noun || w.plan ? TimeLexicon::kNotHead : 0) |
                   TimeLexicon::tense_flags(w.tense);
      if (TimeLexicon::tense_of(slot.flags) != w.tense) {
        throw std::logic_error("time lexicon: a tense outside -1 to 6");
      }
      auto number = static_cast<std::uint16_t>(lex.slots.size());
      lex.slots.push_back(slot);
      std::uint64_t h = TimeLexicon::hash(slot.head, slot.tail, word.size());
      for (std::size_t i = h >> lex.shift;; i = (i + 1) & (size - 1)) {
        if (!lex.cells[i]) {
          lex.cells[i] = number;
          break;
        }
      }
    }
    for (std::size_t c = 0; c < lex.ascii_slots.size(); ++c) {
      const char padded[8] = {static_cast<char>(c)};
      lex.ascii_slots[c] = lex.find_padded(padded, 1);
    }
    return lex;
  }();
  return kLexicon;
}

}  // namespace crosscheck::internal::time
