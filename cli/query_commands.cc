// dateline query / export / stats --db FILE: reading the database.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "code/country_table.h"
#include "commands.h"
#include "data_dir.h"
#include "formats/event_writer.h"
#include "store/store.h"
#include "store_options.h"

namespace dateline::cli {
namespace {

struct QueryFlags {
  std::string db = "dateline.db";
  std::string data;
  std::string format = "table";
  std::string country, type, from, to, near, actor, text;
  std::int64_t min_killed = -1;
  int limit = 100;
};

// "43.25,76.92,50" → lat, lon, km.
bool ParseNear(const std::string& s, store::EventQuery& q) {
  double lat = 0, lon = 0, km = 0;
  char extra = 0;
  if (std::sscanf(s.c_str(), "%lf,%lf,%lf%c", &lat, &lon, &km, &extra) != 3) return false;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || km <= 0) return false;
  q.near_lat = lat;
  q.near_lon = lon;
  q.near_km = km;
  return true;
}

std::string Clip(std::string s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t cut = n - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "…";
}

void PrintTableRow(const store::StoredEvent& se) {
  const Event& e = se.event;
  std::string killed = e.counts.killed ? std::to_string(e.counts.killed->best ? *e.counts.killed->best : e.counts.killed->min) : "";
  std::printf("%-7lld %-10s %-5s %-9s %-14s %-14s %-16s %5s %3d  %s\n", static_cast<long long>(se.id),
              e.date.c_str(), e.cameo.c_str(), e.plover_type.c_str(), Clip(e.source.code, 14).c_str(),
              Clip(e.target.code, 14).c_str(), Clip(e.location.name, 16).c_str(), killed.c_str(),
              se.num_articles, Clip(e.evidence.empty() ? "" : e.evidence.front().text, 70).c_str());
}

// Runs the query (or everything) and writes it in flags.format. Returns the exit code.
int RunQuery(const QueryFlags& flags, bool all) {
  auto countries = code::CountryTable::Load(FindDataDir(flags.data) + "/country_codes.tsv");
  if (!countries.ok()) {
    std::cerr << "dateline: " << countries.status().message() << "\n";
    return 2;
  }
  store::EventQuery q;
  q.country = flags.country;
  q.type = flags.type;
  q.from = flags.from;
  q.to = flags.to;
  q.actor = flags.actor;
  q.text = flags.text;
  if (flags.min_killed >= 0) q.min_killed = flags.min_killed;
  if (!flags.near.empty() && !ParseNear(flags.near, q)) {
    std::cerr << "dateline: --near wants LAT,LON,KM (e.g. 43.25,76.92,50), got '" << flags.near << "'\n";
    return 2;
  }
  store::OpenOptions options = StoreOptions(*countries);
  options.read_only = true;
  auto store = store::Store::Open(flags.db, options);
  if (!store.ok()) {
    std::cerr << "dateline: " << flags.db << ": " << store.status().message() << "\n";
    return 2;
  }
  std::unique_ptr<formats::EventWriter> writer;
  if (flags.format != "table") {
    auto created = formats::CreateEventWriter(flags.format, &*countries);
    if (!created.ok()) {
      std::cerr << "dateline: " << created.status().message() << "\n";
      return 2;
    }
    writer = std::move(created.value());
    writer->Begin(std::cout);
  } else {
    std::printf("%-7s %-10s %-5s %-9s %-14s %-14s %-16s %5s %3s  %s\n", "id", "date", "cameo", "type",
                "source", "target", "place", "dead", "art", "evidence");
  }
  auto emit = [&](const store::StoredEvent& se) {
    if (!writer) {
      PrintTableRow(se);
      return true;
    }
    formats::EventContext ctx;
    ctx.url = se.url;
    ctx.source_name = se.source_name;
    ctx.date_added = se.date_added;
    ctx.num_mentions = se.num_mentions;
    ctx.num_sources = se.num_sources;
    ctx.num_articles = se.num_articles;
    writer->Write(se.event, ctx, std::cout);
    return true;
  };
  Status status;
  if (all || flags.limit <= 0) {
    status = (*store)->ForEach(q, emit);
  } else {
    q.limit = flags.limit;
    auto page = (*store)->Query(q);
    if (!page.ok()) {
      status = page.status();
    } else {
      for (const store::StoredEvent& se : page->events) emit(se);
    }
  }
  std::cout.flush();
  if (!status.ok()) {
    std::cerr << "dateline: " << status.message() << "\n";
    return 1;
  }
  return 0;
}

int RunStats(const std::string& db) {
  store::OpenOptions options;
  options.read_only = true;
  auto store = store::Store::Open(db, options);
  if (!store.ok()) {
    std::cerr << "dateline: " << db << ": " << store.status().message() << "\n";
    return 2;
  }
  auto stats = (*store)->GetStats();
  if (!stats.ok()) {
    std::cerr << "dateline: " << stats.status().message() << "\n";
    return 1;
  }
  std::printf("articles %lld  stories %lld  sources %lld  events %lld  mentions %lld\n",
              static_cast<long long>(stats->articles), static_cast<long long>(stats->stories),
              static_cast<long long>(stats->sources), static_cast<long long>(stats->events),
              static_cast<long long>(stats->mentions));
  auto section = [](const char* title, const std::vector<std::pair<std::string, std::int64_t>>& rows) {
    std::printf("\n%s\n", title);
    for (const auto& [key, n] : rows) {
      std::printf("  %-24s %lld\n", key.empty() ? "(unknown)" : key.c_str(), static_cast<long long>(n));
    }
  };
  section("events per day", stats->per_day);
  section("events per country", stats->per_country);
  section("events per type", stats->per_type);
  return 0;
}

void AddFilters(CLI::App* cmd, QueryFlags* f) {
  cmd->add_option("--db", f->db, "database file (default dateline.db)");
  cmd->add_option("--data", f->data, "dictionary folder (for country codes)");
  cmd->add_option("--country", f->country, "ISO 3166 alpha-2 or alpha-3");
  cmd->add_option("--type", f->type, "PLOVER type, ACLED event type, CAMEO code or root");
  cmd->add_option("--from", f->from, "first day, YYYY-MM-DD");
  cmd->add_option("--to", f->to, "last day, YYYY-MM-DD");
  cmd->add_option("--near", f->near, "LAT,LON,KM");
  cmd->add_option("--actor", f->actor, "actor text or code contains");
  cmd->add_option("--text", f->text, "words in the evidence sentence");
  cmd->add_option("--min-killed", f->min_killed, "at least this many killed");
}

}  // namespace

void AddQueryCommands(CLI::App& app, int* exit_code) {
  std::vector<std::string> formats = formats::EventFormatNames();
  auto query = std::make_shared<QueryFlags>();
  CLI::App* q = app.add_subcommand("query", "Events in the database that match the filters");
  AddFilters(q, query.get());
  formats.push_back("table");
  q->add_option("--format", query->format, "table, jsonl, csv, gdelt, acled or plover")
      ->check(CLI::IsMember(formats));
  q->add_option("--limit", query->limit, "at most this many events (default 100, 0 = all)");
  q->callback([query, exit_code] { *exit_code = RunQuery(*query, false); });

  auto exported = std::make_shared<QueryFlags>();
  exported->format = "jsonl";
  CLI::App* x = app.add_subcommand("export", "Every event in the database, in an exchange format");
  AddFilters(x, exported.get());
  x->add_option("--format", exported->format, "jsonl, csv, gdelt, acled or plover")
      ->check(CLI::IsMember(formats::EventFormatNames()));
  x->callback([exported, exit_code] { *exit_code = RunQuery(*exported, true); });

  auto db = std::make_shared<std::string>("dateline.db");
  CLI::App* s = app.add_subcommand("stats", "Events per day, country and type");
  s->add_option("--db", *db, "database file (default dateline.db)");
  s->callback([db, exit_code] { *exit_code = RunStats(*db); });
}

}  // namespace dateline::cli
