// Two pieces of pure work at once: the PDF writer's font preparation and page packing.
#pragma once

#include <exception>
#include <future>
#include <utility>

namespace paiban {

// Runs `there` on a second thread while `here` runs on this one, when `parallel`; else `here`, then
// `there`. Returns after both have finished (so data they share outlives them); an exception from
// `there` wins over one from `here`, and either is rethrown only after both are done.
template <class Here, class There>
void run_both(bool parallel, Here&& here, There&& there) {
  if (!parallel) {
    here();
    there();
    return;
  }
  std::future<void> other = std::async(std::launch::async, std::forward<There>(there));
  std::exception_ptr failed;
  try {
    here();
  } catch (...) {
    failed = std::current_exception();
  }
  other.get();  // rethrows `there`'s exception
  if (failed) std::rethrow_exception(failed);
}

}  // namespace paiban
