#include "util/gallop.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <vector>

using crosscheck::internal::gallop_partition_point;

TEST_CASE("gallop_partition_point finds what std::partition_point finds, from any hint") {
  SUBCASE("every split point of short arrays, every hint (in range or past the end)") {
    for (std::size_t n = 0; n <= 40; ++n) {
      for (std::size_t split = 0; split <= n; ++split) {
        for (std::size_t hint = 0; hint <= n + 3; ++hint) {
          std::size_t calls = 0;
          const std::size_t got = gallop_partition_point(n, hint, [&](std::size_t k) {
            REQUIRE(k < n);  // never reads outside [0, n)
            ++calls;
            return k < split;
          });
          CAPTURE(n);
          CAPTURE(split);
          CAPTURE(hint);
          CHECK(got == split);
          // Logarithmic in the distance from the hint: at most about
          // 2 log2(distance + 1) + 2 probes.
          const std::size_t distance = split > hint ? split - hint : hint - split;
          std::size_t bound = 2;
          for (std::size_t d = distance + 1; d > 1; d /= 2) bound += 2;
          CHECK(calls <= bound + 1);
        }
      }
    }
  }
  SUBCASE("random sorted values, searched in order and at random as the taggers do") {
    std::mt19937 rng(42);
    std::vector<std::size_t> values(5000);
    std::size_t at = 0;
    for (std::size_t& v : values) v = at += rng() % 7;  // repeats included
    std::size_t hint = 0;
    for (int q = 0; q < 20000; ++q) {
      const std::size_t key =
          q < 10000 ? static_cast<std::size_t>(q) * at / 10000 : rng() % (at + 10);
      const std::size_t expected = static_cast<std::size_t>(
          std::lower_bound(values.begin(), values.end(), key) - values.begin());
      hint = gallop_partition_point(values.size(), hint,
                                    [&](std::size_t k) { return values[k] < key; });
      CHECK(hint == expected);
    }
  }
}
