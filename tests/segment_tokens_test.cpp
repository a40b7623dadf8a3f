// segment() splits ASCII runs without ICU (a fast path); its tokens must be
// exactly ICU's word segments. Compared here on hard cases and real news text.
#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "text/segment.h"
#include "text/sentence_split.h"

namespace {

using crosscheck::internal::segment;

struct Piece {
  std::uint32_t begin, end;
  friend bool operator==(const Piece&, const Piece&) = default;
};

// The reference: ICU's word iterator over the whole text, white space dropped.
std::vector<Piece> icu_words(std::string_view text) {
  std::vector<Piece> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  REQUIRE(U_SUCCESS(status));
  words->setText(ut, status);
  for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    bool space = true;
    for (int32_t i = start; i < end;) {
      UChar32 c;
      U8_NEXT(text.data(), i, end, c);
      space = space && c >= 0 && u_isUWhiteSpace(c);
    }
    if (!space)
      out.push_back(Piece{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  }
  utext_close(ut);
  return out;
}

std::vector<Piece> segment_words(std::string_view text) {
  std::vector<Piece> out;
  for (const auto& t : segment(text).tokens) out.push_back(Piece{t.begin, t.end});
  return out;
}

// The first token that differs, as text, for a readable failure.
std::string first_difference(std::string_view text) {
  auto want = icu_words(text), got = segment_words(text);
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    if (i >= want.size() || i >= got.size() || !(want[i] == got[i])) {
      std::ostringstream out;
      out << "token " << i << ": icu '"
          << (i < want.size() ? text.substr(want[i].begin, want[i].end - want[i].begin) : "<none>")
          << "' segment '"
          << (i < got.size() ? text.substr(got[i].begin, got[i].end - got[i].begin) : "<none>")
          << "'";
      return out.str();
    }
  }
  return "";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("segment tokens equal ICU word segments on hard cases") {
  const char* cases[] = {
      "The U.S. said 38,000 people (about 3.5%) fled on 12/07/2024 at 10:30 a.m.",
      "don't, can't; it's e.g. ex-president O'Neil's 1,000,000 and 1.2.3 or a.b.c. 3,a a,3 a.3 3.a",
      "snake_case _x x_ 4_5 a__b a'.b 3., .3 ,3 3;4 a;b a:b 10:30:00 http://x.org/a?b=c&d=e#f",
      "Tabs\there\r\nCRLF\vvt\fff  two  spaces ... !!! ?? -- — “quoted” ‘single’ NATO’s",
      "Ünïcödé wörds, naïve café; 東京 is 日本's capital; Привет, мир! ٣٤ ١٢ emoji "
      "👍🏽 "
      "and "
      "🇯🇴 "
      "flag",
      " \u0301leading combining mark, x\u200dy zwj, a\u00a0b nbsp, a\u2002 b en space",
      "me@example.com @ 3@4 a@.b @.@ x.@ 1.@ @1.2 ",
      "$5bn £3 €4 #tag @user 50% <tag> a+b=c ~x^y |z| `tick` {brace} [bracket] \\ back",
      "",
      "   ",
      "a",
      ".",
      "'",
      "1.",
      "a.",
  };
  for (const char* text : cases) {
    CAPTURE(text);
    CHECK(first_difference(text) == "");
  }
}

TEST_CASE("segment tokens equal ICU word segments on the sample articles") {
  std::ifstream in(CROSSCHECK_SOURCE_DIR "/examples/nato-amman.jsonl");
  REQUIRE(in);
  std::string line;
  int documents = 0;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* key : {"text", "html"}) {
      if (j.contains(key)) {
        const std::string text = j[key].get<std::string>();
        CAPTURE(j["id"].get<std::string>());
        CHECK(first_difference(text) == "");
        ++documents;
      }
    }
  }
  CHECK(documents == 5);
}

TEST_CASE("segment tokens equal ICU word segments on TimeBank and PolNeAR texts") {
  namespace fs = std::filesystem;
  const fs::path shared = CROSSCHECK_SHARED_DIR "/data";
  if (!fs::is_directory(shared)) {
    MESSAGE("skipped: " << shared << " is absent");
    return;
  }
  std::size_t files = 0, differing = 0;
  for (const auto& entry : fs::recursive_directory_iterator(shared)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".tml" && ext != ".txt")) continue;
    const std::string text = read_file(entry.path());
    if (std::string diff = first_difference(text); !diff.empty()) {
      if (++differing <= 5) MESSAGE(entry.path().string() << ": " << diff);
    }
    ++files;
  }
  CHECK(files > 0);
  CHECK(differing == 0);
}

// segment() splits the runs that fit in a 64-byte block from that block's
// masks, and others byte by byte: every run must come out the same wherever
// it falls relative to the blocks (and runs of 15, 16 and more bytes, up to
// and over a block).
TEST_CASE("segment tokens equal ICU word segments at every block alignment") {
  const char* pieces[] = {
      "The U.S. said 38,000 people (about 3.5%) fled at 10:30 a.m. on 12/07/2024.",
      "don't can't O'Neil's ex-president 1,000,000 1.2.3 a.b.c. 3,a a,3 a.3 3.a a'.b 3., .3",
      "snake_case_words _x x_ 4_5 a__b me@example.com @user #tag $5bn 50% http://x.org/a?b=c",
      "“Quoted,” she said — NATO’s café, naïve; 東京 and a\u00a0b or x\u200dy.",
      "abcdefghijklmno abcdefghijklmnop abcdefghijklmnopq a.b.c.d.e.f.g.h. 1,2,3,4,5,6,7,8",
      "Tabs\there\r\nCRLF\vvt\fff  two   spaces\n\nnew paragraph ... !!! ?? --",
      "http://example.org/a/very/long/path/that/goes/on/past/sixty-four/bytes?q=1.5&r=a.b x",
  };
  std::vector<std::string> texts(std::begin(pieces), std::end(pieces));
  for (std::size_t length : {15, 16, 17, 31, 32, 33, 63, 64, 65, 100}) {
    texts.push_back(std::string(length, 'a') + " " + std::string(length, '7') + " " +
                    std::string(length / 2, 'b') + "." + std::string(length - length / 2, 'c'));
  }
  for (const std::string& piece : texts) {
    for (std::size_t shift = 0; shift <= 70; ++shift) {
      for (const char* pad : {" ", "x", "\n"}) {
        std::string text;
        for (std::size_t k = 0; k < shift; ++k) text += pad;
        text += piece;
        text += " tail";
        CAPTURE(text);
        CHECK(first_difference(text) == "");
      }
    }
  }
}

TEST_CASE("segment_valid_utf8 (the pipeline's, for validated text) equals segment") {
  const std::string text =
      "“We will,” Mr. Smith said on Dec. 3. The U.S. agreed.\n\nNew paragraph: café, naïve.";
  const auto a = segment(text);
  const auto b = crosscheck::internal::segment_valid_utf8(text);
  CHECK(a.sentences == b.sentences);
  CHECK(a.sentence_tokens == b.sentence_tokens);
  CHECK(segment_words(text) == [&] {
    std::vector<Piece> out;
    for (const auto& t : b.tokens) out.push_back(Piece{t.begin, t.end});
    return out;
  }());
  CHECK(a.lower == b.lower);
}

TEST_CASE("segment_valid_utf8 into a reused layer equals a fresh segmentation") {
  // A long text first, so that the short one after it reuses larger buffers
  // (and must cut, not keep, what the long one left), then a longer one again.
  const std::string texts[] = {
      "A first, longer document. It has several sentences; some are long enough to grow "
      "the buffers.\nAnother paragraph with caf\xC3\xA9 and na\xC3\xAFve words.",
      "Short one. Done.",
      "\xE2\x80\x9CWe will,\xE2\x80\x9D Mr. Smith said on Dec. 3. The U.S. agreed, and the "
      "text goes on for a while after that to be longer than the first one was.",
  };
  crosscheck::internal::TextLayer reused;
  for (const std::string& text : texts) {
    CAPTURE(text);
    const auto fresh = segment(text);
    crosscheck::internal::segment_valid_utf8(text, reused);
    CHECK(reused.text == text);
    CHECK(reused.sentences == fresh.sentences);
    CHECK(reused.sentence_tokens == fresh.sentence_tokens);
    REQUIRE(reused.tokens.size() == fresh.tokens.size());
    for (std::size_t i = 0; i < fresh.tokens.size(); ++i) {
      CHECK(reused.tokens[i].begin == fresh.tokens[i].begin);
      CHECK(reused.tokens[i].end == fresh.tokens[i].end);
      CHECK(reused.tokens[i].sentence == fresh.tokens[i].sentence);
      CHECK(reused.tokens[i].kind == fresh.tokens[i].kind);
    }
    CHECK(reused.lower == fresh.lower);
  }
}

// The block path gives tokens their sentence without a check per token when
// the block ends before the next sentence: sentence boundaries at every
// position relative to the blocks must still be right.
TEST_CASE("segment token sentences match the sentence spans at every block alignment") {
  const std::string piece =
      "He left. She stayed in caf\xC3\xA9 \xE2\x80\x9CX\xE2\x80\x9D until 3.5 p.m. U.S. "
      "officials said so. A. B. C.\nNext line! Why? Yes. ";
  for (std::size_t shift = 0; shift <= 70; ++shift) {
    std::string text(shift, 'x');
    text += ". ";
    for (int k = 0; k < 4; ++k) text += piece;
    CAPTURE(text);
    const auto layer = segment(text);
    REQUIRE(layer.sentence_tokens.size() == layer.sentences.size() + 1);
    CHECK(layer.sentence_tokens.back() == layer.tokens.size());
    for (std::size_t i = 0; i < layer.tokens.size(); ++i) {
      const auto& t = layer.tokens[i];
      REQUIRE(t.sentence < layer.sentences.size());
      CHECK(layer.sentences[t.sentence].begin <= t.begin);
      CHECK(t.end <= layer.sentences[t.sentence].end);
      CHECK(layer.sentence_tokens[t.sentence] <= i);
      CHECK(i < layer.sentence_tokens[t.sentence + 1]);
    }
  }
}
