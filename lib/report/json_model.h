// JSON views of crosscheck values, shared by the JSON and HTML reports.
#ifndef CROSSCHECK_LIB_REPORT_JSON_MODEL_H_
#define CROSSCHECK_LIB_REPORT_JSON_MODEL_H_

#include <nlohmann/json.hpp>

#include "crosscheck/types.h"

namespace crosscheck::internal {

nlohmann::ordered_json claim_json(const Claim& claim);
nlohmann::ordered_json claim_value_json(const Claim& claim);
nlohmann::ordered_json entity_json(const Entity& entity, bool with_mentions);
nlohmann::ordered_json extraction_json(const Extraction& extraction);
nlohmann::ordered_json finding_json(const Finding& finding);
nlohmann::ordered_json report_json(const Report& report);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_REPORT_JSON_MODEL_H_
