#include "store/report_codec.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <type_traits>

#include "store/event_codec.h"

namespace dateline::store {
namespace {

// The integer type behind T (T itself, or an enum's underlying type).
template <class T, bool = std::is_enum_v<T>>
struct UnderlyingOf {
  using type = T;
};
template <class T>
struct UnderlyingOf<T, true> {
  using type = std::underlying_type_t<T>;
};
template <class T>
using Underlying = typename UnderlyingOf<T>::type;

// Appends fields to a record.
class RecordWriter {
 public:
  explicit RecordWriter(std::string* out) : out_(out) {}

  // Any integer or enum: a varint, zig-zag coded when the type is signed.
  template <class T>
  void Int(T value) {
    using U = std::make_unsigned_t<Underlying<T>>;
    std::uint64_t v = static_cast<U>(value);
    if constexpr (std::is_signed_v<Underlying<T>>) {
      const auto i = static_cast<std::int64_t>(value);
      v = (static_cast<std::uint64_t>(i) << 1) ^ static_cast<std::uint64_t>(i >> 63);
    }
    while (v >= 0x80) {
      out_->push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void Str(const std::string& s) {
    Int(s.size());
    out_->append(s);
  }
  void Double(double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out_->append(bytes, sizeof v);
  }
  void Bool(bool v) { out_->push_back(v ? 1 : 0); }
  template <class T, class Fields>
  void Optional(const std::optional<T>& v, Fields fields) {
    Bool(v.has_value());
    if (v) fields(*v);
  }
  // The evidence list, the first text left out (the row's `evidence` column).
  void EvidenceList(const std::vector<Evidence>& list) {
    Int(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      Int(list[i].sentence);
      if (i > 0) Str(list[i].text);
      Int(list[i].start);
      Int(list[i].end);
    }
  }

 private:
  std::string* out_;
};

// Reads fields back; after the first fault every read gives a default value
// and ok() is false.
class RecordReader {
 public:
  RecordReader(std::string_view in, std::string_view main_evidence) : in_(in), main_evidence_(main_evidence) {}

  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  template <class T>
  void Int(T& value) {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (in_.empty() || shift >= 64) return Fail(value);
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) break;
    }
    if constexpr (std::is_signed_v<Underlying<T>>) {
      value = static_cast<T>(static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1)));
    } else {
      value = static_cast<T>(v);
    }
  }
  void Str(std::string& s) {
    std::uint64_t n;
    Int(n);
    if (n > in_.size()) return Fail();
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
  }
  void Double(double& v) {
    v = 0;
    if (in_.size() < sizeof v) return Fail();
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
  }
  void Bool(bool& v) {
    std::uint64_t u;
    Int(u);
    if (u > 1) Fail();
    v = u == 1;
  }
  template <class T, class Fields>
  void Optional(std::optional<T>& v, Fields fields) {
    bool present;
    Bool(present);
    v.reset();
    if (present && ok_) fields(v.emplace());
  }
  void EvidenceList(std::vector<Evidence>& list) {
    std::uint64_t n;
    Int(n);
    // Each entry takes at least three bytes: a count beyond that is a fault.
    if (n > in_.size() / 3 + 1) return Fail();
    list.resize(n);
    for (std::size_t i = 0; i < list.size() && ok_; ++i) {
      Int(list[i].sentence);
      if (i > 0) {
        Str(list[i].text);
      } else {
        list[i].text = main_evidence_;
      }
      Int(list[i].start);
      Int(list[i].end);
    }
  }

 private:
  template <class T>
  void Fail(T& value) {
    value = T{};
    Fail();
  }
  void Fail() {
    ok_ = false;
    in_ = {};
  }

  std::string_view in_;
  std::string_view main_evidence_;
  bool ok_ = true;
};

// The field order of a record, written once for both directions: `Io` is
// RecordWriter (with const records) or RecordReader.
template <class Io, class A>
void ActorFields(Io& io, A& a) {
  io.Str(a.text);
  io.Str(a.code);
  io.Str(a.country);
  io.Str(a.agent);
  io.Str(a.name);
  io.Int(a.start);
  io.Int(a.end);
}

template <class Io, class C>
void CountFields(Io& io, C& c) {
  io.Int(c.min);
  io.Int(c.max);
  io.Optional(c.best, [&io](auto& best) { io.Int(best); });
  io.Str(c.text);
  io.Int(c.sentence);
}

template <class Io, class E>
void EventFields(Io& io, E& e) {
  io.Str(e.article);
  io.EvidenceList(e.evidence);
  io.Str(e.date);
  io.Int(e.date_precision);
  io.Str(e.date_from);
  io.Str(e.date_to);
  io.Str(e.date_basis);
  io.Str(e.cameo);
  io.Str(e.root);
  io.Int(e.quad_class);
  io.Double(e.goldstein);
  io.Str(e.plover_type);
  io.Str(e.plover_mode);
  io.Str(e.acled_event_type);
  io.Str(e.acled_sub_event_type);
  io.Str(e.trigger);
  ActorFields(io, e.source);
  ActorFields(io, e.target);
  auto& l = e.location;
  io.Str(l.name);
  io.Int(l.geonameid);
  io.Str(l.admin1);
  io.Str(l.country);
  io.Optional(l.lat, [&io](auto& v) { io.Double(v); });
  io.Optional(l.lon, [&io](auto& v) { io.Double(v); });
  io.Int(l.precision);
  auto& c = e.counts;
  for (auto* count : {&c.killed, &c.injured, &c.arrested, &c.participants, &c.displaced, &c.troops}) {
    io.Optional(*count, [&io](auto& v) { CountFields(io, v); });
  }
  io.Optional(e.claimed_by, [&io](auto& claim) {
    io.Str(claim.text);
    io.Str(claim.who);
    io.Str(claim.agent);
  });
  io.Bool(e.negated);
  io.Int(e.modality);
  io.Double(e.confidence);
}

}  // namespace

void EncodeReport(const Event& e, std::string* out) {
  out->push_back(static_cast<char>(kReportFormat));
  RecordWriter writer(out);
  EventFields(writer, e);
}

Result<Event> DecodeReport(std::string_view record, std::string_view main_evidence) {
  if (record.empty() || static_cast<unsigned char>(record.front()) != kReportFormat) {
    return Status::InvalidInput("report record: unknown format");
  }
  record.remove_prefix(1);
  RecordReader reader(record, main_evidence);
  Event e;
  EventFields(reader, e);
  if (!reader.ok()) return Status::InvalidInput("report record: cut short or malformed");
  if (!reader.at_end()) return Status::InvalidInput("report record: trailing bytes");
  return e;
}

Result<Event> ReportOfRow(std::string_view record, std::string_view json, std::string_view evidence) {
  return record.empty() ? EventFromJson(json) : DecodeReport(record, evidence);
}

}  // namespace dateline::store
