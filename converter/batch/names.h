// names: an archive's stored names → UTF-8. Zip names without the UTF-8 flag and tar names
// without a PAX path are bytes in the archiver's code page (GBK on Chinese Windows, Big5 in
// Taiwan and Hong Kong, Shift_JIS, CP437); one encoding is decided for all of an archive's
// names together, and each name is decoded before it is split into folders (a Big5 or GBK
// second byte may be 0x5C, a backslash).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paiban::batch {

struct NameEncoding {
  std::string name;  // as shown to users: "UTF-8", "GBK", "Big5", "Shift_JIS", "CP437"
  std::string icu;   // ICU converter name
};

// `--name-encoding`: a user-given name (case, '-' and '_' insensitive; aliases cp936, gb18030,
// cp950, sjis, cp932, ibm437). Throws a usage Error naming the known ones when unknown.
NameEncoding parse_name_encoding(std::string_view name);

// The encoding of `names` (the stored bytes of every entry): names that are valid UTF-8 are
// UTF-8 (the zip UTF-8 flag, the Info-ZIP Unicode Path field and PAX paths all arrive so);
// the others together decide between GBK (GB18030), Big5, Shift_JIS and CP437: each candidate
// must decode all of them strictly, and the one whose characters fall most often in its
// standard's frequently-used part wins (ties in that order).
NameEncoding detect_name_encoding(const std::vector<std::string>& names);

// One name → UTF-8: valid UTF-8 stays as it is, otherwise decoded strictly with `enc`.
// False when it does not decode (no U+FFFD is ever made).
bool decode_name(std::string_view raw, const NameEncoding& enc, std::string& utf8);

}  // namespace paiban::batch
