// A binary search that starts from a hint: for scans that look up positions
// in text order, where each answer lies near the previous one.
#ifndef CROSSCHECK_LIB_UTIL_GALLOP_H_
#define CROSSCHECK_LIB_UTIL_GALLOP_H_

#include <algorithm>
#include <cstddef>

namespace crosscheck::internal {

/// The first index in [0, n) at which `before` is false (n if none), where
/// `before(k)` is true for every index below that one and false from it on
/// (as std::partition_point). The search gallops out from `hint` in steps
/// that double, then bisects what it bounded: it costs the logarithm of the
/// distance from `hint`, not of `n`.
template <class Before>
std::size_t gallop_partition_point(std::size_t n, std::size_t hint, Before before) {
  hint = std::min(hint, n);
  std::size_t lo, hi;  // the answer lies in [lo, hi]
  std::size_t step = 1;
  if (hint < n && before(hint)) {
    lo = hint + 1;
    while (lo + step <= n && before(lo + step - 1)) {
      lo += step;
      step *= 2;
    }
    hi = std::min(lo + step - 1, n);
  } else {
    hi = hint;
    while (hi >= step && !before(hi - step)) {
      hi -= step;
      step *= 2;
    }
    lo = hi >= step ? hi - step + 1 : 0;
  }
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (before(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_GALLOP_H_
