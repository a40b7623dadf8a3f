// The lexicon: built-in gazetteer (lib/data/entity/*.tsv) and synonym sets,
// merged with user lexicons given as JSON texts. The JSON format is documented
// in README.md (section "entity"); in short:
//   {"entities": [{"id": "org:acme", "name": "Acme", "type": "ORGANIZATION",
//                  "aliases": ["Acme Corp"], "located_in": ["loc:france"],
//                  "tags": ["company"]}],
//    "synonyms": [{"canonical": "cyber security", "variants": ["cyber defence"]}],
//    "aliases": {"the Acme group": "org:acme"}}
#include "annotate/lexicon.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "data/embedded.h"

namespace crosscheck::internal {
namespace {

constexpr const char* kTypes[] = {"PERSON", "ORGANIZATION", "LOCATION", "OTHER"};

std::vector<std::string> split_bars(std::string_view field) {
  std::vector<std::string> out;
  while (!field.empty()) {
    std::size_t bar = field.find('|');
    std::string_view part = field.substr(0, bar);
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    field.remove_prefix(bar + 1);
  }
  return out;
}

bool is_acronym(std::string_view alias) {
  int upper = 0;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++upper;
    if (c == ' ') return false;
  }
  return upper >= 1 && alias.size() >= 2;
}

std::size_t count_words(std::string_view alias) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : alias) {
    bool sep = c == ' ' || c == '-';
    if (!sep && !in_word) ++words;
    in_word = !sep;
  }
  return words;
}

std::string type_from_id(std::string_view id) {
  if (id.starts_with("per:")) return "PERSON";
  if (id.starts_with("org:")) return "ORGANIZATION";
  if (id.starts_with("loc:")) return "LOCATION";
  return "OTHER";
}

// The lexicon is named by its position here; build() puts its file name in.
Error lexicon_error(std::size_t index, const std::string& detail) {
  return Error{ErrorCode::kLexicon, "lexicon " + std::to_string(index + 1), 0, "", detail};
}

}  // namespace

class LexiconBuilder {
 public:
  static std::shared_ptr<Lexicon> builtin_data() {
    auto lexicon = std::make_shared<Lexicon>();
    for (const char* file : {"entity/places.tsv", "entity/organisations.tsv"}) {
      for (const auto& row : data_tsv(file, 3)) {
        LexiconEntity e;
        e.id = std::string(row[0]);
        e.type = std::string(row[1]);
        e.name = std::string(row[2]);
        if (row.size() > 3) e.aliases = split_bars(row[3]);
        if (row.size() > 4) e.located_in = split_bars(row[4]);
        if (row.size() > 5) e.tags = split_bars(row[5]);
        add_entity(*lexicon, std::move(e));
      }
    }
    for (const auto& row : data_tsv("entity/synonyms.tsv", 2)) {
      add_synonyms(*lexicon, SynonymSet{std::string(row[0]), split_bars(row[1])});
    }
    return lexicon;
  }

  static Result<std::shared_ptr<const Lexicon>> build(const std::vector<std::string>& extra,
                                                      const std::vector<std::string>& names) {
    if (extra.empty()) return Lexicon::builtin();
    auto lexicon = std::make_shared<Lexicon>(*Lexicon::builtin());
    for (std::size_t i = 0; i < extra.size(); ++i) {
      if (auto error = add_json(*lexicon, i, extra[i])) {
        if (i < names.size() && !names[i].empty()) error->file = names[i];
        return *error;
      }
    }
    return std::shared_ptr<const Lexicon>(std::move(lexicon));
  }

 private:
  static void index_alias(Lexicon& lexicon, std::size_t entity, std::string_view alias) {
    std::string k = Lexicon::key(alias);
    if (k.empty()) return;
    // Prefixes too, so that a matcher can stop as soon as no alias can follow.
    for (std::size_t n = 1; n < k.size(); ++n) lexicon.alias_index_.try_emplace(k.substr(0, n));
    auto& hits = lexicon.alias_index_.try_emplace(k).first->hits;
    bool acronym = is_acronym(alias);
    for (AliasHit& h : hits) {
      if (h.entity == entity) {
        h.acronym = h.acronym && acronym;  // any mixed-case spelling relaxes matching
        return;
      }
    }
    hits.push_back(AliasHit{entity, acronym});
    lexicon.max_alias_words_ = std::max(lexicon.max_alias_words_, count_words(alias));
  }

  // Adds `e`, or merges it into the entity with the same id (user data extends
  // the built-in entries: aliases, containment and tags are added, a given name
  // or type replaces the old one).
  static void add_entity(Lexicon& lexicon, LexiconEntity e) {
    auto found = lexicon.id_index_.find(e.id);
    std::size_t index;
    if (found == lexicon.id_index_.end()) {
      index = lexicon.entities_.size();
      lexicon.id_index_.emplace(e.id, index);
      lexicon.entities_.push_back(std::move(e));
    } else {
      index = found->second;
      LexiconEntity& old = lexicon.entities_[index];
      if (!e.name.empty()) old.name = e.name;
      if (!e.type.empty()) old.type = e.type;
      auto append = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
        for (const auto& s : from) {
          if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
        }
      };
      append(old.aliases, e.aliases);
      append(old.located_in, e.located_in);
      append(old.tags, e.tags);
    }
    const LexiconEntity& stored = lexicon.entities_[index];
    index_alias(lexicon, index, stored.name);
    for (const std::string& a : stored.aliases) index_alias(lexicon, index, a);
  }

  static void add_synonyms(Lexicon& lexicon, SynonymSet set) {
    std::size_t index = lexicon.synonyms_.size();
    lexicon.synonym_index_[Lexicon::key(set.canonical)] = index;
    for (const std::string& v : set.variants) lexicon.synonym_index_[Lexicon::key(v)] = index;
    lexicon.synonyms_.push_back(std::move(set));
  }

  static std::optional<std::vector<std::string>> string_list(const nlohmann::json& j) {
    if (!j.is_array()) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& s : j) {
      if (!s.is_string()) return std::nullopt;
      out.push_back(s.get<std::string>());
    }
    return out;
  }

  static std::optional<Error> add_json(Lexicon& lexicon, std::size_t n, const std::string& text) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for huge numbers
      std::string what = e.what();
      if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
      return lexicon_error(n, "invalid JSON: " + what);
    }
    if (!j.is_object())
      return lexicon_error(n,
                           "expected a JSON object with \"entities\", \"synonyms\" or \"aliases\"");
    for (const auto& [key, value] : j.items()) {
      if (key != "entities" && key != "synonyms" && key != "aliases") {
        return lexicon_error(
            n, "unknown key \"" + key + "\" (expected \"entities\", \"synonyms\" or \"aliases\")");
      }
    }
    if (j.contains("entities")) {
      const auto& list = j["entities"];
      if (!list.is_array()) return lexicon_error(n, "\"entities\" must be an array");
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& item = list[i];
        std::string where = "entities[" + std::to_string(i) + "]: ";
        if (!item.is_object()) return lexicon_error(n, where + "must be an object");
        if (!item.contains("id") || !item["id"].is_string() ||
            item["id"].get<std::string>().empty()) {
          return lexicon_error(n, where + "needs a non-empty string \"id\" such as \"org:acme\"");
        }
        LexiconEntity e;
        e.id = item["id"].get<std::string>();
        for (const auto& [key, value] : item.items()) {
          if (key == "id") continue;
          if (key == "name" || key == "type") {
            if (!value.is_string())
              return lexicon_error(n, where + "\"" + key + "\" must be a string");
            (key == "name" ? e.name : e.type) = value.get<std::string>();
          } else if (key == "aliases" || key == "located_in" || key == "tags") {
            auto strings = string_list(value);
            if (!strings)
              return lexicon_error(n, where + "\"" + key + "\" must be an array of strings");
            (key == "aliases" ? e.aliases : key == "located_in" ? e.located_in : e.tags) = *strings;
          } else {
            return lexicon_error(n, where + "unknown key \"" + key + "\"");
          }
        }
        if (!e.type.empty() &&
            std::find(std::begin(kTypes), std::end(kTypes), e.type) == std::end(kTypes)) {
          return lexicon_error(
              n, where + "\"type\" must be PERSON, ORGANIZATION, LOCATION or OTHER, not \"" +
                     e.type + "\"");
        }
        bool known = lexicon.id_index_.count(e.id) > 0;
        if (!known && e.type.empty()) e.type = type_from_id(e.id);
        if (!known && e.name.empty())
          e.name = e.aliases.empty() ? e.id.substr(e.id.find(':') + 1) : e.aliases.front();
        add_entity(lexicon, std::move(e));
      }
    }
    if (j.contains("synonyms")) {
      const auto& list = j["synonyms"];
      if (!list.is_array()) return lexicon_error(n, "\"synonyms\" must be an array");
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& item = list[i];
        std::string where = "synonyms[" + std::to_string(i) + "]: ";
        if (!item.is_object() || !item.contains("canonical") || !item["canonical"].is_string()) {
          return lexicon_error(n, where + "needs a string \"canonical\"");
        }
        SynonymSet set{item["canonical"].get<std::string>(), {}};
        if (item.contains("variants")) {
          auto strings = string_list(item["variants"]);
          if (!strings) return lexicon_error(n, where + "\"variants\" must be an array of strings");
          set.variants = *strings;
        }
        add_synonyms(lexicon, std::move(set));
      }
    }
    if (j.contains("aliases")) {
      const auto& map = j["aliases"];
      if (!map.is_object())
        return lexicon_error(n, "\"aliases\" must be an object {\"surface form\": \"entity id\"}");
      for (const auto& [alias, id] : map.items()) {
        if (!id.is_string())
          return lexicon_error(n, "aliases[\"" + alias + "\"] must be an entity id string");
        LexiconEntity e;
        e.id = id.get<std::string>();
        if (!lexicon.id_index_.count(e.id)) {
          e.type = type_from_id(e.id);
          e.name = alias;
        }
        e.aliases.push_back(alias);
        add_entity(lexicon, std::move(e));
      }
    }
    return std::nullopt;
  }
};

Result<std::shared_ptr<const Lexicon>> Lexicon::build(const std::vector<std::string>& extra_json,
                                                      const std::vector<std::string>& names) {
  return LexiconBuilder::build(extra_json, names);
}

std::shared_ptr<const Lexicon> Lexicon::builtin() {
  static const std::shared_ptr<const Lexicon> kBuiltin = LexiconBuilder::builtin_data();
  return kBuiltin;
}

std::string Lexicon::key(std::string_view phrase) {
  std::string out;
  out.reserve(phrase.size());
  append_key(phrase, out);
  return out;
}

void Lexicon::append_key(std::string_view phrase, std::string& out) {
  std::size_t at = out.size();
  out.resize(at + phrase.size());
  out.resize(static_cast<std::size_t>(write_key(phrase, out.data() + at) - out.data()));
}

char* Lexicon::write_key(std::string_view phrase, char* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(phrase.data());
  std::size_t n = phrase.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        *out++ = static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        *out++ = static_cast<char>(c);
      }
      continue;
    }
    // Typographic apostrophes, quotes and dashes (U+2010..U+201F) are
    // punctuation; other non-ASCII letters are kept as they are.
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x90 && p[i + 2] <= 0x9F) {
      i += 2;
      continue;
    }
    *out++ = static_cast<char>(c);
  }
  return out;
}

const std::vector<AliasHit>* Lexicon::find_alias(std::string_view key) const {
  const AliasKeyInfo* info = alias_index_.find(key);
  return info && !info->hits.empty() ? &info->hits : nullptr;
}

const LexiconEntity* Lexicon::find_id(std::string_view id) const {
  auto it = id_index_.find(id);
  return it == id_index_.end() ? nullptr : &entities_[it->second];
}

bool Lexicon::contains(std::string_view outer, std::string_view inner) const {
  std::vector<std::string_view> frontier{inner};
  for (int depth = 0; depth < 8 && !frontier.empty(); ++depth) {
    std::vector<std::string_view> next;
    for (std::string_view id : frontier) {
      if (id == outer) return true;
      if (const LexiconEntity* e = find_id(id)) {
        for (const std::string& parent : e->located_in) next.push_back(parent);
      }
    }
    frontier = std::move(next);
  }
  return false;
}

bool Lexicon::has_tag(std::string_view id, std::string_view tag) const {
  const LexiconEntity* e = find_id(id);
  return e && std::find(e->tags.begin(), e->tags.end(), tag) != e->tags.end();
}

std::string Lexicon::canonical_phrase(std::string_view phrase) const {
  auto it = synonym_index_.find(key(phrase));
  return it == synonym_index_.end() ? std::string(phrase) : synonyms_[it->second].canonical;
}

}  // namespace crosscheck::internal
