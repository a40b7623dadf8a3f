#include "claims/event_keys.h"

#include <map>
#include <set>
#include <string>

#include "data/embedded.h"

namespace crosscheck::internal {
namespace {

// Canonical event kinds (events.tsv, second column).
const std::set<std::string>& event_kinds() {
  static const std::set<std::string> kKinds = [] {
    std::set<std::string> out;
    for (const auto& row : data_tsv("claims/events.tsv"))
      if (row.size() > 1) out.insert(std::string(row[1]));
    return out;
  }();
  return kKinds;
}

bool is_event(const std::string& subject) { return subject.rfind("event:", 0) == 0; }

// The last '/'-separated segment of an event key ("event:x/attack" -> "attack").
std::string last_segment(const std::string& key) {
  auto slash = key.rfind('/');
  return key.substr(slash == std::string::npos ? 6 : slash + 1);
}

}  // namespace

void align_event_places(std::vector<Claim>& claims) {
  std::set<std::string> subjects;
  for (const Claim& c : claims)
    if (is_event(c.subject)) subjects.insert(c.subject);
  // Place-less key -> the distinct placed keys that extend it by one segment.
  std::map<std::string, std::set<std::string>> placed;
  for (const std::string& s : subjects) {
    if (!event_kinds().count(last_segment(s))) continue;  // ends with a place, or not an event
    placed[s];
  }
  for (const std::string& s : subjects) {
    auto slash = s.rfind('/');
    if (slash == std::string::npos) continue;
    std::string base = s.substr(0, slash);
    if (!event_kinds().count(last_segment(base))) continue;
    if (auto it = placed.find(base); it != placed.end()) it->second.insert(s);
  }
  for (Claim& c : claims) {
    auto it = placed.find(c.subject);
    if (it != placed.end() && it->second.size() == 1) c.subject = *it->second.begin();
  }
}

}  // namespace crosscheck::internal
