#include "dateline/article.h"

namespace dateline {

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kNone: break;
  }
  return "none";
}

std::string_view ParagraphKindName(ParagraphKind k) {
  switch (k) {
    case ParagraphKind::kCaption: return "caption";
    case ParagraphKind::kQuote: return "quote";
    case ParagraphKind::kBody: break;
  }
  return "body";
}

std::string Article::Body() const {
  std::string body;
  for (const Paragraph& p : paragraphs) {
    if (p.kind == ParagraphKind::kCaption) continue;
    if (!body.empty()) body += "\n\n";
    body += ParagraphText(p);
  }
  return body;
}

}  // namespace dateline
