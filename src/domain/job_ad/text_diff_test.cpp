#include <algorithm>
#include <gtest/gtest.h>
#include <random>

#include "domain/job_ad/text_diff.hpp"

namespace rekrut::domain {
namespace {

std::string rendered(const LineDiff& diff)
{
    std::string out;
    for (const auto& line : diff.lines)
        out += (line.kind == DiffKind::same    ? " "
                : line.kind == DiffKind::added ? "+"
                                               : "-") +
               line.text + "\n";
    return out;
}

/// "prefix0\nprefix1\n..." with `count` lines.
std::string numbered_lines(const std::string& prefix, int count)
{
    std::string text;
    for (int line = 0; line < count; ++line)
        text += prefix + std::to_string(line) + "\n";
    return text;
}

/// The fewest lines to add and remove, from the longest common subsequence (quadratic, for small texts).
std::size_t fewest_changes(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    std::vector<std::vector<std::size_t>> common(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            common[i][j] =
                a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    return a.size() + b.size() - 2 * common[0][0];
}

TEST(TextDiff, marks_added_removed_and_kept_lines)
{
    auto diff = diff_lines("Titel\nLøn efter aftale\nSlut", "Titel\nLøn efter overenskomst\nSlut\nNy linje");
    EXPECT_EQ(diff.outcome, DiffOutcome::complete);
    EXPECT_EQ(rendered(diff), " Titel\n-Løn efter aftale\n+Løn efter overenskomst\n Slut\n+Ny linje\n");
}

TEST(TextDiff, identical_and_empty_texts)
{
    EXPECT_TRUE(diff_lines("", "").lines.empty());
    auto same = diff_lines("a\nb", "a\nb");
    ASSERT_EQ(same.lines.size(), 2u);
    EXPECT_EQ(same.lines[0].kind, DiffKind::same);
    auto added = diff_lines("", "a");
    ASSERT_EQ(added.lines.size(), 1u);
    EXPECT_EQ(added.lines[0].kind, DiffKind::added);
    EXPECT_EQ(rendered(diff_lines("a\r\nb\n", "a\nc")), " a\n-b\n+c\n");
}

TEST(TextDiff, removed_lines_come_before_added_ones_in_each_change)
{
    EXPECT_EQ(rendered(diff_lines("a\nx\ny\nb", "a\np\nq\nb")), " a\n-x\n-y\n+p\n+q\n b\n");
}

TEST(TextDiff, every_diff_is_a_shortest_one_that_gives_both_texts)
{
    std::mt19937 random(20260101);
    for (int round = 0; round < 2000; ++round) {
        auto text = [&] {
            std::vector<std::string> lines(random() % 12);
            for (auto& line : lines)
                line = std::string(1, "abcd"[random() % 4]);
            return lines;
        };
        auto before = text();
        auto after = text();
        auto joined = [](const std::vector<std::string>& lines) {
            std::string out;
            for (const auto& line : lines)
                out += line + "\n";
            return out;
        };
        auto diff = diff_lines(joined(before), joined(after));
        ASSERT_EQ(diff.outcome, DiffOutcome::complete);
        std::vector<std::string> from, to;
        std::size_t changes = 0;
        for (const auto& line : diff.lines) {
            if (line.kind != DiffKind::added)
                from.push_back(line.text);
            if (line.kind != DiffKind::removed)
                to.push_back(line.text);
            changes += line.kind != DiffKind::same;
        }
        EXPECT_EQ(from, before) << joined(before) << "→\n" << joined(after);
        EXPECT_EQ(to, after) << joined(before) << "→\n" << joined(after);
        EXPECT_EQ(changes, fewest_changes(before, after)) << joined(before) << "→\n" << joined(after);
    }
}

TEST(TextDiff, long_texts_with_few_changes_take_work_in_proportion_to_their_length)
{
    std::string before = numbered_lines("Linje ", 12000);
    std::string after = before;
    after.replace(after.find("Linje 5000\n"), 11, "Ny linje\n");
    after.erase(after.find("Linje 100\n"), 10);
    after += "Slut\n";
    auto diff = diff_lines(before, after);
    ASSERT_EQ(diff.outcome, DiffOutcome::complete);
    EXPECT_EQ(diff.lines.size(), 12002u);
    EXPECT_LE(diff.work, 2u * 12000u);
    auto changed = std::count_if(diff.lines.begin(), diff.lines.end(),
                                 [](const DiffLine& line) { return line.kind != DiffKind::same; });
    EXPECT_EQ(changed, 4);
}

TEST(TextDiff, texts_that_differ_too_much_are_not_compared_line_by_line)
{
    // Two versions of 12,000 lines with nothing in common once took seconds and 600 MB.
    const std::pair<std::string, std::string> cases[] = {
        {numbered_lines("a", 12000), numbered_lines("b", 12000)},
        {[] {
             std::string text;
             for (int line = 0; line < 12000; ++line)
                 text += "a\n";
             return text;
         }(),
         [] {
             std::string text;
             for (int line = 0; line < 12000; ++line)
                 text += "b\n";
             return text;
         }()},
    };
    for (const auto& [before, after] : cases) {
        auto diff = diff_lines(before, after);
        EXPECT_EQ(diff.outcome, DiffOutcome::too_different);
        EXPECT_TRUE(diff.lines.empty());
        EXPECT_LE(diff.work, k_max_diff_work);
    }
    // Just within the number of changes, the diff is shown.
    auto within = diff_lines(numbered_lines("a", 500), numbered_lines("b", 500));
    EXPECT_EQ(within.outcome, DiffOutcome::complete);
    EXPECT_EQ(within.lines.size(), 1000u);
    auto beyond = diff_lines(numbered_lines("a", 500), numbered_lines("b", 501));
    EXPECT_EQ(beyond.outcome, DiffOutcome::too_different);
}

} // namespace
} // namespace rekrut::domain
