#include "domain/job_ad/text_diff.hpp"

#include <algorithm>

namespace rekrut::domain {
namespace {

std::vector<std::string> split_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

} // namespace

std::vector<DiffLine> diff_lines(const std::string& before, const std::string& after)
{
    auto a = split_lines(before);
    auto b = split_lines(after);
    // Ads are short, so the quadratic table is small.
    std::vector<std::vector<int>> common(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;)
        for (std::size_t j = b.size(); j-- > 0;)
            common[i][j] =
                a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    std::vector<DiffLine> result;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            result.push_back({DiffKind::same, a[i]});
            ++i;
            ++j;
        } else if (common[i + 1][j] >= common[i][j + 1]) {
            result.push_back({DiffKind::removed, a[i++]});
        } else {
            result.push_back({DiffKind::added, b[j++]});
        }
    }
    while (i < a.size())
        result.push_back({DiffKind::removed, a[i++]});
    while (j < b.size())
        result.push_back({DiffKind::added, b[j++]});
    return result;
}

} // namespace rekrut::domain
