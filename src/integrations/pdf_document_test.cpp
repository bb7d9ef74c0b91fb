#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "integrations/pdf_document.hpp"

namespace rekrut::integrations {
namespace {

using Kind = PdfBlock::Kind;
using namespace std::string_literals;

// ---------------------------------------------------------------------------------------------
// Reading a rendered PDF back with poppler-cpp

struct ReadBack {
    int pages = 0;
    std::string title;
    std::vector<std::string> page_texts;
    /// The right edge of the rightmost word on any page, in points.
    double rightmost = 0;

    std::string all_text() const
    {
        std::string all;
        for (const auto& text : page_texts)
            all += text + "\n";
        return all;
    }
};

std::string utf8(const poppler::ustring& text)
{
    poppler::byte_array bytes = text.to_utf8(); // not NUL-terminated
    return {bytes.begin(), bytes.end()};
}

ReadBack read_back(const std::string& pdf)
{
    ReadBack result;
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!document)
        return result;
    result.pages = document->pages();
    result.title = utf8(document->info_key("Title"));
    for (int i = 0; i < result.pages; ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        result.page_texts.push_back(utf8(page->text()));
        for (const auto& box : page->text_list())
            result.rightmost = std::max(result.rightmost, box.bbox().right());
    }
    return result;
}

/// `text` without white space and hyphens, so that a word broken across lines reads whole again.
std::string without_breaks(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '-')
            continue;
        if (text.substr(i, 3) == "\u2010") { // HYPHEN
            i += 2;
            continue;
        }
        if (text.substr(i, 2) == "\u00AD") { // SOFT HYPHEN
            i += 1;
            continue;
        }
        out += c;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Documents (every person and institution is made up)

PdfDocument employment_letter()
{
    PdfDocument letter;
    letter.title = "Ansættelsesbrev: fuldmægtig i Økonomikontoret";
    letter.letterhead = {"Ærø Kommune", "Statsministeriets Allé 1", "5970 Ærøskøbing"};
    letter.reference = "Sagsnr. 2026-0042";
    letter.date_line = "1. december 2026";
    letter.footer = "Ærø Kommune · Statsministeriets Allé 1 · 5970 Ærøskøbing · CVR 12345678";
    letter.blocks = {
        {Kind::paragraph, "Kære Åse Ørnebjerg, Ærø Kommune", {}},
        {Kind::paragraph,
         "Vi bekræfter hermed din ansættelse som fuldmægtig i Økonomikontoret fra 1. februar 2027. "
         "Ansættelsen sker i henhold til overenskomstforhandlingerne og Beskæftigelsesministeriets "
         "regler for arbejdsmarkedsuddannelsescentrenes medarbejdere.",
         {}},
        {Kind::heading, "Løn og pension", {}},
        {Kind::table_row, {}, {"Grundløn", "Løntrin 7"}},
        {Kind::table_row, {}, {"Pension", "17,1 % af lønnen"}},
    };
    return letter;
}

PdfDocument applicant_list(int rows)
{
    static constexpr std::array<const char*, 6> k_first = {"Åse",   "Bjørn", "Else",
                                                           "Søren", "Mette", "Ærling"};
    static constexpr std::array<const char*, 5> k_last = {"Ørnebjerg", "Kærgaard", "Sørensen", "Ågesen",
                                                          "Holm"};
    PdfDocument list;
    list.title = "Ansøgere til stilling 2026-0042";
    list.blocks.push_back({Kind::heading, "Ansøgere", {}});
    for (int i = 1; i <= rows; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "A-%04d", i);
        std::string name = i == rows ? "Zakarias Æbelø"
                                     : std::string(k_first[static_cast<std::size_t>(i) % k_first.size()]) +
                                           " " + k_last[static_cast<std::size_t>(i) % k_last.size()];
        list.blocks.push_back({Kind::table_row, {}, {number, name, "Modtaget 28. november 2026"}});
    }
    return list;
}

// ---------------------------------------------------------------------------------------------

TEST(PdfDocument, danish_letter_reads_back_with_its_letters)
{
    auto pdf = render_pdf(employment_letter());
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    ASSERT_EQ(pdf->substr(0, 5), "%PDF-");

    ReadBack read = read_back(*pdf);
    ASSERT_EQ(read.pages, 1);
    const std::string& text = read.page_texts[0];
    EXPECT_NE(text.find("Kære Åse Ørnebjerg, Ærø Kommune"), std::string::npos) << text;
    for (const char* word :
         {"overenskomstforhandlingerne", "Beskæftigelsesministeriets", "arbejdsmarkedsuddannelsescentrenes",
          "Økonomikontoret", "Statsministeriets Allé 1", "Sagsnr. 2026-0042", "1. december 2026",
          "17,1 % af lønnen", "Løn og pension"})
        EXPECT_NE(without_breaks(text).find(without_breaks(word)), std::string::npos) << word << "\n" << text;
    EXPECT_NE(text.find("Side 1 af 1"), std::string::npos) << text;
    EXPECT_EQ(read.title, "Ansættelsesbrev: fuldmægtig i Økonomikontoret");
}

TEST(PdfDocument, english_document_numbers_its_pages_in_english)
{
    PdfDocument letter = employment_letter();
    letter.language = "en";
    auto pdf = render_pdf(letter);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    ReadBack read = read_back(*pdf);
    ASSERT_EQ(read.pages, 1);
    EXPECT_NE(read.page_texts[0].find("Page 1 of 1"), std::string::npos) << read.page_texts[0];
}

TEST(PdfDocument, word_longer_than_a_line_is_broken_inside_the_page)
{
    std::string word;
    for (int i = 0; i < 3; ++i)
        word += "arbejdsmarkedsuddannelsescentrenesansættelsesbrevsskabelonsgennemgangsresultaterne";
    PdfDocument document;
    document.blocks = {{Kind::paragraph, "Ord: " + word + " slut.", {}}};
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;

    ReadBack read = read_back(*pdf);
    ASSERT_EQ(read.pages, 1);
    const std::string& text = read.page_texts[0];
    EXPECT_EQ(text.find(word), std::string::npos) << "the word was not broken:\n" << text;
    EXPECT_NE(without_breaks(text).find(word), std::string::npos) << text;
    // A4 is 595.3 points wide; the right margin is 20 mm (56.7 points).
    EXPECT_GT(read.rightmost, 400.0);
    EXPECT_LE(read.rightmost, 595.3 - 56.7 + 1.0);
}

TEST(PdfDocument, long_applicant_list_paginates_and_keeps_every_row)
{
    constexpr int k_rows = 500;
    auto pdf = render_pdf(applicant_list(k_rows));
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;

    ReadBack read = read_back(*pdf);
    ASSERT_GT(read.pages, 1);
    const int last = read.pages - 1;
    EXPECT_NE(read.page_texts[static_cast<std::size_t>(last)].find("Zakarias Æbelø"), std::string::npos);
    EXPECT_EQ(read.page_texts[0].find("Zakarias Æbelø"), std::string::npos);
    const std::string count = std::to_string(read.pages);
    EXPECT_NE(read.page_texts[0].find("Side 1 af " + count), std::string::npos) << read.page_texts[0];
    EXPECT_NE(read.page_texts[static_cast<std::size_t>(last)].find("Side " + count + " af " + count),
              std::string::npos);

    // Every row is on some page, once, and in order.
    int previous_page = 0;
    for (int i = 1; i <= k_rows; ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "A-%04d", i);
        int found_on = -1;
        int times = 0;
        for (int page = 0; page < read.pages; ++page) {
            const std::string& text = read.page_texts[static_cast<std::size_t>(page)];
            for (auto at = text.find(number); at != std::string::npos; at = text.find(number, at + 1)) {
                ++times;
                found_on = page;
            }
        }
        ASSERT_EQ(times, 1) << number;
        ASSERT_GE(found_on, previous_page) << number;
        previous_page = found_on;
    }
}

TEST(PdfDocument, long_paragraph_continues_on_the_next_page)
{
    std::string text;
    for (int i = 0; i < 400; ++i)
        text += "Sætning " + std::to_string(i) + " om ansættelsen. ";
    ASSERT_LE(text.size(), k_max_pdf_block_bytes);
    PdfDocument document;
    document.blocks = {{Kind::paragraph, text, {}}};
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    ReadBack read = read_back(*pdf);
    ASSERT_GT(read.pages, 1);
    std::string all = read.all_text();
    EXPECT_NE(all.find("Sætning 0 om"), std::string::npos);
    EXPECT_NE(all.find("Sætning 399 om"), std::string::npos);
}

TEST(PdfDocument, invalid_utf8_is_refused)
{
    const std::vector<std::string> bad = {"\xC3\x28",     "\xC0\xAF",         "abc\x80",
                                          "\xED\xA0\x80", "\xF4\x90\x80\x80", "Ærø\xC3"};
    for (const auto& text : bad) {
        PdfDocument in_paragraph;
        in_paragraph.blocks = {{Kind::paragraph, text, {}}};
        PdfDocument in_cell;
        in_cell.blocks = {{Kind::table_row, {}, {"ok", text}}};
        PdfDocument in_title;
        in_title.title = text;
        PdfDocument in_letterhead;
        in_letterhead.letterhead = {"Ærø Kommune", text};
        for (const auto& document : {in_paragraph, in_cell, in_title, in_letterhead}) {
            auto pdf = render_pdf(document);
            ASSERT_FALSE(pdf.ok());
            EXPECT_EQ(pdf.error().kind, core::ErrorKind::invalid);
            EXPECT_EQ(pdf.error().message, "The document contains characters that cannot be read.");
        }
    }
}

TEST(PdfDocument, control_characters_are_left_out_and_line_ends_kept)
{
    PdfDocument document;
    document.blocks = {{Kind::paragraph, "Første\r\nAnden\x07linje\0slut\x7f."s, {}}};
    auto pdf = render_pdf(document);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    ReadBack read = read_back(*pdf);
    ASSERT_EQ(read.pages, 1);
    EXPECT_NE(read.page_texts[0].find("Første"), std::string::npos) << read.page_texts[0];
    EXPECT_NE(read.page_texts[0].find("Andenlinjeslut."), std::string::npos) << read.page_texts[0];
}

TEST(PdfDocument, too_many_blocks_are_refused)
{
    PdfDocument document;
    document.blocks.assign(k_max_pdf_blocks + 1, PdfBlock{Kind::paragraph, "Tekst", {}});
    auto pdf = render_pdf(document);
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.error().kind, core::ErrorKind::invalid);
    EXPECT_EQ(pdf.error().message, "The document has too many parts to be made into a PDF.");

    PdfDocument wide_row;
    wide_row.blocks = {{Kind::table_row, {}, std::vector<std::string>(k_max_pdf_cells + 1, "x")}};
    EXPECT_FALSE(render_pdf(wide_row).ok());
}

TEST(PdfDocument, too_long_block_is_refused_and_the_longest_allowed_renders)
{
    PdfDocument longest;
    longest.blocks = {{Kind::paragraph, {}, {}}};
    const std::string word = "ansøgning ";
    while (longest.blocks[0].text.size() + word.size() <= k_max_pdf_block_bytes)
        longest.blocks[0].text += word;
    longest.blocks[0].text.resize(k_max_pdf_block_bytes, 'x');
    auto pdf = render_pdf(longest);
    EXPECT_TRUE(pdf.ok()) << pdf.error().message;

    PdfDocument too_long = longest;
    too_long.blocks[0].text += "x";
    auto refused = render_pdf(too_long);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, core::ErrorKind::invalid);
    EXPECT_EQ(refused.error().message, "A text in the document is too long to be made into a PDF.");

    PdfDocument long_row;
    long_row.blocks = {
        {Kind::table_row,
         {},
         {std::string(k_max_pdf_block_bytes / 2, 'a'), std::string(k_max_pdf_block_bytes / 2 + 1, 'b')}}};
    EXPECT_FALSE(render_pdf(long_row).ok());
}

TEST(PdfDocument, language_must_be_a_tag)
{
    for (const char* language : {"", "d", "da dk", "da;x", "danskesprog", "1a"}) {
        PdfDocument document = employment_letter();
        document.language = language;
        EXPECT_FALSE(render_pdf(document).ok()) << language;
    }
    for (const char* language : {"da", "en", "da-DK", "en_GB"}) {
        PdfDocument document = employment_letter();
        document.language = language;
        EXPECT_TRUE(render_pdf(document).ok()) << language;
    }
}

TEST(PdfDocument, renders_from_four_threads_at_once)
{
    // The threads start before anything else in this process has rendered, so that they also load
    // fontconfig and their fonts at the same time (run alone, this test is the first to render).
    constexpr int k_threads = 4;
    constexpr int k_rounds = 3;
    std::vector<std::vector<std::string>> results(k_threads);
    std::vector<std::thread> threads;
    threads.reserve(k_threads);
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&results, t] {
            for (int round = 0; round < k_rounds; ++round) {
                auto pdf = render_pdf(t % 2 == 0 ? applicant_list(120) : employment_letter());
                results[static_cast<std::size_t>(t)].push_back(pdf.ok() ? *pdf : std::string());
            }
        });
    }
    for (auto& thread : threads)
        thread.join();

    auto list = render_pdf(applicant_list(120));
    auto letter = render_pdf(employment_letter());
    ASSERT_TRUE(list.ok() && letter.ok());
    const std::vector<std::string> list_pages = read_back(*list).page_texts;
    const std::vector<std::string> letter_pages = read_back(*letter).page_texts;
    ASSERT_GT(list_pages.size(), 1U);
    ASSERT_EQ(letter_pages.size(), 1U);
    for (int t = 0; t < k_threads; ++t) {
        ASSERT_EQ(results[static_cast<std::size_t>(t)].size(), static_cast<std::size_t>(k_rounds));
        for (const auto& pdf : results[static_cast<std::size_t>(t)]) {
            ASSERT_FALSE(pdf.empty()) << "thread " << t;
            EXPECT_EQ(read_back(pdf).page_texts, t % 2 == 0 ? list_pages : letter_pages) << "thread " << t;
        }
    }
}

} // namespace
} // namespace rekrut::integrations
