// Writing outputs safely: a temp file in the same folder, then rename, so a crash or a kill never
// leaves a half-written output.
#pragma once

#include <string>
#include <string_view>

namespace paiban {

// path "-" writes to stdout. Creates missing parent folders. Throws Error on failure.
// The rename makes the write all or nothing for a killed or crashing process. Outputs skip the
// fsync (2-6 ms each here), as compilers and typesetters do: ext4 and XFS flush a file replaced
// by rename before the rename itself lands. sync = true adds it for state a later run relies
// on (batch's manifest and report; batch's outputs get one syncfs() at the end of the run).
void write_file_atomic(const std::string& path, std::string_view bytes, bool sync = false);

// The same for a folder paiban owns (batch's DIR): whatever is at `path` must be a regular file
// or nothing. A link there is never followed (it could point outside the folder) and a pipe or
// device never opened (it would block): either is an Error naming it — or, with refuse_other
// false (the folder's own state: report, manifest), replaced by the rename. The parent must exist.
void replace_file_atomic(const std::string& path, std::string_view bytes, bool sync = false,
                             bool refuse_other = true);

}  // namespace paiban
