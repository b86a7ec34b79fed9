#include "batch/sweep.h"

#include <dirent.h>
#include <unistd.h>

#include <map>
#include <set>

namespace paiban::batch {

size_t sweep_temp_files(const std::string& root, const Plan& plan, const std::vector<std::string>& own_files) {
  std::map<std::string, std::set<std::string>> names_in;  // folder → output file names
  std::vector<std::string> all = own_files;
  for (const Task& t : plan.tasks) all.insert(all.end(), t.outputs.begin(), t.outputs.end());
  {
    for (const std::string& out : all) {
      size_t slash = out.rfind('/');
      std::string dir = slash == std::string::npos ? std::string() : out.substr(0, slash);
      names_in[dir].insert(out.substr(slash + 1));
    }
  }
  size_t removed = 0;
  const std::string tmp = ".tmp-";
  for (const auto& [dir, names] : names_in) {
    std::string path = dir.empty() ? root : root + "/" + dir;
    DIR* d = ::opendir(path.c_str());
    if (!d) continue;
    while (dirent* de = ::readdir(d)) {
      std::string n = de->d_name;
      // core/output.cpp names them "." + name + ".tmp-" + 6 characters from mkstemp.
      if (n.size() < 1 + tmp.size() + 6 || n[0] != '.') continue;
      size_t at = n.size() - 6 - tmp.size();
      if (n.compare(at, tmp.size(), tmp) != 0 || !names.count(n.substr(1, at - 1))) continue;
      if (::unlink((path + "/" + n).c_str()) == 0) ++removed;
    }
    ::closedir(d);
  }
  return removed;
}

}  // namespace paiban::batch
