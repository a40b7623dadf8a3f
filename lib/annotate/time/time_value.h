// TIMEX3 values: formatting helpers and the calendar interval a value denotes.
#ifndef CROSSCHECK_LIB_ANNOTATE_TIME_TIME_VALUE_H_
#define CROSSCHECK_LIB_ANNOTATE_TIME_TIME_VALUE_H_

#include <string>
#include <string_view>

#include "crosscheck/types.h"
#include "util/date.h"

namespace crosscheck::internal::time {

std::string year_str(int year);                    ///< "2024", "0987"
std::string month_str(int year, int month);        ///< "2024-07"
std::string day_str(CivilDate date);               ///< "2024-07-12"
std::string week_str(std::int32_t days);           ///< ISO week of a day: "2024-W28"
std::string quarter_str(int year, int quarter);    ///< "2024-Q3"

/// The calendar extent of an anchored TIMEX3 DATE/TIME value ("2023-07" ->
/// [2023-07-01, 2023-07-31], month); an unanchored interval for anything else.
TimeInterval interval_of(std::string_view value);

}  // namespace crosscheck::internal::time

#endif  // CROSSCHECK_LIB_ANNOTATE_TIME_TIME_VALUE_H_
