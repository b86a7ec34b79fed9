// Read a face's family and style names from its OpenType `name` table, in every language
// (OpenType spec, name table: https://learn.microsoft.com/typography/opentype/spec/name).
// HarfBuzz reads the table without parsing outlines, so probing every face of a TTC is cheap.
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <map>

#include "font/font_file.h"

namespace paiban {
namespace {

std::string get_name(hb_face_t* face, hb_ot_name_id_t id, hb_language_t lang) {
  unsigned len = hb_ot_name_get_utf8(face, id, lang, nullptr, nullptr);
  if (len == 0) return {};
  std::string s(len + 1, '\0');
  unsigned size = len + 1;
  hb_ot_name_get_utf8(face, id, lang, &size, s.data());
  s.resize(size);
  return s;
}

}  // namespace

std::string fold_name(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '_') continue;  // "NotoSerifCJKsc" ~ "Noto Serif CJK SC"
    out.push_back((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c);
  }
  return out;
}

std::string fold_style(const std::string& s) {
  std::string out = fold_name(s);
  if (out.empty() || out == "regular" || out == "book" || out == "normal" || out == "roman") return "regular";
  return out;
}

std::string english_name(hb_face_t* face, hb_ot_name_id_t id) {
  std::string s = get_name(face, id, hb_language_from_string("en", -1));
  return s.empty() ? get_name(face, id, HB_LANGUAGE_INVALID) : s;
}

FaceNames read_face_names(hb_face_t* face) {
  FaceNames names;
  // name id → string, per language.
  std::map<hb_language_t, std::map<hb_ot_name_id_t, std::string>> sets;
  unsigned count = 0;
  const hb_ot_name_entry_t* entries = hb_ot_name_list_names(face, &count);
  for (unsigned i = 0; i < count; ++i) {
    hb_ot_name_id_t id = entries[i].name_id;
    if (id != HB_OT_NAME_ID_FONT_FAMILY && id != HB_OT_NAME_ID_FONT_SUBFAMILY &&
        id != HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY && id != HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY &&
        id != HB_OT_NAME_ID_WWS_FAMILY && id != HB_OT_NAME_ID_WWS_SUBFAMILY)
      continue;
    std::string s = get_name(face, id, entries[i].language);
    if (!s.empty()) sets[entries[i].language][id] = std::move(s);
  }
  auto add = [&](const std::string& f, const std::string& s) {
    if (f.empty()) return;
    auto p = std::make_pair(f, s);
    if (std::find(names.pairs.begin(), names.pairs.end(), p) == names.pairs.end()) names.pairs.push_back(p);
  };
  // Subfamily names are often only in English: fall back to the English (or any) ID 2 / ID 17.
  auto any = [&](hb_ot_name_id_t id) { return english_name(face, id); };
  std::string any2 = any(HB_OT_NAME_ID_FONT_SUBFAMILY), any17 = any(HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY);
  // The preferred pair (for messages): typographic names, else the legacy ones, in English.
  std::string f16 = any(HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY), f1 = any(HB_OT_NAME_ID_FONT_FAMILY);
  names.family = f16.empty() ? f1 : f16;
  names.style = f16.empty() || any17.empty() ? any2 : any17;
  add(names.family, names.style);
  for (auto& entry : sets) {
    const auto& ids = entry.second;  // not a structured binding: C++17 lambdas cannot capture those (clang)
    auto get = [&](hb_ot_name_id_t id, const std::string& fallback) {
      auto it = ids.find(id);
      return it != ids.end() ? it->second : fallback;
    };
    std::string sub = get(HB_OT_NAME_ID_FONT_SUBFAMILY, any2);
    add(get(HB_OT_NAME_ID_FONT_FAMILY, ""), sub);
    add(get(HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, ""),
        get(HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY, any17.empty() ? sub : any17));
    add(get(HB_OT_NAME_ID_WWS_FAMILY, ""), get(HB_OT_NAME_ID_WWS_SUBFAMILY, sub));
  }
  return names;
}

bool names_match(const FaceNames& names, const std::string& family, const std::string& style) {
  std::string f = fold_name(family), s = fold_style(style);
  return std::any_of(names.pairs.begin(), names.pairs.end(),
                     [&](const auto& p) { return fold_name(p.first) == f && fold_style(p.second) == s; });
}

}  // namespace paiban
