#include "core/source_date.h"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/error.h"

namespace paiban {

std::optional<long long> source_date_epoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  long long v = 0;
  auto [end, ec] = std::from_chars(env, env + std::strlen(env), v);
  if (ec != std::errc() || *end != '\0' || v < 0) {
    throw usage_error(std::string("SOURCE_DATE_EPOCH=") + env + ": not a number of seconds since 1970",
                      "unset SOURCE_DATE_EPOCH or set it to e.g. $(git log -1 --format=%ct)");
  }
  return v;
}

}  // namespace paiban
