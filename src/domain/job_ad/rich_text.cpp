#include "domain/job_ad/rich_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/text.hpp"

namespace rekrut::domain {
namespace {

void append_escaped(std::string& out, std::string_view text)
{
    out += core::html_escape(text);
}

/// A character reference's code point; NUL, like an invalid one, becomes U+FFFD.
void append_utf8(std::string& out, std::uint32_t code)
{
    core::append_utf8(out, code == 0 ? char32_t{0xFFFD} : static_cast<char32_t>(code));
}

/// The character a reference names ("amp", "#248", "#xE5"), appended to `out`; false when it names none.
bool decode_reference(std::string_view name, std::string& out)
{
    static const std::array<std::pair<std::string_view, std::uint32_t>, 16> named = {{
        {"amp", '&'},
        {"lt", '<'},
        {"gt", '>'},
        {"quot", '"'},
        {"apos", '\''},
        {"nbsp", 0xA0},
        {"aelig", 0xE6},
        {"AElig", 0xC6},
        {"oslash", 0xF8},
        {"Oslash", 0xD8},
        {"aring", 0xE5},
        {"Aring", 0xC5},
        {"eacute", 0xE9},
        {"ndash", 0x2013},
        {"mdash", 0x2014},
        {"euro", 0x20AC},
    }};
    if (name.empty() || name[0] != '#') {
        for (const auto& [entity, code] : named)
            if (entity == name) {
                append_utf8(out, code);
                return true;
            }
        return false;
    }
    std::uint32_t code = 0;
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty())
        return false;
    for (char ch : digits) {
        int value = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(ch))
                        ? (std::tolower(static_cast<unsigned char>(ch)) - 'a' + 10)
                        : -1;
        if (value < 0 || code > 0x10FFFF)
            return false;
        code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
    }
    append_utf8(out, code);
    return true;
}

/// Decodes character references so that text can be escaped once, uniformly.
std::string decode_entities(std::string_view text, std::size_t& examined)
{
    /// A reference is "&", at most 11 characters and ";": the ";" is looked for no further.
    constexpr std::size_t k_longest_reference = 13;
    std::string out;
    examined += text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        std::string_view window = text.substr(i, k_longest_reference);
        examined += window.size();
        std::size_t end = window.find(';');
        if (end != std::string_view::npos && decode_reference(window.substr(1, end - 1), out))
            i += end;
        else
            out += '&';
    }
    return out;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return out;
}

bool equal_ignoring_ascii_case(std::string_view text, std::string_view lower_case)
{
    return text.size() == lower_case.size() &&
           std::equal(text.begin(), text.end(), lower_case.begin(), [](char ch, char expected) {
               return std::tolower(static_cast<unsigned char>(ch)) == expected;
           });
}

constexpr std::array<std::string_view, 13> k_allowed = {"p",  "br",     "h2", "h3", "h4", "ul", "ol",
                                                        "li", "strong", "em", "b",  "i",  "a"};
/// Elements whose content is dropped along with them.
constexpr std::array<std::string_view, 11> k_dropped_with_content = {
    "script",   "style", "iframe",   "object", "embed", "template",
    "noscript", "title", "textarea", "svg",    "math"};

/// The element's place in k_allowed, or nullopt when it is not allowed.
std::optional<std::size_t> allowed_index(std::string_view name)
{
    auto found = std::find(k_allowed.begin(), k_allowed.end(), name);
    if (found == k_allowed.end())
        return std::nullopt;
    return static_cast<std::size_t>(found - k_allowed.begin());
}

bool dropped_with_content(std::string_view name)
{
    return std::find(k_dropped_with_content.begin(), k_dropped_with_content.end(), name) !=
           k_dropped_with_content.end();
}

/// An href is kept only with an explicit safe scheme; control characters and whitespace inside
/// the scheme (used to hide "javascript:") make it unsafe.
bool safe_href(const std::string& decoded)
{
    std::string compact;
    for (unsigned char ch : decoded)
        if (ch > 0x20 && ch != 0x7F)
            compact += static_cast<char>(ch);
    std::string scheme =
        lower(compact.substr(0, compact.find(':') == std::string::npos ? 0 : compact.find(':') + 1));
    if (scheme != "http:" && scheme != "https:" && scheme != "mailto:")
        return false;
    return decoded.find_first_of("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\t\r\n") ==
           std::string::npos;
}

/// Reads attribute name/value pairs from the inside of a start tag; returns the href if present.
std::string find_href(std::string_view attributes)
{
    std::size_t i = 0;
    while (i < attributes.size()) {
        while (i < attributes.size() &&
               (std::isspace(static_cast<unsigned char>(attributes[i])) || attributes[i] == '/'))
            ++i;
        std::size_t name_start = i;
        while (i < attributes.size() && !std::isspace(static_cast<unsigned char>(attributes[i])) &&
               attributes[i] != '=' && attributes[i] != '/')
            ++i;
        std::string name = lower(attributes.substr(name_start, i - name_start));
        while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])))
            ++i;
        std::string value;
        if (i < attributes.size() && attributes[i] == '=') {
            ++i;
            while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])))
                ++i;
            if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
                char quote = attributes[i++];
                std::size_t end = attributes.find(quote, i);
                if (end == std::string_view::npos)
                    end = attributes.size();
                value = std::string(attributes.substr(i, end - i));
                i = end + 1;
            } else {
                std::size_t start = i;
                while (i < attributes.size() && !std::isspace(static_cast<unsigned char>(attributes[i])))
                    ++i;
                value = std::string(attributes.substr(start, i - start));
            }
        }
        if (name == "href")
            return value;
        if (name.empty() && i == name_start)
            ++i;
    }
    return "";
}

constexpr std::size_t k_none = std::string_view::npos;

/// Walks once through an HTML text and keeps the allowed subset (see sanitize_html). Each step
/// consumes what it looks at, and open elements are counted by name, so finding out whether one is
/// open, or closing up to it, never searches the stack.
class HtmlSanitizer {
public:
    explicit HtmlSanitizer(std::string_view html) : m_html(html) {}

    std::string run()
    {
        while (m_at < m_html.size()) {
            copy_text();
            if (m_at < m_html.size() && !skip_comment_or_declaration())
                read_tag();
        }
        while (!m_open.empty())
            close_top();
        return std::move(m_out);
    }

    std::size_t examined() const { return m_examined; }

private:
    /// `m_html.find(needle, from)`, counting the characters it passes over.
    std::size_t find(std::string_view needle, std::size_t from)
    {
        std::size_t found = m_html.find(needle, from);
        std::size_t stop = found == k_none ? m_html.size() : found + needle.size();
        m_examined += stop - std::min(from, stop);
        return found;
    }

    /// The text up to the next "<", decoded and escaped again.
    void copy_text()
    {
        std::size_t lt = find("<", m_at);
        std::size_t end = lt == k_none ? m_html.size() : lt;
        append_escaped(m_out, decode_entities(m_html.substr(m_at, end - m_at), m_examined));
        m_at = end;
    }

    /// Comments, doctype and processing instructions vanish.
    bool skip_comment_or_declaration()
    {
        if (m_html.substr(m_at, 4) == "<!--") {
            std::size_t end = find("-->", m_at + 4);
            m_at = end == k_none ? m_html.size() : end + 3;
            return true;
        }
        if (m_at + 1 < m_html.size() && (m_html[m_at + 1] == '!' || m_html[m_at + 1] == '?')) {
            std::size_t end = find(">", m_at);
            m_at = end == k_none ? m_html.size() : end + 1;
            return true;
        }
        return false;
    }

    /// Where the tag whose name ends at `from` ends: its ">" outside quoted attribute values, or
    /// the end of the text.
    std::size_t tag_end(std::size_t from)
    {
        std::size_t end = from;
        char quote = 0;
        while (end < m_html.size() && (quote || m_html[end] != '>')) {
            if (quote && m_html[end] == quote)
                quote = 0;
            else if (!quote && (m_html[end] == '"' || m_html[end] == '\''))
                quote = m_html[end];
            ++end;
        }
        m_examined += end - from;
        return end;
    }

    /// The start or end tag at the current "<"; a "<" not followed by a name is text.
    void read_tag()
    {
        bool closing = m_at + 1 < m_html.size() && m_html[m_at + 1] == '/';
        std::size_t name_start = m_at + (closing ? 2 : 1);
        std::size_t name_end = name_start;
        while (name_end < m_html.size() && std::isalnum(static_cast<unsigned char>(m_html[name_end])))
            ++name_end;
        m_examined += name_end - m_at;
        if (name_end == name_start) {
            append_escaped(m_out, "<");
            ++m_at;
            return;
        }
        std::size_t end = tag_end(name_end);
        std::string name = lower(m_html.substr(name_start, name_end - name_start));
        std::string_view attributes = m_html.substr(name_end, end - name_end);
        m_at = end == m_html.size() ? end : end + 1;
        if (!closing) {
            open_element(name, attributes);
            return;
        }
        if (auto index = allowed_index(name); index && name != "br")
            close_to(*index);
    }

    void open_element(const std::string& name, std::string_view attributes)
    {
        if (dropped_with_content(name)) {
            skip_content_of(name);
            return;
        }
        auto index = allowed_index(name);
        if (!index)
            return;
        if (name == "br") {
            m_out += "<br>";
            return;
        }
        if (name == "a") {
            std::string href = decode_entities(find_href(attributes), m_examined);
            if (!safe_href(href)) {
                m_out += "<a>";
            } else {
                m_out += "<a href=\"";
                append_escaped(m_out, href);
                m_out += "\" rel=\"noopener noreferrer\">";
            }
            push(*index);
            return;
        }
        // Block elements close an open paragraph, as a browser would.
        bool block =
            name == "p" || name == "h2" || name == "h3" || name == "h4" || name == "ul" || name == "ol";
        if (block)
            close_to(*allowed_index("p"));
        if (name == "li" && !m_open.empty() && k_allowed[m_open.back()] == "li")
            close_to(*index);
        m_out += "<" + name + ">";
        push(*index);
    }

    /// Skips past the end tag of an element dropped with its content (matched in any letter case),
    /// or to the end of the text when it has none.
    void skip_content_of(const std::string& name)
    {
        for (std::size_t at = find("</", m_at); at != k_none; at = find("</", at + 1)) {
            std::string_view candidate = m_html.substr(at + 2, name.size());
            m_examined += candidate.size();
            if (equal_ignoring_ascii_case(candidate, name)) {
                std::size_t close_end = find(">", at);
                m_at = close_end == k_none ? m_html.size() : close_end + 1;
                return;
            }
        }
        m_at = m_html.size();
    }

    void push(std::size_t index)
    {
        m_open.push_back(index);
        ++m_open_count[index];
    }

    void close_top()
    {
        std::size_t top = m_open.back();
        m_open.pop_back();
        --m_open_count[top];
        ++m_examined;
        m_out.append("</").append(k_allowed[top]).append(">");
    }

    /// Closes the innermost open element of this kind and every element opened inside it; a closing
    /// tag of an element that is not open is dropped.
    void close_to(std::size_t index)
    {
        if (m_open_count[index] == 0)
            return;
        while (m_open.back() != index)
            close_top();
        close_top();
    }

    std::string_view m_html;
    std::size_t m_at = 0;
    std::string m_out;
    /// The open allowed elements, innermost last, as places in k_allowed, and how many of each.
    std::vector<std::size_t> m_open;
    std::array<std::size_t, k_allowed.size()> m_open_count{};
    std::size_t m_examined = 0;
};

/// Inline formatting of one line: **bold**, *italic*, [text](url); everything else is text. Where
/// each marker's partner is (the next "*", the next "**", the next "](" and the ")" that balances
/// each "(") is found in two passes over the line before converting, so converting never searches
/// ahead and the line is read a fixed number of times, however its markers are arranged.
class InlineMarkup {
public:
    explicit InlineMarkup(std::string_view line);

    std::string to_html() { return convert(0, m_line.size()); }
    std::size_t examined() const { return m_examined; }

private:
    std::string convert(std::size_t begin, std::size_t end);
    bool convert_link(std::size_t& at, std::size_t end, std::string& out);

    std::string_view m_line;
    /// For each position: where the next "*", "**" and "](" start at or after it (k_none if nowhere).
    std::vector<std::size_t> m_next_star;
    std::vector<std::size_t> m_next_double_star;
    std::vector<std::size_t> m_next_link_middle;
    /// For each "(": the ")" that balances it (k_none if none does).
    std::vector<std::size_t> m_closing_parenthesis;
    std::size_t m_examined = 0;
};

InlineMarkup::InlineMarkup(std::string_view line)
    : m_line(line), m_next_star(line.size() + 1, k_none), m_next_double_star(line.size() + 1, k_none),
      m_next_link_middle(line.size() + 1, k_none), m_closing_parenthesis(line.size(), k_none)
{
    for (std::size_t i = line.size(); i-- > 0;) {
        bool star = line[i] == '*';
        char following = i + 1 < line.size() ? line[i + 1] : '\0';
        m_next_star[i] = star ? i : m_next_star[i + 1];
        m_next_double_star[i] = star && following == '*' ? i : m_next_double_star[i + 1];
        m_next_link_middle[i] = line[i] == ']' && following == '(' ? i : m_next_link_middle[i + 1];
    }
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '(') {
            open.push_back(i);
        } else if (line[i] == ')' && !open.empty()) {
            m_closing_parenthesis[open.back()] = i;
            open.pop_back();
        }
    }
    m_examined += 2 * line.size();
}

/// The HTML of m_line[begin, end): markers pair only with partners inside the range.
std::string InlineMarkup::convert(std::size_t begin, std::size_t end)
{
    std::string out;
    std::size_t i = begin;
    while (i < end) {
        ++m_examined;
        if (i + 1 < end && m_line[i] == '*' && m_line[i + 1] == '*') {
            std::size_t close = m_next_double_star[i + 2];
            if (close != k_none && close + 1 < end && close > i + 2) {
                out += "<strong>" + convert(i + 2, close) + "</strong>";
                i = close + 2;
                continue;
            }
        }
        if (m_line[i] == '*') {
            std::size_t close = m_next_star[i + 1];
            if (close < end && close > i + 1) {
                out += "<em>" + convert(i + 1, close) + "</em>";
                i = close + 1;
                continue;
            }
        }
        if (m_line[i] == '[' && convert_link(i, end, out))
            continue;
        append_escaped(out, m_line.substr(i, 1));
        ++i;
    }
    return out;
}

/// A link at the "[" at `at`: the label up to the next "](", the URL up to the ")" that balances
/// its "(". Moves `at` past it; false when the line has none there.
bool InlineMarkup::convert_link(std::size_t& at, std::size_t end, std::string& out)
{
    std::size_t middle = m_next_link_middle[at];
    if (middle == k_none || middle + 1 >= end)
        return false;
    std::size_t close = m_closing_parenthesis[middle + 1];
    if (close == k_none || close >= end)
        return false;
    std::string href(m_line.substr(middle + 2, close - middle - 2));
    std::string label;
    append_escaped(label, m_line.substr(at + 1, middle - at - 1));
    m_examined += close - at;
    if (safe_href(href)) {
        out += "<a href=\"";
        append_escaped(out, href);
        out += "\">" + label + "</a>";
    } else {
        out += label;
    }
    at = close + 1;
    return true;
}

/// Converts an ad text line by line: paragraphs, headings and lists, with the inline formatting of
/// each line.
class RichTextConverter {
public:
    std::string run(std::string_view source)
    {
        std::size_t start = 0;
        while (start <= source.size()) {
            std::size_t end = source.find('\n', start);
            if (end == std::string_view::npos)
                end = source.size();
            m_examined += end - start + 1;
            add_line(source.substr(start, end - start));
            start = end + 1;
        }
        flush_paragraph();
        close_list();
        return std::move(m_html);
    }

    std::size_t examined() const { return m_examined; }

private:
    std::string inline_markup(std::string_view line)
    {
        InlineMarkup markup(line);
        std::string html = markup.to_html();
        m_examined += markup.examined();
        return html;
    }

    void flush_paragraph()
    {
        if (!m_paragraph.empty())
            m_html += "<p>" + m_paragraph + "</p>";
        m_paragraph.clear();
    }

    void close_list()
    {
        if (!m_list.empty())
            m_html += "</" + m_list + ">";
        m_list.clear();
    }

    void add_line(std::string_view line)
    {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        std::size_t digits = 0;
        while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits])))
            ++digits;
        if (line.empty()) {
            flush_paragraph();
            close_list();
        } else if (line.starts_with("## ") || line.starts_with("### ")) {
            flush_paragraph();
            close_list();
            bool second = line.starts_with("## ");
            const char* tag = second ? "h2" : "h3";
            m_html.append("<").append(tag).append(">");
            m_html.append(inline_markup(line.substr(second ? 3 : 4)));
            m_html.append("</").append(tag).append(">");
        } else if (line.starts_with("- ") || line.starts_with("* ") ||
                   (digits > 0 && line.substr(digits, 2) == ". ")) {
            flush_paragraph();
            std::string kind = digits > 0 ? "ol" : "ul";
            if (m_list != kind) {
                close_list();
                m_html += "<" + kind + ">";
                m_list = kind;
            }
            m_html += "<li>" + inline_markup(line.substr(digits > 0 ? digits + 2 : 2)) + "</li>";
        } else {
            close_list();
            if (!m_paragraph.empty())
                m_paragraph += "<br>";
            m_paragraph += inline_markup(line);
        }
    }

    std::string m_html;
    std::string m_paragraph;
    std::string m_list; ///< "ul" or "ol" while a list is open.
    std::size_t m_examined = 0;
};

} // namespace

std::string sanitize_html(std::string_view html, RichTextWork* work)
{
    HtmlSanitizer sanitizer(html);
    std::string out = sanitizer.run();
    if (work)
        work->examined += sanitizer.examined();
    return out;
}

std::string rich_text_to_html(std::string_view source, RichTextWork* work)
{
    RichTextConverter converter;
    std::string html = converter.run(source);
    if (work)
        work->examined += converter.examined();
    // The output is built from escaped text; sanitizing again keeps the guarantee in one place.
    return sanitize_html(html, work);
}

} // namespace rekrut::domain
