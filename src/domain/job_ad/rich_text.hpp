#pragma once

#include <string>
#include <string_view>

namespace rekrut::domain {

/// Ad texts are written in a small plain-text format that needs no knowledge of markup:
///   a blank line starts a new paragraph; "## " starts a heading; "- " starts a list item;
///   "1. " a numbered item; **bold**; *italic*; [link text](https://example.test).
/// Anything that looks like HTML is shown as text. The result is valid HTML of the allowed subset.
std::string rich_text_to_html(std::string_view source);

/// Keeps only the allowed subset of HTML: p, br, h2, h3, h4, ul, ol, li, strong, em, b, i, and a
/// with an http, https or mailto href (made rel="noopener noreferrer"). Other tags are removed
/// with their attributes; script, style and similar elements are removed with their content.
/// Text is re-escaped, unclosed elements are closed, stray closing tags dropped. Used on every
/// stored or received HTML body before it is shown or sent to Jobnet.
std::string sanitize_html(std::string_view html);

} // namespace rekrut::domain
