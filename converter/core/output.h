// Writing outputs safely: a temp file in the same folder, then rename, so a crash or a kill never
// leaves a half-written output.
#pragma once

#include <string>
#include <string_view>

namespace paiban {

// path "-" writes to stdout. Creates missing parent folders. Throws Error on failure.
void try_write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace paiban
