#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace rekrut::domain {

/// A member's judgement of one applicant in the individual assessment. Stored as the lower-case name.
enum class Mark { yes, maybe, no };

std::string_view to_string(Mark mark);
std::optional<Mark> mark_from_string(std::string_view text);

/// The screening methods a case uses; several may be combined.
struct ScreeningMethods {
    bool individual = true; ///< Each member marks each applicant Yes, Maybe or No.
    bool scorecard = false; ///< Members score the case's weighted criteria 1 to 5.
    bool knockout = true;   ///< Applicants whose answers hit a disqualifying option are grouped.
    bool anonymous = false; ///< The first round hides who the applicants are from the committee.
};

/// One criterion of a case's scorecard, drawn from the requirement profile.
struct Criterion {
    std::int64_t id = 0;
    std::string name;
    int weight = 1;
};

inline constexpr int k_lowest_score = 1;
inline constexpr int k_highest_score = 5;
inline constexpr int k_lowest_weight = 1;
inline constexpr int k_highest_weight = 10;
/// The most criteria one scorecard has: more than this is no longer a judgement anyone can make.
inline constexpr std::size_t k_max_criteria = 15;
/// The most characters of a tag, and the most tags on one application.
inline constexpr std::size_t k_max_tag_length = 40;
inline constexpr std::size_t k_max_tags = 10;
/// The most of a note or a mark's comment.
inline constexpr std::size_t k_max_note_length = 5000;

/// Checks a scorecard's criteria: names given, short and different; weights within bounds.
core::Result<std::vector<Criterion>> check_criteria(std::vector<Criterion> criteria);
/// Checks one score: whole points from 1 to 5.
bool is_valid_score(int score);
/// Checks and normalises tags typed as a comma-separated line: trimmed, without duplicates (case
/// folded), each bounded; the field error names the offending tag.
core::Result<std::vector<std::string>> parse_tags(std::string_view text);

/// One member's scores of one applicant: criterion id → score.
struct MemberScores {
    std::int64_t user_id = 0;
    std::map<std::int64_t, int> scores;
};

/// What the committee's marks and scores of one applicant add up to. Scores are kept in hundredths,
/// so that the stored summary sorts exactly.
struct AssessmentSummary {
    int yes = 0;
    int maybe = 0;
    int no = 0;
    /// Two points per Yes and one per Maybe, divided by the marks given, in hundredths: 200 is a
    /// unanimous Yes and 0 a unanimous No. Empty without marks.
    std::optional<int> mark_points;
    int scorers = 0; ///< Members who scored at least one criterion.
    /// The mean of the members' weighted means, in hundredths (100–500); empty without scores.
    std::optional<int> score_mean;
    /// The lowest and the highest member's weighted mean: the spread of the committee's judgement.
    std::optional<int> score_low;
    std::optional<int> score_high;
};

/// A member's weighted mean over the criteria they scored, in hundredths; empty if they scored
/// none. Scores for criteria that no longer exist are ignored.
std::optional<int> weighted_mean(const std::vector<Criterion>& criteria, const MemberScores& member);
/// Sums up the committee's marks and scores of one applicant.
AssessmentSummary summarise(const std::vector<Mark>& marks, const std::vector<Criterion>& criteria,
                            const std::vector<MemberScores>& scores);

/// Independent judgement: a member sees the others' marks (or scores) of an applicant only once they
/// have given their own. Those who do not assess (the administration) see them all.
constexpr bool sees_committee_judgement(bool is_member, bool gave_own)
{
    return !is_member || gave_own;
}

/// No applicant is rejected before the application deadline, whatever the screening found: until
/// then an applicant may still change their application.
constexpr bool may_reject_now(std::optional<core::UnixTime> deadline, core::UnixTime now)
{
    return deadline && now >= *deadline;
}

} // namespace rekrut::domain
