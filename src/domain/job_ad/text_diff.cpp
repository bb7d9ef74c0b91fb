#include "domain/job_ad/text_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

namespace rekrut::domain {
namespace {

std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

/// Each line as a number, equal lines with equal numbers, so that comparing two lines is one step
/// however long they are.
std::vector<std::int32_t> number_lines(const std::vector<std::string_view>& lines,
                                       std::unordered_map<std::string_view, std::int32_t>& numbers)
{
    std::vector<std::int32_t> numbered;
    numbered.reserve(lines.size());
    for (auto line : lines)
        numbered.push_back(
            numbers.try_emplace(line, static_cast<std::int32_t>(numbers.size())).first->second);
    return numbered;
}

/// One step of an edit script: a line kept, removed from `before` or added from `after`, with its
/// index in the text it comes from.
struct Step {
    DiffKind kind;
    std::int32_t index;
};

/// The furthest point reached on each diagonal k = x - y after d changes, for k from -d to d
/// (index k + d); -1 where the diagonal cannot be reached inside the edit graph.
using Frontier = std::vector<std::int32_t>;

/// The place of diagonal `k` in the frontier after `d` changes.
std::size_t slot(std::int32_t k, std::int32_t d)
{
    std::int32_t place = k + d;
    return static_cast<std::size_t>(place);
}

struct Move {
    std::int32_t x = -1;     ///< Where the change lands on diagonal k, before following equal lines.
    std::int32_t from_k = 0; ///< The diagonal it comes from.
    bool added_line = false; ///< Down (a line of `after` added) rather than right (a line removed).
};

/// The change that reaches furthest on diagonal `k` after `d` changes, from the frontier after d - 1.
Move furthest_move(const Frontier& previous, std::int32_t d, std::int32_t k, std::int32_t n, std::int32_t m)
{
    auto at = [&](std::int32_t diagonal) { return previous[slot(diagonal, d - 1)]; };
    Move move;
    // Right from diagonal k - 1 removes a line of `before`; down from k + 1 adds a line of `after`.
    std::int32_t right = k > -d && at(k - 1) >= 0 && at(k - 1) < n ? at(k - 1) + 1 : -1;
    std::int32_t down = k < d && at(k + 1) >= 0 && at(k + 1) - k <= m ? at(k + 1) : -1;
    if (down >= 0 && down >= right)
        move = {down, k + 1, true};
    else if (right >= 0)
        move = {right, k - 1, false};
    return move;
}

/// Myers's greedy search for a shortest edit script from `a` to `b`, keeping each frontier for the
/// way back. Stops (nullopt) beyond k_max_diff_changes changes or k_max_diff_work steps, so its
/// memory stays below (k_max_diff_changes + 1)² entries.
std::optional<std::vector<Frontier>> search_edits(std::span<const std::int32_t> a,
                                                  std::span<const std::int32_t> b, std::size_t& work)
{
    const auto n = static_cast<std::int32_t>(a.size());
    const auto m = static_cast<std::int32_t>(b.size());
    const auto max_changes =
        static_cast<std::int32_t>(std::min<std::size_t>(a.size() + b.size(), k_max_diff_changes));
    // Counts one step; false once the budget is spent.
    auto step = [&work] {
        if (work >= k_max_diff_work)
            return false;
        ++work;
        return true;
    };
    std::vector<Frontier> frontiers;
    for (std::int32_t d = 0; d <= max_changes; ++d) {
        Frontier current(static_cast<std::size_t>(2 * d + 1), -1);
        for (std::int32_t k = -d; k <= d; k += 2) {
            if (!step())
                return std::nullopt;
            std::int32_t x = d == 0 ? 0 : furthest_move(frontiers.back(), d, k, n, m).x;
            if (x < 0)
                continue;
            std::int32_t y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
                if (!step())
                    return std::nullopt;
                ++x;
                ++y;
            }
            current[slot(k, d)] = x;
            if (x == n && y == m) {
                frontiers.push_back(std::move(current));
                return frontiers;
            }
        }
        frontiers.push_back(std::move(current));
    }
    return std::nullopt;
}

/// The edit script, in order, from the frontiers of the search that reached the end of both texts.
std::vector<Step> trace_back(const std::vector<Frontier>& frontiers, std::int32_t n, std::int32_t m)
{
    std::vector<Step> steps;
    std::int32_t x = n;
    std::int32_t y = m;
    for (auto d = static_cast<std::int32_t>(frontiers.size()) - 1; d > 0; --d) {
        const Frontier& previous = frontiers[static_cast<std::size_t>(d) - 1];
        Move move = furthest_move(previous, d, x - y, n, m);
        std::int32_t from_x = previous[slot(move.from_k, d - 1)];
        std::int32_t from_y = from_x - move.from_k;
        for (; x > move.x; --x, --y)
            steps.push_back({DiffKind::same, x - 1});
        steps.push_back(move.added_line ? Step{DiffKind::added, from_y} : Step{DiffKind::removed, from_x});
        x = from_x;
        y = from_y;
    }
    for (; x > 0; --x)
        steps.push_back({DiffKind::same, x - 1});
    std::reverse(steps.begin(), steps.end());
    return steps;
}

/// Within each run of changes between kept lines, the removed lines come before the added ones.
void removals_first(std::vector<Step>& steps)
{
    auto start = steps.begin();
    while (start != steps.end()) {
        auto end =
            std::find_if(start, steps.end(), [](const Step& step) { return step.kind == DiffKind::same; });
        std::stable_partition(start, end, [](const Step& step) { return step.kind == DiffKind::removed; });
        start = end == steps.end() ? end : std::next(end);
    }
}

} // namespace

LineDiff diff_lines(const std::string& before, const std::string& after)
{
    auto before_lines = split_lines(before);
    auto after_lines = split_lines(after);
    std::unordered_map<std::string_view, std::int32_t> numbers;
    auto a = number_lines(before_lines, numbers);
    auto b = number_lines(after_lines, numbers);
    // The lines both texts start and end with are kept without searching.
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    std::span<const std::int32_t> middle_a(a.data() + prefix, a.size() - prefix - suffix);
    std::span<const std::int32_t> middle_b(b.data() + prefix, b.size() - prefix - suffix);

    LineDiff diff;
    auto frontiers = search_edits(middle_a, middle_b, diff.work);
    if (!frontiers) {
        diff.outcome = DiffOutcome::too_different;
        return diff;
    }
    auto steps = trace_back(*frontiers, static_cast<std::int32_t>(middle_a.size()),
                            static_cast<std::int32_t>(middle_b.size()));
    removals_first(steps);
    diff.lines.reserve(prefix + steps.size() + suffix);
    for (std::size_t i = 0; i < prefix; ++i)
        diff.lines.push_back({DiffKind::same, std::string(before_lines[i])});
    for (const auto& step : steps) {
        auto index = prefix + static_cast<std::size_t>(step.index);
        const auto& source = step.kind == DiffKind::added ? after_lines : before_lines;
        diff.lines.push_back({step.kind, std::string(source[index])});
    }
    for (std::size_t i = before_lines.size() - suffix; i < before_lines.size(); ++i)
        diff.lines.push_back({DiffKind::same, std::string(before_lines[i])});
    return diff;
}

} // namespace rekrut::domain
