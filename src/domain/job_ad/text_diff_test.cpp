#include <gtest/gtest.h>

#include "domain/job_ad/text_diff.hpp"

namespace rekrut::domain {
namespace {

TEST(TextDiff, marks_added_removed_and_kept_lines)
{
    auto diff = diff_lines("Titel\nLøn efter aftale\nSlut", "Titel\nLøn efter overenskomst\nSlut\nNy linje");
    std::string rendered;
    for (const auto& line : diff)
        rendered += (line.kind == DiffKind::same    ? " "
                     : line.kind == DiffKind::added ? "+"
                                                    : "-") +
                    line.text + "\n";
    EXPECT_EQ(rendered, " Titel\n-Løn efter aftale\n+Løn efter overenskomst\n Slut\n+Ny linje\n");
}

TEST(TextDiff, identical_and_empty_texts)
{
    EXPECT_TRUE(diff_lines("", "").empty());
    auto same = diff_lines("a\nb", "a\nb");
    ASSERT_EQ(same.size(), 2u);
    EXPECT_EQ(same[0].kind, DiffKind::same);
    auto added = diff_lines("", "a");
    ASSERT_EQ(added.size(), 1u);
    EXPECT_EQ(added[0].kind, DiffKind::added);
}

} // namespace
} // namespace rekrut::domain
