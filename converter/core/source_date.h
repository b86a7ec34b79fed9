// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/): the one reader of
// the variable, for the PDF's dates and the batch manifest's key.
#pragma once

#include <optional>

namespace paiban {

// Seconds since 1970 from SOURCE_DATE_EPOCH; nullopt when it is unset or empty. Throws Error
// (usage) when it is not a non-negative whole number.
std::optional<long long> source_date_epoch();

}  // namespace paiban
