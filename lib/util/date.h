// Civil (proleptic Gregorian) dates as day numbers, without the wall clock.
#ifndef CROSSCHECK_LIB_UTIL_DATE_H_
#define CROSSCHECK_LIB_UTIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crosscheck::internal {

/// A calendar date; month 1-12, day 1-31.
struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

/// Days since 1970-01-01 (negative before).
std::int32_t days_from_civil(CivilDate date);
/// Inverse of days_from_civil.
CivilDate civil_from_days(std::int32_t days);
/// 0 = Monday ... 6 = Sunday.
int weekday(std::int32_t days);
/// Days in the month of `year`.
int days_in_month(int year, int month);
/// True for a valid calendar date.
bool is_valid(CivilDate date);
/// Parses "YYYY-MM-DD" or an ISO 8601 date-time starting with it.
std::optional<CivilDate> parse_iso_date(std::string_view text);
/// "YYYY-MM-DD".
std::string format_iso(CivilDate date);

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_DATE_H_
