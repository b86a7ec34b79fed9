// The data model (DESIGN.md §1-2, §7), defined in the public include/paiban/document.h since the
// library's API (include/paiban/paiban.h) passes it; inside the converter it is included from here.
#pragma once

#include "paiban/document.h"
