// Where paiban finds its data (styles/, fonts/, schema/): $PAIBAN_DATA_DIR, then the source
// tree it was built from, then the installed share/paiban.
#pragma once

#include <string>

namespace paiban {

std::string data_dir();
// data_dir() + "/" + rel, e.g. data_path("styles/broadsheet.xml").
std::string data_path(const std::string& rel);

}  // namespace paiban
