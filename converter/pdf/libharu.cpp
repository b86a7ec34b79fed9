// See libharu.h: every field access below is to a libharu structure, none of them public API.
#include "pdf/libharu.h"

#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

namespace paiban::pdf::libharu {

namespace {

// libharu writes /Filter only for data it compresses itself (and drops a /Filter key otherwise), so
// the key for data deflated by the caller is written from the dict's own write hook (§7.4.4 FlateDecode).
HPDF_STATUS HPDF_STDCALL write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

HPDF_MMgr memory(HPDF_Doc pdf) { return pdf->mmgr; }

void set_version_1_5(HPDF_Doc pdf) { pdf->pdf_version = HPDF_VER_15; }

HPDF_STATUS add_indirect(HPDF_Doc pdf, HPDF_Dict obj) { return HPDF_Xref_Add(pdf->xref, obj); }

HPDF_Dict new_stream(HPDF_Doc pdf) { return HPDF_DictStream_New(pdf->mmgr, pdf->xref); }

HPDF_Dict info(HPDF_Doc pdf) { return pdf->info; }

HPDF_STATUS write_deflated(HPDF_Dict s, std::string_view packed) {
  s->filter = HPDF_STREAM_FILTER_NONE;
  s->write_fn = write_flate_filter;
  return HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                           static_cast<HPDF_UINT>(packed.size()));
}

void unfilter_if_empty(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (attr && attr->contents && attr->stream && attr->stream->size == 0) attr->contents->filter = HPDF_STREAM_FILTER_NONE;
}

std::string saved_bytes(HPDF_Doc pdf) {
  std::string bytes;
  bytes.reserve(HPDF_GetStreamSize(pdf));
  for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(pdf->stream); i < n; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(pdf->stream, i, &len);
    if (!p) break;
    bytes.append(reinterpret_cast<const char*>(p), len);
  }
  return bytes;
}

}  // namespace paiban::pdf::libharu
