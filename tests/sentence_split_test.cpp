// The hand-written sentence splitter (and segment()'s fast paths) must give
// exactly ICU's answer: compared here with ICU's iterators on every short
// sequence of Sentence_Break classes, on every BMP code point in revealing
// contexts, on generated adversarial text and, when ../shared is present, on
// real news text.
#include "text/sentence_split.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "crosscheck/crosscheck.h"
#include "text/segment.h"
#include "util/utf8.h"

namespace {

using crosscheck::internal::append_utf8;
using crosscheck::internal::fast_sentence_breaks;
using crosscheck::internal::icu_sentence_breaks;
using crosscheck::internal::segment;
using crosscheck::internal::segment_with_icu;
using crosscheck::internal::TextLayer;

std::string escaped(std::string_view s) {
  std::ostringstream out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out << c;
    } else {
      static const char* kHex = "0123456789abcdef";
      out << "\\x" << kHex[c >> 4] << kHex[c & 15];
    }
  }
  return out.str();
}

std::string describe(const std::vector<std::uint32_t>& breaks) {
  std::string out;
  for (auto b : breaks) out += std::to_string(b) + " ";
  return out;
}

// Empty when the splitter agrees with ICU on `text`, with and without the
// abbreviation filter; else what differs. A splitter that declines (nullopt)
// agrees: segment() then uses ICU.
std::string sentence_difference(std::string_view text, bool* declined = nullptr) {
  for (bool filter : {false, true}) {
    auto fast = fast_sentence_breaks(text, filter);
    if (!fast) {
      if (declined) *declined = true;
      continue;
    }
    auto icu = icu_sentence_breaks(text, filter);
    if (*fast != icu) {
      return std::string(filter ? "filtered" : "raw") + " breaks of '" + escaped(text) +
             "': fast " + describe(*fast) + "icu " + describe(icu);
    }
  }
  return "";
}

// Empty when segment() equals segment_with_icu() on `text` (sentences,
// tokens with kinds and sentences, and the sentence-token index).
std::string layer_difference(std::string_view text) {
  const TextLayer got = segment(text), want = segment_with_icu(text);
  if (got.sentences != want.sentences) return "sentences of '" + escaped(text) + "'";
  if (got.tokens.size() != want.tokens.size()) {
    return "token count of '" + escaped(text) + "': " + std::to_string(got.tokens.size()) +
           " vs icu " + std::to_string(want.tokens.size());
  }
  for (std::size_t i = 0; i < got.tokens.size(); ++i) {
    const auto &a = got.tokens[i], &b = want.tokens[i];
    if (a.begin != b.begin || a.end != b.end || a.kind != b.kind || a.sentence != b.sentence) {
      return "token " + std::to_string(i) + " of '" + escaped(text) + "': '" +
             escaped(got.token_text(i)) + "' vs icu '" + escaped(want.token_text(i)) + "'";
    }
  }
  if (got.sentence_tokens != want.sentence_tokens) return "sentence tokens of '" + escaped(text);
  return "";
}

std::string difference(std::string_view text, bool* declined = nullptr) {
  std::string d = sentence_difference(text, declined);
  return d.empty() ? layer_difference(text) : d;
}

std::string utf8(char32_t c) {
  std::string out;
  append_utf8(out, c);
  return out;
}

// One or more characters of each Sentence_Break class (ICU's rules see
// nothing but the class of a character).
const std::vector<std::vector<std::string>>& class_samples() {
  static const std::vector<std::vector<std::string>> kSamples = {
      {"&", "#"},
      {"\r"},
      {"\n"},
      {"\xcc\x81" /* U+0301 */, "\xe2\x80\x8d" /* ZWJ */},
      {"\xe2\x80\xa8" /* U+2028 */, "\xc2\x85" /* NEL */},
      {"\xc2\xad" /* soft hyphen */, "\xe2\x80\x8e" /* LRM */},
      {" ", "\t", "\xc2\xa0" /* NBSP */},
      {"a", "\xc3\xa9"},
      {"A", "\xc3\x89"},
      {"\xe6\x9d\xb1" /* 東 */, "\xd8\xb9" /* ع */},
      {"5", "\xd9\xa3" /* ٣ */},
      {".", "\xe2\x80\xa4" /* one dot leader */},
      {",", "-", ":", "\xe2\x80\x94" /* em dash */},
      {"!", "?", "\xe3\x80\x82" /* 。 */},
      {"\"", "'", ")", "\xe2\x80\x9d" /* ” */, "[", "\xc2\xab" /* « */},
  };
  return kSamples;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The text of a TimeML file's <TEXT> element, tags dropped, XML entities read.
std::string timeml_text(const std::string& raw) {
  const auto open = raw.find("<TEXT>"), close = raw.rfind("</TEXT>");
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  const std::string body = raw.substr(open + 6, close - open - 6);
  std::string out;
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '<') {
      const auto end = body.find('>', i);
      if (end == std::string::npos) break;
      i = end + 1;
      continue;
    }
    bool entity = false;
    for (auto [name, value] :
         {std::pair{"&amp;", '&'}, std::pair{"&lt;", '<'}, std::pair{"&gt;", '>'},
          std::pair{"&quot;", '"'}, std::pair{"&apos;", '\''}}) {
      if (body.compare(i, std::char_traits<char>::length(name), name) == 0) {
        out += value;
        i += std::char_traits<char>::length(name);
        entity = true;
        break;
      }
    }
    if (!entity) out += body[i++];
  }
  return out;
}

}  // namespace

TEST_CASE("the sample characters are of the classes they stand for") {
  const int classes[] = {U_SB_OTHER,   U_SB_CR,    U_SB_LF,        U_SB_EXTEND, U_SB_SEP,
                         U_SB_FORMAT,  U_SB_SP,    U_SB_LOWER,     U_SB_UPPER,  U_SB_OLETTER,
                         U_SB_NUMERIC, U_SB_ATERM, U_SB_SCONTINUE, U_SB_STERM,  U_SB_CLOSE};
  const auto& samples = class_samples();
  REQUIRE(samples.size() == std::size(classes));
  for (std::size_t k = 0; k < samples.size(); ++k) {
    for (const std::string& s : samples[k]) {
      UChar32 c;
      int32_t i = 0;
      U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
      CAPTURE(escaped(s));
      CHECK(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK) == classes[k]);
    }
  }
}

TEST_CASE("the splitter equals ICU on every sequence of up to 4 sentence-break classes") {
  const auto& samples = class_samples();
  const std::size_t classes = samples.size();
  // CROSSCHECK_SENTENCE_CLASSES=6 runs longer sequences (15^6 of them: minutes).
  std::size_t max_length = 4;
  if (const char* env = std::getenv("CROSSCHECK_SENTENCE_CLASSES")) max_length = std::stoul(env);
  std::size_t texts = 0, differing = 0;
  for (std::size_t length = 1; length <= max_length; ++length) {
    std::vector<std::size_t> digits(length, 0);
    for (;;) {
      // Each sequence twice: with the first sample of each class, and with
      // the samples rotated by position so that others get their turn.
      for (std::size_t variant = 0; variant < 2; ++variant) {
        std::string text;
        for (std::size_t p = 0; p < length; ++p) {
          const auto& options = samples[digits[p]];
          text += options[variant == 0 ? 0 : (p + digits[p]) % options.size()];
        }
        ++texts;
        if (std::string d = sentence_difference(text); !d.empty()) {
          if (++differing <= 10) MESSAGE(d);
        }
      }
      std::size_t p = 0;
      while (p < length && ++digits[p] == classes) digits[p++] = 0;
      if (p == length) break;
    }
  }
  CHECK(texts > 100000);
  CHECK(differing == 0);
}

TEST_CASE("the splitter equals ICU on every BMP code point in revealing contexts") {
  // Contexts in which the classes behave differently: after a terminator
  // (SB6-SB11), before one (SB7), after a line end (SB4/SB5), inside an
  // abbreviation (the filter) and in the word splitter's runs.
  const char* contexts[] = {"Ab.@Cd e", "x. @z",         "x.@",    "A@.B",  "a!@ B",
                            "\n@. X",   "Mr@ Smith. Ok", "U.S@ x", "Ab@cd", "1@2."};
  std::size_t differing = 0;
  for (char32_t c = 0x01; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string ch = utf8(c);
    for (const char* context : contexts) {
      std::string text = context;
      text.replace(text.find('@'), 1, ch);
      const std::string d = c < 0x2100 ? difference(text) : sentence_difference(text);
      if (!d.empty() && ++differing <= 10) MESSAGE(d);
    }
  }
  CHECK(differing == 0);
}

TEST_CASE("the splitter equals ICU on generated adversarial text") {
  // Pieces that exercise the rules and the abbreviation filter: ICU's and
  // our abbreviations (also cut short or run together), terminators, quotes,
  // brackets, digits, Unicode spaces, line ends, marks and other scripts.
  const std::vector<std::string> pieces = {"Mr.",
                                           "Mrs.",
                                           "Dr.",
                                           "U.S.",
                                           "U.S.A.",
                                           "U.",
                                           "S.",
                                           "Ph.D.",
                                           "Ph.",
                                           "Lt.",
                                           "Lt.Cdr.",
                                           "Cdr.",
                                           "E.g.",
                                           "e.g.",
                                           "i.e.",
                                           "a.m.",
                                           "p.m.",
                                           "No.",
                                           "Dec.",
                                           "Sept.",
                                           "Gen.",
                                           "Inc.",
                                           "Corp.",
                                           "vs.",
                                           "etc.",
                                           "Jr.",
                                           "St.",
                                           "Co.",
                                           "M.I.T.",
                                           "Hon.B.A.",
                                           "S.p.A.",
                                           "Mt.",
                                           "r.",
                                           "rM.",
                                           "XMr.",
                                           "mr.",
                                           ".",
                                           ".",
                                           ".",
                                           "!",
                                           "?",
                                           "...",
                                           "?!",
                                           "\xe2\x80\xa6",
                                           "\xe3\x80\x82",
                                           "the",
                                           "he",
                                           "said",
                                           "It",
                                           "NATO",
                                           "Smith",
                                           "A",
                                           "B",
                                           "x",
                                           "5",
                                           "12",
                                           "3.5",
                                           "1,000",
                                           "2024",
                                           " ",
                                           " ",
                                           " ",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\xc2\xa0",
                                           "\xe2\x80\x83",
                                           "\n",
                                           "\n\n",
                                           "\r\n",
                                           "\r",
                                           "\xe2\x80\xa8",
                                           "\xc2\x85",
                                           "\"",
                                           "'",
                                           "(",
                                           ")",
                                           "[",
                                           "]",
                                           "\xe2\x80\x9c",
                                           "\xe2\x80\x9d",
                                           "\xe2\x80\x98",
                                           "\xe2\x80\x99",
                                           "\xc2\xab",
                                           "\xc2\xbb",
                                           "-",
                                           "\xe2\x80\x94",
                                           "\xe2\x80\x93",
                                           ",",
                                           ";",
                                           ":",
                                           "\xcc\x81",
                                           "\xc2\xad",
                                           "\xe2\x80\x8d",
                                           "\xe2\x80\x8e",
                                           "\xc3\xa9",
                                           "\xc3\x89",
                                           "\xd8\xb9\xd8\xb1",
                                           "\xe6\x9d\xb1\xe4\xba\xac",
                                           "\xd9\xa3",
                                           "@",
                                           "_",
                                           "&",
                                           "\xf0\x9f\x91\x8d",
                                           "\xef\xbc\x8e",
                                           "\xef\xbc\x81"};
  // CROSSCHECK_SENTENCE_RANDOM=N runs N texts instead (with a seed of its own).
  std::size_t texts = 30000;
  if (const char* env = std::getenv("CROSSCHECK_SENTENCE_RANDOM")) texts = std::stoul(env);
  std::mt19937 random(static_cast<std::mt19937::result_type>(20240917 + texts));
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), count(1, 40);
  std::size_t differing = 0, declined_texts = 0;
  for (std::size_t n = 0; n < texts; ++n) {
    std::string text;
    for (std::size_t k = count(random); k > 0; --k) text += pieces[piece(random)];
    bool declined = false;
    if (std::string d = difference(text, &declined); !d.empty() && ++differing <= 10) MESSAGE(d);
    declined_texts += declined;
  }
  CHECK(differing == 0);
  // The splitter declines only a corner that these texts hit often but news
  // text hardly ever (a break right after a bare abbreviation suffix such as
  // "." or "r." at the very start of the text), and ICU then answers.
  CHECK(declined_texts < texts / 50);
}

TEST_CASE("the splitter declines invalid UTF-8; segment() then still equals ICU") {
  for (std::string text : {std::string("Bad \xff byte. Next."), std::string("Cut \xe2\x80"),
                           std::string("Mr. \xc0\xaf Smith. Ok")}) {
    CHECK_FALSE(fast_sentence_breaks(text).has_value());
    CHECK(layer_difference(text) == "");
  }
}

TEST_CASE("the splitter's reused buffer gives the same breaks, or false where it declines") {
  std::vector<std::uint32_t> buffer{7, 8, 9};  // what a previous document left
  const std::string_view long_text = "Mr. Smith came. He left at 5 p.m. on Monday.\nNext line";
  REQUIRE(fast_sentence_breaks(long_text, true, false, buffer));
  CHECK(buffer == *fast_sentence_breaks(long_text));
  CHECK(buffer.size() == 3);
  REQUIRE(fast_sentence_breaks("Short. Text.", true, false, buffer));
  CHECK(buffer == std::vector<std::uint32_t>{7, 12});
  REQUIRE(fast_sentence_breaks("", true, false, buffer));
  CHECK(buffer.empty());
  CHECK_FALSE(fast_sentence_breaks("Bad \xff byte. Next.", true, false, buffer));
}

TEST_CASE("the splitter keeps ICU's abbreviation quirks") {
  auto breaks = [](std::string_view text) { return *fast_sentence_breaks(text); };
  // "Lt." is in our list, but "Lt.Cdr." in ICU's moves it to the forward
  // trie, where the space after "Lt." fails: ICU breaks, and so do we.
  CHECK(breaks("Lt. Smith left. Ok.") == icu_sentence_breaks("Lt. Smith left. Ok."));
  CHECK(breaks("Lt. Smith left. Ok.").size() == 3);
  // A match needs no word start.
  CHECK(breaks("He saw XMr. Smith. Ok.") == icu_sentence_breaks("He saw XMr. Smith. Ok."));
  CHECK(breaks("He saw XMr. Smith. Ok.").size() == 2);
  // Only one plain space is skipped before the abbreviation.
  CHECK(breaks("See Mr.  Smith.") == icu_sentence_breaks("See Mr.  Smith."));
  CHECK(breaks("See Mr.\xc2\xa0Smith.") == icu_sentence_breaks("See Mr.\xc2\xa0Smith."));
}

TEST_CASE("the splitter equals ICU on the fuzz regression inputs") {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(CROSSCHECK_SOURCE_DIR "/fuzz/regressions")) {
    if (!entry.is_regular_file()) continue;
    const std::string text = read_file(entry.path());
    CAPTURE(entry.path().string());
    CHECK(difference(text) == "");
    ++files;
  }
  CHECK(files > 5);
}

TEST_CASE("the splitter equals ICU on TimeBank, AQUAINT and PolNeAR texts") {
  namespace fs = std::filesystem;
  const fs::path shared = CROSSCHECK_SHARED_DIR "/data";
  if (!fs::is_directory(shared)) {
    MESSAGE("skipped: " << shared << " is absent");
    return;
  }
  std::size_t files = 0, differing = 0, declined_texts = 0;
  for (const auto& entry : fs::recursive_directory_iterator(shared)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".tml" && ext != ".txt")) continue;
    const std::string raw = read_file(entry.path());
    for (const std::string& text : {raw, ext == ".tml" ? timeml_text(raw) : std::string()}) {
      if (text.empty()) continue;
      bool declined = false;
      if (std::string d = difference(text, &declined); !d.empty()) {
        if (++differing <= 5) MESSAGE(entry.path().string() << ": " << d.substr(0, 300));
      }
      declined_texts += declined;
    }
    ++files;
  }
  MESSAGE(files << " files, " << declined_texts << " texts left to ICU");
  CHECK(files > 300);
  CHECK(differing == 0);
}

TEST_CASE("the splitter equals ICU on the documents of CROSSCHECK_SEGMENT_CORPUS") {
  // A JSONL corpus outside the repository, named by the environment.
  const char* path = std::getenv("CROSSCHECK_SEGMENT_CORPUS");
  if (!path) {
    MESSAGE("skipped: CROSSCHECK_SEGMENT_CORPUS is not set");
    return;
  }
  const std::string content = read_file(path);
  auto documents = crosscheck::parse_jsonl(content, path, crosscheck::ReadOptions{});
  REQUIRE(documents);
  std::size_t differing = 0, declined_texts = 0;
  for (const auto& document : *documents) {
    bool declined = false;
    if (std::string d = difference(document.text, &declined); !d.empty()) {
      if (++differing <= 5) MESSAGE(document.id << ": " << d.substr(0, 300));
    }
    declined_texts += declined;
  }
  MESSAGE(documents->size() << " documents, " << declined_texts << " left to ICU");
  CHECK(differing == 0);
}
