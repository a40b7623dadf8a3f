// The steps of check() (lib/pipeline/pipeline.cpp), for the scale benchmark
// that times them one by one.
#ifndef CROSSCHECK_LIB_PIPELINE_CHECK_STEPS_H_
#define CROSSCHECK_LIB_PIPELINE_CHECK_STEPS_H_

#include <vector>

#include "annotate/lexicon.h"
#include "crosscheck/crosscheck.h"

namespace crosscheck::internal {

/// Validates and extracts every document in parallel, results in input order;
/// `lean` keeps only what check() needs of each (Options::keep_extractions).
Result<std::vector<Extraction>> extract_all_with(const std::vector<Document>& documents,
                                                 const Options& options, const Lexicon& lexicon,
                                                 bool lean);

/// Fills Report::claims from the extractions, in document order; `lean` moves
/// them (and drops the per-document entities, which the report has linked).
void gather_claims(Report& report, bool lean);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_PIPELINE_CHECK_STEPS_H_
