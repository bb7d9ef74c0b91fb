#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/recruitment_case/open_position.hpp"

namespace rekrut::domain {

enum class PositionSort { deadline, newest };

/// The most characters of search text that are used; the rest is ignored.
inline constexpr std::size_t k_max_search_bytes = 200;
/// Positions per page of the public list.
inline constexpr int k_positions_per_page = 20;

/// What a visitor asks the public list for. Every field is optional; values that make no sense are
/// dropped by `parse_position_search`, never refused.
struct PositionSearch {
    std::string text; ///< Words that must all occur (folded); at most k_max_search_bytes.
    std::optional<std::int64_t> institution_id;
    std::string employment_form; ///< permanent | fixed_term | aaremaal, or empty for all.
    std::string category;        ///< A position category, or empty for all.
    std::string municipality;    ///< The workplace's three-digit municipality code, or empty for all.
    PositionSort sort = PositionSort::deadline;
    int page = 1;
};

/// One page of the list.
struct PositionPage {
    std::vector<const OpenPosition*> positions;
    std::size_t total = 0; ///< Matching positions on all pages.
    int page = 1;          ///< After clamping to the pages there are.
    int pages = 1;
};

/// Reads the query parameters q, institution, municipality, employment_form, category, sort and page. `value`
/// returns a parameter's value or nullopt.
template <typename Lookup> PositionSearch parse_position_search(const Lookup& value);

/// The search from already extracted values (what the template above calls).
PositionSearch make_position_search(const std::optional<std::string>& text,
                                    const std::optional<std::string>& institution,
                                    const std::optional<std::string>& employment_form,
                                    const std::optional<std::string>& category,
                                    const std::optional<std::string>& sort,
                                    const std::optional<std::string>& page,
                                    const std::optional<std::string>& municipality = std::nullopt);

/// The search as a query string in a fixed order, without defaults and without `page` (the page is
/// added by the caller), so that equal searches give equal strings: "q=jurist&sort=newest".
std::string canonical_query(const PositionSearch& search, bool with_institution = true);

/// Lower case for ASCII and the Latin-1 letters (ÆØÅ → æøå, É → é), other bytes unchanged; tags
/// (`<...>`) become spaces and runs of white space one space. For search, not for display.
std::string fold_for_search(std::string_view text);

/// The positions among `open` (already only those before their deadline) that match, sorted and paged.
PositionPage search_positions(const std::vector<OpenPosition>& open, std::size_t first_open,
                              const PositionSearch& search, int per_page = k_positions_per_page);

template <typename Lookup> PositionSearch parse_position_search(const Lookup& value)
{
    return make_position_search(value("q"), value("institution"), value("employment_form"), value("category"),
                                value("sort"), value("page"), value("municipality"));
}

} // namespace rekrut::domain
