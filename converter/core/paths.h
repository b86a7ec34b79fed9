// Where paiban finds its data (styles/, fonts/, schema/): $PAIBAN_DATA_DIR, then the installed
// share/paiban (beside the program, or the library), then the source tree it was built from.
#pragma once

#include <string>

namespace paiban {

std::string data_dir();
// The folder of the file paiban's code was loaded from: libpaiban.so's, or the program's when linked
// statically; "" when unknown.
std::string library_dir();
// data_dir() + "/" + rel, e.g. data_path("styles/broadsheet.xml").
std::string data_path(const std::string& rel);

}  // namespace paiban
