// Runs an indexed job on worker threads; results go to fixed slots so the
// output never depends on scheduling.
#ifndef CROSSCHECK_LIB_PIPELINE_THREAD_POOL_H_
#define CROSSCHECK_LIB_PIPELINE_THREAD_POOL_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace crosscheck::internal {

/// Calls job(i) for every i in [0, count) on up to `threads` threads
/// (0 = hardware concurrency). `job` must not throw.
inline void parallel_for(std::size_t count, unsigned threads,
                         const std::function<void(std::size_t)>& job) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads > count) threads = static_cast<unsigned>(count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) job(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < count;) job(i);
    });
  }
  for (std::thread& w : workers) w.join();
}

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_PIPELINE_THREAD_POOL_H_
