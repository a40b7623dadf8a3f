// Story-level alignment of event keys across documents.
#ifndef CROSSCHECK_LIB_CLAIMS_EVENT_KEYS_H_
#define CROSSCHECK_LIB_CLAIMS_EVENT_KEYS_H_

#include <vector>

#include "crosscheck/types.h"

namespace crosscheck::internal {

/// Event subjects are "event:[owner/]kind[/place]". One report names the
/// place ("the earthquake in Turkey"), another does not ("the earthquake"):
/// when the story has exactly one placed variant of an event with the same
/// owner and kind, the place-less claims take that variant's key, so that they
/// are compared. With two or more places (an attack in A, another in B) the
/// place-less mention is ambiguous and keeps its own key.
void align_event_places(std::vector<Claim>& claims);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_CLAIMS_EVENT_KEYS_H_
