#include "integrations/pdf_document.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <memory>
#include <optional>
#include <pango/pangocairo.h>
#include <string_view>
#include <utility>

#include "core/text.hpp"

namespace rekrut::integrations {
namespace {

// Every length is in PDF points (1/72 inch); Pango's own units are converted where they meet.

constexpr double k_page_width = 595.276;  // A4: 210 mm
constexpr double k_page_height = 841.890; // 297 mm
constexpr double k_margin_left = 70.866;  // 25 mm, room for a hole punch
constexpr double k_margin_right = 56.693; // 20 mm
constexpr double k_margin_top = 56.693;   // 20 mm
constexpr double k_content_width = k_page_width - k_margin_left - k_margin_right;
/// Where the body ends; below it come the rule and the footer line.
constexpr double k_content_bottom = k_page_height - 76.0;
constexpr double k_footer_rule = k_page_height - 58.0;
constexpr double k_footer_top = k_page_height - 50.0;

constexpr double k_cell_gap = 8.0;
constexpr double k_space_after_paragraph = 6.0;
constexpr double k_space_before_heading = 10.0;
constexpr double k_space_after_heading = 4.0;
/// A heading moves to the next page unless this much room is left below it for the text it introduces.
constexpr double k_room_after_heading = 40.0;

constexpr const char* k_body_font = "DejaVu Sans 10";
constexpr const char* k_heading_font = "DejaVu Sans Bold 12";
constexpr const char* k_title_font = "DejaVu Sans Bold 15";
constexpr const char* k_letterhead_font = "DejaVu Sans 9";
constexpr const char* k_footer_font = "DejaVu Sans 8";

const char* const k_too_many_parts = core::msgid("The document has too many parts to be made into a PDF.");
const char* const k_too_long = core::msgid("A text in the document is too long to be made into a PDF.");
const char* const k_not_utf8 = core::msgid("The document contains characters that cannot be read.");
const char* const k_unknown_language = core::msgid("The document's language is not known.");
const char* const k_not_made = core::msgid("The PDF document could not be made.");

core::Error not_made()
{
    return core::Error{core::ErrorKind::unavailable, k_not_made, {}};
}

// ---------------------------------------------------------------------------------------------
// Owners of the C libraries' objects

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
struct CairoSurfaceDestroy {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy {
    void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};
struct FontDescriptionFree {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
struct AttrListUnref {
    void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
struct LayoutIterFree {
    void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};

using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using FontPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;

double points(int pango_units)
{
    return static_cast<double>(pango_units) / PANGO_SCALE;
}

int pango_units(double points)
{
    return static_cast<int>(points * PANGO_SCALE);
}

// ---------------------------------------------------------------------------------------------
// Checking and cleaning the input

/// A BCP 47-like tag: a primary subtag of 2-8 letters, then subtags of 1-8 letters or digits,
/// joined by '-' or '_'.
bool valid_language_tag(std::string_view tag)
{
    if (tag.size() > 35)
        return false;
    std::size_t subtag_start = 0;
    for (std::size_t i = 0; i <= tag.size(); ++i) {
        if (i < tag.size() && tag[i] != '-' && tag[i] != '_') {
            char c = tag[i];
            bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            bool digit = c >= '0' && c <= '9';
            if (!letter && !(digit && subtag_start > 0))
                return false;
            continue;
        }
        std::size_t length = i - subtag_start;
        if (length > 8 || length < (subtag_start == 0 ? 2U : 1U))
            return false;
        subtag_start = i + 1;
    }
    return true;
}

bool is_danish(std::string_view tag)
{
    return tag.size() >= 2 && core::ascii_lower(tag.substr(0, 2)) == "da" &&
           (tag.size() == 2 || tag[2] == '-' || tag[2] == '_');
}

/// `text` with "\r\n" and "\r" as "\n" and without the control characters a page cannot show
/// (C0 but tab and line feed, DEL, C1); nullopt when it is not valid UTF-8.
std::optional<std::string> printable(std::string_view text)
{
    if (!core::is_valid_utf8(text))
        return std::nullopt;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            ++i; // U+0080-U+009F (valid UTF-8, so the next byte is a continuation byte of 0x80-0x9F)
        } else if ((byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F) {
            continue;
        } else {
            out += static_cast<char>(byte);
        }
    }
    return out;
}

/// The document's texts, checked against the bounds and cleaned; the layout reads only these.
struct CleanDocument {
    std::string title;
    std::string language;
    std::vector<std::string> letterhead;
    std::string reference;
    std::string date_line;
    struct Block {
        PdfBlock::Kind kind;
        std::string text;
        std::vector<std::string> cells;
    };
    std::vector<Block> blocks;
    std::string footer;
};

core::Result<CleanDocument> clean(const PdfDocument& document)
{
    if (document.blocks.size() > k_max_pdf_blocks || document.letterhead.size() > k_max_pdf_cells)
        return core::Error::invalid(k_too_many_parts);
    if (!valid_language_tag(document.language))
        return core::Error::invalid(k_unknown_language);

    std::size_t total = 0;
    bool too_long = false;
    bool unreadable = false;
    auto take = [&](std::string_view text) -> std::string {
        total += text.size();
        if (text.size() > k_max_pdf_block_bytes || total > k_max_pdf_total_bytes) {
            too_long = true;
            return {};
        }
        auto result = printable(text);
        if (!result) {
            unreadable = true;
            return {};
        }
        return std::move(*result);
    };

    CleanDocument out;
    out.language = document.language;
    out.title = take(document.title);
    for (const auto& line : document.letterhead)
        out.letterhead.push_back(take(line));
    out.reference = take(document.reference);
    out.date_line = take(document.date_line);
    out.footer = take(document.footer);
    out.blocks.reserve(document.blocks.size());
    for (const auto& block : document.blocks) {
        if (too_long || unreadable)
            break;
        CleanDocument::Block cleaned{block.kind, {}, {}};
        if (block.kind == PdfBlock::Kind::table_row) {
            if (block.cells.size() > k_max_pdf_cells)
                return core::Error::invalid(k_too_many_parts);
            std::size_t row_bytes = 0;
            for (const auto& cell : block.cells)
                row_bytes += cell.size();
            if (row_bytes > k_max_pdf_block_bytes)
                too_long = true;
            for (const auto& cell : block.cells)
                cleaned.cells.push_back(take(cell));
        } else {
            cleaned.text = take(block.text);
        }
        out.blocks.push_back(std::move(cleaned));
    }
    if (too_long)
        return core::Error::invalid(k_too_long);
    if (unreadable)
        return core::Error::invalid(k_not_utf8);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Layout: every line of text gets its page and position before anything is drawn, so that the
// footers can say how many pages there are.

/// One line of a layout, placed on a page at the left end of its baseline.
struct PlacedLine {
    PangoLayoutLine* line; // owned by its layout, which Layout::layouts keeps alive
    int page;
    double x;
    double baseline;
};

/// A thin rule under a table row.
struct PlacedRule {
    int page;
    double y;
};

/// Where the next thing goes.
struct Cursor {
    int page = 0;
    double y = k_margin_top;

    bool at_top() const { return y <= k_margin_top; }
    double room() const { return k_content_bottom - y; }
    void next_page()
    {
        ++page;
        y = k_margin_top;
    }
    bool operator<(const Cursor& other) const { return page != other.page ? page < other.page : y < other.y; }
};

enum class Align { left, right };

class Typesetter {
public:
    Typesetter(PangoContext* context, const std::string& language) : m_context(context)
    {
        m_attributes.reset(pango_attr_list_new());
        pango_attr_list_insert(m_attributes.get(),
                               pango_attr_language_new(pango_language_from_string(language.c_str())));
#if PANGO_VERSION_CHECK(1, 44, 0)
        pango_attr_list_insert(m_attributes.get(), pango_attr_insert_hyphens_new(TRUE));
#endif
    }

    /// A layout of `text` wrapped at `width`, kept alive until the document is written.
    PangoLayout* layout(const std::string& text, const char* font, double width, Align align)
    {
        LayoutPtr layout(pango_layout_new(m_context));
        FontPtr description(pango_font_description_from_string(font));
        pango_layout_set_font_description(layout.get(), description.get());
        pango_layout_set_width(layout.get(), pango_units(width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(),
                                   align == Align::right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        pango_layout_set_attributes(layout.get(), m_attributes.get());
        pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
        m_layouts.push_back(std::move(layout));
        return m_layouts.back().get();
    }

    /// Places the lines of `layout` from `start` at `x`, each on the next page when it does not fit.
    /// Returns where the layout ends.
    Cursor place(PangoLayout* layout, double x, Cursor start)
    {
        Cursor at = start;
        LayoutIterPtr iter(pango_layout_get_iter(layout));
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            double height = points(logical.height);
            if (height > at.room() && !at.at_top())
                at.next_page();
            double baseline = at.y + points(pango_layout_iter_get_baseline(iter.get()) - logical.y);
            m_lines.push_back(
                {pango_layout_iter_get_line_readonly(iter.get()), at.page, x + points(logical.x), baseline});
            at.y += height;
        } while (pango_layout_iter_next_line(iter.get()));
        return at;
    }

    /// Places `layouts` side by side from `start`, the i-th at `xs[i]`; returns where the lowest ends.
    Cursor place_row(const std::vector<PangoLayout*>& layouts, const std::vector<double>& xs, Cursor start)
    {
        Cursor end = start;
        for (std::size_t i = 0; i < layouts.size(); ++i)
            end = std::max(end, place(layouts[i], xs[i], start));
        return end;
    }

    void rule(Cursor at)
    {
        m_rules.push_back({at.page, at.y});
    }

    const std::vector<PlacedLine>& lines() const
    {
        return m_lines;
    }
    const std::vector<PlacedRule>& rules() const
    {
        return m_rules;
    }

private:
    PangoContext* m_context;
    AttrListPtr m_attributes;
    std::vector<LayoutPtr> m_layouts;
    std::vector<PlacedLine> m_lines;
    std::vector<PlacedRule> m_rules;
};

double height_of(PangoLayout* layout)
{
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout, &width, &height);
    return points(height);
}

double first_line_height(PangoLayout* layout)
{
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, 0), nullptr, &logical);
    return points(logical.height);
}

std::string join_lines(const std::vector<std::string>& lines)
{
    std::string joined;
    for (const auto& line : lines) {
        if (!joined.empty())
            joined += '\n';
        joined += line;
    }
    return joined;
}

/// Lays out the first page's head (letterhead, reference and date, title) and the blocks; returns
/// the number of pages.
int lay_out(Typesetter& typesetter, const CleanDocument& document)
{
    Cursor at;
    if (!document.letterhead.empty()) {
        at = typesetter.place(typesetter.layout(join_lines(document.letterhead), k_letterhead_font,
                                                k_content_width, Align::right),
                              k_margin_left, at);
        at.y += 24.0;
    }
    if (!document.reference.empty() || !document.date_line.empty()) {
        double half = (k_content_width - k_cell_gap) / 2;
        std::vector<PangoLayout*> pair = {
            typesetter.layout(document.reference, k_body_font, half, Align::left),
            typesetter.layout(document.date_line, k_body_font, half, Align::right)};
        at = typesetter.place_row(pair, {k_margin_left, k_margin_left + half + k_cell_gap}, at);
        at.y += 18.0;
    }
    if (!document.title.empty()) {
        at = typesetter.place(typesetter.layout(document.title, k_title_font, k_content_width, Align::left),
                              k_margin_left, at);
        at.y += 12.0;
    }

    for (const auto& block : document.blocks) {
        switch (block.kind) {
        case PdfBlock::Kind::heading: {
            PangoLayout* layout = typesetter.layout(block.text, k_heading_font, k_content_width, Align::left);
            if (!at.at_top())
                at.y += k_space_before_heading;
            if (height_of(layout) + k_room_after_heading > at.room() && !at.at_top())
                at.next_page();
            at = typesetter.place(layout, k_margin_left, at);
            at.y += k_space_after_heading;
            break;
        }
        case PdfBlock::Kind::paragraph: {
            PangoLayout* layout = typesetter.layout(block.text, k_body_font, k_content_width, Align::left);
            // Two lines at least at the foot of a page, so that a paragraph does not start with a
            // lone line there.
            bool one_line = pango_layout_get_line_count(layout) < 2;
            double needed = one_line ? height_of(layout) : 2 * first_line_height(layout);
            if (needed > at.room() && !at.at_top())
                at.next_page();
            at = typesetter.place(layout, k_margin_left, at);
            at.y += k_space_after_paragraph;
            break;
        }
        case PdfBlock::Kind::table_row: {
            std::size_t count = std::max<std::size_t>(block.cells.size(), 1);
            double width =
                (k_content_width - k_cell_gap * static_cast<double>(count - 1)) / static_cast<double>(count);
            std::vector<PangoLayout*> cells;
            std::vector<double> xs;
            double height = 0;
            for (std::size_t i = 0; i < block.cells.size(); ++i) {
                cells.push_back(typesetter.layout(block.cells[i], k_body_font, width, Align::left));
                xs.push_back(k_margin_left + static_cast<double>(i) * (width + k_cell_gap));
                height = std::max(height, height_of(cells.back()));
            }
            // A row taller than a whole page is split like a paragraph; any other row stays whole.
            if (height + 3.0 > at.room() && !at.at_top())
                at.next_page();
            at.y += 2.0;
            at = typesetter.place_row(cells, xs, at);
            at.y += 1.5;
            typesetter.rule(at);
            at.y += 1.5;
            break;
        }
        }
    }
    return at.page + 1;
}

/// Draws the rule and the footer line of page `page` (counted from 0) of `pages`.
void draw_footer(cairo_t* cairo, PangoContext* context, const CleanDocument& document, int page, int pages)
{
    cairo_set_source_rgb(cairo, 0.6, 0.6, 0.6);
    cairo_set_line_width(cairo, 0.5);
    cairo_move_to(cairo, k_margin_left, k_footer_rule);
    cairo_line_to(cairo, k_page_width - k_margin_right, k_footer_rule);
    cairo_stroke(cairo);
    cairo_set_source_rgb(cairo, 0.25, 0.25, 0.25);

    FontPtr font(pango_font_description_from_string(k_footer_font));
    std::string number = (is_danish(document.language) ? "Side " : "Page ") + std::to_string(page + 1) +
                         (is_danish(document.language) ? " af " : " of ") + std::to_string(pages);
    constexpr double k_number_width = 90.0;

    LayoutPtr numbers(pango_layout_new(context));
    pango_layout_set_font_description(numbers.get(), font.get());
    pango_layout_set_width(numbers.get(), pango_units(k_number_width));
    pango_layout_set_alignment(numbers.get(), PANGO_ALIGN_RIGHT);
    pango_layout_set_text(numbers.get(), number.data(), static_cast<int>(number.size()));
    cairo_move_to(cairo, k_page_width - k_margin_right - k_number_width, k_footer_top);
    pango_cairo_show_layout(cairo, numbers.get());

    if (document.footer.empty())
        return;
    LayoutPtr footer(pango_layout_new(context));
    pango_layout_set_font_description(footer.get(), font.get());
    pango_layout_set_width(footer.get(), pango_units(k_content_width - k_number_width - k_cell_gap));
    pango_layout_set_ellipsize(footer.get(), PANGO_ELLIPSIZE_END); // one line, however long
    pango_layout_set_single_paragraph_mode(footer.get(), TRUE);
    pango_layout_set_text(footer.get(), document.footer.data(), static_cast<int>(document.footer.size()));
    cairo_move_to(cairo, k_margin_left, k_footer_top);
    pango_cairo_show_layout(cairo, footer.get());
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length)
{
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    } catch (const std::exception&) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

core::Result<std::string> write_pdf(const CleanDocument& document)
{
    std::string bytes;
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, k_page_width, k_page_height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return not_made();
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, document.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Rekrut");
    CairoPtr cairo(cairo_create(surface.get()));
    if (cairo_status(cairo.get()) != CAIRO_STATUS_SUCCESS)
        return not_made();

    // A context of our own on this thread's font map: Pango's default font map is one per thread,
    // and a context is never shared, so concurrent calls do not touch each other's objects.
    ContextPtr context(pango_font_map_create_context(pango_cairo_font_map_get_default()));
    pango_cairo_update_context(cairo.get(), context.get());
    // Font sizes in points are then lengths in the PDF's units.
    pango_cairo_context_set_resolution(context.get(), 72.0);
    pango_context_set_language(context.get(), pango_language_from_string(document.language.c_str()));

    Typesetter typesetter(context.get(), document.language);
    int pages = lay_out(typesetter, document);

    std::vector<std::vector<const PlacedLine*>> lines_by_page(static_cast<std::size_t>(pages));
    for (const auto& line : typesetter.lines())
        lines_by_page[static_cast<std::size_t>(line.page)].push_back(&line);
    std::vector<std::vector<double>> rules_by_page(static_cast<std::size_t>(pages));
    for (const auto& rule : typesetter.rules())
        rules_by_page[static_cast<std::size_t>(rule.page)].push_back(rule.y);

    for (int page = 0; page < pages; ++page) {
        auto index = static_cast<std::size_t>(page);
        cairo_set_source_rgb(cairo.get(), 0.82, 0.82, 0.82);
        cairo_set_line_width(cairo.get(), 0.5);
        for (double y : rules_by_page[index]) {
            cairo_move_to(cairo.get(), k_margin_left, y);
            cairo_line_to(cairo.get(), k_page_width - k_margin_right, y);
            cairo_stroke(cairo.get());
        }
        cairo_set_source_rgb(cairo.get(), 0, 0, 0);
        for (const PlacedLine* line : lines_by_page[index]) {
            cairo_move_to(cairo.get(), line->x, line->baseline);
            pango_cairo_show_layout_line(cairo.get(), line->line);
        }
        draw_footer(cairo.get(), context.get(), document, page, pages);
        cairo_show_page(cairo.get());
    }

    cairo.reset();
    cairo_surface_finish(surface.get()); // the PDF's trailer is written only now
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return not_made();
    return bytes;
}

} // namespace

core::Result<std::string> render_pdf(const PdfDocument& document)
{
    try {
        auto cleaned = clean(document);
        if (!cleaned)
            return cleaned.error();
        return write_pdf(*cleaned);
    } catch (const std::exception&) {
        return not_made();
    }
}

} // namespace rekrut::integrations
