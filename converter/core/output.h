// Writing outputs safely: a temp file in the same folder, then rename, so a crash or a kill never
// leaves a half-written output.
#pragma once

#include <string>
#include <string_view>

namespace paiban {

// path "-" writes to stdout. Creates missing parent folders. Throws Error on failure.
// sync = false skips the fsync (~6 ms each here): the rename still makes the write all or
// nothing for a killed process; only a power loss can undo it. `paiban batch` writes thousands
// of files that way and makes them durable with one syncfs() at the end of the run.
void try_write_file_atomic(const std::string& path, std::string_view bytes, bool sync = true);

}  // namespace paiban
