// find_articles on page layouts built by hand: which lines head which article.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/unicode.h"
#include "reflow/page_stages.h"

using namespace paiban;
using namespace paiban::reflow_stages;

namespace {

PageLine line(const char* text, BBox box, double size, const char* id) {
  PageLine l;
  l.line.text = to_u32(text);
  l.line.width = static_cast<int>(l.line.text.size()) * 2;
  for (char32_t c : l.line.text) l.line.pauses += c == U'，' || c == U'。';
  l.line.end = l.line.text.back() == U'。' ? End::stop : End::word;
  l.box = box;
  l.size = size;
  l.mid = (box.y0 + box.y1) / 2;
  l.conf = l.best = 90;
  l.id = id;
  return l;
}

}  // namespace

// A garbled character of a headline's engine line, boxed taller than the row (its box reaching
// above every headline), is that headline's, not an article of its own above the page's one
// and past its end (fresh57 p004, a bilevel scan: "休" cut from "习近平在南非媒体发表署名文章" read
// badly, beside the pieces the headline was made of).
TEST(FindArticles, APieceOfAHeadlinesLineAboveItIsTheHeadlines) {
  PageLayout L;
  L.width = 3000, L.height = 1200, L.em = 36;
  L.lines.push_back(line("休", {1816, 268, 1909, 453}, 93, "line_1_2"));
  L.lines.push_back(line("习近平在南非媒体", {555, 340, 1780, 480}, 140, "line_1_2 line_1_3"));
  const char* text[] = {"央视网消息（新闻联播）：国家主席习近平在", "南非媒体发表署名文章，题为《让中南友谊",
                        "巨轮扬帆远航》。文章说，应南非总统邀请，", "我即将对南非共和国进行国事访问。"};
  for (int k = 0; k < 4; ++k)
    L.lines.push_back(line(text[k], {555, 560 + k * 54, k == 3 ? 1300 : 2000, 596 + k * 54}, 36, "b"));
  find_articles(L);
  ASSERT_EQ(L.articles.size(), 1u);
  const auto& head = L.articles[0].head;
  EXPECT_NE(std::find(head.begin(), head.end(), 0u), head.end());
  EXPECT_NE(std::find(head.begin(), head.end(), 1u), head.end());
}
