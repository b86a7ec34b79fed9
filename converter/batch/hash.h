// A 64-bit FNV-1a hash: stable across machines and versions, for shard selection and for
// noticing that an input changed (not for security).
#pragma once

#include <cstdint>
#include <string_view>

namespace paiban::batch {

inline std::uint64_t hash64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV offset basis (http://www.isthe.com/chongo/tech/comp/fnv/)
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;  // FNV prime
  }
  return h;
}

// Spreads all bits into the low ones (MurmurHash3's fmix64), so that `h % n` is balanced.
inline std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace paiban::batch
