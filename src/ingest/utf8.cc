#include "ingest/utf8.h"

#include <cstdint>
#include <cstring>

namespace dateline::ingest {
namespace {

// Length of the valid UTF-8 sequence at p (p < end, *p >= 0x80), or 0 if the
// bytes there do not start one. *maximal receives the length of the maximal
// invalid subpart to replace when 0 is returned (at least 1).
std::size_t SequenceLength(const unsigned char* p, const unsigned char* end, std::size_t* maximal) {
  unsigned char c = p[0];
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *maximal = 1;
    return 0;
  }
  std::size_t i = 1;
  for (; i < need; ++i) {
    if (p + i >= end) break;
    unsigned char b = p[i];
    unsigned char l = (i == 1) ? lo : 0x80;
    unsigned char h = (i == 1) ? hi : 0xBF;
    if (b < l || b > h) break;
  }
  if (i == need) return need;
  *maximal = i;
  return 0;
}

bool AsciiWord(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

}  // namespace

Utf8Check CheckUtf8(std::string_view bytes) {
  Utf8Check check;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* end = p + bytes.size();
  while (p < end) {
    if (end - p >= 8 && AsciiWord(p)) {
      p += 8;
      continue;
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    check.ascii = false;
    std::size_t maximal;
    std::size_t n = SequenceLength(p, end, &maximal);
    if (n == 0) {
      check.valid = false;
      return check;
    }
    p += n;
  }
  return check;
}

Utf8Counts CountUtf8(std::string_view bytes) {
  Utf8Counts counts;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const unsigned char* end = p + bytes.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    std::size_t maximal;
    std::size_t n = SequenceLength(p, end, &maximal);
    if (n > 0) {
      ++counts.sequences;
      p += n;
    } else {
      ++counts.invalid;
      p += maximal;
    }
  }
  return counts;
}

void RepairUtf8(std::string* text) {
  if (IsValidUtf8(*text)) return;
  std::string out;
  out.reserve(text->size() + text->size() / 8 + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(text->data());
  const unsigned char* end = p + text->size();
  const unsigned char* run = p;  // start of the pending valid run
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    std::size_t maximal;
    std::size_t n = SequenceLength(p, end, &maximal);
    if (n > 0) {
      p += n;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), p - run);
    out.append("\xEF\xBF\xBD");
    p += maximal;
    run = p;
  }
  out.append(reinterpret_cast<const char*>(run), p - run);
  text->swap(out);
}

}  // namespace dateline::ingest
