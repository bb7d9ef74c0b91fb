#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <string>
#include <thread>
#include <utility>
#include <vector>
#include <zip.h>

#include "core/text.hpp"
#include "integrations/documents.hpp"

namespace rekrut::integrations {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_pdf = "application/pdf";
constexpr std::string_view k_docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view k_odt = "application/vnd.oasis.opendocument.text";

// ---------------------------------------------------------------------------------------------
// Making the files

/// A folder of its own for one test, removed afterwards.
class TempFolder {
public:
    TempFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "rekrut-documents-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempFolder()
    {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    std::string path(const std::string& name) const { return (m_path / name).string(); }
    std::string write(const std::string& name, const std::string& bytes) const
    {
        std::ofstream out(path(name), std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return path(name);
    }

private:
    fs::path m_path;
};

std::string read_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A PDF with one page per text, each shown in Helvetica with WinAnsiEncoding; the texts are PDF
/// string contents (octal escapes for the bytes above 127). `extra_object` becomes the last object,
/// `trailer_extra` goes into the trailer. The cross-reference offsets are exact.
std::string make_pdf(const std::vector<std::string>& pages, const std::string& trailer_extra = "",
                     const std::string& extra_object = "")
{
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i)
        kids += std::to_string(4 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        std::string content = "BT /F1 12 Tf 72 720 Td (" + pages[i] + ") Tj ET";
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
            ">> >> /Contents " +
            std::to_string(5 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                          "\nendstream");
    }
    if (!extra_object.empty())
        objects.push_back(extra_object);

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// "Sagsbehandler æøå ÆØÅ" in WinAnsiEncoding, as a PDF string.
const std::string k_pdf_text = "Sagsbehandler \\346\\370\\345 \\306\\330\\305";

/// A PDF with an /Encrypt dictionary (RC4, 40 bits) in its trailer whose password check fails.
std::string make_encrypted_pdf()
{
    std::string hash(64, 'A');
    return make_pdf(
        {k_pdf_text},
        "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
        "<< /Filter /Standard /V 1 /R 2 /O <" + hash + "> /U <" + hash + "> /P -44 >>");
}

using Entries = std::vector<std::pair<std::string, std::string>>;

/// A ZIP file written with libzip; the "mimetype" entry is stored uncompressed, as ODF wants it.
std::string make_zip(const TempFolder& folder, const std::string& name, const Entries& entries)
{
    std::string path = folder.path(name);
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (archive == nullptr)
        throw std::runtime_error("zip_open failed");
    for (const auto& [entry, content] : entries) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        zip_int64_t index = zip_file_add(archive, entry.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0)
            throw std::runtime_error("zip_file_add failed");
        if (entry == "mimetype" || entry.ends_with(".txt"))
            zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0)
        throw std::runtime_error("zip_close failed");
    return path;
}

const std::string k_docx_main_type =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

std::string content_types(const std::string& main_type, const std::string& extra = "")
{
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType=")" +
           main_type + R"("/>)" + extra + "</Types>";
}

const std::string k_package_rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";

const std::string k_document_xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:r><w:t>Ansøgning</w:t></w:r></w:p>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">Sagsbehandler </w:t></w:r><w:r><w:t>æøå</w:t><w:tab/><w:t>ÆØÅ</w:t></w:r></w:p>
<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>slettet</w:delText></w:r></w:del><w:r><w:t>Med venlig hilsen</w:t><w:br/><w:t>Anna &amp; Bo</w:t></w:r></w:p>
<w:p/>
<mc:AlternateContent><mc:Choice Requires="wps"><w:p><w:r><w:t>Tekstboks</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>Tekstboks</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
</w:body></w:document>)";

const std::string k_docx_text =
    "Ansøgning\nSagsbehandler æøå\tÆØÅ\nMed venlig hilsen\nAnna & Bo\n\nTekstboks\n";

Entries docx_entries(const std::string& main_type = k_docx_main_type, const std::string& extra_types = "")
{
    return {{"[Content_Types].xml", content_types(main_type, extra_types)},
            {"_rels/.rels", k_package_rels},
            {"word/document.xml", k_document_xml}};
}

const std::string k_odt_manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>)";

const std::string k_odt_content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:automatic-styles/>
<office:body>
<office:text>
<text:h text:outline-level="1">Ansøgning</text:h>
<text:p>Sagsbehandler<text:s/>æøå<text:tab/>ÆØÅ</text:p>
<text:p>Med   venlig hilsen<text:line-break/>Anna<text:s text:c="3"/>Bo<office:annotation><text:p>kommentar</text:p></office:annotation></text:p>
</office:text>
</office:body>
</office:document-content>)";

const std::string k_odt_text = "Ansøgning\nSagsbehandler æøå\tÆØÅ\nMed venlig hilsen\nAnna   Bo\n";

Entries odt_entries()
{
    return {{"mimetype", std::string(k_odt)},
            {"META-INF/manifest.xml", k_odt_manifest},
            {"content.xml", k_odt_content}};
}

std::uint32_t crc32(std::string_view bytes)
{
    std::uint32_t crc = 0xFFFFFFFF;
    for (char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
    }
    return ~crc;
}

std::string big_endian(std::uint32_t value)
{
    return {static_cast<char>(value >> 24), static_cast<char>(value >> 16), static_cast<char>(value >> 8),
            static_cast<char>(value)};
}

std::string png_chunk(const std::string& type, const std::string& data)
{
    return big_endian(static_cast<std::uint32_t>(data.size())) + type + data + big_endian(crc32(type + data));
}

/// A valid 1×1 grey PNG: the image data is a zlib stream with one stored block.
std::string make_png()
{
    std::string header = big_endian(1) + big_endian(1) + std::string("\x08\x00\x00\x00\x00", 5);
    std::string scanline("\x00\x80", 2); // filter 0, one grey pixel
    std::uint32_t a = 1;
    std::uint32_t b = 0;
    for (char c : scanline) {
        a = (a + static_cast<unsigned char>(c)) % 65521;
        b = (b + a) % 65521;
    }
    std::string zlib = std::string("\x78\x01\x01\x02\x00\xFD\xFF", 7) + scanline + big_endian((b << 16) | a);
    return "\x89PNG\r\n\x1A\n" + png_chunk("IHDR", header) + png_chunk("IDAT", zlib) + png_chunk("IEND", "");
}

std::string make_jpeg()
{
    return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
           std::string("\xFF\xD9", 2);
}

const std::string k_rtf =
    R"({\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}
{\*\generator Rekrut test;}{\info{\author Nobody}}\f0\fs24 Ans\'f8gning\par
Sagsbehandler \'e6\'f8\'e5 \'c6\'d8\'c5\par
\uc1\u8364?\u-10179?\u-8704? 100\tab x\{y\}\par
{\pict\pngblip 89504e470d0a1a0a}{\*\bkmkstart here}Slut\line}
)";

const std::string k_rtf_text = "Ansøgning\nSagsbehandler æøå ÆØÅ\n€\U0001F600 100\tx{y}\nSlut\n";

// ---------------------------------------------------------------------------------------------
// Inspecting

TEST(Documents, a_pdf_is_recognised_and_its_text_read)
{
    TempFolder folder;
    std::string path = folder.write("cv.pdf", make_pdf({k_pdf_text, "Side to"}));
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_pdf);
    EXPECT_FALSE(facts.encrypted);
    EXPECT_FALSE(facts.has_macros);
    EXPECT_FALSE(facts.executable);
    EXPECT_TRUE(facts.readable);
    EXPECT_FALSE(facts.polyglot);

    auto text = extract_text(path, facts.media_type);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_NE(text->find("Sagsbehandler æøå ÆØÅ"), std::string::npos) << *text;
    EXPECT_NE(text->find("Side to"), std::string::npos) << *text;
    EXPECT_LT(text->find("Sagsbehandler"), text->find("Side to"));
    EXPECT_TRUE(core::is_valid_utf8(*text));
}

TEST(Documents, an_encrypted_pdf_is_marked_and_gives_no_text)
{
    TempFolder folder;
    std::string path = folder.write("cv.pdf", make_encrypted_pdf());
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_pdf);
    EXPECT_TRUE(facts.encrypted);
    EXPECT_FALSE(facts.executable);
    EXPECT_FALSE(extract_text(path, facts.media_type).ok());
}

TEST(Documents, a_damaged_pdf_is_unreadable)
{
    TempFolder folder;
    std::string path = folder.write("cv.pdf", "%PDF-1.4\n" + std::string(2000, 'x') + "\n%%EOF\n");
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_pdf);
    EXPECT_FALSE(facts.readable);
    auto text = extract_text(path, facts.media_type);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().message, "The text of the file could not be read.");
}

TEST(Documents, a_docx_is_recognised_by_its_content_types_and_its_text_read)
{
    TempFolder folder;
    std::string path = make_zip(folder, "cv.docx", docx_entries());
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_docx);
    EXPECT_FALSE(facts.has_macros);
    EXPECT_FALSE(facts.encrypted);
    EXPECT_FALSE(facts.executable);
    EXPECT_TRUE(facts.readable);
    EXPECT_FALSE(facts.polyglot);
    auto text = extract_text(path, facts.media_type);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(*text, k_docx_text);
}

TEST(Documents, a_docx_whose_entries_libmagic_does_not_know_is_still_a_docx)
{
    // libmagic recognises OOXML only from the first entries' names; here it sees a plain ZIP.
    TempFolder folder;
    Entries entries = docx_entries();
    entries.insert(entries.begin(), {"docProps/app.xml", "<Properties/>"});
    entries.insert(entries.begin(), {"customXml/item1.xml", "<x/>"});
    std::string path = make_zip(folder, "cv.docx", entries);
    EXPECT_EQ(inspect_document(path).media_type, k_docx);
}

TEST(Documents, macros_in_a_docx_are_found)
{
    TempFolder folder;
    const std::string macro_main = "application/vnd.ms-word.document.macroEnabled.main+xml";
    const std::string vba_type =
        R"(<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>)";

    Entries with_project = docx_entries(macro_main, vba_type);
    with_project.emplace_back("word/vbaProject.bin", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    DocumentFacts facts = inspect_document(make_zip(folder, "macro.docx", with_project));
    EXPECT_TRUE(facts.has_macros);
    EXPECT_EQ(facts.media_type, "application/vnd.ms-word.document.macroEnabled.12");

    // A VBA project under a plain DOCX content type.
    Entries hidden_project = docx_entries();
    hidden_project.emplace_back("word/vbaProject.bin", "vba");
    facts = inspect_document(make_zip(folder, "hidden.docx", hidden_project));
    EXPECT_TRUE(facts.has_macros);
    EXPECT_EQ(facts.media_type, k_docx);

    // A macro-enabled content type without the project.
    facts = inspect_document(make_zip(folder, "declared.docx", docx_entries(macro_main)));
    EXPECT_TRUE(facts.has_macros);

    // ActiveX controls.
    Entries activex = docx_entries();
    activex.emplace_back("word/activeX/activeX1.xml", "<ax/>");
    EXPECT_TRUE(inspect_document(make_zip(folder, "activex.docx", activex)).has_macros);

    // A template fetched from a server when the document opens.
    Entries remote_template = docx_entries();
    remote_template.emplace_back(
        "word/_rels/settings.xml.rels",
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://example.test/t.dotm" TargetMode="External"/></Relationships>)");
    EXPECT_TRUE(inspect_document(make_zip(folder, "remote.docx", remote_template)).has_macros);

    // An ordinary external hyperlink is no active content.
    Entries hyperlink = docx_entries();
    hyperlink.emplace_back(
        "word/_rels/document.xml.rels",
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.test/" TargetMode="External"/></Relationships>)");
    EXPECT_FALSE(inspect_document(make_zip(folder, "link.docx", hyperlink)).has_macros);
}

TEST(Documents, other_office_packages_are_not_docx)
{
    TempFolder folder;
    Entries sheet = {
        {"[Content_Types].xml",
         R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
        {"xl/workbook.xml", "<workbook/>"}};
    EXPECT_EQ(inspect_document(make_zip(folder, "cv.xlsx", sheet)).media_type,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(inspect_document(make_zip(folder, "cv.zip", {{"cv.txt", "hej"}})).media_type,
              "application/zip");
}

TEST(Documents, a_damaged_docx_is_unreadable)
{
    TempFolder folder;
    std::string good = read_bytes(make_zip(folder, "good.docx", docx_entries()));

    std::string truncated = folder.write("truncated.docx", good.substr(0, good.size() / 2));
    DocumentFacts facts = inspect_document(truncated);
    EXPECT_FALSE(facts.readable);
    EXPECT_FALSE(extract_text(truncated, std::string(k_docx)).ok());

    Entries without_main = docx_entries();
    without_main.pop_back();
    facts = inspect_document(make_zip(folder, "no-main.docx", without_main));
    EXPECT_EQ(facts.media_type, k_docx);
    EXPECT_FALSE(facts.readable);

    // The main part's compressed bytes altered: the archive opens, the part does not decompress.
    std::string altered = good;
    auto at = altered.find("word/document.xml");
    ASSERT_NE(at, std::string::npos);
    at += std::string("word/document.xml").size() + 40;
    for (std::size_t i = 0; i < 40; ++i)
        altered[at + i] = static_cast<char>(altered[at + i] ^ 0x5A);
    facts = inspect_document(folder.write("altered.docx", altered));
    EXPECT_FALSE(facts.readable);
}

TEST(Documents, an_xml_part_with_a_doctype_is_refused)
{
    TempFolder folder;
    Entries entries = docx_entries();
    entries.back().second =
        R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>)";
    std::string path = make_zip(folder, "entities.docx", entries);
    EXPECT_FALSE(extract_text(path, std::string(k_docx)).ok());
}

TEST(Documents, an_odt_is_recognised_and_its_text_read)
{
    TempFolder folder;
    std::string path = make_zip(folder, "cv.odt", odt_entries());
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_odt);
    EXPECT_FALSE(facts.has_macros);
    EXPECT_FALSE(facts.encrypted);
    EXPECT_TRUE(facts.readable);
    EXPECT_FALSE(facts.polyglot);
    auto text = extract_text(path, facts.media_type);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(*text, k_odt_text);
}

TEST(Documents, odt_macros_and_encryption_are_found)
{
    TempFolder folder;
    Entries basic = odt_entries();
    basic.emplace_back("Basic/script-lc.xml", "<library:libraries/>");
    basic.emplace_back("Basic/Standard/script-lb.xml", "<library:library/>");
    EXPECT_FALSE(inspect_document(make_zip(folder, "index-only.odt", basic)).has_macros);
    basic.emplace_back("Basic/Standard/Module1.xml",
                       "<script:module>Sub Main\nShell(\"x\")\nEnd Sub</script:module>");
    EXPECT_TRUE(inspect_document(make_zip(folder, "basic.odt", basic)).has_macros);

    Entries python = odt_entries();
    python.emplace_back("Scripts/python/run.py", "import os");
    EXPECT_TRUE(inspect_document(make_zip(folder, "python.odt", python)).has_macros);

    Entries encrypted = odt_entries();
    encrypted[1].second =
        R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry></manifest:manifest>)";
    encrypted[2].second = std::string("\x13\x37\xC0\xDE", 4);
    std::string path = make_zip(folder, "encrypted.odt", encrypted);
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_odt);
    EXPECT_TRUE(facts.encrypted);
    auto text = extract_text(path, facts.media_type);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().message, "The file is encrypted, so its text cannot be read.");
}

TEST(Documents, an_rtf_is_read_with_its_escapes)
{
    TempFolder folder;
    std::string path = folder.write("brev.rtf", k_rtf);
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, "text/rtf");
    EXPECT_FALSE(facts.has_macros);
    EXPECT_FALSE(facts.executable);
    auto text = extract_text(path, facts.media_type);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(*text, k_rtf_text);
}

TEST(Documents, rtf_unicode_fallbacks_follow_uc)
{
    TempFolder folder;
    std::string path = folder.write(
        "uc.rtf", R"({\rtf1\ansi \uc2\u230 ae\u248\'f8\'f8{\uc0\u229}\u198 AE\par \\obj is text})");
    auto text = extract_text(path, "text/rtf");
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "æøåÆ\n\\obj is text");
    EXPECT_FALSE(inspect_document(path).has_macros);
}

TEST(Documents, an_rtf_with_an_embedded_object_counts_as_active_content)
{
    TempFolder folder;
    std::string path = folder.write(
        "objekt.rtf",
        R"({\rtf1\ansi Tekst {\object\objemb{\*\objclass Package}{\*\objdata 01050000020000000800000050616b6167650000}{\result kopi}}})");
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, "text/rtf");
    EXPECT_TRUE(facts.has_macros);
    auto text = extract_text(path, facts.media_type);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "Tekst kopi");
}

TEST(Documents, rtf_without_its_header_or_nested_too_deep_gives_no_text)
{
    TempFolder folder;
    EXPECT_FALSE(extract_text(folder.write("plain.rtf", "Ingen RTF her"), "text/rtf").ok());
    std::string deep = "{\\rtf1 " + std::string(5000, '{') + "x" + std::string(5000, '}') + "}";
    auto text = extract_text(folder.write("deep.rtf", deep), "text/rtf");
    ASSERT_FALSE(text.ok());
}

TEST(Documents, text_is_read_as_utf8_or_converted_from_latin1)
{
    TempFolder folder;
    std::string latin1 =
        folder.write("latin1.txt", "Ans\xF8gning \xE6\xF8\xE5 \xC6\xD8\xC5 \x80 5\r\nLinje 2\r\n");
    DocumentFacts facts = inspect_document(latin1);
    EXPECT_EQ(facts.media_type, "text/plain");
    EXPECT_FALSE(facts.executable);
    auto text = extract_text(latin1, facts.media_type);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "Ansøgning æøå ÆØÅ € 5\nLinje 2\n");

    std::string utf8 = folder.write("utf8.txt", "\xEF\xBB\xBFSagsbehandler æøå ÆØÅ\tslut\r\n");
    facts = inspect_document(utf8);
    EXPECT_EQ(facts.media_type, "text/plain");
    text = extract_text(utf8, facts.media_type);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "Sagsbehandler æøå ÆØÅ\tslut\n");

    // Control characters other than tab and line feed are dropped (libmagic calls such a file data,
    // but the text of any format goes through the same clean-up).
    text = extract_text(folder.write("control.txt", "a\x01"
                                                    "b\x7F\x1B[31mc\n"),
                        "text/plain");
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "ab[31mc\n");

    std::string utf16 = folder.write("utf16.txt", std::string("\xFF\xFE\xE6\x00\xF8\x00\xE5\x00\n\x00", 10));
    facts = inspect_document(utf16);
    EXPECT_EQ(facts.media_type, "text/plain");
    text = extract_text(utf16, facts.media_type);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "æøå\n");
}

TEST(Documents, extracted_text_is_capped_on_a_character_boundary)
{
    TempFolder folder;
    std::string long_text;
    for (int i = 0; i < 800000; ++i)
        long_text += "æ";
    std::string path = folder.write("long.txt", long_text);
    auto text = extract_text(path, "text/plain");
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(text->size(), k_max_extracted_text);
    EXPECT_TRUE(core::is_valid_utf8(*text));

    text = extract_text(path, "text/plain", 11);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "æææææ");

    auto docx = extract_text(make_zip(folder, "cv.docx", docx_entries()), std::string(k_docx), 11);
    ASSERT_TRUE(docx.ok());
    EXPECT_EQ(*docx, "Ansøgning\n");
}

TEST(Documents, images_are_recognised_and_give_no_text)
{
    TempFolder folder;
    std::string png = folder.write("foto.png", make_png());
    DocumentFacts facts = inspect_document(png);
    EXPECT_EQ(facts.media_type, "image/png");
    EXPECT_TRUE(facts.readable);
    EXPECT_FALSE(facts.polyglot);
    EXPECT_FALSE(facts.executable);
    auto text = extract_text(png, facts.media_type);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().message, "Text is not read from this type of file.");

    EXPECT_EQ(inspect_document(folder.write("foto.jpg", make_jpeg())).media_type, "image/jpeg");
}

TEST(Documents, programs_are_executable_whatever_their_name)
{
    TempFolder folder;
    std::string elf = folder.write("cv.pdf", read_bytes("/bin/true"));
    DocumentFacts facts = inspect_document(elf);
    EXPECT_TRUE(facts.executable);
    EXPECT_NE(facts.media_type, k_pdf);

    EXPECT_TRUE(inspect_document(folder.write("cv.txt", "#!/bin/sh\necho hej\n")).executable);

    std::string pe(0x100, '\0');
    pe[0] = 'M';
    pe[1] = 'Z';
    pe[0x3C] = static_cast<char>(0x80);
    pe.replace(0x80, 4, std::string("PE\0\0", 4));
    EXPECT_TRUE(inspect_document(folder.write("cv.docx", pe)).executable);

    EXPECT_TRUE(inspect_document(
                    folder.write("macho.pdf", std::string("\xCF\xFA\xED\xFE", 4) + std::string(60, '\0')))
                    .executable);
    EXPECT_FALSE(inspect_document(folder.write("mz.txt", "MZ er mine initialer.\n")).executable);
}

TEST(Documents, an_empty_file_is_not_a_pdf)
{
    TempFolder folder;
    DocumentFacts facts = inspect_document(folder.write("cv.pdf", ""));
    EXPECT_NE(facts.media_type, k_pdf);
    EXPECT_FALSE(facts.executable);
}

TEST(Documents, a_missing_file_or_a_folder_is_unreadable)
{
    TempFolder folder;
    DocumentFacts missing = inspect_document(folder.path("nothing.pdf"));
    EXPECT_FALSE(missing.readable);
    EXPECT_EQ(missing.media_type, "application/octet-stream");
    EXPECT_FALSE(inspect_document(folder.path("")).readable);
    EXPECT_FALSE(extract_text(folder.path("nothing.pdf"), "application/pdf").ok());
    EXPECT_FALSE(extract_text(folder.path("nothing.txt"), "text/plain").ok());
}

// ---------------------------------------------------------------------------------------------
// Polyglots

TEST(Documents, a_pdf_with_a_zip_appended_is_a_polyglot)
{
    TempFolder folder;
    std::string zip = read_bytes(make_zip(folder, "payload.zip", {{"run.bat", "echo hej"}, {"b.txt", "x"}}));
    std::string path = folder.write("cv.pdf", make_pdf({k_pdf_text}) + zip);
    DocumentFacts facts = inspect_document(path);
    EXPECT_EQ(facts.media_type, k_pdf);
    EXPECT_TRUE(facts.polyglot);
    EXPECT_FALSE(facts.executable);

    // The same for a PNG and for a text.
    EXPECT_TRUE(inspect_document(folder.write("foto.png", make_png() + zip)).polyglot);
    EXPECT_TRUE(inspect_document(folder.write("noter.txt", "Noter\n" + zip)).polyglot);

    // The end of a ZIP64 archive: a locator right before the end record.
    std::string zip64_end = "PK\x06\x07" + std::string(16, '\0') + "PK\x05\x06" + std::string(18, '\xFF');
    EXPECT_TRUE(inspect_document(folder.write("foto64.png", make_png() + zip64_end)).polyglot);
}

TEST(Documents, an_executable_with_a_pdf_appended_is_executable)
{
    TempFolder folder;
    std::string path = folder.write("cv.pdf", read_bytes("/bin/true") + make_pdf({k_pdf_text}));
    DocumentFacts facts = inspect_document(path);
    EXPECT_TRUE(facts.executable);
    EXPECT_NE(facts.media_type, k_pdf);
}

TEST(Documents, a_pdf_header_inside_another_type_makes_a_polyglot)
{
    TempFolder folder;
    // A ZIP whose first, stored entry holds a PDF: a PDF reader finds "%PDF-" in the first 1024 bytes.
    Entries entries = docx_entries();
    entries.insert(entries.begin(), {"a.txt", make_pdf({k_pdf_text})});
    DocumentFacts facts = inspect_document(make_zip(folder, "cv.docx", entries));
    EXPECT_EQ(facts.media_type, k_docx);
    EXPECT_TRUE(facts.polyglot);

    EXPECT_TRUE(inspect_document(folder.write("noter.txt", "Hej\n" + make_pdf({k_pdf_text}))).polyglot);
}

TEST(Documents, a_package_that_is_both_odt_and_docx_is_a_polyglot)
{
    TempFolder folder;
    Entries both = odt_entries();
    for (auto& entry : docx_entries())
        both.push_back(entry);
    DocumentFacts facts = inspect_document(make_zip(folder, "cv.odt", both));
    EXPECT_EQ(facts.media_type, k_odt);
    EXPECT_TRUE(facts.polyglot);

    Entries two_kinds = docx_entries(
        k_docx_main_type,
        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)");
    two_kinds.emplace_back("xl/workbook.xml", "<workbook/>");
    facts = inspect_document(make_zip(folder, "cv.docx", two_kinds));
    EXPECT_TRUE(facts.polyglot);
    EXPECT_NE(facts.media_type, k_docx);
}

TEST(Documents, compressed_data_that_happens_to_hold_pk_is_no_polyglot)
{
    TempFolder folder;
    // "PK\5\6" without a consistent directory before it.
    std::string pdf = make_pdf({k_pdf_text}) + "% PK\x05\x06" + std::string(18, '\x01') + "\n";
    EXPECT_FALSE(inspect_document(folder.write("cv.pdf", pdf)).polyglot);
}

TEST(Documents, inspection_works_from_several_threads)
{
    TempFolder folder;
    std::string pdf = folder.write("cv.pdf", make_pdf({k_pdf_text}));
    std::string docx = make_zip(folder, "cv.docx", docx_entries());
    std::string png = folder.write("foto.png", make_png());
    std::vector<int> failures(4, 0);
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                if (inspect_document(pdf).media_type != k_pdf ||
                    inspect_document(docx).media_type != k_docx ||
                    inspect_document(png).media_type != "image/png" ||
                    !extract_text(pdf, std::string(k_pdf)).ok())
                    ++failures[static_cast<std::size_t>(t)];
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(failures, std::vector<int>(4, 0));
}

} // namespace
} // namespace rekrut::integrations
