#include "domain/assessment/assessment.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "domain/assessment/assessment_records.hpp"

namespace rekrut::domain {

using core::msgid;

std::string_view to_string(Mark mark)
{
    switch (mark) {
    case Mark::yes: return "yes";
    case Mark::maybe: return "maybe";
    case Mark::no: return "no";
    }
    return "no";
}

std::optional<Mark> mark_from_string(std::string_view text)
{
    for (auto mark : {Mark::yes, Mark::maybe, Mark::no})
        if (to_string(mark) == text)
            return mark;
    return std::nullopt;
}

core::Result<std::vector<Criterion>> check_criteria(std::vector<Criterion> criteria)
{
    std::vector<core::FieldError> errors;
    if (criteria.size() > k_max_criteria)
        errors.push_back({"criteria", msgid("A scorecard has at most 15 criteria.")});
    std::set<std::string> seen;
    for (std::size_t index = 0; index < criteria.size(); ++index) {
        auto& criterion = criteria[index];
        criterion.name = std::string(core::trim(criterion.name));
        const auto field = "criterion_" + std::to_string(index + 1);
        if (criterion.name.empty())
            errors.push_back({field, msgid("Give the criterion a name.")});
        else if (criterion.name.size() > 200)
            errors.push_back({field, msgid("The name of a criterion is at most 200 characters.")});
        else if (!seen.insert(core::ascii_lower(criterion.name)).second)
            errors.push_back({field, msgid("Two criteria have the name {detail}."), criterion.name});
        if (criterion.weight < k_lowest_weight || criterion.weight > k_highest_weight)
            errors.push_back({field + "_weight", msgid("A weight is a whole number from 1 to 10.")});
    }
    if (!errors.empty())
        return core::Error::invalid(msgid("The criteria could not be saved."), std::move(errors));
    return criteria;
}

bool is_valid_score(int score)
{
    return score >= k_lowest_score && score <= k_highest_score;
}

core::Result<std::vector<std::string>> parse_tags(std::string_view text)
{
    std::vector<std::string> tags;
    std::set<std::string> seen;
    for (auto field : core::split(text, ',')) {
        auto tag = std::string(core::trim(field));
        if (tag.empty())
            continue;
        if (tag.size() > k_max_tag_length || tag.find('\n') != std::string::npos)
            return core::Error::invalid(
                msgid("The tags could not be saved."),
                {{"tags", msgid("The tag {detail} is longer than 40 characters."), tag.substr(0, 60)}});
        if (seen.insert(core::ascii_lower(tag)).second)
            tags.push_back(std::move(tag));
    }
    if (tags.size() > k_max_tags)
        return core::Error::invalid(msgid("The tags could not be saved."),
                                    {{"tags", msgid("An application has at most 10 tags.")}});
    return tags;
}

std::optional<int> weighted_mean(const std::vector<Criterion>& criteria, const MemberScores& member)
{
    long long weighted = 0;
    long long weights = 0;
    for (const auto& criterion : criteria) {
        auto score = member.scores.find(criterion.id);
        if (score == member.scores.end() || !is_valid_score(score->second))
            continue;
        weighted += static_cast<long long>(criterion.weight) * score->second;
        weights += criterion.weight;
    }
    if (weights == 0)
        return std::nullopt;
    // Rounded half up to hundredths.
    return static_cast<int>((weighted * 200 + weights) / (weights * 2));
}

AssessmentSummary summarise(const std::vector<Mark>& marks, const std::vector<Criterion>& criteria,
                            const std::vector<MemberScores>& scores)
{
    AssessmentSummary summary;
    for (auto mark : marks) {
        if (mark == Mark::yes)
            ++summary.yes;
        else if (mark == Mark::maybe)
            ++summary.maybe;
        else
            ++summary.no;
    }
    if (!marks.empty()) {
        const auto count = static_cast<long long>(marks.size());
        const long long points = 200LL * summary.yes + 100LL * summary.maybe;
        summary.mark_points = static_cast<int>((points * 2 + count) / (count * 2));
    }
    long long total = 0;
    for (const auto& member : scores) {
        auto mean = weighted_mean(criteria, member);
        if (!mean)
            continue;
        ++summary.scorers;
        total += *mean;
        summary.score_low = summary.score_low ? std::min(*summary.score_low, *mean) : *mean;
        summary.score_high = summary.score_high ? std::max(*summary.score_high, *mean) : *mean;
    }
    if (summary.scorers > 0) {
        const long long scorers = summary.scorers;
        summary.score_mean = static_cast<int>((total * 2 + scorers) / (scorers * 2));
    }
    return summary;
}

bool shows_whole_case(const ApplicationListQuery& query)
{
    return !query.status && !query.knocked_out && !query.priority_access && query.own_mark.empty() &&
           query.tag.empty();
}

std::int64_t whole_case_total(const DeclarationTally& tally)
{
    return std::max<std::int64_t>(0, tally.applications - tally.conflicts);
}

} // namespace rekrut::domain
