// info + outline: the document information dictionary (§14.3.3) and the bookmarks (§12.3.3).
#include <hpdf.h>

#include <algorithm>
#include <ctime>

#include "core/error.h"
#include "core/source_date.h"
#include "pdf/libharu.h"
#include "pdf/pdf_internal.h"

namespace paiban::pdf {
namespace {

HPDF_Date pdf_date(long long epoch) {
  if (epoch > 253402300799LL) epoch = 253402300799LL;  // 9999-12-31T23:59:59Z
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = std::min(tm.tm_sec, 59);
  d.ind = 'Z';
  return d;
}

}  // namespace

std::optional<long long> creation_epoch(const PdfOptions& opts) {
  if (opts.creation_epoch >= 0) return opts.creation_epoch;
  return source_date_epoch();
}

void add_info(HPDF_Doc pdf, const HpdfErrors& errors, const DocumentInfo& doc, std::optional<long long> epoch) {
  // Text strings in UTF-16BE.
  check(errors, HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "paiban " PAIBAN_VERSION " (libharu, HarfBuzz)"),
        "writing /Info");
  check(errors, HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "paiban"), "writing /Info");
  if (epoch) {  // no date rather than a false one: reruns stay byte-identical either way
    HPDF_Date date = pdf_date(*epoch);
    check(errors, HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date), "writing /CreationDate");
    check(errors, HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date), "writing /ModDate");
  }
  const std::pair<const char*, const std::string*> info[] = {
      {"Title", &doc.title}, {"Author", &doc.author}, {"Subject", &doc.subject}};
  for (auto [key, value] : info)
    if (!value->empty()) HPDF_Dict_Add(libharu::info(pdf), key, text_string(pdf, *value));
  check(errors, HPDF_OK, "writing /Info");
}

void add_outline(HPDF_Doc pdf, const HpdfErrors& errors, const std::vector<Bookmark>& bookmarks,
                 const std::vector<HPDF_Page>& pages) {
  // One entry per bookmark, destination [page /XYZ null top null].
  for (const Bookmark& bm : bookmarks) {
    if (bm.page < 0 || static_cast<size_t>(bm.page) >= pages.size()) {
      throw Error(ExitCode::internal, "pdf: bookmark \"" + bm.title + "\" points at page " +
                                          std::to_string(bm.page + 1) + " of " + std::to_string(pages.size()));
    }
    HPDF_Outline o = HPDF_CreateOutline(pdf, nullptr, "", nullptr);
    check(errors, o ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, "adding a bookmark");
    HPDF_Dict_Add(o, "Title", text_string(pdf, bm.title));
    HPDF_Dict_RemoveElement(o, "Type");  // libharu marks items /Outlines; only the root is (§12.3.3)
    HPDF_MMgr mm = libharu::memory(pdf);
    HPDF_Array dest = HPDF_Array_New(mm);
    HPDF_Array_Add(dest, pages[static_cast<size_t>(bm.page)]);
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_Add(dest, HPDF_Null_New(mm));
    HPDF_Array_AddReal(dest, bm.y);
    HPDF_Array_Add(dest, HPDF_Null_New(mm));
    HPDF_Dict_Add(o, "Dest", dest);
    check(errors, HPDF_OK, "adding a bookmark");
  }
  if (!bookmarks.empty()) check(errors, HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE), "page mode");
}

}  // namespace paiban::pdf
