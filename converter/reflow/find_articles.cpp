// find_articles: a page's articles. Each headline (find_headlines) heads one; each line of text
// belongs to the nearest headline above it that its column shares; each article's lines are then
// put in reading order (order_article).
#include <algorithm>
#include <cmath>

#include "reflow/chars.h"
#include "reflow/page_stages.h"

namespace paiban::reflow_stages {

namespace {

// The width of line i's column: a paragraph's short last line covers only part of it, and may
// miss the headline centred over the column. The lines the engine read next to it (eight each
// way, its block's) starting where it starts and within three ems above or below give it.
BBox column_reach(const PageLayout& L, size_t i) {
  const BBox& b = L.lines[i].box;
  std::vector<int> starts, ends;
  for (size_t j = i >= 8 ? i - 8 : 0; j < L.lines.size() && j <= i + 8; ++j) {
    const BBox& o = L.lines[j].box;
    if (L.lines[j].furniture || o.y0 - b.y1 > L.em * 3 || b.y0 - o.y1 > L.em * 3) continue;
    if (std::abs(o.x0 - b.x0) * 2 <= L.em) ends.push_back(o.x1);
    // In a text layer, a line set in from its column's edges (a paragraph's indented first line,
    // a centred heading) lies within the lines around it: theirs are its column's edges. (An
    // engine's rows read across a gutter lie round lines of both columns: not there.)
    else if (L.exact && j != i && o.x0 < b.x0 && o.x1 >= b.x1) starts.push_back(o.x0), ends.push_back(o.x1);
  }
  // Their usual edges, not the furthest: a row the engine read across a gutter and no stage
  // cut reaches into the next column.
  BBox reach = b;
  if (!starts.empty()) reach.x0 = std::min(reach.x0, median(starts));
  if (!ends.empty()) reach.x1 = std::max(reach.x1, median(ends));
  return reach;
}

// The article a body line belongs to: among headlines above it, the lowest one sharing its
// column; with none sharing it, the nearest one above (white across and down); with none above, -1.
// `tops`: the headlines' top edges, sorted.
int owner(const PageLayout& L, const std::vector<BBox>& heads, const std::vector<BBox>& across,
          const std::vector<int>& tops, const std::vector<BBox>& garbled, size_t i) {
  const PageLine& l = L.lines[i];
  const BBox reach = column_reach(L, i);
  auto above = [&](int top) { return top <= l.box.y0 + L.em / 2; };  // a headline's top edge
  // Sharing a column is more than grazing it: a headline's box may reach a few points into
  // the next article's column (a mark the engine read into its row, its own row box).
  auto overlap = [&](const BBox& b) { return std::min(b.x1, reach.x1) - std::max(b.x0, reach.x0); };
  auto shares = [&](const BBox& b) { return overlap(b) > std::min(L.em, l.box.width() / 2.0); };
  // The stretch a headline heads across is a guess at its columns: a line lies under it by a
  // third of its width at least (fresh28 p005: "赵乐际参加四川代表团审议", set left over its
  // two columns, guessed centred, reached 120 px into the 654 px column beside it).
  auto under = [&](const BBox& b) { return shares(b) && overlap(b) * 3 > reach.width(); };
  // The white beside a headline is its own down to the next headline only: the stretch it heads
  // across counts for the lowest headlines above the line alone (those no other lies under; one
  // set beside the lowest on its rows counts too).
  auto under_another = [&](const BBox& b) {  // a headline's top from b's foot to the line's
    auto it = std::lower_bound(tops.begin(), tops.end(), b.y1);
    return it != tops.end() && above(*it);
  };
  // In a text layer, beside a headline the line stands under by most of its width, another it
  // reaches under by a quarter of that and under two ems is grazed (fresh31 p006: an overfull
  // line's end under the next article's headline, whose "【" starts an em left of its column).
  // An engine's boxes are rougher: there the grazing allowance above stands alone.
  int most = 0;  // stays 0 (nothing grazed) outside a text layer
  for (size_t h = 0; h < heads.size() && L.exact; ++h)
    if (above(heads[h].y0)) most = std::max(most, overlap(heads[h]));
  auto grazed = [&](const BBox& b) { return most * 2 > l.box.width() && overlap(b) < 2 * L.em && overlap(b) * 4 <= most; };
  int best = -1, near = -1, over_top = -1;  // over_top: the lowest headline whose top the line's stands over
  long best_y = 0, near_d = 0;
  bool best_own = false;  // the best shares the line's column with its own box
  int best_over = 0;      // how far the best's stretch reaches over the line
  for (size_t h = 0; h < heads.size(); ++h) {
    const BBox& b = heads[h];
    // Not one over the line's own column whose top stands below the line's, while another heads
    // it: a paragraph's last character, "步" boxed 27 px high, 13 px over the next article's
    // headline running across its column, went to that article as a heading of its own (fresh64
    // p005). (With no other, junk read level with a headline's top is that headline's: fresh68
    // p006, psm 6.)
    if (!above(b.y0)) continue;
    if (b.y0 > l.box.y0 && shares(b)) {
      if (over_top < 0 || b.y1 > heads[static_cast<size_t>(over_top)].y1) over_top = static_cast<int>(h);
      continue;
    }
    // A headline with another's top between it and the line shares the line's column only by a
    // third of its width or more: grazing it, the one nearer heads the line (fresh77 p004: the
    // page's first headline, 1.5 thousand px up, reached 43 px over a column its own article
    // never reached; "国内联播快讯" over it, read "六联播忆讯" and centred, 24 px).
    const bool own = shares(b) && !grazed(b) && !(under_another(b) && overlap(b) * 3 <= reach.width());
    if (own || (under(across[h]) && !under_another(b) && !grazed(across[h]))) {
      // Two headlines level on one row whose guessed stretches both reach over the line: the one
      // it lies under more (fresh13 p003's text layer: "联播）：", the next article's first
      // column, under the middle of the white left of its centred headline).
      // (Reaching over all of it alike, the lower one, as elsewhere.)
      // Of two level ones, the one whose own box shares the line's column before one whose stretch
      // only reaches over it (fresh73 p003's text layer: a wide column under "国内联播快讯", set
      // short at its left, reached by the centred headline beside it, a row deeper).
      // (Level: tops within two ems, or boxes sharing rows: fresh86 p007's right headline, its
      // first row lost, stood 76 px lower than "国际联播快讯" beside it, over the rows of both.)
      const BBox* bb = best >= 0 ? &heads[static_cast<size_t>(best)] : nullptr;
      const bool on_row = bb && (std::abs(b.y0 - bb->y0) < L.em * 2 || (b.y0 < bb->y1 && bb->y0 < b.y1));
      const bool level = on_row && !best_own && !own && overlap(across[h]) != best_over;
      bool take = best < 0 || b.y1 > best_y;
      if (level) take = overlap(across[h]) > best_over;
      if (on_row && own != best_own) take = own;
      if (take) best = static_cast<int>(h), best_y = b.y1, best_own = own, best_over = overlap(across[h]);
    } else {
      // Nearest by the white between the boxes, across and down: a centred headline over two
      // columns owns the short first line under it, not a headline far above that ends closer.
      // Down from the headline's top: headlines on one row stand level however many rows each
      // takes (fresh36 p002: a column whose top stands beside the second row of the next
      // article's headline, 73 px right, is the text of the one a gutter left of it).
      long d = std::max({0, b.x0 - l.box.x1, l.box.x0 - b.x1}) + std::max(0, l.box.y0 - b.y0);
      if (near < 0 || d < near_d) near = static_cast<int>(h), near_d = d;
    }
  }
  // No headline's column holds it: a headline the engine read badly (few characters it stands
  // by) wholly above it in its column, with no headline's top between them, heads it before the
  // nearest headline beside it (fresh33 p004: "花开中国 春意融融" read "春de囊融", beside another
  // article's headline). Such groups follow the headlines: index heads.size() + k.
  if (best < 0)
    for (size_t k = 0; k < garbled.size(); ++k)
      if (garbled[k].y1 <= l.box.y0 + L.em / 2 && shares(garbled[k]) && !under_another(garbled[k]) &&
          (best < 0 || garbled[k].y1 > best_y))
        best = static_cast<int>(heads.size() + k), best_y = garbled[k].y1;
  return best >= 0 ? best : over_top >= 0 ? over_top : near;
}


// The stretch of the page a headline heads: its box, widened to the page's text edges where its
// rows hold no other text. A headline set short at the left of a band the page leaves white
// beside it ("国内联播快讯" over two columns) heads the columns under that white too, and one
// alone on its rows (centred over its columns) the whole width; one with another article's text
// on its right heads its own span only. With text on its left, only as far left as it reaches
// right (centred over its columns), short of that text: more white left of a headline beside
// text is more often a picture's than its own article's. `group_of` names each
// line's headline group; `budget` bounds the lines looked at on the whole page (hostile input:
// a headline per line), past which no headline is widened.
BBox heads_across(const PageLayout& L, const std::vector<size_t>& group_of, size_t g, const BBox& b,
                  const BBox& page, size_t& budget) {
  bool left = false, right = false;  // text on the headline's rows left of it, right of it
  int left_end = page.x0;            // where that text on the left ends
  int right_start = page.x1;         // where text wholly right of it starts
  for (size_t i = 0; i < L.lines.size(); ++i) {
    if (budget == 0) return b;
    --budget;
    const BBox& o = L.lines[i].box;
    if (L.lines[i].furniture || !o.known() || group_of[i] == g) continue;
    const int rows = std::min(o.y1, b.y1) - std::max(o.y0, b.y0);
    if (rows * 2 <= std::min(o.height(), b.height())) continue;  // not on its rows
    if (o.x0 < b.x1) left = true, left_end = std::max(left_end, o.x1);
    right = right || o.x1 > b.x0;
    if (o.x0 >= b.x1) right_start = std::min(right_start, o.x0);
  }
  BBox wide = b;
  // Text well to its right: the white between is split in the middle (fresh28 p005: "国际联播
  // 快讯", set left over its two columns, 750 px of white before the next article's headline).
  if (right && right_start - b.x1 > 2 * L.em) wide.x1 = (b.x1 + right_start) / 2;
  if (right) return wide;
  wide.x1 = std::max(b.x1, page.x1);
  if (!left) wide.x0 = std::min(b.x0, page.x0);
  // Text well to its left: a headline centred over its columns heads as far left as right, short
  // of an em from that text (fresh13 p003: "国内联播快讯" beside another article's headline).
  else if (const int em = static_cast<int>(L.em); left_end + em < b.x0)
    wide.x0 = std::max(left_end + em, b.x0 - (wide.x1 - b.x1));
  return wide;
}

// The headlines' boxes, the stretches they head (heads_across) and their top edges, sorted.
struct Heads {
  std::vector<BBox> box, across;
  std::vector<int> tops;
};

Heads heads_of(const PageLayout& L, const std::vector<std::vector<size_t>>& groups) {
  Heads h;
  for (const auto& g : groups) h.box.push_back(group_box(L, g));
  std::vector<size_t> group_of(L.lines.size(), groups.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t i : groups[g]) group_of[i] = g;
  BBox page;  // the text's extent, furniture aside
  for (const auto& l : L.lines)
    if (!l.furniture && l.box.known()) page = unite(page, l.box);
  size_t budget = 50'000'000;
  for (size_t g = 0; g < groups.size(); ++g) h.across.push_back(heads_across(L, group_of, g, h.box[g], page, budget));
  for (const auto& b : h.box) h.tops.push_back(b.y0);
  std::sort(h.tops.begin(), h.tops.end());
  return h;
}

// Whether no other line stands on the rows of group g: the middle of its type a quarter of
// their size from theirs (a badly read headline's box may reach into the rows around it).
bool alone_on_rows(const PageLayout& L, const std::vector<size_t>& g) {
  for (size_t k : g) {
    const PageLine& h = L.lines[k];
    for (size_t i = 0; i < L.lines.size(); ++i) {
      const PageLine& l = L.lines[i];
      const bool other = !l.furniture && std::find(g.begin(), g.end(), i) == g.end();
      if (other && std::abs(l.mid - h.mid) * 4 < h.size) return false;
    }
  }
  return true;
}

// Whether a story's dispatch ("央视网消息（新闻联播）：") opens a line right under box b: its top
// below b's middle, four body ems under b's foot at most, within b's width to either side.
bool dispatch_under(const PageLayout& L, const BBox& b) {
  for (const PageLine& l : L.lines)
    if (!l.furniture && l.box.y0 > b.y0 + b.height() / 2 && l.box.y0 < b.y1 + L.em * 4 &&
        l.box.x1 > b.x0 - b.width() && l.box.x0 < b.x1 + b.width() && opens_dispatch(l.line))
      return true;
  return false;
}

// Headlines the engine read badly (find_headlines' garbled groups: few characters it stands by)
// that head text: each heads an article where three lines at least fall to it (no headline's
// column holds them); elsewhere it was a picture's texture, and its lines are text. Not where
// the engine read the page as one block (Tesseract's psm 6: one region holds three quarters of
// its lines): its rows run across the columns, and no large box stands alone. Those kept join
// `groups`. Whether `groups` changed (a piece joined a headline, or a group was kept).
bool add_read_badly(const PageLayout& L, std::vector<std::vector<size_t>>& groups, std::vector<std::vector<size_t>> garbled,
                    const Heads& H) {
  if (garbled.empty()) return false;
  std::vector<size_t> in_region;
  for (const auto& l : L.lines) {
    if (l.region >= in_region.size()) in_region.resize(l.region + 1, 0);
    ++in_region[l.region];
  }
  if (*std::max_element(in_region.begin(), in_region.end()) * 4 >= L.lines.size() * 3) return false;
  // Pieces of one badly read headline on its rows are one (fresh15 p000: "中三戎，" and
  // "各地j团上瑟.站才仁" of "中央宣讲团在各地"); at most 64 are looked at.
  if (garbled.size() > 64) garbled.resize(64);
  std::vector<BBox> boxes;
  for (const auto& g : garbled) boxes.push_back(group_box(L, g));
  for (size_t a = 0; a < garbled.size(); ++a)
    for (size_t b = a + 1; b < garbled.size(); ++b) {
      const BBox &x = boxes[a], &y = boxes[b];
      if (garbled[a].empty() || garbled[b].empty() ||
          (std::min(x.y1, y.y1) - std::max(x.y0, y.y0)) * 2 <= std::min(x.height(), y.height()))
        continue;
      garbled[a].insert(garbled[a].end(), garbled[b].begin(), garbled[b].end());
      boxes[a] = unite(boxes[a], boxes[b]);
      garbled[b].clear();
      b = a;  // the grown group meets the others again
    }
  // A piece on a headline's row that joins it (below) is a piece of that headline the engine read
  // apart, no headline of its own (fresh28 p001: "之重器-" of "万步炎：攻关核心技术 铸造“国之重器”");
  // one that joins none (three sizes or more off, or a gutter under the white) may head text of
  // its own as any garbled headline (fresh59 p007: "王沪宁会见哈萨克斯坦总统" read as junk on the
  // row of the headline beside it). A million pairs of lines are looked at; past that, none is kept.
  size_t budget = 1'000'000;
  const size_t none = groups.size(), spent = groups.size() + 1;
  auto on_row = [&](const std::vector<size_t>& g, size_t from) {
    for (size_t h = from; h < groups.size(); ++h)
      for (size_t k : g)
        for (size_t i : groups[h]) {
          if (budget == 0) return spent;
          --budget;
          if (std::abs(L.lines[k].mid - L.lines[i].mid) * 4 < std::max(L.lines[k].size, L.lines[i].size)) return h;
        }
    return none;
  };
  // Where the engine lost the characters between (fresh6 p001: "花开" of "花开中国 春意融融",
  // "中国" unread), the piece joins that headline's text: within three of its sizes of it, and
  // over the same text, a line under the row running across the white between them (a gutter
  // under that white parts two articles' headlines). At most 256 lines under are looked at.
  const LinesByTop text(L);
  // A piece the engine read well (every line at 80 or more) is no garbled fragment of another
  // article's headline: too short to be a headline, it is a phrase of the one on its row cut at a
  // wide gap, whatever stands under the white; its characters stand an em apart however narrow
  // the engine boxed them (fresh50 p004: "习近平" boxed 113 px wide at 120 px type, 360 px left of
  // "在南非媒体发表署名文章", over a gutter).
  auto read_well = [&](const std::vector<size_t>& g) {
    return std::all_of(g.begin(), g.end(), [&](size_t i) { return L.lines[i].conf >= 80; });
  };
  auto joins = [&](const std::vector<size_t>& g, BBox piece, const BBox& head, double size, bool well) {
    if (well) {
      size_t n = 0;
      for (size_t i : g) n += chars::han_count(L.lines[i].line.text);
      const double ems = static_cast<double>(n) * size;  // (clamped at the head: hostile sizes)
      if (piece.x1 <= head.x0) piece.x1 = std::max(piece.x1, static_cast<int>(std::min<double>(piece.x0 + ems, head.x0)));
      else if (piece.x0 >= head.x1) piece.x0 = std::min(piece.x0, static_cast<int>(std::max<double>(piece.x1 - ems, head.x1)));
    }
    const int x0 = std::min(piece.x1, head.x1), x1 = std::max(piece.x0, head.x0);
    if (x1 - x0 >= size * 3) return false;
    if (well) return true;
    const int from = std::max(piece.y1, head.y1);
    return text.across(from, from + static_cast<int>(size * 6), x0, x1);
  };
  std::vector<std::vector<size_t>> kept;
  std::vector<BBox> kept_boxes;
  bool grown = false;  // a headline gained a piece, or a garbled one was kept
  std::vector<bool> in(L.lines.size(), false), headed(L.lines.size(), false);
  for (const auto& g : groups)
    for (size_t i : g) headed[i] = true;
  for (size_t k = 0; k < garbled.size(); ++k) {
    if (garbled[k].empty()) continue;
    const double size = group_size(L, garbled[k]);
    size_t h = on_row(garbled[k], 0);
    const bool well = read_well(garbled[k]);
    while (h < none && !joins(garbled[k], boxes[k], H.box[h], size, well)) h = on_row(garbled[k], h + 1);
    if (h < none) {  // (a character of it may have joined a headline already: find_headlines)
      for (size_t i : garbled[k])
        if (!headed[i]) groups[h].push_back(i), headed[i] = true, grown = true;
      sort_rows(L, groups[h], size);
    }
    if (h != none) continue;  // joined a headline on its row (or the budget ran out)
    sort_rows(L, garbled[k]);
    for (size_t i : garbled[k]) in[i] = true;
    kept.push_back(std::move(garbled[k]));
    kept_boxes.push_back(boxes[k]);
  }
  for (const auto& g : groups)
    for (size_t i : g) in[i] = true;
  std::vector<size_t> taken(kept.size(), 0);
  for (size_t i = 0; i < L.lines.size() && !kept.empty(); ++i) {
    if (in[i] || L.lines[i].furniture) continue;
    const int o = owner(L, H.box, H.across, H.tops, kept_boxes, i);
    if (o >= static_cast<int>(H.box.size())) ++taken[static_cast<size_t>(o) - H.box.size()];
  }
  // One under a headline's stretch heads no lines of its own there; alone on its rows (a
  // headline's place) with a story's dispatch right under it, it heads that story (fresh69 p000:
  // "国内联播快讯" read "国人" at 0, one box down through the rule under it).
  for (size_t k = 0; k < kept.size(); ++k)
    if (taken[k] >= 3 || (kept[k].size() <= 4 && dispatch_under(L, kept_boxes[k]) && alone_on_rows(L, kept[k])))
      groups.push_back(std::move(kept[k])), grown = true;
  return grown;
}

}  // namespace

void find_articles(PageLayout& L) {
  std::vector<std::vector<size_t>> garbled;
  auto groups = find_headlines(L, &garbled);
  Heads H = heads_of(L, groups);
  if (add_read_badly(L, groups, std::move(garbled), H)) H = heads_of(L, groups);
  const std::vector<BBox>& heads = H.box;
  // Lines above every headline (text continued from another page, or a page without one) form
  // an article of their own, first.
  std::vector<std::vector<size_t>> body(groups.size() + 1);
  std::vector<bool> is_head(L.lines.size(), false);
  for (const auto& g : groups)
    for (size_t i : g) is_head[i] = true;
  for (size_t i = 0; i < L.lines.size(); ++i) {
    if (is_head[i] || L.lines[i].furniture) continue;
    body[static_cast<size_t>(owner(L, heads, H.across, H.tops, {}, i) + 1)].push_back(i);
  }
  // A piece of a headline's engine line above every headline (its box reaching higher: a
  // garbled character, fresh57 p004's "休" beside "习近平在南非媒体发表署名文章") is that
  // headline's, no article of its own. The first 16 lines of each headline are looked at.
  for (auto it = body[0].begin(); it != body[0].end();) {
    const PageLine& l = L.lines[*it];
    size_t to = groups.size();
    for (size_t g = 0; g < groups.size() && to == groups.size(); ++g)
      for (size_t p = 0; p < std::min<size_t>(groups[g].size(), 16) && to == groups.size(); ++p) {
        if (one_engine_row(l, L.lines[groups[g][p]])) to = g;
      }
    if (to == groups.size()) {
      ++it;
      continue;
    }
    groups[to].push_back(*it);
    sort_rows(L, groups[to], group_size(L, groups[to]));
    it = body[0].erase(it);
  }
  // Articles in a newspaper reader's order: by headline, row by row top to bottom, then left to
  // right in a row. A row holds the headlines whose tops lie above the bottom of one already in
  // it (rows first, then x: an order a sort can keep, where comparing pairs of boxes is not one).
  std::vector<size_t> rank(groups.size());
  for (size_t g = 0; g < rank.size(); ++g) rank[g] = g;
  std::sort(rank.begin(), rank.end(), [&](size_t a, size_t b) { return heads[a].y0 < heads[b].y0; });
  std::vector<size_t> row(groups.size());
  int bottom = 0;
  for (size_t k = 0; k < rank.size(); ++k) {
    const BBox& h = heads[rank[k]];
    const bool opens = k == 0 || h.y0 >= bottom;
    row[rank[k]] = opens ? k : row[rank[k - 1]];
    bottom = opens ? h.y1 : std::max(bottom, h.y1);
  }
  std::stable_sort(rank.begin(), rank.end(), [&](size_t a, size_t b) {
    return row[a] != row[b] ? row[a] < row[b] : heads[a].x0 < heads[b].x0;
  });
  std::vector<std::vector<size_t>> bodies;
  if (!body[0].empty()) {
    PageArticle a;
    order(L, a, body[0]);
    L.articles.push_back(std::move(a));
    bodies.push_back(std::move(body[0]));
  }
  for (size_t g : rank) {
    PageArticle a;
    a.head = groups[g];
    order(L, a, body[g + 1]);
    L.articles.push_back(std::move(a));
    bodies.push_back(std::move(body[g + 1]));
  }
  join_continued(L, bodies);
}

}  // namespace paiban::reflow_stages
