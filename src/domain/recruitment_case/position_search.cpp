#include "domain/recruitment_case/position_search.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace rekrut::domain {
namespace {

std::optional<std::int64_t> positive_number(const std::optional<std::string>& text, std::int64_t max)
{
    if (!text || text->empty() || text->size() > 12 || !core::is_ascii_digits(*text))
        return std::nullopt;
    std::int64_t number = 0;
    std::from_chars(text->data(), text->data() + text->size(), number);
    if (number < 1)
        return std::nullopt;
    return std::min(number, max);
}

/// Cuts `text` to at most `bytes` without splitting a UTF-8 character.
std::string cut_utf8(std::string text, std::size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    text.resize(end);
    return text;
}

std::vector<std::string> words_of(const std::string& folded)
{
    std::vector<std::string> words;
    for (auto word : core::split(folded, ' '))
        if (!word.empty())
            words.emplace_back(word);
    return words;
}

bool matches(const OpenPosition& position, const PositionSearch& search,
             const std::vector<std::string>& words)
{
    if (search.institution_id && position.institution_id != *search.institution_id)
        return false;
    if (!search.municipality.empty() && position.municipality_code != search.municipality)
        return false;
    if (!search.employment_form.empty() && position.employment_form != search.employment_form)
        return false;
    if (!search.category.empty() && position.position_category != search.category)
        return false;
    return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
        return position.search_text.find(word) != std::string::npos;
    });
}

} // namespace

PositionSearch
make_position_search(const std::optional<std::string>& text, const std::optional<std::string>& institution,
                     const std::optional<std::string>& employment_form,
                     const std::optional<std::string>& category, const std::optional<std::string>& sort,
                     const std::optional<std::string>& page, const std::optional<std::string>& municipality)
{
    PositionSearch search;
    if (text)
        search.text = std::string(core::trim(cut_utf8(*text, k_max_search_bytes)));
    search.institution_id = positive_number(institution, std::int64_t{1} << 53);
    if (employment_form && (*employment_form == "permanent" || *employment_form == "fixed_term" ||
                            *employment_form == "aaremaal"))
        search.employment_form = *employment_form;
    if (municipality && municipality->size() == 3 &&
        std::all_of(municipality->begin(), municipality->end(),
                    [](char ch) { return ch >= '0' && ch <= '9'; }))
        search.municipality = *municipality;
    if (category && category->size() <= 200)
        search.category = std::string(core::trim(*category));
    if (sort && *sort == "newest")
        search.sort = PositionSort::newest;
    search.page = static_cast<int>(positive_number(page, 100000).value_or(1));
    return search;
}

std::string canonical_query(const PositionSearch& search, bool with_institution)
{
    std::string query;
    auto add = [&query](const char* name, const std::string& value) {
        query += (query.empty() ? "" : "&") + std::string(name) + "=" + core::url_encode(value);
    };
    if (!search.text.empty())
        add("q", search.text);
    if (with_institution && search.institution_id)
        add("institution", std::to_string(*search.institution_id));
    if (!search.municipality.empty())
        add("municipality", search.municipality);
    if (!search.employment_form.empty())
        add("employment_form", search.employment_form);
    if (!search.category.empty())
        add("category", search.category);
    if (search.sort == PositionSort::newest)
        add("sort", "newest");
    return query;
}

std::string fold_for_search(std::string_view text)
{
    std::string folded;
    folded.reserve(text.size());
    bool in_tag = false;
    auto space = [&folded] {
        if (!folded.empty() && folded.back() != ' ')
            folded += ' ';
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        auto byte = static_cast<unsigned char>(text[at]);
        if (in_tag) {
            in_tag = byte != '>';
            continue;
        }
        if (byte == '<') {
            in_tag = true;
            space();
        } else if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') {
            space();
        } else if (byte >= 'A' && byte <= 'Z') {
            folded += static_cast<char>(byte + 32);
        } else if (byte == 0xC3 && at + 1 < text.size()) {
            // U+00C0..U+00DE are the capitals of U+00E0..U+00FE (except × at U+00D7).
            auto next = static_cast<unsigned char>(text[at + 1]);
            folded += static_cast<char>(byte);
            folded += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
            ++at;
        } else {
            folded += static_cast<char>(byte);
        }
    }
    if (!folded.empty() && folded.back() == ' ')
        folded.pop_back();
    return folded;
}

PositionPage search_positions(const std::vector<OpenPosition>& open, std::size_t first_open,
                              const PositionSearch& search, int per_page)
{
    PositionPage result;
    auto words = words_of(fold_for_search(search.text));
    std::vector<const OpenPosition*> found;
    for (std::size_t index = first_open; index < open.size(); ++index)
        if (matches(open[index], search, words))
            found.push_back(&open[index]);
    // The list comes ordered by deadline; the newest first is by publication, then the later case.
    if (search.sort == PositionSort::newest)
        std::stable_sort(found.begin(), found.end(), [](const OpenPosition* left, const OpenPosition* right) {
            if (left->published_at != right->published_at)
                return left->published_at > right->published_at;
            return left->case_id > right->case_id;
        });
    result.total = found.size();
    per_page = std::max(per_page, 1);
    result.pages = std::max(1, static_cast<int>((found.size() + per_page - 1) / per_page));
    result.page = std::clamp(search.page, 1, result.pages);
    auto begin = std::min(found.size(), static_cast<std::size_t>(result.page - 1) * per_page);
    auto end = std::min(found.size(), begin + static_cast<std::size_t>(per_page));
    result.positions.assign(found.begin() + static_cast<std::ptrdiff_t>(begin),
                            found.begin() + static_cast<std::ptrdiff_t>(end));
    return result;
}

} // namespace rekrut::domain
