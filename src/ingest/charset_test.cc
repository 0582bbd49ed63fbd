#include "ingest/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/utf8.h"

namespace dateline::ingest {
namespace {

using Format = RawDocument::Format;

std::string Page(const std::string& head, const std::string& body) {
  return "<html><head>" + head + "<title>t</title></head><body><p>" + body + "</p></body></html>";
}

struct DecodeRow {
  const char* name;
  Format format;
  std::string declared;  // transport charset
  std::string bytes;
  std::string expected;  // UTF-8
  std::string charset;
};

TEST(IngestDecodeDocumentTest, ConvertsToUtf8AndNamesTheCharset) {
  // "Café – naïve" in windows-1252; Russian "Мир" in KOI8-R; Japanese "日本語" in Shift_JIS.
  const std::string cafe1252 = "Caf\xE9 \x96 na\xEFve";
  const std::string cafe = "Café – naïve";
  const DecodeRow rows[] = {
      {"ascii text", Format::kText, "", "Plain words.\n", "Plain words.\n", "UTF-8"},
      {"utf-8 text", Format::kText, "", "Café in Almaty\n", "Café in Almaty\n", "UTF-8"},
      {"utf-8 bom removed", Format::kText, "", "\xEF\xBB\xBFHello", "Hello", "UTF-8"},
      {"utf-16le bom", Format::kText, "", std::string("\xFF\xFEH\0i\0", 6), "Hi", "UTF-16"},
      {"utf-8 with one damaged byte", Format::kText, "",
       "Señor Müller in Zürich said \xFF today: ölçü.",
       "Señor Müller in Zürich said \xEF\xBF\xBD today: ölçü.", "UTF-8"},
      {"meta charset windows-1252", Format::kHtml, "",
       Page("<meta charset=\"windows-1252\">", cafe1252),
       Page("<meta charset=\"windows-1252\">", cafe), "windows-1252"},
      {"meta iso-8859-1 read as windows-1252", Format::kHtml, "",
       Page("<meta charset=iso-8859-1>", "\x93quoted\x94"),
       Page("<meta charset=iso-8859-1>", "\xE2\x80\x9Cquoted\xE2\x80\x9D"), "windows-1252"},
      {"meta http-equiv KOI8-R", Format::kHtml, "",
       Page("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=KOI8-R\">",
            "\xED\xC9\xD2"),
       Page("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=KOI8-R\">", "Мир"),
       "KOI8-R"},
      {"meta Shift_JIS", Format::kHtml, "",
       Page("<meta charset='Shift_JIS'>", "\x93\xFA\x96\x7B\x8C\xEA"),
       Page("<meta charset='Shift_JIS'>", "日本語"), "Shift_JIS"},
      {"http header wins over meta", Format::kHtml, "windows-1252",
       Page("<meta charset=\"utf-8\">", cafe1252), Page("<meta charset=\"utf-8\">", cafe),
       "windows-1252"},
      {"declared utf-8, invalid byte replaced", Format::kHtml, "utf-8", Page("", "a\xC3(b"),
       Page("", "a\xEF\xBF\xBD(b"), "UTF-8"},
      {"pure ascii under windows-1252 is not converted", Format::kHtml, "",
       Page("<meta charset=windows-1252>", "plain"), Page("<meta charset=windows-1252>", "plain"),
       "windows-1252"},
      {"utf-8 page misdeclared as latin-1", Format::kHtml, "",
       Page("<meta charset=iso-8859-1>", cafe), Page("<meta charset=iso-8859-1>", cafe), "UTF-8"},
      {"meta utf-16 means utf-8", Format::kHtml, "", Page("<meta charset=utf-16>", cafe),
       Page("<meta charset=utf-16>", cafe), "UTF-8"},
      {"unknown label over utf-8", Format::kHtml, "", Page("<meta charset=no-such-thing>", cafe),
       Page("<meta charset=no-such-thing>", cafe), "UTF-8"},
      {"meta ignored in text files", Format::kText, "", "<meta charset=windows-1252> Café",
       "<meta charset=windows-1252> Café", "UTF-8"},
  };
  for (const DecodeRow& row : rows) {
    SCOPED_TRACE(row.name);
    RawDocument doc;
    doc.source = "x";
    doc.format = row.format;
    doc.content = row.bytes;
    Status s = DecodeDocument(row.declared, &doc);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(doc.content, row.expected);
    EXPECT_EQ(doc.charset, row.charset);
    EXPECT_TRUE(IsValidUtf8(doc.content));
  }
}

TEST(IngestDecodeDocumentTest, DetectsUndeclaredCharsets) {
  struct Row {
    const char* name;
    std::string bytes;
    std::string expected;
  };
  const Row rows[] = {
      {"french in windows-1252",
       "Le pr\xE9sident a d\xE9"
       "clar\xE9 mercredi que les n\xE9gociations \xE9taient "
       "termin\xE9\x65s. \xC0 Paris, les manifestants ont d\xE9\x66il\xE9 dans le calme "
       "apr\xE8s une journ\xE9\x65 de gr\xE8ve g\xE9n\xE9rale.",
       "Le président a déclaré mercredi que les négociations étaient terminées. À Paris, les "
       "manifestants ont défilé dans le calme après une journée de grève générale."},
      {"russian in koi8-r",
       // "Правительство заявило в среду, что переговоры завершены. В Москве прошли митинги."
       "\xF0\xD2\xC1\xD7\xC9\xD4\xC5\xCC\xD8\xD3\xD4\xD7\xCF \xDA\xC1\xD1\xD7\xC9\xCC\xCF \xD7 "
       "\xD3\xD2\xC5\xC4\xD5, \xDE\xD4\xCF \xD0\xC5\xD2\xC5\xC7\xCF\xD7\xCF\xD2\xD9 "
       "\xDA\xC1\xD7\xC5\xD2\xDB\xC5\xCE\xD9. \xF7 \xED\xCF\xD3\xCB\xD7\xC5 "
       "\xD0\xD2\xCF\xDB\xCC\xC9 \xCD\xC9\xD4\xC9\xCE\xC7\xC9.",
       "Правительство заявило в среду, что переговоры завершены. В Москве прошли митинги."},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    RawDocument doc;
    doc.content = row.bytes;
    ASSERT_TRUE(DecodeDocument("", &doc).ok());
    EXPECT_EQ(doc.content, row.expected) << "read as " << doc.charset;
  }
}

TEST(IngestDecodeDocumentTest, RefusesBinaryData) {
  const std::string rows[] = {
      std::string(200, '\0'),
      std::string("text then\0\0\0\0\0\0\0\0\0\0\0\0 nul bytes", 32),
      std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 mostly control", 27),
  };
  for (const std::string& bytes : rows) {
    RawDocument doc;
    doc.source = "junk.txt";
    doc.content = bytes;
    Status s = DecodeDocument("", &doc);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
    EXPECT_EQ(s.message(), "junk.txt: not text (binary data)");
  }
}

TEST(IngestFindMetaCharsetTest, Table) {
  struct Row {
    std::string html;
    std::string expected;
  };
  const Row rows[] = {
      {"<meta charset=\"utf-8\">", "utf-8"},
      {"<META CHARSET=Windows-1251 />", "Windows-1251"},
      {"<meta name=x content=y><meta charset='koi8-r'>", "koi8-r"},
      {"<meta http-equiv=\"content-type\" content=\"text/html; charset=ISO-8859-2\">",
       "ISO-8859-2"},
      {"<meta content=\"text/html;charset=gbk\" http-equiv=\"Content-Type\">", "gbk"},
      {"<meta content=\"text/html; charset=gbk\">", ""},  // no http-equiv
      {"<metadata charset=utf-8>", ""},
      {"<p>no meta</p>", ""},
      {std::string(40000, ' ') + "<meta charset=utf-8>", ""},  // beyond the scan window
  };
  for (const Row& row : rows) EXPECT_EQ(FindMetaCharset(row.html), row.expected) << row.html;
}

TEST(IngestCharsetParameterTest, Table) {
  EXPECT_EQ(CharsetParameter("text/html; charset=UTF-8"), "UTF-8");
  EXPECT_EQ(CharsetParameter("text/html;charset=\"iso-8859-1\""), "iso-8859-1");
  EXPECT_EQ(CharsetParameter("text/html; Charset = koi8-r ; q=1"), "koi8-r");
  EXPECT_EQ(CharsetParameter("text/html"), "");
}

TEST(IngestConvertToUtf8Test, UnknownCharsetIsUnsupported) {
  std::string out, name;
  EXPECT_EQ(ConvertToUtf8("abc", "x-nonsense-42", &out, &name).code(), Status::Code::kUnsupported);
  ASSERT_TRUE(ConvertToUtf8("\xE9t\xE9", "latin1", &out, &name).ok());
  EXPECT_EQ(out, "été");
}

TEST(IngestUtf8Test, CheckAndRepairTable) {
  struct Row {
    std::string in;
    bool valid;
    bool ascii;
    std::string repaired;
  };
  const Row rows[] = {
      {"", true, true, ""},
      {"plain ascii text that is longer than eight bytes", true, true,
       "plain ascii text that is longer than eight bytes"},
      {"Zürich", true, false, "Zürich"},
      {"日本語 and 😀", true, false, "日本語 and 😀"},
      {"a\xFF"
       "b",
       false, false,
       "a\xEF\xBF\xBD"
       "b"},
      {"\xC0\xAF", false, false, "\xEF\xBF\xBD\xEF\xBF\xBD"},                  // overlong
      {"\xED\xA0\x80", false, false, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
      {"end\xE6\x97", false, false, "end\xEF\xBF\xBD"},                        // cut sequence
      {"\xF4\x90\x80\x80", false, false,
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // > U+10FFFF
  };
  for (const Row& row : rows) {
    Utf8Check check = CheckUtf8(row.in);
    EXPECT_EQ(check.valid, row.valid) << row.in;
    if (row.valid) {
      EXPECT_EQ(check.ascii, row.ascii) << row.in;
    }
    std::string s = row.in;
    RepairUtf8(&s);
    EXPECT_EQ(s, row.repaired);
    EXPECT_TRUE(IsValidUtf8(s));
  }
}

}  // namespace
}  // namespace dateline::ingest
