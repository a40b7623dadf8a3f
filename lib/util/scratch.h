// Per-thread buffers that taggers reuse from one document to the next.
#ifndef CROSSCHECK_LIB_UTIL_SCRATCH_H_
#define CROSSCHECK_LIB_UTIL_SCRATCH_H_

#include <cstddef>
#include <vector>

namespace crosscheck::internal {

/// What a reused buffer may keep after a document: 4 MB.
inline constexpr std::size_t kScratchKeepBytes = std::size_t{4} << 20;

/// Frees `buffer`'s storage when it holds more than `max_bytes`, so that a
/// thread does not keep an unusually large document's memory for its lifetime.
template <class T>
void release_if_larger(std::vector<T>& buffer, std::size_t max_bytes = kScratchKeepBytes) {
  if (buffer.capacity() * sizeof(T) > max_bytes) std::vector<T>().swap(buffer);
}

}  // namespace crosscheck::internal

#endif  // CROSSCHECK_LIB_UTIL_SCRATCH_H_
