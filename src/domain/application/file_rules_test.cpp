#include <gtest/gtest.h>

#include "domain/application/file_rules.hpp"

namespace rekrut::domain {
namespace {

constexpr std::int64_t k_mib = std::int64_t{1024} * 1024;

FileFacts pdf_named(std::string filename)
{
    FileFacts file;
    file.filename = std::move(filename);
    file.size = 12345;
    file.media_type = std::string(media_types::pdf);
    return file;
}

FileFacts file_of(std::string_view media_type, std::string filename)
{
    FileFacts file = pdf_named(std::move(filename));
    file.media_type = std::string(media_type);
    return file;
}

TEST(FileRules, accepted_types_by_media_type)
{
    for (std::string_view type :
         {media_types::pdf, media_types::docx, media_types::odt, media_types::rtf,
          std::string_view("application/rtf"), media_types::text, media_types::jpeg, media_types::png})
        EXPECT_TRUE(is_accepted_media_type(type)) << type;
    for (std::string_view type :
         {"application/zip", "application/vnd.ms-word.document.macroEnabled.12", "application/msword",
          "text/html", "image/svg+xml", "image/gif", "application/octet-stream", "application/x-executable",
          "inode/x-empty", "", "APPLICATION/PDF", "application/pdf; charset=binary"})
        EXPECT_FALSE(is_accepted_media_type(type)) << type;
    EXPECT_TRUE(has_extractable_text(media_types::docx));
    EXPECT_TRUE(has_extractable_text(media_types::text));
    EXPECT_FALSE(has_extractable_text(media_types::png));
    EXPECT_FALSE(has_extractable_text(media_types::jpeg));
    EXPECT_FALSE(has_extractable_text("application/zip"));
    EXPECT_EQ(extensions_for(media_types::jpeg).front(), "jpg");
}

TEST(FileRules, acceptable_files_have_no_problem)
{
    const FileLimits limits;
    const FileFacts acceptable[] = {
        pdf_named("cv.pdf"),
        pdf_named("CV.PDF"),
        pdf_named("Ansøgning til Styrelsen.pdf"),
        pdf_named("cv"),           // no extension
        pdf_named("Jens. Hansen"), // what follows the dot is no extension
        pdf_named("rapport v1.2"), // nor are digits alone
        pdf_named("cv.pdf. "),     // trailing dots and spaces, as Windows drops them
        pdf_named("C:\\Users\\anna\\cv.pdf"),
        pdf_named(""),
        file_of(media_types::docx, "cv.docx"),
        file_of(media_types::odt, "ansøgning.odt"),
        file_of(media_types::rtf, "brev.rtf"),
        file_of("application/rtf", "brev.RTF"),
        file_of(media_types::text, "noter.txt"),
        file_of(media_types::text, "noter.text"),
        file_of(media_types::jpeg, "foto.jpg"),
        file_of(media_types::jpeg, "foto.JPEG"),
        file_of(media_types::png, "foto.png"),
    };
    for (const auto& file : acceptable)
        EXPECT_EQ(file_problem(file, limits), std::nullopt) << file.filename << " " << file.media_type;
}

struct ProblemCase {
    const char* name;
    FileFacts file;
    const char* reason;
};

FileFacts with(FileFacts file, void (*change)(FileFacts&))
{
    change(file);
    return file;
}

TEST(FileRules, each_problem_has_its_reason)
{
    const FileLimits limits;
    const char* empty = "The file is empty.";
    const char* too_large = "The file is larger than {limit}.";
    const char* program = "The file is a program, and programs cannot be attached.";
    const char* macros =
        "The file contains macros or embedded objects. Save it without them, for example as PDF.";
    const char* encrypted =
        "The file is encrypted or protected by a password. Attach a copy without the protection.";
    const char* damaged = "The file is damaged and cannot be opened.";
    const char* polyglot =
        "The file's content can be read as more than one type of file, so it cannot be attached.";
    const char* type =
        "This type of file is not accepted. Use PDF, Word (DOCX), OpenDocument text (ODT), RTF, "
        "plain text, JPEG or PNG.";
    const char* mismatch = "The file name's extension does not match the file's content.";

    const ProblemCase cases[] = {
        {"empty", with(pdf_named("cv.pdf"), [](FileFacts& f) { f.size = 0; }), empty},
        {"negative size", with(pdf_named("cv.pdf"), [](FileFacts& f) { f.size = -1; }), empty},
        {"one byte too large", with(pdf_named("cv.pdf"), [](FileFacts& f) { f.size = 10 * k_mib + 1; }),
         too_large},
        {"ELF named cv.pdf",
         with(file_of("application/x-pie-executable", "cv.pdf"), [](FileFacts& f) { f.executable = true; }),
         program},
        {"macro DOCX", with(file_of(media_types::docx, "cv.docx"), [](FileFacts& f) { f.has_macros = true; }),
         macros},
        {"encrypted PDF", with(pdf_named("cv.pdf"), [](FileFacts& f) { f.encrypted = true; }), encrypted},
        {"encrypted and unreadable PDF",
         with(pdf_named("cv.pdf"),
              [](FileFacts& f) {
                  f.encrypted = true;
                  f.readable = false;
              }),
         encrypted},
        {"damaged PDF", with(pdf_named("cv.pdf"), [](FileFacts& f) { f.readable = false; }), damaged},
        {"PDF with a ZIP appended", with(pdf_named("cv.pdf"), [](FileFacts& f) { f.polyglot = true; }),
         polyglot},
        {"HTML", file_of("text/html", "cv.html"), type},
        {"ZIP", file_of("application/zip", "cv.docx"), type},
        {"old Word", file_of("application/msword", "cv.doc"), type},
        {"SVG", file_of("image/svg+xml", "foto.svg"), type},
        {"PDF named cv.docx", pdf_named("cv.docx"), mismatch},
        {"PNG named cv.pdf", file_of(media_types::png, "cv.pdf"), mismatch},
        {"JPEG named foto.png", file_of(media_types::jpeg, "foto.png"), mismatch},
        {"PDF named cv.pdf.exe", pdf_named("cv.pdf.exe"), mismatch},
        {"text named cv.pdf", file_of(media_types::text, "cv.pdf"), mismatch},
        {"text named script.vbs", file_of(media_types::text, "script.vbs"), mismatch},
        {"RTF named cv.doc", file_of(media_types::rtf, "cv.doc"), mismatch},
        {"DOCX named cv.docm", file_of(media_types::docx, "cv.docm"), mismatch},
    };
    for (const auto& c : cases)
        EXPECT_EQ(file_problem(c.file, limits), std::optional<std::string>(c.reason)) << c.name;
}

TEST(FileRules, the_most_serious_problem_comes_first)
{
    FileFacts file = file_of("application/x-executable", "cv.pdf");
    file.executable = true;
    file.has_macros = true;
    file.readable = false;
    EXPECT_EQ(file_problem(file, {}), "The file is a program, and programs cannot be attached.");
    file.size = 0;
    EXPECT_EQ(file_problem(file, {}), "The file is empty.");
}

TEST(FileRules, the_size_limit_is_inclusive_and_configurable)
{
    FileLimits limits;
    FileFacts file = pdf_named("cv.pdf");
    file.size = limits.max_file_bytes;
    EXPECT_EQ(file_problem(file, limits), std::nullopt);
    limits.max_file_bytes = 1000;
    file.size = 1000;
    EXPECT_EQ(file_problem(file, limits), std::nullopt);
    file.size = 1001;
    EXPECT_EQ(file_problem(file, limits), "The file is larger than {limit}.");
}

TEST(FileRules, totals)
{
    const FileLimits limits;
    EXPECT_EQ(limits.max_file_bytes, 10 * k_mib);
    EXPECT_EQ(limits.max_application_bytes, 30 * k_mib);
    EXPECT_EQ(limits.max_files, 10);
    struct Case {
        std::int64_t bytes;
        int count;
        std::optional<std::string> reason;
    };
    const Case cases[] = {
        {0, 0, std::nullopt},
        {30 * k_mib, 10, std::nullopt},
        {30 * k_mib + 1, 3, "The files are larger than {limit} together."},
        {1000, 11, "An application can have at most {count} files."},
        {31 * k_mib, 11, "An application can have at most {count} files."},
    };
    for (const auto& c : cases)
        EXPECT_EQ(total_problem(c.bytes, c.count, limits), c.reason) << c.bytes << " " << c.count;
}

TEST(FileRules, safe_download_names)
{
    struct Case {
        std::string_view name;
        std::string_view safe;
    };
    const Case cases[] = {
        {"cv.pdf", "cv.pdf"},
        {"Ansøgning æøå ÆØÅ.pdf", "Ansøgning æøå ÆØÅ.pdf"},
        {"Zoë Müller-Łukasiewicz_CV 2026.pdf", "Zoë Müller-Łukasiewicz_CV 2026.pdf"},
        {"Ελένη.pdf", "Ελένη.pdf"},
        {"Анна.pdf", "Анна.pdf"},
        {"a\xCC\x8A.pdf", "a\xCC\x8A.pdf"}, // a with a combining ring (å, decomposed)
        {"\xCC\x8A.pdf", "_.pdf"},          // a combining mark with nothing to combine with
        {"../../etc/passwd", "_.._etc_passwd"},
        {"C:\\Users\\anna\\cv.pdf", "C__Users_anna_cv.pdf"},
        {".bashrc", "bashrc"},
        {"...", "file"},
        {"", "file"},
        {" . ", "file"},
        {"cv.pdf. . ", "cv.pdf"},
        {"cv\"; filename=evil.exe", "cv__ filename_evil.exe"},
        {"line\r\nbreak\t.pdf", "line__break_.pdf"},
        {"cv\xE2\x80\xAE"
         "fdp.exe",
         "cv_fdp.exe"}, // right-to-left override
        {"100% sikker?.pdf", "100_ sikker_.pdf"},
        {"日本語.pdf", "___.pdf"},
        {"emoji \xF0\x9F\x98\x80.pdf", "emoji _.pdf"},
        {"latin1 \xE6\xF8\xE5.pdf", "latin1 ___.pdf"}, // not UTF-8: each byte replaced
        {"cv\xC3", "cv_"},                             // a cut character
        {"\xC0\xAF.pdf", "__.pdf"},                    // an overlong "/"
    };
    for (const auto& c : cases)
        EXPECT_EQ(safe_download_name(std::string(c.name)), c.safe) << c.name;
    EXPECT_EQ(safe_download_name(std::string_view("nul\0byte.pdf", 12)), "nul_byte.pdf");
}

TEST(FileRules, long_names_are_cut_on_a_character_boundary_and_keep_their_extension)
{
    std::string long_stem;
    for (int i = 0; i < 100; ++i)
        long_stem += "æ"; // two bytes each
    std::string name = safe_download_name(long_stem + ".pdf");
    EXPECT_LE(name.size(), k_max_download_name);
    EXPECT_EQ(name.size(), 120u); // 58 letters (116 bytes) and ".pdf"
    EXPECT_TRUE(name.ends_with(".pdf"));
    EXPECT_EQ(name.substr(0, 116), long_stem.substr(0, 116));

    std::string odd = "a" + long_stem + ".pdf"; // the cut would fall inside a letter
    name = safe_download_name(odd);
    EXPECT_EQ(name, "a" + long_stem.substr(0, 114) + ".pdf");
    EXPECT_EQ(name.size(), 119u);

    std::string no_extension = safe_download_name(long_stem);
    EXPECT_EQ(no_extension, long_stem.substr(0, 120));

    std::string long_extension = safe_download_name("cv." + std::string(200, 'x'));
    EXPECT_EQ(long_extension, "cv." + std::string(117, 'x'));
}

TEST(FileRules, content_disposition_gives_an_ascii_name_and_the_utf8_name)
{
    struct Case {
        std::string_view disposition;
        std::string_view name;
        std::string_view header;
    };
    const Case cases[] = {
        {"attachment", "cv.pdf", "attachment; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf"},
        {"inline", "cv.pdf", "inline; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf"},
        {"INLINE", "cv.pdf", "inline; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf"},
        {"form-data", "cv.pdf", "attachment; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf"},
        {"attachment", "Ansøgning.pdf",
         "attachment; filename=\"Ansoegning.pdf\"; filename*=UTF-8''Ans%C3%B8gning.pdf"},
        {"attachment", "ÆØÅ æøå.pdf",
         "attachment; filename=\"AeOeAa aeoeaa.pdf\"; "
         "filename*=UTF-8''%C3%86%C3%98%C3%85%20%C3%A6%C3%B8%C3%A5.pdf"},
        {"attachment", "Zoë Müller.pdf",
         "attachment; filename=\"Zoe Muller.pdf\"; filename*=UTF-8''Zo%C3%AB%20M%C3%BCller.pdf"},
        {"attachment", "Анна.pdf",
         "attachment; filename=\"____.pdf\"; filename*=UTF-8''%D0%90%D0%BD%D0%BD%D0%B0.pdf"},
        {"attachment", "a\xCC\x8A.txt", "attachment; filename=\"a.txt\"; filename*=UTF-8''a%CC%8A.txt"},
        {"attachment", "cv\"; x=\\y.pdf",
         "attachment; filename=\"cv__ x__y.pdf\"; filename*=UTF-8''cv__%20x__y.pdf"},
        {"attachment", "", "attachment; filename=\"file\"; filename*=UTF-8''file"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(content_disposition(c.disposition, c.name), c.header) << c.name;
}

TEST(FileRules, content_disposition_never_carries_quotes_or_line_breaks)
{
    const std::string nasty = "a\"b\\c\r\nSet-Cookie: x=y;\x7f\x01.pdf";
    std::string header = content_disposition("attachment", nasty);
    std::string fallback = header.substr(header.find("filename=\"") + 10);
    fallback = fallback.substr(0, fallback.find('"'));
    EXPECT_EQ(fallback.find('\\'), std::string::npos);
    EXPECT_EQ(header.find('\r'), std::string::npos);
    EXPECT_EQ(header.find('\n'), std::string::npos);
    for (char c : header)
        EXPECT_TRUE(c >= 0x20 && c < 0x7f) << header;
}

} // namespace
} // namespace rekrut::domain
