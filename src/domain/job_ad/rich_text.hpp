#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// The work one conversion took: the characters and open elements it looked at. Both functions
/// below look at each character a fixed number of times, so this grows in proportion to the text,
/// however the text is built; the tests check that.
struct RichTextWork {
    std::size_t examined = 0;
};

/// Ad texts are written in a small plain-text format that needs no knowledge of markup:
///   a blank line starts a new paragraph; "## " starts a heading; "- " starts a list item;
///   "1. " a numbered item; **bold**; *italic*; [link text](https://example.test).
/// Anything that looks like HTML is shown as text. The result is valid HTML of the allowed subset.
std::string rich_text_to_html(std::string_view source, RichTextWork* work = nullptr);

/// Keeps only the allowed subset of HTML: p, br, h2, h3, h4, ul, ol, li, strong, em, b, i, and a
/// with an http, https or mailto href (made rel="noopener noreferrer"). Other tags are removed
/// with their attributes; script, style and similar elements are removed with their content.
/// Text is re-escaped, unclosed elements are closed, stray closing tags dropped. Used on every
/// stored or received HTML body before it is shown or sent to Jobnet.
std::string sanitize_html(std::string_view html, RichTextWork* work = nullptr);

} // namespace rekrut::domain
