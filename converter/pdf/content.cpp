// content: a page's glyph runs → content-stream text (PDF 32000-1 §9.4). One BT…ET block per run,
// in run order, so the stream is in reading order. Each baseline segment is positioned with Tm
// and shown with one TJ whose numbers carry the layout's exact spacing (justification, clreq
// punctuation compression, Han–Latin spacing) relative to the /W widths. Vertical runs use the
// face's Identity-V font and move down by the /W2 advances; rotated runs (Latin in vertical text)
// are horizontal text under a Tm turned 90° clockwise (§9.4.2).
#include <algorithm>
#include <cmath>

#include "pdf/pdf_internal.h"

namespace paiban::pdf {
namespace {

void append_tm(std::string& out, double x, double y, RunWriting w) {
  out += w == RunWriting::rotated ? "0 -1 1 0 " : "1 0 0 1 ";
  append_number(out, x);
  out.push_back(' ');
  append_number(out, y);
  out += " Tm\n";
}

// .notdef stands for whichever character no font had: its text goes into /ActualText (§14.9.4)
// so copy/paste still returns the source character.
void append_actual_text(std::string& out, const PlacedGlyph& g, uint16_t code, RunWriting w) {
  out += "/Span<</ActualText<";
  append_hex(out, utf16be(g.text, true));
  out += ">>>BDC\n";
  append_tm(out, g.x, g.y, w);
  out += "[<";
  append_hex4(out, code);
  out += ">]TJ\nEMC\n";
}

// A vertical line's text in reading order: the glyphs' source text of its runs from `first`.
std::string line_text(const std::vector<GlyphRun>& runs, size_t first) {
  std::string text;
  for (size_t k = first; k < runs.size() && runs[k].line == runs[first].line; ++k)
    for (const PlacedGlyph& g : runs[k].glyphs) text += g.text;
  return text;
}

// Ends the span of the vertical line whose runs end before `end`. Extractors place a span's text
// by the writing mode in force at EMC: a line ending in an across or rotated run selects one of
// its Identity-V fonts again (an empty text object), so its text is read down the column.
void close_span(std::string& out, const std::vector<GlyphRun>& runs, size_t end,
                const std::map<int, std::string>& resource) {
  size_t last = end;
  while (last > 0 && runs[last - 1].glyphs.empty()) --last;
  if (last > 0 && runs[last - 1].writing != RunWriting::vertical) {
    for (size_t k = last; k-- > 0 && runs[k].line == runs[last - 1].line;) {
      if (runs[k].writing != RunWriting::vertical || runs[k].glyphs.empty()) continue;
      out += "BT\n/" + resource.at(font_key(runs[k])) + " ";
      append_number(out, runs[k].size);
      out += " Tf\nET\n";
      break;
    }
  }
  out += "EMC\n";
}

// Horizontal scaling applies to horizontal runs only (vertical advances ignore Tz, §9.4.4).
double wr_scale(const GlyphRun& run) { return run.writing == RunWriting::vertical ? 1.0 : run.hscale; }

}  // namespace

std::string page_text(const LaidOutPage& page, const std::map<int, const GlyphCodes*>& codes,
                      const std::map<int, std::string>& resource) {
  std::string out;
  out.reserve(page.runs.size() * 64);
  double gray = -1;
  int span = 0;  // the vertical line whose /ActualText span is open
  for (size_t r = 0; r < page.runs.size(); ++r) {
    const GlyphRun& run = page.runs[r];
    if (run.glyphs.empty()) continue;
    // A vertical line copies out as one span of its text: extractors otherwise read its upright,
    // rotated and across (tate-chu-yoko) runs as three directions of text and scatter them.
    if (run.line != span) {
      if (span) close_span(out, page.runs, r, resource);
      span = run.line;
      if (span) {
        out += "/Span<</ActualText<";
        append_hex(out, utf16be(line_text(page.runs, r), true));
        out += ">>>BDC\n";
      }
    }
    const GlyphCodes& ef = *codes.at(run.face);
    const double size = run.size;
    if (run.gray != gray) {
      gray = run.gray;
      append_number(out, std::clamp(gray, 0.0, 1.0));
      out += " g\n";  // DeviceGray: black text prints on the K plate only
    }
    out += "BT\n/" + resource.at(font_key(run)) + " ";
    append_number(out, size);
    out += " Tf\n";
    const double th = wr_scale(run);  // Tz: widths and TJ numbers scale with it
    if (th != 1) {
      append_number(out, th * 100);
      out += " Tz\n";
    }
    const auto& gs = run.glyphs;
    const RunWriting wr = run.writing;
    const bool down = wr != RunWriting::horizontal;  // the pen runs down the page
    auto along = [&](const PlacedGlyph& g) -> double { return down ? -g.y : g.x; };
    auto across = [&](const PlacedGlyph& g) -> double { return down ? g.x : g.y; };
    for (size_t i = 0; i < gs.size();) {
      if (gs[i].gid == 0 && !gs[i].text.empty() && !span) {  // a line's span already holds its text
        append_actual_text(out, gs[i], ef.at(0).code, wr);
        ++i;
        continue;
      }
      append_tm(out, gs[i].x, gs[i].y, wr);
      out += "[<";
      double pen = along(gs[i]);  // where the next glyph would land with no adjustment
      size_t j = i;
      for (; j < gs.size(); ++j) {
        const PlacedGlyph& g = gs[j];
        if (j > i) {
          if (std::fabs(across(g) - across(gs[i])) > 0.001 || (g.gid == 0 && !g.text.empty() && !span)) break;
          double d = along(g) - pen;  // displacement the layout wants beyond the glyph advances
          if (d < -2 * size || d > 8 * size) break;  // a jump, not spacing: new segment
          // TJ number in thousandths of text space, rounded to what is written: subtracted from
          // tx (positive moves back) or, in vertical mode, from ty (positive moves on down).
          double n = std::round((wr == RunWriting::vertical ? d : -d) * 1000.0 / (size * th) * 100.0) / 100.0;
          if (n != 0) {
            out += ">";
            append_number(out, n, 2);
            out += "<";
            pen += (wr == RunWriting::vertical ? n : -n) * size * th / 1000.0;
          }
        }
        const GlyphCode& gc = ef.at(g.gid);
        append_hex4(out, gc.code);
        pen += (wr == RunWriting::vertical ? gc.height : gc.width * th) * size / 1000.0;
      }
      out += ">]TJ\n";
      i = j;
    }
    if (th != 1) out += "100 Tz\n";  // Tz is graphics state: it outlives ET
    out += "ET\n";
  }
  if (span) close_span(out, page.runs, page.runs.size(), resource);
  return out;
}

}  // namespace paiban::pdf
