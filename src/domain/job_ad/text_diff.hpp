#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rekrut::domain {

enum class DiffKind { same, added, removed };

struct DiffLine {
    DiffKind kind = DiffKind::same;
    std::string text;
};

enum class DiffOutcome {
    complete,     ///< `lines` holds both texts line by line.
    too_different ///< The texts differ in more lines than a line-by-line view can show; `lines` is empty.
};

/// The difference between two texts, line by line.
struct LineDiff {
    DiffOutcome outcome = DiffOutcome::complete;
    std::vector<DiffLine> lines;
    /// The steps the comparison took (diagonals tried and lines compared), at most
    /// `k_max_diff_work`. Kept so that the bound on the work can be checked.
    std::size_t work = 0;
};

/// The most lines two versions may differ in (added plus removed) for the diff to be shown line by line.
constexpr std::size_t k_max_diff_changes = 1000;
/// The most steps one comparison may take before it stops with `too_different`. Together with
/// `k_max_diff_changes` this bounds the time and memory of a diff, whatever the size of the texts.
constexpr std::size_t k_max_diff_work = 4'000'000;

/// Line-by-line difference from `before` to `after`, as shown between two versions of an ad: a
/// shortest edit script (Myers's algorithm, after the lines both texts start and end with), with the
/// removed lines of each change before the added ones. The work grows with the size of the texts times
/// the number of changed lines and stops at the limits above.
LineDiff diff_lines(const std::string& before, const std::string& after);

} // namespace rekrut::domain
