#include <gtest/gtest.h>
#include <map>

#include "domain/recruitment_case/position_search.hpp"

namespace rekrut::domain {
namespace {

OpenPosition position(std::int64_t case_id, std::int64_t institution, const std::string& title,
                      core::UnixTime deadline, core::UnixTime published,
                      const std::string& form = "permanent", const std::string& category = "")
{
    OpenPosition result;
    result.case_id = case_id;
    result.institution_id = institution;
    result.title = title;
    result.employment_form = form;
    result.position_category = category;
    result.application_deadline = deadline;
    result.published_at = published;
    result.search_text = fold_for_search(title + " " + category);
    return result;
}

std::vector<std::int64_t> ids(const PositionPage& page)
{
    std::vector<std::int64_t> result;
    for (const auto* found : page.positions)
        result.push_back(found->case_id);
    return result;
}

auto lookup(const std::map<std::string, std::string>& values)
{
    return [values](const char* name) -> std::optional<std::string> {
        auto found = values.find(name);
        return found == values.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
}

TEST(PositionSearch, FoldsCaseAndDanishLettersAndDropsTags)
{
    EXPECT_EQ(fold_for_search("ØKONOMI og Æbler <b>Århus</b>\n  ×"), "økonomi og æbler århus ×");
    EXPECT_EQ(fold_for_search("<p>Jurist</p><p>til</p>"), "jurist til");
}

TEST(PositionSearch, BadParametersAreDroppedNotRefused)
{
    auto search = parse_position_search(lookup({{"q", std::string(500, 'a')},
                                                {"institution", "-3"},
                                                {"employment_form", "<script>"},
                                                {"sort", "sideways"},
                                                {"page", "99999999999999999999"}}));
    EXPECT_EQ(search.text.size(), k_max_search_bytes);
    EXPECT_FALSE(search.institution_id);
    EXPECT_EQ(search.employment_form, "");
    EXPECT_EQ(search.sort, PositionSort::deadline);
    EXPECT_EQ(search.page, 1);
    auto danish = parse_position_search(lookup({{"q", std::string(199, 'a') + "ø"}}));
    EXPECT_EQ(danish.text, std::string(199, 'a')) << "a character cut in two";
}

TEST(PositionSearch, CanonicalQueryIsStable)
{
    auto search = parse_position_search(
        lookup({{"sort", "newest"}, {"q", " jurist æ "}, {"institution", "2"}, {"page", "3"}}));
    EXPECT_EQ(canonical_query(search), "q=jurist%20%C3%A6&institution=2&sort=newest");
    EXPECT_EQ(canonical_query(search, false), "q=jurist%20%C3%A6&sort=newest");
    EXPECT_EQ(canonical_query(PositionSearch{}), "");
}

TEST(PositionSearch, FiltersSortsAndPages)
{
    std::vector<OpenPosition> open = {
        position(1, 1, "Expired jurist", 100, 10),
        position(2, 1, "Jurist til kontoret", 200, 20),
        position(3, 2, "Økonom", 300, 50, "fixed_term", "Akademiker"),
        position(4, 2, "JURIST", 400, 40),
        position(5, 1, "Kontorelev", 500, 30, "permanent", "Elev"),
    };
    PositionSearch all;
    EXPECT_EQ(ids(search_positions(open, 1, all)), (std::vector<std::int64_t>{2, 3, 4, 5}));
    PositionSearch text;
    text.text = "jurist";
    EXPECT_EQ(ids(search_positions(open, 1, text)), (std::vector<std::int64_t>{2, 4}));
    text.text = "jurist kontoret";
    EXPECT_EQ(ids(search_positions(open, 1, text)), (std::vector<std::int64_t>{2}));
    PositionSearch institution;
    institution.institution_id = 2;
    EXPECT_EQ(ids(search_positions(open, 1, institution)), (std::vector<std::int64_t>{3, 4}));
    PositionSearch form;
    form.employment_form = "fixed_term";
    EXPECT_EQ(ids(search_positions(open, 1, form)), (std::vector<std::int64_t>{3}));
    PositionSearch category;
    category.category = "Elev";
    EXPECT_EQ(ids(search_positions(open, 1, category)), (std::vector<std::int64_t>{5}));
    PositionSearch newest;
    newest.sort = PositionSort::newest;
    EXPECT_EQ(ids(search_positions(open, 1, newest)), (std::vector<std::int64_t>{3, 4, 5, 2}));

    PositionSearch paged;
    paged.page = 2;
    auto second = search_positions(open, 1, paged, 3);
    EXPECT_EQ(ids(second), (std::vector<std::int64_t>{5}));
    EXPECT_EQ(second.total, 4U);
    EXPECT_EQ(second.pages, 2);
    paged.page = 50;
    auto clamped = search_positions(open, 1, paged, 3);
    EXPECT_EQ(clamped.page, 2);
    EXPECT_EQ(ids(clamped), (std::vector<std::int64_t>{5}));
    auto none = search_positions(open, open.size(), all, 3);
    EXPECT_EQ(none.total, 0U);
    EXPECT_EQ(none.pages, 1);
    EXPECT_TRUE(none.positions.empty());
}

TEST(PositionSearch, FiltersByTheWorkplacesMunicipality)
{
    std::vector<OpenPosition> open{position(1, 1, "Jurist", 2000, 100), position(2, 1, "Jurist", 2000, 100),
                                   position(3, 2, "Jurist", 2000, 100)};
    open[0].municipality_code = "101";
    open[1].municipality_code = "751";
    open[2].municipality_code = "101";
    auto search = parse_position_search(lookup({{"municipality", "101"}}));
    EXPECT_EQ(search.municipality, "101");
    EXPECT_EQ(ids(search_positions(open, 0, search)), (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(canonical_query(search), "municipality=101");
    for (const char* bad : {"10", "1011", "abc", "<b>"})
        EXPECT_EQ(parse_position_search(lookup({{"municipality", bad}})).municipality, "") << bad;
}

} // namespace
} // namespace rekrut::domain
