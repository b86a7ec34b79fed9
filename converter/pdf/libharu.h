// The one place that reaches into libharu's structures (hpdf_doc.h, hpdf_objects.h) rather than
// its public API: its memory manager and cross-reference table for objects it has no constructor
// for, the document's version and /Info dict, a stream's filter and write hook, a page's own content
// stream, and the memory stream it saves into. Checked against libharu 2.4 (Debian 12); an upgrade touches this file only.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <string>
#include <string_view>

namespace paiban::pdf::libharu {

// The memory manager every object of `pdf` is allocated from (HPDF_Array_New, HPDF_Dict_New…).
HPDF_MMgr memory(HPDF_Doc pdf);
// libharu writes "%PDF-1.3" unless told otherwise; /ActualText marked content (§14.9.4) is PDF 1.5.
void set_version_1_5(HPDF_Doc pdf);
// Makes `obj` an indirect object of `pdf` (libharu numbers objects in the order they are added).
HPDF_STATUS add_indirect(HPDF_Doc pdf, HPDF_Dict obj);
// A new, empty indirect stream object.
HPDF_Dict new_stream(HPDF_Doc pdf);
// The /Info dict; HPDF_SetInfoAttr creates it, so call that first. nullptr before.
HPDF_Dict info(HPDF_Doc pdf);
// Writes data already deflated as the whole data of stream `s`, with /Filter /FlateDecode, and
// never deflated again whatever the document's compression mode.
HPDF_STATUS write_deflated(HPDF_Dict s, std::string_view packed);
// The page's own content stream (where HPDF_Page_* draw) written unfiltered when nothing was drawn
// in it: libharu writes an empty stream as no bytes under /FlateDecode, which is no zlib data
// (mutool: "premature end of data in flate filter"). Call before HPDF_Page_New_Content_Stream.
void unfilter_if_empty(HPDF_Page page);
// The bytes HPDF_SaveToStream left in the document's memory stream, copied out chunk by chunk
// (HPDF_ReadFromStream copies byte by byte); shorter than HPDF_GetStreamSize when a chunk is missing.
std::string saved_bytes(HPDF_Doc pdf);

}  // namespace paiban::pdf::libharu
