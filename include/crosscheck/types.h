// Value types that flow through crosscheck: documents, annotations, claims,
// findings. All offsets are UTF-8 byte offsets into Document::text.
#ifndef CROSSCHECK_TYPES_H_
#define CROSSCHECK_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace crosscheck {

/// A half-open byte range [begin, end) into a document's text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin >= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// One input article. `text` is the plain text every offset refers to.
struct Document {
  std::string id;         ///< unique within one run
  std::string source;     ///< outlet name, may be empty
  std::string url;        ///< may be empty
  std::string title;      ///< may be empty
  std::string author;     ///< may be empty
  std::string language = "en";
  std::string published;  ///< "YYYY-MM-DD" as given, or empty when undated
  std::string text;       ///< plain text (HTML input is converted on ingest)
  std::string origin;     ///< where it came from ("file.jsonl:3"), for errors
};

/// A publication date inferred from the text (a byline or dateline).
struct InferredDate {
  std::string value;     ///< "YYYY-MM-DD"
  std::string evidence;  ///< the words it was read from
  Span span;
};

/// Granularity of a point or interval in time, coarse to fine order reversed.
enum class Granularity : std::uint8_t {
  kNone,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kSeason,
  kYear,
  kDecade,
  kCentury,
};

/// A calendar interval of whole days, for comparison ("July 2023" =
/// [2023-07-01, 2023-07-31] at month granularity). Days count from
/// 1970-01-01. Unknown bounds are open.
struct TimeInterval {
  static constexpr std::int32_t kOpenLow = std::numeric_limits<std::int32_t>::min();
  static constexpr std::int32_t kOpenHigh = std::numeric_limits<std::int32_t>::max();
  std::int32_t first_day = kOpenLow;   ///< inclusive
  std::int32_t last_day = kOpenHigh;   ///< inclusive
  Granularity granularity = Granularity::kNone;
  /// True when the interval is anchored on the calendar (not "XXXX-07").
  bool anchored() const { return first_day != kOpenLow || last_day != kOpenHigh; }
};

/// A temporal expression (TimeML TIMEX3).
struct TimeExpr {
  Span span;
  std::string text;
  std::string type;   ///< DATE | TIME | DURATION | SET
  std::string value;  ///< TIMEX3 value: "2025-09-16", "2023-07", "P3Y", "PRESENT_REF"...
  std::string mod;    ///< TIMEX3 mod ("APPROX", "MORE_THAN", ...) or empty
  TimeInterval interval;  ///< calendar extent for DATE/TIME; empty otherwise
};

/// A count or measure with bounds ("more than 38,000" -> [38000, inf)).
struct Quantity {
  Span span;
  std::string text;
  double value = 0;   ///< the number as written, scaled ("$2.3bn" -> 2.3e9)
  double low = 0;     ///< lower bound of the interval the words allow
  double high = 0;    ///< upper bound (infinity when open)
  std::string unit;   ///< normalised unit or counted noun ("people", "USD", "magnitude")
  std::string bound;  ///< exact | about | at_least | at_most | range
};

/// One place where an entity is named or referred to.
struct Mention {
  Span span;
  std::string text;
};

/// A real-world thing, merged over its mentions (and across documents in a report).
struct Entity {
  std::string id;    ///< canonical key, stable across documents ("org:nato")
  std::string name;  ///< canonical display name
  std::string type;  ///< PERSON | ORGANIZATION | LOCATION | OTHER
  std::vector<std::string> aliases;  ///< surface forms seen
  std::vector<std::string> located_in;  ///< containing places, by entity id
  std::vector<Mention> mentions;     ///< in this document (empty in report)
  std::vector<std::string> documents;  ///< report only: documents mentioning it
};

/// A direct quotation and who said it.
struct Quote {
  Span span;          ///< the quoted words (inside the quotation marks)
  std::string text;
  std::string speaker;     ///< canonical name, empty when unknown
  std::string speaker_id;  ///< entity id, empty when unknown
  std::optional<Span> speaker_mention;  ///< the words naming the speaker
};

/// The typed value a claim asserts, for comparison.
struct ClaimValue {
  enum class Kind : std::uint8_t {
    kNone,      ///< nothing beyond the predicate itself
    kTime,      ///< a date or interval (`time`)
    kUnknownTime,  ///< "yet to be announced": no date known as of `as_of`
    kQuantity,  ///< `quantity`
    kState,     ///< a lifecycle state (`state`, `stage`), maybe with `time`
    kEntity,    ///< another entity (`entity`): holder, member of, place
    kSet,       ///< a list (`items`, normalised), `complete` when exhaustive
    kText,      ///< free text (`text`)
  };
  Kind kind = Kind::kNone;
  TimeInterval time;
  std::string time_value;  ///< TIMEX3 value of `time`
  Quantity quantity;
  std::string state;     ///< proposed, under_discussion, decided, announced, ...
  int stage = -1;        ///< order of `state` along the lifecycle
  std::string entity;    ///< entity id
  std::vector<std::string> items;
  bool complete = false;
  std::string text;
};

/// A typed assertion made by one document.
struct Claim {
  std::string id;          ///< "<document>#<n>", unique in a report
  std::string document;    ///< document id
  std::string type;        ///< lifecycle | event_date | event_place | quantity |
                           ///< membership | role | scope | superlative
  std::string subject;     ///< entity id (or a normalised key for unnamed things)
  std::string subject_name;  ///< display name of the subject
  std::string predicate;   ///< what is said of it ("opening", "member_of", "killed")
  std::string qualifier;   ///< narrows the predicate (event, target, unit)
  std::string value;       ///< normalised value, as printed
  ClaimValue typed;        ///< the same value, typed
  std::string as_of;       ///< "YYYY-MM-DD" the claim speaks as of, or empty
  std::string modality;    ///< asserted | hedged | future | conditional | unknown
  std::string polarity;    ///< positive | negative
  std::string attributed_to;  ///< speaker (entity name) for reported claims
  Span span;               ///< the claim's own words
  Span evidence_span;      ///< the sentence stating it
  std::string evidence;    ///< that sentence's text
};

/// Everything crosscheck extracts from one document.
struct Extraction {
  Document document;
  std::optional<InferredDate> published_inferred;
  std::vector<Span> sentences;
  std::vector<TimeExpr> times;
  std::vector<Quantity> quantities;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Claim> claims;
};

/// A verdict about claims from several documents.
struct Finding {
  std::string id;          ///< "f<n>", stable for the same input
  std::string kind;        ///< agreement | contradiction | quote_divergence
  std::string resolution;  ///< superseded | unresolved (contradictions), else empty
  std::vector<std::string> claims;     ///< claim ids, exactly those it is about
  std::vector<std::string> documents;  ///< document ids
  std::string summary;     ///< one line for people
  std::string rule;        ///< the comparison rule that decided it
  std::string explanation; ///< why the rule applies here
};

/// The result of checking documents against each other.
struct Report {
  std::vector<Extraction> extractions;  ///< one per input document, in input order
  std::vector<Entity> entities;         ///< canonical, across documents
  std::vector<Claim> claims;            ///< all claims, document order
  std::vector<Finding> findings;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_TYPES_H_
