#include "dateline/article_json.h"

#include <nlohmann/json.hpp>

namespace dateline {

std::string ArticleToJson(const Article& a, int indent) {
  nlohmann::ordered_json j;
  j["source"] = a.source;
  j["id"] = a.id;
  j["url"] = a.url;
  j["title"] = a.title;
  j["published"] = {{"date", a.published.date},
                    {"precision", DatePrecisionName(a.published.precision)},
                    {"from", a.published.from}};
  j["dateline"] = a.dateline;
  j["byline"] = a.byline;
  j["language"] = a.language;
  j["body"] = a.Body();
  j["text"] = a.text;
  nlohmann::ordered_json paragraphs = nlohmann::ordered_json::array();
  for (const Paragraph& p : a.paragraphs) {
    paragraphs.push_back({{"kind", ParagraphKindName(p.kind)},
                          {"text", a.ParagraphText(p)},
                          {"start", p.start},
                          {"end", p.end}});
  }
  j["paragraphs"] = std::move(paragraphs);
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace dateline
