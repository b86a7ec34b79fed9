// memory: how much memory converting one input needs at its peak, estimated from its size, for
// a batch pool that admits work within a budget (--max-memory). The factors are measured by
// bench/memory_bench (peak RSS of a child converting 1, 4 and 15 MB articles; docs/batch.md
// "Memory") and rounded up: decode + reflow + XML + text stay under ~10 bytes per input byte;
// typesetting composes and draws a page at a time (layout/flow.h), ~7, rounded up to 12.
#pragma once

#include <cstdint>

namespace paiban {

struct MemoryModel {
  std::uint64_t base = 48ull << 20;      // the process, ICU, a loaded style and its fonts
  std::uint64_t per_byte_text = 10;      // decode, reflow, XML, clean text
  std::uint64_t per_byte_pdf = 12;       // layout + PDF of the same input
};

// Bytes a worker needs beyond the shared process for one input of `input_bytes`.
inline std::uint64_t estimate_work_bytes(std::uint64_t input_bytes, bool pdf, const MemoryModel& m = {}) {
  return input_bytes * (pdf ? m.per_byte_pdf : m.per_byte_text);
}

}  // namespace paiban
