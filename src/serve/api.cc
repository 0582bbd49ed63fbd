#include "serve/api.h"

#include <charconv>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dateline/event_json.h"
#include "formats/event_writer.h"

namespace dateline::serve {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  EscapeMarkupInJson(&s);
  return s;
}

Response JsonOk(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

// A JSON document written by the store (figures, counts); `fallback` when it
// does not parse.
Json ParseStored(const std::string& text, Json fallback) {
  if (text.empty()) return fallback;
  Json j = Json::parse(text, nullptr, false);
  return j.is_discarded() ? fallback : j;
}

Response StoreFailure(const Status& status) {
  if (status.code() == Status::Code::kNotFound) return JsonError(404, status.message());
  if (status.code() == Status::Code::kInvalidInput) return JsonError(400, status.message());
  return JsonError(500, "database: " + status.message());
}

// EventToJson's record (as stored, or made from the decoded event) with the
// store's fields added at the top level.
void AppendEvent(const store::StoredEvent& se, std::string* out) {
  std::string made;
  if (se.json.empty()) made = EventToJson(se.event);
  std::string_view record = se.json.empty() ? std::string_view(made) : std::string_view(se.json);
  // An object: "{...}"; the added fields go before its closing brace.
  if (record.size() < 2 || record.front() != '{' || record.back() != '}') record = "{}";
  record.remove_suffix(1);
  AppendMarkupEscaped(record, out);
  if (record.size() > 1) *out += ',';
  *out += "\"id\":";
  *out += std::to_string(se.id);
  *out += ",\"uid\":\"";
  *out += std::to_string(se.uid);
  *out += "\",\"num_mentions\":";
  *out += std::to_string(se.num_mentions);
  *out += ",\"num_sources\":";
  *out += std::to_string(se.num_sources);
  *out += ",\"num_articles\":";
  *out += std::to_string(se.num_articles);
  *out += ",\"first_seen\":";
  AppendJsonString(se.first_seen, out);
  *out += ",\"last_seen\":";
  AppendJsonString(se.last_seen, out);
  *out += ",\"url\":";
  AppendJsonString(se.url, out);
  *out += ",\"source_name\":";
  AppendJsonString(se.source_name, out);
  *out += '}';
}

bool ParseId(std::string_view s, std::int64_t* id) {
  if (s.empty() || s.size() > 19 || s[0] == '-' || s[0] == '+') return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *id);
  return ec == std::errc() && end == s.data() + s.size() && *id > 0;
}

bool HasFilter(const store::EventQuery& q) {
  return !q.country.empty() || !q.type.empty() || !q.from.empty() || !q.to.empty() || q.near_lat ||
         !q.actor.empty() || !q.text.empty() || q.min_killed || q.min_lat;
}

struct ExportFormat {
  const char* name;
  const char* content_type;
  const char* file_ext;
};
constexpr ExportFormat kExportFormats[] = {
    {"jsonl", "application/x-ndjson", "jsonl"},
    {"plover", "application/x-ndjson", "plover.jsonl"},
    {"csv", "text/csv; charset=utf-8", "csv"},
    {"acled", "text/csv; charset=utf-8", "acled.csv"},
    {"gdelt", "text/tab-separated-values; charset=utf-8", "gdelt.tsv"},
};

formats::EventContext ContextOf(const store::StoredEvent& se) {
  formats::EventContext ctx;
  ctx.url = se.url;
  ctx.source_name = se.source_name;
  ctx.date_added = se.date_added;
  ctx.num_mentions = se.num_mentions;
  ctx.num_sources = se.num_sources;
  ctx.num_articles = se.num_articles;
  return ctx;
}

}  // namespace

Api::Api(StorePool* pool, const code::CountryTable* countries, ApiOptions options)
    : pool_(pool), countries_(countries), options_(options) {
  if (countries_) {
    country_codes_ = [countries](std::string_view code, std::string* alpha2, std::string* alpha3) {
      const code::CountryInfo* c = countries->Find(code);
      if (!c) return false;
      *alpha2 = c->alpha2;
      *alpha3 = c->alpha3;
      return true;
    };
  }
}

Response Api::Handle(const Request& request) const {
  std::string_view path = request.path;
  constexpr std::string_view kEvents = "/api/events", kArticles = "/api/articles/";
  if (path == kEvents || path == "/api/events/") return ListEvents(request);
  if (path.starts_with("/api/events/")) return EventDetail(path.substr(kEvents.size() + 1));
  if (path.starts_with(kArticles) && path.size() > kArticles.size()) return ArticleDetail(path.substr(kArticles.size()));
  if (path == "/api/stats") return Stats(request);
  if (path == "/api/export") return Export(request);
  return JsonError(404, "no such API path");
}

Response Api::ListEvents(const Request& request) const {
  store::EventQuery query;
  if (Status s = ParseEventQuery(request, true, country_codes_, options_.limits, &query); !s.ok()) {
    return JsonError(400, s.message());
  }
  query.json_only = true;  // the stored record goes out as it is: no decoding
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  auto page = (*lease)->Query(query);
  if (!page.ok()) return StoreFailure(page.status());
  std::string body;
  body.reserve(2048 * (page->events.size() + 1));
  body += "{\"events\":[";
  for (std::size_t i = 0; i < page->events.size(); ++i) {
    if (i) body += ',';
    AppendEvent(page->events[i], &body);
  }
  body += "],\"next_cursor\":";
  if (page->next_cursor.empty()) {
    body += "null";
  } else {
    AppendJsonString(page->next_cursor, &body);
  }
  body += '}';
  return JsonOk(std::move(body));
}

Response Api::EventDetail(std::string_view id_text) const {
  std::int64_t id = 0;
  if (!ParseId(id_text, &id)) return JsonError(400, "id: expected a positive whole number (an event's \"id\")");
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  auto detail = (*lease)->GetEvent(id);
  if (!detail.ok()) return StoreFailure(detail.status());
  Json mentions = Json::array();
  for (const store::MentionRecord& m : detail->mentions) {
    mentions.push_back({{"article_id", m.article_id},
                        {"url", m.url},
                        {"title", m.title},
                        {"source_name", m.source_name},
                        {"published", m.published},
                        {"story_id", m.story_id},
                        {"sentence", m.sentence},
                        {"span", {m.start, m.end}},
                        {"evidence", m.evidence},
                        {"claimed_by", m.claimed_by},
                        {"counts", ParseStored(m.counts_json, Json::object())}});
  }
  std::string body = "{\"event\":";
  AppendEvent(detail->event, &body);
  body += ",\"figures\":";
  body += Dump(ParseStored(detail->event.figures_json, Json::array()));
  body += ",\"mentions\":";
  body += Dump(mentions);
  body += '}';
  return JsonOk(std::move(body));
}

Response Api::ArticleDetail(std::string_view id) const {
  if (id.size() > 1024) return JsonError(400, "id: longer than 1024 bytes");
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  auto stored = (*lease)->GetArticle(std::string(id));
  if (!stored.ok()) return StoreFailure(stored.status());
  const dateline::Article& a = stored->article;
  // The store keeps the text, whose paragraphs are joined by blank lines;
  // their kinds are not kept, so each is a "body" paragraph.
  Json paragraphs = Json::array();
  for (std::size_t start = 0; start < a.text.size();) {
    std::size_t end = a.text.find("\n\n", start);
    if (end == std::string::npos) end = a.text.size();
    if (end > start) paragraphs.push_back({{"kind", "body"}, {"start", start}, {"end", end}});
    start = end + 2;
  }
  Json j = {{"id", a.id},
            {"url", a.url},
            {"title", a.title},
            {"published", a.published.date},
            {"language", a.language},
            {"dateline", a.dateline},
            {"byline", a.byline},
            {"source_name", stored->source_name},
            {"story_id", stored->story_id},
            {"text", a.text},
            {"paragraphs", std::move(paragraphs)},
            {"event_ids", stored->event_ids}};
  return JsonOk(Dump(j));
}

Response Api::Stats(const Request& request) const {
  store::EventQuery query;
  if (Status s = ParseEventQuery(request, false, country_codes_, options_.limits, &query); !s.ok()) {
    return JsonError(400, s.message());
  }
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  auto stats = (*lease)->GetStats();
  if (!stats.ok()) return StoreFailure(stats.status());
  if (HasFilter(query)) {
    // Events, mentions and the breakdowns follow the filters; articles,
    // stories and sources stay the whole database's.
    std::map<std::string, std::int64_t> per_day, per_country, per_type;
    std::int64_t events = 0, mentions = 0;
    Status s = (*lease)->ForEach(query, [&](const store::StoredEvent& se) {
      ++events;
      mentions += se.num_mentions;
      ++per_day[se.event.date_precision == DatePrecision::kDay ? se.event.date : ""];
      ++per_country[se.event.location.country];
      ++per_type[se.event.plover_type];
      return true;
    });
    if (!s.ok()) return StoreFailure(s);
    stats->events = events;
    stats->mentions = mentions;
    stats->per_day.assign(per_day.begin(), per_day.end());
    stats->per_country.assign(per_country.begin(), per_country.end());
    stats->per_type.assign(per_type.begin(), per_type.end());
  }
  auto rows = [](const std::vector<std::pair<std::string, std::int64_t>>& v) {
    Json a = Json::array();
    for (const auto& [key, count] : v) a.push_back({{"key", key}, {"count", count}});
    return a;
  };
  Json j = {{"articles", stats->articles}, {"stories", stats->stories},   {"sources", stats->sources},
            {"events", stats->events},     {"mentions", stats->mentions}, {"per_day", rows(stats->per_day)},
            {"per_country", rows(stats->per_country)}, {"per_type", rows(stats->per_type)}};
  return JsonOk(Dump(j));
}

Response Api::Export(const Request& request) const {
  if (request.Count("format") > 1) return JsonError(400, "format: given more than once");
  const std::string* format_name = request.Find("format");
  const ExportFormat* format = &kExportFormats[0];
  if (format_name && !format_name->empty()) {
    format = nullptr;
    for (const ExportFormat& f : kExportFormats) {
      if (*format_name == f.name) format = &f;
    }
    if (!format) return JsonError(400, "format: expected jsonl, csv, gdelt, acled or plover");
  }
  store::EventQuery query;
  if (Status s = ParseEventQuery(request, false, country_codes_, options_.limits, &query); !s.ok()) {
    return JsonError(400, s.message());
  }
  auto writer = formats::CreateEventWriter(format->name, countries_);
  if (!writer.ok()) return JsonError(400, "format: " + writer.status().message());
  auto lease = pool_->Acquire();
  if (!lease.ok()) return StoreFailure(lease.status());
  Response r;
  r.content_type = format->content_type;
  r.headers.emplace_back("Content-Disposition",
                         std::string("attachment; filename=\"dateline-events.") + format->file_ext + "\"");
  // The stream owns the lease and the writer until the body has been sent.
  auto lease_held = std::make_shared<StorePool::Lease>(std::move(lease).value());
  auto writer_held = std::shared_ptr<formats::EventWriter>(std::move(writer).value());
  const std::size_t chunk = options_.export_chunk_bytes;
  r.stream = [lease_held, writer_held, query, chunk](const ChunkSink& sink) {
    std::ostringstream out;
    writer_held->Begin(out);
    bool client_gone = false;
    auto flush = [&] {
      std::string piece = out.str();
      out.str(std::string());
      if (!piece.empty() && !sink(piece)) client_gone = true;
    };
    Status s = (*lease_held)->ForEach(query, [&](const store::StoredEvent& se) {
      writer_held->Write(se.event, ContextOf(se), out);
      if (static_cast<std::size_t>(out.tellp()) >= chunk) flush();
      return !client_gone;
    });
    if (client_gone || !s.ok()) return false;
    flush();
    return !client_gone;
  };
  return r;
}

}  // namespace dateline::serve
