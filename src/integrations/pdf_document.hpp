#pragma once

// Letters and lists as PDF documents: the employment letter, the applicant list. A document is a
// small model (letterhead, reference, date, then headings, paragraphs and table rows) that
// render_pdf lays out on A4 pages with Pango and writes with cairo's PDF surface. Neither library
// appears in this header.

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekrut::integrations {

/// One piece of a document's body, laid out in the order given.
struct PdfBlock {
    enum class Kind {
        heading, ///< A bold line that starts a section; at the foot of a page it moves to the next one.
        /// Running text, wrapped; it may continue on the next page, but never starts with a lone line
        /// at the foot of one.
        paragraph,
        table_row, ///< `cells` side by side in equal columns, on one page unless taller than a page.
    };
    Kind kind = Kind::paragraph;
    /// The text of a heading or paragraph ("\n" starts a new line); unused in a table row.
    std::string text;
    /// The cells of a table row; unused otherwise.
    std::vector<std::string> cells;
};

/// A document to print. Every text is UTF-8; "\r\n" counts as a line break, and other control
/// characters but tab and line feed are left out.
struct PdfDocument {
    /// Shown large above the body and stored as the PDF's title.
    std::string title;
    /// The language of the text, as a tag such as "da" or "en": it decides the page numbers' wording
    /// ("Side 2 af 3" in Danish, "Page 2 of 3" otherwise) and the language Pango breaks lines for.
    std::string language = "da";
    /// The institution's name and address, one line each, right-aligned at the top of the first page.
    std::vector<std::string> letterhead;
    /// The case's reference ("Sagsnr. 2026-0042"), at the left under the letterhead.
    std::string reference;
    /// The date as it is to be shown ("1. december 2026"), at the right on the reference's line.
    std::string date_line;
    std::vector<PdfBlock> blocks;
    /// A line at the bottom of every page, before the page number.
    std::string footer;
};

/// The most blocks a document may have (an applicant list of a large case has a few thousand rows).
constexpr std::size_t k_max_pdf_blocks = 5000;
/// The most bytes of text in one block (a table row's cells counted together) and in each other
/// field of a document.
constexpr std::size_t k_max_pdf_block_bytes = 20000;
/// The most bytes of text in a whole document: with the other bounds, it bounds the time of one call.
constexpr std::size_t k_max_pdf_total_bytes = std::size_t{4} * 1024 * 1024;
/// The most cells in one table row and lines in the letterhead.
constexpr std::size_t k_max_pdf_cells = 12;

/// The PDF file of `document`: A4 pages, DejaVu Sans, page breaks where the text needs them and
/// "Side N af M" in every footer. A document beyond the bounds above, with a text that is not valid
/// UTF-8 or with a language tag that is not one is refused as invalid (an English msgid); a failure
/// of cairo is `unavailable`. Never throws for any input. Safe to call from several threads at once:
/// each call has its own Pango context on its thread's own font map.
core::Result<std::string> render_pdf(const PdfDocument& document);

} // namespace rekrut::integrations
