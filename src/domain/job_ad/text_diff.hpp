#pragma once

#include <string>
#include <vector>

namespace rekrut::domain {

enum class DiffKind { same, added, removed };

struct DiffLine {
    DiffKind kind = DiffKind::same;
    std::string text;
};

/// Line-by-line difference from `before` to `after` (longest common subsequence), as shown
/// between two versions of an ad.
std::vector<DiffLine> diff_lines(const std::string& before, const std::string& after);

} // namespace rekrut::domain
