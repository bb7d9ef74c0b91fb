#include <algorithm>
#include <gtest/gtest.h>
#include <string>
#include <vector>

#include "domain/job_ad/rich_text.hpp"

using rekrut::domain::rich_text_to_html;
using rekrut::domain::sanitize_html;

namespace {

/// Nothing executable may survive: no script element, no event handler, no javascript: URL,
/// no style, no attribute other than href/rel.
void expect_inert(const std::string& output, const std::string& input)
{
    std::string lower = output;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    EXPECT_EQ(lower.find("<script"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("javascript:"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("vbscript:"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("data:"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("<style"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("<img"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("<iframe"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find(" on"), std::string::npos) << input << " → " << output;
    EXPECT_EQ(lower.find("style="), std::string::npos) << input << " → " << output;
}

} // namespace

TEST(RichText, hostile_corpus_comes_out_inert)
{
    using namespace std::string_literals;
    const std::vector<std::string> corpus = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=\"alert(1)\">x</p>",
        "<p ONMOUSEOVER='alert(1)'>x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=x onmouseover=alert(1)>x</a>",
        "<style>body{display:none}</style>text",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<object data=\"evil.swf\"></object>",
        "<!--<script>alert(1)</script>-->",
        "<p>unclosed <strong>bold <em>both",
        "</p></p></ul>stray closers",
        "<ul><li>one<li>two</ul>",
        "<p title=\"a>b\" onclick=alert(1)>quoted gt</p>",
        "<a href='https://example.test' onclick='x'>ok</a>",
        "<<script>script>alert(1)<</script>/script>",
        "<p>a < b and c > d &amp; e</p>",
        "<textarea><script>alert(1)</script></textarea>",
        "<div><p>nested <b><i>deep</b></i></p></div>",
        "<a href=\"https://example.test\"><a href=\"javascript:x\">inner</a></a>",
        "<template><script>alert(1)</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<scr\0ipt>alert(1)</scr\0ipt>"s, // the NULs are part of the input, not its end
    };
    for (const auto& input : corpus)
        expect_inert(sanitize_html(input), input);
}

TEST(RichText, allowed_markup_survives_and_is_normalised)
{
    EXPECT_EQ(sanitize_html("<h2>Om stillingen</h2><p>Vi søger en <strong>fuldmægtig</strong>.</p>"),
              "<h2>Om stillingen</h2><p>Vi søger en <strong>fuldmægtig</strong>.</p>");
    EXPECT_EQ(sanitize_html("<a href=\"https://example.test/a?b=1&amp;c=2\" target=_blank>link</a>"),
              "<a href=\"https://example.test/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">link</a>");
    EXPECT_EQ(sanitize_html("<a href=\"javascript:alert(1)\">x</a>"), "<a>x</a>");
    EXPECT_EQ(sanitize_html("<p>unclosed <strong>bold"), "<p>unclosed <strong>bold</strong></p>");
    EXPECT_EQ(sanitize_html("<ul><li>one<li>two</ul>"), "<ul><li>one</li><li>two</li></ul>");
    EXPECT_EQ(sanitize_html("<P CLASS=x>Store bogstaver</P>"), "<p>Store bogstaver</p>");
    EXPECT_EQ(sanitize_html("a < b &aelig;&#248;&#xE5;"), "a &lt; b æøå");
    EXPECT_EQ(sanitize_html("<script>alert(1)</script>after"), "after");
}

TEST(RichText, plain_format_becomes_safe_html)
{
    EXPECT_EQ(rich_text_to_html("## Om jobbet\nVi søger en **dygtig** kollega.\n\n- Jura\n- Økonomi\n\nSe "
                                "[mere](https://example.test)."),
              "<h2>Om jobbet</h2><p>Vi søger en <strong>dygtig</strong> "
              "kollega.</p><ul><li>Jura</li><li>Økonomi</li></ul>"
              "<p>Se <a href=\"https://example.test\" rel=\"noopener noreferrer\">mere</a>.</p>");
    EXPECT_EQ(rich_text_to_html("1. Første\n2. Anden"), "<ol><li>Første</li><li>Anden</li></ol>");
    EXPECT_EQ(rich_text_to_html("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    EXPECT_EQ(rich_text_to_html("[klik](javascript:alert(1))"), "<p>klik</p>");
    EXPECT_EQ(rich_text_to_html("linje et\nlinje to"), "<p>linje et<br>linje to</p>");
}

namespace {

std::string repeated(std::string_view text, std::size_t times)
{
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

} // namespace

TEST(RichText, an_unfinished_link_is_text)
{
    EXPECT_EQ(rich_text_to_html("[a]([a]([a]("), "<p>[a]([a]([a](</p>");
    EXPECT_EQ(rich_text_to_html("[a](https://example.test/(x)) [b](y"),
              "<p><a href=\"https://example.test/(x)\" rel=\"noopener noreferrer\">a</a> [b](y</p>");
    EXPECT_EQ(rich_text_to_html("**[a](https://example.test**)"),
              "<p><strong>[a](https://example.test</strong>)</p>");
}

TEST(RichText, work_grows_in_proportion_to_the_text_however_it_is_built)
{
    // Each pattern once made the work grow with the square of its length: "[a](" 12,000 times took
    // seconds to save as an ad.
    struct Pattern {
        const char* name;
        std::string (*text)(std::size_t);
        bool markup; ///< Through rich_text_to_html rather than sanitize_html alone.
    };
    const Pattern patterns[] = {
        {"unfinished links", [](std::size_t n) { return repeated("[a](", n); }, true},
        {"many [ before one ](", [](std::size_t n) { return repeated("[", 4 * n) + "](" + repeated("(", n); },
         true},
        {"unmatched stars", [](std::size_t n) { return repeated("**a*", n); }, true},
        {"bold around links", [](std::size_t n) { return repeated("**[a](b", n) + "**"; }, true},
        {"ampersands", [](std::size_t n) { return repeated("&", 4 * n); }, false},
        {"stray closing tags", [](std::size_t n) { return repeated("<b>", n) + repeated("</i>", n); }, false},
        {"blocks in deep inline elements",
         [](std::size_t n) { return repeated("<b>", n) + repeated("<h2>", n); }, false},
        {"dropped elements", [](std::size_t n) { return repeated("<svg></svg>", n); }, false},
        {"unclosed comments", [](std::size_t n) { return repeated("<!--", n); }, false},
    };
    for (const auto& pattern : patterns) {
        auto work_for = [&](std::size_t n) {
            std::string text = pattern.text(n);
            rekrut::domain::RichTextWork work;
            if (pattern.markup)
                rich_text_to_html(text, &work);
            else
                sanitize_html(text, &work);
            EXPECT_LE(work.examined, 64 * text.size()) << pattern.name << " of " << text.size() << " octets";
            return work.examined;
        };
        // Twice the text takes about twice the work (four times, were it quadratic).
        std::size_t single = work_for(6000);
        std::size_t twice = work_for(12000);
        EXPECT_LE(twice, 2 * single + single / 8) << pattern.name;
    }
}
