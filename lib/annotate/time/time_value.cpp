#include "annotate/time/time_value.h"

#include <cstdio>

namespace crosscheck::internal::time {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

TimeInterval make(CivilDate first, CivilDate last, Granularity g) {
  TimeInterval t;
  t.first_day = days_from_civil(first);
  t.last_day = days_from_civil(last);
  t.granularity = g;
  return t;
}

// Zero-padded decimal like printf("%0*d") for the usual range, without
// printf's cost (these run for every tagged expression); other values fall
// back to snprintf so the output stays the same.
void append_padded(std::string& out, int v, int width) {
  if (v < 0 || v > 9999) {
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%0*d", width, v);
    out.append(buf, static_cast<std::size_t>(n));
    return;
  }
  char buf[4];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  for (int k = n; k < width; ++k) out.push_back('0');
  while (n > 0) out.push_back(buf[--n]);
}

}  // namespace

std::string year_str(int year) {
  std::string s;
  append_padded(s, year, 4);
  return s;
}

std::string month_str(int year, int month) {
  std::string s;
  append_padded(s, year, 4);
  s.push_back('-');
  append_padded(s, month, 2);
  return s;
}

std::string day_str(CivilDate d) {
  std::string s;
  append_padded(s, d.year, 4);
  s.push_back('-');
  append_padded(s, d.month, 2);
  s.push_back('-');
  append_padded(s, d.day, 2);
  return s;
}

std::string week_str(std::int32_t days) {
  // ISO 8601: the week belongs to the year of its Thursday.
  std::int32_t thursday = days - weekday(days) + 3;
  CivilDate t = civil_from_days(thursday);
  std::int32_t jan1 = days_from_civil(CivilDate{t.year, 1, 1});
  int week = (thursday - jan1) / 7 + 1;
  std::string s;
  append_padded(s, t.year, 4);
  s.append("-W");
  append_padded(s, week, 2);
  return s;
}

std::string quarter_str(int year, int quarter) {
  std::string s;
  append_padded(s, year, 4);
  s.append("-Q");
  append_padded(s, quarter, 1);
  return s;
}

TimeInterval interval_of(std::string_view v) {
  int y = 0;
  // Before Christ, in proleptic Gregorian years (1 BC is year 0): "BC0753"
  // is 753 BC, "BC04" the fifth century BC, 500 to 401 BC.
  if (v.starts_with("BC")) {
    if (v.size() == 6 && digits(v, 2, 4, &y) && y >= 1) {
      return make({1 - y, 1, 1}, {1 - y, 12, 31}, Granularity::kYear);
    }
    if (v.size() == 4 && digits(v, 2, 2, &y)) {
      return make({1 - (y + 1) * 100, 1, 1}, {-y * 100, 12, 31}, Granularity::kCentury);
    }
    return TimeInterval{};
  }
  if (v.size() == 2 && digits(v, 0, 2, &y)) {  // century "19"
    return make({y * 100, 1, 1}, {y * 100 + 99, 12, 31}, Granularity::kCentury);
  }
  if (v.size() == 3 && digits(v, 0, 3, &y)) {  // decade "199"
    return make({y * 10, 1, 1}, {y * 10 + 9, 12, 31}, Granularity::kDecade);
  }
  if (!digits(v, 0, 4, &y)) return TimeInterval{};
  if (v.size() == 4) return make({y, 1, 1}, {y, 12, 31}, Granularity::kYear);
  if (v[4] != '-') return TimeInterval{};
  int m = 0, d = 0;
  if (digits(v, 5, 2, &m) && m >= 1 && m <= 12) {
    if (v.size() == 7) return make({y, m, 1}, {y, m, days_in_month(y, m)}, Granularity::kMonth);
    if (v.size() >= 10 && v[7] == '-' && digits(v, 8, 2, &d) && is_valid({y, m, d})) {
      return make({y, m, d}, {y, m, d}, Granularity::kDay);
    }
    return TimeInterval{};
  }
  std::string_view rest = v.substr(5);
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    int q = rest[1] - '0';
    int lm = q * 3;
    return make({y, lm - 2, 1}, {y, lm, days_in_month(y, lm)}, Granularity::kQuarter);
  }
  if (rest.size() == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2')) {
    return rest[1] == '1' ? make({y, 1, 1}, {y, 6, 30}, Granularity::kQuarter)
                          : make({y, 7, 1}, {y, 12, 31}, Granularity::kQuarter);
  }
  if (rest == "SP") return make({y, 3, 1}, {y, 5, 31}, Granularity::kSeason);
  if (rest == "SU") return make({y, 6, 1}, {y, 8, 31}, Granularity::kSeason);
  if (rest == "FA") return make({y, 9, 1}, {y, 11, 30}, Granularity::kSeason);
  if (rest == "WI")
    return make({y, 12, 1}, {y + 1, 2, days_in_month(y + 1, 2)}, Granularity::kSeason);
  int w = 0;
  if (rest.size() >= 3 && rest[0] == 'W' && digits(rest, 1, 2, &w) && w >= 1 && w <= 53) {
    // Monday of ISO week 1 is the Monday on or before January 4.
    std::int32_t jan4 = days_from_civil({y, 1, 4});
    std::int32_t monday = jan4 - weekday(jan4) + (w - 1) * 7;
    TimeInterval t;
    bool weekend = rest.size() >= 6 && rest.substr(3) == "-WE";
    t.first_day = weekend ? monday + 5 : monday;
    t.last_day = monday + 6;
    t.granularity = weekend ? Granularity::kDay : Granularity::kWeek;
    return t;
  }
  return TimeInterval{};
}

}  // namespace crosscheck::internal::time
