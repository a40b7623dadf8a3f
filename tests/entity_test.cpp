#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "annotate/entity/entity_tagger.h"
#include "annotate/lexicon.h"
#include "crosscheck/crosscheck.h"
#include "text/segment.h"

using crosscheck::Entity;
using crosscheck::Extraction;
using crosscheck::Span;
using crosscheck::internal::EntityLayer;
using crosscheck::internal::EntityMention;
using crosscheck::internal::Lexicon;

namespace {

// Tags `text` with the built-in lexicon; the layer refers to `text`.
struct Tagged {
  std::string text;
  crosscheck::internal::TextLayer layer;
  EntityLayer entities;
  explicit Tagged(std::string t, const Lexicon& lexicon = *Lexicon::builtin())
      : text(std::move(t)) {
    layer = crosscheck::internal::segment(text);
    entities = crosscheck::internal::tag_entities(layer, lexicon);
  }
  const Entity* find(std::string_view id) const {
    for (const Entity& e : entities.entities) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
  // The entity mentioned by the first occurrence of `words`.
  const Entity* at(std::string_view words, std::size_t from = 0) const {
    std::size_t begin = text.find(words, from);
    if (begin == std::string::npos) return nullptr;
    auto e = crosscheck::internal::entity_at(entities, Span{begin, begin + words.size()});
    return e ? &entities.entities[*e] : nullptr;
  }
  std::set<std::string> mention_texts(std::string_view id) const {
    std::set<std::string> out;
    if (const Entity* e = find(id)) {
      for (const auto& m : e->mentions) out.insert(m.text);
    }
    return out;
  }
};

bool has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<crosscheck::Document> sample_corpus() {
  auto docs =
      crosscheck::read_inputs({std::string(CROSSCHECK_SOURCE_DIR) + "/examples/nato-amman.jsonl"});
  REQUIRE(docs.ok());
  return *docs;
}

const Entity* find_entity(const std::vector<Entity>& list, std::string_view id) {
  for (const Entity& e : list) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::set<std::string> mention_set(const Entity& e) {
  std::set<std::string> out;
  for (const auto& m : e.mentions) out.insert(m.text);
  return out;
}

}  // namespace

TEST_CASE("sample corpus: entity clusters within each document") {
  auto docs = sample_corpus();
  REQUIRE(docs.size() == 5);
  auto x = crosscheck::extract(docs[0]);  // The National
  REQUIRE(x.ok());
  const auto& entities = x->entities;

  const Entity* nato = find_entity(entities, "org:nato");
  REQUIRE(nato);
  CHECK(nato->type == "ORGANIZATION");
  CHECK(mention_set(*nato).count("Nato"));
  CHECK(mention_set(*nato).count("the alliance"));

  const Entity* stoltenberg = find_entity(entities, "per:jens_stoltenberg");
  REQUIRE(stoltenberg);
  CHECK(stoltenberg->type == "PERSON");
  auto forms = mention_set(*stoltenberg);
  CHECK(forms.count("secretary general Jens Stoltenberg"));
  CHECK(forms.count("Mr Stoltenberg"));

  const Entity* amman = find_entity(entities, "loc:amman");
  const Entity* jordan = find_entity(entities, "loc:jordan");
  REQUIRE(amman);
  REQUIRE(jordan);
  CHECK(has(amman->located_in, "loc:jordan"));
  CHECK(mention_set(*jordan).count("the Hashemite kingdom"));

  const Entity* office = find_entity(entities, "fac:nato/office/amman");
  const Entity* centre = find_entity(entities, "fac:nato/regional_centre/kuwait");
  REQUIRE(office);
  REQUIRE(centre);
  auto office_forms = mention_set(*office);
  CHECK(office_forms.count("a liaison office"));
  CHECK(office_forms.count("a Nato office"));
  CHECK(office_forms.count("the Amman office"));
  CHECK(office_forms.count("The office"));
  CHECK(mention_set(*centre).count("the centre"));
  CHECK_FALSE(office_forms.count("the centre"));

  // Second document: "NATO secretary-general Jens Stoltenberg" then "Stoltenberg".
  auto y = crosscheck::extract(docs[1]);
  REQUIRE(y.ok());
  const Entity* s2 = find_entity(y->entities, "per:jens_stoltenberg");
  REQUIRE(s2);
  CHECK(mention_set(*s2).count("secretary-general Jens Stoltenberg"));
  CHECK(mention_set(*s2).count("Stoltenberg"));
  const Entity* office2 = find_entity(y->entities, "fac:nato/office/amman");
  REQUIRE(office2);
  CHECK(mention_set(*office2).count("The new office"));
  CHECK(mention_set(*office2).count("The Amman office"));
  CHECK(find_entity(y->entities, "fac:nato/regional_centre/kuwait"));
}

TEST_CASE("sample corpus: one canonical entity per thing across documents") {
  auto docs = sample_corpus();
  auto report = crosscheck::check(docs);
  REQUIRE(report.ok());
  const auto& entities = report->entities;
  std::set<std::string> ids;
  for (const Entity& e : entities) {
    CHECK(ids.insert(e.id).second);  // no id twice
    CHECK(e.mentions.empty());
  }
  const Entity* nato = find_entity(entities, "org:nato");
  REQUIRE(nato);
  CHECK(nato->documents.size() == 5);
  CHECK(has(nato->aliases, "Nato"));
  CHECK(has(nato->aliases, "NATO"));
  CHECK(has(nato->aliases, "North Atlantic Treaty Organisation"));

  const Entity* stoltenberg = find_entity(entities, "per:jens_stoltenberg");
  REQUIRE(stoltenberg);
  CHECK(stoltenberg->documents ==
        std::vector<std::string>{"national-2024-07-10", "singh-2024-07-12"});
  for (const char* form : {"Mr Stoltenberg", "Stoltenberg", "secretary general Jens Stoltenberg",
                           "secretary-general Jens Stoltenberg"}) {
    CHECK_MESSAGE(has(stoltenberg->aliases, form), form);
  }
  const Entity* amman = find_entity(entities, "loc:amman");
  REQUIRE(amman);
  CHECK(has(amman->located_in, "loc:jordan"));
  CHECK(find_entity(entities, "loc:jordan"));

  // The liaison office is one thing in all five articles (the last one says
  // "a liaison office in Jordan" first); the Kuwait centre stays apart.
  const Entity* office = find_entity(entities, "fac:nato/office/amman");
  REQUIRE(office);
  CHECK(office->documents.size() == 5);
  CHECK(has(office->located_in, "loc:amman"));
  const Entity* centre = find_entity(entities, "fac:nato/regional_centre/kuwait");
  REQUIRE(centre);
  CHECK(centre->documents.size() == 3);
  CHECK(has(centre->aliases, "the NATO-ICI Regional Centre"));
  CHECK_FALSE(has(office->aliases, "the NATO-ICI Regional Centre"));
  for (const Entity& e : entities) {
    CHECK(e.id != "fac:nato/office/jordan");
    CHECK(e.id != "per:stoltenberg");
  }
  // Extractions carry the canonical ids, too.
  for (const Extraction& x : report->extractions) {
    CHECK(find_entity(x.entities, "org:nato"));
  }
}

TEST_CASE("gazetteer names, case variants and acronyms") {
  SUBCASE("acronym case variants") {
    Tagged t("Nato and NATO met the UN. The North Atlantic Treaty Organization said so.");
    CHECK(t.at("Nato")->id == "org:nato");
    CHECK(t.at("NATO")->id == "org:nato");
    CHECK(t.at("UN")->id == "org:un");
    CHECK(t.at("North Atlantic Treaty Organization")->id == "org:nato");
  }
  SUBCASE("short acronyms need capitals") {
    Tagged t("Let us go. The US said it would.");
    CHECK(t.at("us") == nullptr);
    CHECK(t.at("US")->id == "loc:united_states");
  }
  SUBCASE("acronym defined in the text") {
    Tagged t(
        "The Global Ocean Research Council (GORC) met in Oslo. GORC said the talks went well.");
    const Entity* council = t.at("Global Ocean Research Council");
    REQUIRE(council);
    CHECK(council->type == "ORGANIZATION");
    CHECK(council->id == "org:global_ocean_research_council");
    CHECK(t.at("GORC", t.text.find("Oslo"))->id == council->id);
    CHECK(t.at("Oslo")->id == "loc:oslo");
  }
  SUBCASE("acronym whose letters do not match is not an alias") {
    Tagged t("The Global Ocean Research Council (XYZ) met.");
    CHECK(t.at("XYZ") == nullptr);
  }
  SUBCASE("compound name around a known one") {
    Tagged t(
        "The ministers approved a wider role for the EU Training Mission Somalia (EUTMS) on "
        "Monday.");
    const Entity* mission = t.at("EUTMS");
    REQUIRE(mission);
    CHECK(mission->name == "EU Training Mission Somalia");
    CHECK(t.at("EU")->id == "org:eu");
  }
}

TEST_CASE("people: titles, honorifics, surnames and appositions") {
  SUBCASE("title + name, then honorific + surname and surname alone") {
    Tagged t(
        "German Chancellor Olaf Scholz arrived in Paris. Mr Scholz said talks went well. "
        "Later, Scholz left.");
    const Entity* p = t.find("per:olaf_scholz");
    REQUIRE(p);
    CHECK(p->type == "PERSON");
    auto forms = t.mention_texts("per:olaf_scholz");
    CHECK(forms.count("Chancellor Olaf Scholz"));
    CHECK(forms.count("Mr Scholz"));
    CHECK(forms.count("Scholz"));
    CHECK(t.find("loc:germany") == nullptr);  // a demonym is not a mention of the country
    CHECK(t.find("loc:paris"));
  }
  SUBCASE("lowercase titles") {
    Tagged t(
        "The company's chief executive Satya Nadella spoke, said foreign minister Penny Wong.");
    CHECK(t.find("per:satya_nadella"));
    CHECK(t.find("per:penny_wong"));
  }
  SUBCASE("apposition names a person") {
    Tagged t("The firm hired Amara Okafor, a Nigerian engineer, as its first technical director.");
    const Entity* p = t.at("Amara Okafor");
    REQUIRE(p);
    CHECK(p->id == "per:amara_okafor");
    CHECK(t.at("a Nigerian engineer") == p);
  }
  SUBCASE("speech verb after a capitalised name") {
    Tagged t("Okonkwo said the plan would work.");
    REQUIRE(t.at("Okonkwo"));
    CHECK(t.at("Okonkwo")->type == "PERSON");
  }
  SUBCASE("king with a regnal number") {
    Tagged t("Spain's King Felipe VI visited Rabat.");
    CHECK(t.find("per:felipe_vi"));
    CHECK(t.find("loc:spain"));
    CHECK(t.find("loc:rabat"));
  }
  SUBCASE("bare names need a given name or a speech verb") {
    Tagged t("Voters backed Paul Ryan more than Ground Zero volunteers did, said Kwame Mensah.");
    REQUIRE(t.at("Paul Ryan"));
    CHECK(t.at("Paul Ryan")->type == "PERSON");
    CHECK(t.at("Ground Zero") == nullptr);
    REQUIRE(t.at("Kwame Mensah"));
    CHECK(t.at("Kwame Mensah")->id == "per:kwame_mensah");
  }
  SUBCASE("capitalised table headers are not people") {
    Tagged t("Joint training exercises continue.\nJoint Training Exercises | Enhanced readiness |");
    for (const Entity& e : t.entities.entities) CHECK(e.type != "PERSON");
  }
  SUBCASE("pronoun antecedent helper") {
    Tagged t("Prime Minister Jacinda Ardern spoke in Wellington. She said the bill would pass.");
    auto he = t.text.find("She");
    auto p = crosscheck::internal::person_before(t.entities, t.layer, he);
    REQUIRE(p);
    CHECK(t.entities.entities[*p].id == "per:jacinda_ardern");
  }
}

TEST_CASE("organisations and companies from orthography") {
  Tagged t(
      "Shares in Nordic Wind Holdings rose after the company won a contract from the "
      "Danish Energy Agency. The agency said more tenders would follow.");
  const Entity* company = t.at("Nordic Wind Holdings");
  REQUIRE(company);
  CHECK(company->type == "ORGANIZATION");
  const Entity* agency = t.at("Danish Energy Agency");
  REQUIRE(agency);
  CHECK(agency->type == "ORGANIZATION");
  CHECK(t.at("The agency") == agency);
}

TEST_CASE("definite descriptions resolve to a compatible antecedent") {
  SUBCASE("the alliance and the kingdom") {
    Tagged t("Morocco hosted NATO officials. The alliance praised the kingdom for its help.");
    CHECK(t.at("The alliance")->id == "org:nato");
    CHECK(t.at("the kingdom")->id == "loc:morocco");
  }
  SUBCASE("the kingdom needs a kingdom") {
    Tagged t("Egypt hosted the talks. Officials said the kingdom would attend.");
    CHECK(t.at("the kingdom") == nullptr);  // Egypt is a republic
  }
  SUBCASE("the bloc") {
    Tagged t("The European Union met in Brussels. The bloc agreed new sanctions.");
    CHECK(t.at("The bloc")->id == "org:eu");
  }
}

TEST_CASE("places: containment from the gazetteer and the text") {
  SUBCASE("country's capital city") {
    Tagged t("The summit was held in Kenya's capital Nairobi.");
    const Entity* nairobi = t.find("loc:nairobi");
    REQUIRE(nairobi);
    CHECK(has(nairobi->located_in, "loc:kenya"));
  }
  SUBCASE("unknown town placed by the text") {
    Tagged t("Flooding hit Qasr Tuba, Jordan, on Monday.");
    const Entity* town = t.find("loc:qasr_tuba");
    REQUIRE(town);
    CHECK(has(town->located_in, "loc:jordan"));
  }
  SUBCASE("region membership") {
    auto lexicon = Lexicon::builtin();
    CHECK(lexicon->contains("loc:arab_world", "loc:amman"));
    CHECK(lexicon->contains("loc:gulf", "loc:kuwait"));
    CHECK(lexicon->contains("loc:western_balkans", "loc:sarajevo"));
    CHECK_FALSE(lexicon->contains("loc:gulf", "loc:jordan"));
    CHECK(lexicon->has_tag("loc:jordan", "kingdom"));
  }
}

TEST_CASE("facilities: owner, kind and place") {
  SUBCASE("one office under several descriptions; a centre elsewhere stays apart") {
    Tagged t(
        "The UN will open a liaison office in Nairobi, Kenya. The new office will train staff. "
        "The UN already runs a regional centre in Addis Ababa. The centre opened in 2010. "
        "A UN office in Kenya was long expected, officials said. The Nairobi office will open "
        "soon.");
    const Entity* office = t.at("a liaison office");
    REQUIRE(office);
    CHECK(office->id == "fac:un/office/nairobi");
    CHECK(t.at("The new office") == office);
    CHECK(t.at("A UN office") == office);
    CHECK(t.at("The Nairobi office") == office);
    const Entity* centre = t.at("a regional centre");
    REQUIRE(centre);
    CHECK(centre->id == "fac:un/regional_centre/addis_ababa");
    CHECK(t.at("The centre") == centre);
    CHECK(has(office->located_in, "loc:nairobi"));
  }
  SUBCASE("possessive owner and capitalised name") {
    Tagged t(
        "Siemens AG's Regional Office in Dubai hired staff. The company said its office would "
        "grow.");
    const Entity* office = t.at("Regional Office");
    REQUIRE(office);
    CHECK(office->id == "fac:siemens_ag/regional_office/dubai");
    CHECK(t.at("its office") == office);
  }
  SUBCASE("an unknown company name before the phrase owns it") {
    Tagged a("Apple will open a new store in Mumbai next month.");
    CHECK(a.at("a new store")->id == "fac:apple/store/mumbai");
    CHECK(a.at("Apple")->type == "ORGANIZATION");
    Tagged b("Tesla plans to close its factory in Berlin.");
    CHECK(b.at("its factory")->id == "fac:tesla/factory/berlin");
    Tagged c("Officials will open an office in Paris, the officials said.");
    CHECK(c.at("an office")->id == "fac:unknown/office/paris");
  }
  SUBCASE("not facilities") {
    Tagged t("The issue is at the centre of the talks. He took office in May.");
    for (const Entity& e : t.entities.entities) CHECK(e.id.rfind("fac:", 0) != 0);
  }
}

TEST_CASE("cross-document linking rewrites ids everywhere") {
  std::vector<crosscheck::Document> docs(2);
  docs[0].id = "a";
  docs[0].text =
      "The UN opened a liaison office in Nairobi. Prime Minister Ruto Kipchoge welcomed it.";
  docs[1].id = "b";
  docs[1].text = "A UN office in Kenya started work. Kipchoge said it mattered. The office is new.";
  auto x = crosscheck::extract_all(docs);
  REQUIRE(x.ok());
  auto extractions = *x;
  CHECK(find_entity(extractions[1].entities, "fac:un/office/kenya"));
  CHECK(find_entity(extractions[1].entities, "per:kipchoge"));
  extractions[1].claims.push_back(crosscheck::Claim{});
  extractions[1].claims.back().subject = "fac:un/office/kenya";
  extractions[1].claims.back().typed.entity = "per:kipchoge";
  extractions[1].quotes.push_back(crosscheck::Quote{});
  extractions[1].quotes.back().speaker_id = "per:kipchoge";
  auto canonical = crosscheck::internal::link_entities(extractions, *Lexicon::builtin());
  const Entity* office = find_entity(canonical, "fac:un/office/nairobi");
  REQUIRE(office);
  CHECK(office->documents == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(find_entity(canonical, "fac:un/office/kenya"));
  const Entity* person = find_entity(canonical, "per:ruto_kipchoge");
  REQUIRE(person);
  CHECK(person->documents.size() == 2);
  CHECK(extractions[1].claims.back().subject == "fac:un/office/nairobi");
  CHECK(extractions[1].claims.back().typed.entity == "per:ruto_kipchoge");
  CHECK(extractions[1].quotes.back().speaker_id == "per:ruto_kipchoge");
  CHECK(extractions[1].quotes.back().speaker == "Ruto Kipchoge");
  CHECK(find_entity(extractions[1].entities, "fac:un/office/nairobi"));
  // Deterministic: the same input gives the same list.
  auto again = *crosscheck::extract_all(docs);
  auto canonical2 = crosscheck::internal::link_entities(again, *Lexicon::builtin());
  REQUIRE(canonical2.size() == canonical.size());
  for (std::size_t i = 0; i < canonical.size(); ++i) CHECK(canonical[i].id == canonical2[i].id);
}

TEST_CASE("cross-document linking merges a document's entities that become one") {
  // "Kipchoge" alone joins "Ruto Kipchoge": in a document that names both,
  // the two entities become the first one, with both aliases and mentions.
  auto person = [](std::string id, std::string name, std::size_t begin) {
    Entity e;
    e.id = std::move(id);
    e.name = name;
    e.type = "PERSON";
    e.aliases = {name};
    e.mentions.push_back(crosscheck::Mention{{begin, begin + name.size()}, name});
    return e;
  };
  std::vector<crosscheck::Extraction> extractions(1);
  extractions[0].document.id = "a";
  extractions[0].entities.push_back(person("per:kipchoge", "Kipchoge", 40));
  Entity place;
  place.id = "loc:kenya";
  place.name = "Kenya";
  place.type = "LOCATION";
  extractions[0].entities.push_back(place);
  extractions[0].entities.push_back(person("per:ruto_kipchoge", "Ruto Kipchoge", 0));
  auto canonical = crosscheck::internal::link_entities(extractions, *Lexicon::builtin());
  const auto& entities = extractions[0].entities;
  REQUIRE(entities.size() == 2);
  CHECK(entities[0].id == "per:ruto_kipchoge");
  CHECK(entities[0].name == "Ruto Kipchoge");
  CHECK(entities[0].aliases == std::vector<std::string>{"Kipchoge", "Ruto Kipchoge"});
  REQUIRE(entities[0].mentions.size() == 2);
  CHECK(entities[0].mentions[0].span.begin == 0);
  CHECK(entities[0].mentions[1].span.begin == 40);
  CHECK(entities[1].id == "loc:kenya");
  REQUIRE(find_entity(canonical, "per:ruto_kipchoge"));
  CHECK(find_entity(canonical, "per:ruto_kipchoge")->documents == std::vector<std::string>{"a"});
  CHECK_FALSE(find_entity(canonical, "per:kipchoge"));
}

TEST_CASE("lexicon: user JSON, synonyms and errors") {
  SUBCASE("user entities extend the gazetteer") {
    auto lexicon =
        Lexicon::build({R"({"entities": [{"id": "org:acme", "name": "Acme", "type": "ORGANIZATION",
        "aliases": ["Acme Corp", "ACME"], "tags": ["company"]}],
        "aliases": {"Atlantic alliance": "org:nato"}})"});
    REQUIRE(lexicon.ok());
    Tagged t("Acme Corp and the Atlantic alliance agreed. ACME said the company was pleased.",
             **lexicon);
    CHECK(t.at("Acme Corp")->id == "org:acme");
    CHECK(t.at("ACME")->id == "org:acme");
    CHECK(t.at("the company")->id == "org:acme");
    CHECK(t.at("Atlantic alliance")->id == "org:nato");
  }
  SUBCASE("synonyms") {
    auto lexicon = Lexicon::builtin();
    CHECK(lexicon->canonical_phrase("fighting terrorism") == "counter-terrorism");
    CHECK(lexicon->canonical_phrase("Counterterrorism") == "counter-terrorism");
    CHECK(lexicon->canonical_phrase("cybersecurity") == "cyber security");
    CHECK(lexicon->canonical_phrase("Cyber-Security") == "cyber security");
    CHECK(lexicon->canonical_phrase("knitting") == "knitting");
    auto user =
        Lexicon::build({R"({"synonyms": [{"canonical": "knitting", "variants": ["purling"]}]})"});
    REQUIRE(user.ok());
    CHECK((*user)->canonical_phrase("purling") == "knitting");
  }
  SUBCASE("malformed lexicons are clear errors") {
    auto bad_json = Lexicon::build({"{\"entities\": ["});
    REQUIRE_FALSE(bad_json.ok());
    CHECK(bad_json.error().code == crosscheck::ErrorCode::kLexicon);
    CHECK(bad_json.error().detail.find("invalid JSON") != std::string::npos);
    auto no_id = Lexicon::build({R"({"entities": [{"name": "X"}]})"});
    REQUIRE_FALSE(no_id.ok());
    CHECK(no_id.error().detail.find("entities[0]") != std::string::npos);
    auto bad_type = Lexicon::build({R"({"entities": [{"id": "x:y", "type": "PLANET"}]})"});
    REQUIRE_FALSE(bad_type.ok());
    auto unknown = Lexicon::build({R"({"entites": []})"});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().detail.find("entites") != std::string::npos);
    auto not_object = Lexicon::build({"[1, 2]"});
    REQUIRE_FALSE(not_object.ok());
  }
  SUBCASE("a malformed lexicon is named by its file, else by its position") {
    const std::vector<std::string> texts = {"{}", R"({"entities": 5})"};
    auto unnamed = Lexicon::build(texts);
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error().message() == "lexicon 2: \"entities\" must be an array");
    auto named = Lexicon::build(texts, {"a.json", "extra/b.json"});
    REQUIRE_FALSE(named.ok());
    CHECK(named.error().message() == "extra/b.json: \"entities\" must be an array");
  }
}

TEST_CASE("robust on odd input") {
  for (const char* text :
       {"", "(", "(ABC)", "Mr", "the the the", "NATO's", "- - -", "A (B) C (D)", "Mr Mr Mr Smith",
        "office office office", "'s", "\xE2\x80\x99s NATO\xE2\x80\x99s"}) {
    Tagged t(text);
    for (const auto& m : t.entities.mentions) {
      CHECK(m.span.end <= t.text.size());
      CHECK(m.entity < t.entities.entities.size());
    }
  }
}

TEST_CASE("people from a user lexicon take part in surname coreference") {
  auto lexicon = Lexicon::build({R"({"entities": [{"id": "per:ada_lovelace", "name": "Ada Lovelace",
      "type": "PERSON"}]})"});
  REQUIRE(lexicon.ok());
  Tagged t("Ada Lovelace wrote the notes. Ms Lovelace later said they were hers.", **lexicon);
  const Entity* ada = t.find("per:ada_lovelace");
  REQUIRE(ada);
  CHECK(t.at("Ms Lovelace") == ada);
  CHECK(t.find("per:lovelace") == nullptr);
}

TEST_CASE("people: surnames, later full names and shared surnames") {
  SUBCASE("a surname first, the full name later: one person") {
    Tagged t("Okonkwo said the plan would work. Later, Chidi Okonkwo said it again.");
    const Entity* p = t.find("per:chidi_okonkwo");
    REQUIRE(p);
    CHECK(t.at("Okonkwo") == p);
    CHECK(t.find("per:okonkwo") == nullptr);
  }
  SUBCASE("a surname alone is the most mentioned person with it, then the latest mentioned") {
    Tagged t(
        "Anna Berg said the vote was close. Tomas Berg said it was not. "
        "Berg said more would follow.");
    const Entity* tomas = t.find("per:tomas_berg");
    REQUIRE(tomas);
    REQUIRE(t.find("per:anna_berg"));
    CHECK(t.at("Berg said more") == tomas);
    // A relative named once in passing does not take the surname over.
    Tagged u(
        "Former Governor Jeb Bush ended his campaign. Jeb Bush thanked his staff. "
        "The brother of George Bush entered the race in June. Bush said he was proud.");
    const Entity* jeb = u.find("per:jeb_bush");
    REQUIRE(jeb);
    REQUIRE(u.find("per:george_bush"));
    CHECK(u.at("Bush said") == jeb);
  }
  SUBCASE("two initials written together are left out too") {
    Tagged t("Former President George H.W. Bush said he was proud. Bush thanked his staff.");
    const Entity* bush = t.find("per:george_bush");
    REQUIRE(bush);
    CHECK(t.at("Bush thanked") == bush);
    CHECK(t.mention_texts("per:george_bush").count("President George H.W. Bush") == 1);
  }
  SUBCASE("a name between commas after a title or a person noun, or before an age") {
    Tagged t(
        "The U.S. attorney, Denise E. O'Donnell, praised the verdict. His lawyer, Benedikt "
        "Kroll, disagreed. Marcel Lehel Lazar, 44, pleaded guilty. O'Donnell spoke again.");
    const Entity* odonnell = t.find("per:denise_odonnell");
    REQUIRE(odonnell);
    CHECK(t.at("O'Donnell spoke") == odonnell);
    CHECK(t.find("per:benedikt_kroll"));
    CHECK(t.find("per:marcel_lehel_lazar"));
    // Not a thing named in apposition to a plain noun, nor a surname alone
    // before an age (it may be someone named in full earlier).
    Tagged u("Its best-known product, Diet Fizz, sold well. Meanwhile Gonzalez, 55, said no.");
    CHECK(u.entities.entities.empty());
  }
  SUBCASE("abbreviated titles, US states, and a place name as a surname") {
    Tagged t(
        "Sen. Zorba Tillis voted no. Rep. Jim Jordan of Ohio said the vote was close. Sen. "
        "Richard Burr of North Carolina agreed, and Representative Steve Israel said so too.");
    CHECK(t.mention_texts("per:zorba_tillis").count("Sen. Zorba Tillis") == 1);
    CHECK(t.find("per:jim_jordan"));
    CHECK(t.find("per:richard_burr"));
    CHECK(t.find("per:steve_israel"));
    CHECK(t.find("loc:ohio"));
    CHECK(t.find("loc:north_carolina"));
    CHECK(t.find("per:richard_burr_of_north_carolina") == nullptr);
    // Without a title before or a speech verb after, a place stays a place.
    Tagged u("George Washington crossed into Jordan.");
    CHECK(u.find("loc:jordan"));
  }
  SUBCASE("a middle initial is left out of the name but kept in the mention") {
    Tagged t(
        "President Vladimir V. Putin said Russia would respond. Vladimir Putin met Donald J. "
        "Trump in Helsinki, and Putin spoke first.");
    const Entity* putin = t.find("per:vladimir_putin");
    REQUIRE(putin);
    CHECK(putin->name == "Vladimir Putin");
    CHECK(t.find("per:vladimir_v") == nullptr);
    CHECK(t.at("Putin said") == putin);
    CHECK(t.at("Putin spoke") == putin);
    CHECK(t.mention_texts("per:vladimir_putin").count("President Vladimir V. Putin") == 1);
    const Entity* trump = t.find("per:donald_trump");
    REQUIRE(trump);
    CHECK(t.mention_texts("per:donald_trump") == std::set<std::string>{"Donald J. Trump"});
    // Not an initial: a capital letter that ends a sentence, or one before a
    // lower-case word.
    Tagged u("They chose Plan B. Then Maria Lund said it failed.");
    CHECK(u.find("per:maria_lund"));
    CHECK(u.find("per:b_then_maria_lund") == nullptr);
  }
  SUBCASE("US titles: Representative, Chief Justice, Attorney, General Counsel") {
    Tagged t(
        "\"It is wrong,\" said Representative Charles B. Rangel of New York. Chief Justice John "
        "G. Roberts Jr. wrote the opinion. U.S. Attorney Samuel A. Alito said no. General "
        "Counsel James A. Baker agreed.");
    CHECK(t.find("per:charles_rangel"));
    CHECK(t.find("per:john_roberts_jr"));
    CHECK(t.find("per:samuel_alito"));
    CHECK(t.find("per:james_baker"));
    CHECK(t.find("per:representative_charles_rangel") == nullptr);
  }
  SUBCASE("a generational suffix ends the name; the surname is the word before it") {
    Tagged t(
        "Vice President Joseph R. Biden Jr. spoke first. Biden said the plan would work. "
        "Vann R. Newkirk II wrote it, and Newkirk said so.");
    const Entity* biden = t.find("per:joseph_biden_jr");
    REQUIRE(biden);
    CHECK(t.at("Biden said") == biden);
    CHECK(t.find("per:biden") == nullptr);
    const Entity* newkirk = t.find("per:vann_newkirk_ii");
    REQUIRE(newkirk);
    CHECK(t.at("Newkirk said") == newkirk);
    // A title and a lone suffix name no one: "King Jr." of "Martin Luther King Jr.".
    Tagged u("They met at a Martin Luther King Jr. celebration. John Kennedy Jr. spoke.");
    CHECK(u.find("per:jr") == nullptr);
    CHECK(u.mention_texts("per:john_kennedy_jr") == std::set<std::string>{"John Kennedy Jr"});
  }
  SUBCASE("particles inside a name, not at its end") {
    Tagged t("The Reserve Bank of Qarvia (RBQ) raised rates. The RBQ said more was to come.");
    const Entity* bank = t.at("Reserve Bank of Qarvia");
    REQUIRE(bank);
    CHECK(bank->name == "Reserve Bank of Qarvia");
    CHECK(t.at("RBQ said") == bank);
  }
}

TEST_CASE("people whose given name is a place: 'Virginia Foxx', 'Jordan Henderson'") {
  SUBCASE("a title, a speech verb or an age says the place starts a name") {
    Tagged t(
        "Rep. Virginia Foxx said the bill would pass. Jordan Henderson said the team was ready. "
        "\"It was wonderful,\" said Florence Pugh. Paris Hilton, 44, was thrilled.");
    CHECK(t.mention_texts("per:virginia_foxx") == std::set<std::string>{"Rep. Virginia Foxx"});
    CHECK(t.find("per:jordan_henderson"));
    CHECK(t.find("per:florence_pugh"));
    CHECK(t.find("per:paris_hilton"));
    CHECK(t.find("loc:virginia") == nullptr);
    CHECK(t.find("per:foxx") == nullptr);
  }
  SUBCASE("without such evidence, or before a head word, the place stays a place") {
    Tagged t(
        "Jordan Valley farmers said prices fell. Virginia Tech said the game was off. Georgia "
        "Power said power was back. Georgia Gov. Brian Kemp signed it. Florence officials met.");
    CHECK(t.find("loc:jordan"));
    CHECK(t.find("org:virginia_tech"));
    CHECK(t.find("org:georgia_power"));
    CHECK(t.find("per:brian_kemp"));
    for (const Entity& e : t.entities.entities) {
      if (e.type == "PERSON") CHECK_MESSAGE(e.id == "per:brian_kemp", e.id);
    }
  }
}

TEST_CASE("a name before a title and a name modifies the title; one after 'the' is no person") {
  Tagged t(
      "\"We are not done,\" said Carolina Hurricanes coach Rod Brind'Amour. Chelsea Manning "
      "spoke later, when the Dakota Johnson fans had left.");
  CHECK(t.find("per:rod_brindamour"));
  CHECK(t.find("per:carolina_hurricanes") == nullptr);
  CHECK(t.find("per:chelsea_manning"));
  CHECK(t.find("per:dakota_johnson") == nullptr);
}

TEST_CASE("names with particles, names written family name first, given names alone") {
  SUBCASE("two particles inside a name; a surname led by a particle") {
    Tagged t(
        "Ursula von der Leyen, the commission president, spoke. Von der Leyen said the bloc "
        "would act. Mayor Bill de Blasio agreed, and De Blasio said so twice.");
    CHECK(t.mention_texts("per:ursula_von_der_leyen").count("Von der Leyen") == 1);
    CHECK(t.find("per:von_der_leyen") == nullptr);
    CHECK(t.mention_texts("per:bill_de_blasio").count("De Blasio") == 1);
    CHECK(t.find("per:de_blasio") == nullptr);
  }
  SUBCASE("a title takes up to six words when particles are among them") {
    Tagged t("President Luiz Inácio Lula da Silva spoke first.");
    CHECK(t.find("per:luiz_in\u00e1cio_lula_da_silva"));
  }
  SUBCASE("the first word alone names the one person it starts") {
    Tagged t(
        "Officials met Xi Jinping in Riyadh. Xi said ties were good. Beto O'Rourke spoke. "
        "Beto said he would run.");
    CHECK(t.mention_texts("per:xi_jinping") == std::set<std::string>{"Xi Jinping", "Xi"});
    CHECK(t.find("per:xi") == nullptr);
    CHECK(t.mention_texts("per:beto_orourke").count("Beto") == 1);
    // Of two such persons, none.
    Tagged u("Kim Jong Un met Kim Yo Jong. Kim said the talks went well.");
    CHECK(u.find("per:kim_jong_un"));
    CHECK(u.mention_texts("per:kim_jong_un").count("Kim") == 0);
    CHECK(u.mention_texts("per:kim_yo_jong").count("Kim") == 0);
  }
}

TEST_CASE("entity ids: no-break and other Unicode spaces separate words, quotes are dropped") {
  using crosscheck::internal::entity_id;
  CHECK(entity_id("per:", "Laura Ingraham\u00a0Show") == "per:laura_ingraham_show");
  CHECK(entity_id("per:", "Laura\u2009Ingraham") == "per:laura_ingraham");
  CHECK(entity_id("per:", "Beto O\u2019Rourke") == "per:beto_orourke");
  CHECK(entity_id("per:", "Beto O'Rourke") == "per:beto_orourke");
  CHECK(entity_id("org:", "Caf\u00e9 Nord") == "org:caf\u00e9_nord");
}

TEST_CASE("entity_at: which entity a noun phrase refers to") {
  Tagged t(
      "The WHO opened a regional office in Cairo, Egypt. The office employs 40 people. "
      "The WHO's Regional Office in Cairo is its largest.");
  const Entity* office = t.at("a regional office");
  REQUIRE(office);
  CHECK(office->id == "fac:who/regional_office/cairo");
  // The head word alone, or the whole phrase with its owner and place.
  std::size_t head = t.text.find("office employs");
  auto by_head = crosscheck::internal::entity_at(t.entities, Span{head, head + 6});
  REQUIRE(by_head);
  CHECK(t.entities.entities[*by_head].id == office->id);
  std::size_t np = t.text.find("The WHO's Regional Office in Cairo");
  auto by_phrase = crosscheck::internal::entity_at(t.entities, Span{np, np + 34});
  REQUIRE(by_phrase);
  CHECK(t.entities.entities[*by_phrase].id == office->id);
  CHECK(t.at("Cairo")->id == "loc:cairo");
  CHECK(crosscheck::internal::entity_at(t.entities, Span{0, 0}) == std::nullopt);
  CHECK(crosscheck::internal::entity_index(t.entities, "org:who"));
}

TEST_CASE("per-thread buffers: a document's entities do not depend on the one before") {
  // The tagger reuses its word and key buffers from document to document on a
  // thread: a long document, then a short one, must give what each gives alone.
  std::string long_text =
      "NATO Secretary General Jens Stoltenberg said on Monday that the alliance would open "
      "a liaison office in Amman, Jordan. The Amman office will be NATO's first in the "
      "region. Mr Stoltenberg met King Abdullah. Acme Widgets Corporation (AWC) said AWC "
      "would follow.";
  std::string short_text = "Jordan. Stoltenberg said AWC would open an office in Amman.";
  auto render = [](const EntityLayer& layer) {
    std::string out;
    for (const Entity& e : layer.entities) {
      out += e.id + "|" + e.name + "|" + e.type;
      for (const auto& a : e.aliases) out += "|" + a;
      for (const auto& m : e.mentions) out += "|" + std::to_string(m.span.begin);
      out += "\n";
    }
    for (const EntityMention& m : layer.mentions)
      out += std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + ":" +
             std::to_string(m.entity) + ";";
    return out;
  };
  std::string short_first = render(Tagged(short_text).entities);
  std::string long_first = render(Tagged(long_text).entities);
  std::string short_after_long = render(Tagged(short_text).entities);
  std::string long_after_short = render(Tagged(long_text).entities);
  CHECK(short_after_long == short_first);
  CHECK(long_after_short == long_first);
  CHECK(long_first.find("per:jens_stoltenberg") != std::string::npos);
  // The acronym defined in the long document means nothing in the short one.
  CHECK(long_first.find("org:acme_widgets_corporation") != std::string::npos);
  CHECK(short_after_long.find("acme") == std::string::npos);
}

TEST_CASE("words: keys read eight bytes at a time, and documents with many distinct words") {
  SUBCASE("an acronym defined in the text and used as its very last bytes") {
    Tagged t("The Global Ocean Research Council (GORC) met in Oslo. Officials praised GORC");
    const Entity* council = t.at("Global Ocean Research Council");
    REQUIRE(council);
    CHECK(t.at("GORC", t.text.find("praised")) == council);
  }
  SUBCASE("all capitals over more than eight bytes") {
    Tagged t("The NORTHWIND Institute (NORTHWINDI) opened. NORTHWINDI said so.");
    const Entity* institute = t.at("NORTHWIND Institute");
    REQUIRE(institute);
    CHECK(t.at("NORTHWINDI", t.text.find("opened")) == institute);
    // One lower-case letter after the first eight bytes: not an acronym.
    Tagged mixed("The NORTHWIND Institute (NORTHWINDi) opened. NORTHWINDi said so.");
    const Entity* later = mixed.at("NORTHWINDi", mixed.text.find("opened"));
    CHECK((later == nullptr || later != mixed.at("NORTHWIND Institute")));
  }
  SUBCASE("possessives and hyphenated compounds split into words") {
    Tagged t("NATO\xE2\x80\x99s partners joined the NATO-Jordan talks; NATO's envoy spoke.");
    const Entity* nato = t.find("org:nato");
    REQUIRE(nato);
    CHECK(nato->mentions.size() == 3);
    CHECK(t.at("Jordan")->id == "loc:jordan");
  }
  SUBCASE("possessive endings in capitals, typographic, and at the text's very start") {
    Tagged t("EU's envoy met NATO'S partners and NATO\xE2\x80\x99s envoy.");
    const Entity* eu = t.find("org:eu");
    REQUIRE(eu);
    CHECK(t.mention_texts("org:eu") == std::set<std::string>{"EU"});
    CHECK(t.mention_texts("org:nato") == std::set<std::string>{"NATO"});
    REQUIRE(t.find("org:nato"));
    CHECK(t.find("org:nato")->mentions.size() == 2);
  }
  SUBCASE("thousands of distinct words before the names") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "w" + std::to_string(i) + (i % 7 ? " " : ". ");
    text += "NATO opened an office in Amman. Later NATO said the office would grow.";
    Tagged t(text);
    const Entity* nato = t.find("org:nato");
    REQUIRE(nato);
    CHECK(nato->mentions.size() == 2);
    CHECK(t.find("loc:amman"));
    CHECK(t.find("fac:nato/office/amman"));
  }
}

TEST_CASE("aliases in order of first use, once each; a repeated compound name is one entity") {
  Tagged t(
      "The Danish Energy Agency met NATO officials. Nato said the Danish Energy Agency and "
      "NATO agreed.");
  const Entity* nato = t.find("org:nato");
  REQUIRE(nato);
  CHECK(nato->aliases == std::vector<std::string>{"NATO", "Nato"});
  CHECK(nato->mentions.size() == 3);
  const Entity* agency = t.at("Danish Energy Agency");
  REQUIRE(agency);
  CHECK(agency == t.at("Danish Energy Agency", t.text.find("said")));
  CHECK(agency->aliases == std::vector<std::string>{"Danish Energy Agency"});
  CHECK(agency->mentions.size() == 2);
}
