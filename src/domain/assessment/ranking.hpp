#pragma once

// The committee's ranking lists: what a new order must satisfy, how typed position numbers and the
// up and down buttons reorder a list, how a member's order is merged with the entries a conflict of
// interest hides from them, and how two saved versions compare. Pure: no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace rekrut::domain {

/// At most this many applications on one list.
inline constexpr std::size_t k_max_ranking_entries = 500;
/// The longest name of a list, in bytes.
inline constexpr std::size_t k_max_ranking_name = 200;

/// The round a list prepares.
enum class RankingRound { first_interview, second_interview, final_choice };

std::string_view to_string(RankingRound round);
std::optional<RankingRound> ranking_round_from_string(std::string_view text);
/// The round's name, a msgid.
const char* ranking_round_label(RankingRound round);
inline constexpr RankingRound k_ranking_rounds[] = {
    RankingRound::first_interview, RankingRound::second_interview, RankingRound::final_choice};

/// A ranking list of a case.
struct RankingListRecord {
    std::int64_t id = 0;
    std::int64_t institution_id = 0;
    std::int64_t case_id = 0;
    std::string name;
    RankingRound round = RankingRound::first_interview;
    /// How many versions have been saved (0: the list is empty and was never saved).
    int versions = 0;
    std::int64_t created_by = 0;
    core::UnixTime created_at = 0;
};

/// One saved order of a list.
struct RankingVersionRecord {
    std::int64_t id = 0;
    std::int64_t ranking_list_id = 0;
    int number = 0;
    std::int64_t saved_by = 0;
    std::string saved_by_name;
    core::UnixTime saved_at = 0;
    int entries = 0;
};

/// An application id list in ranking order, the first the best placed.
using RankingOrder = std::vector<std::int64_t>;

/// Why `order` cannot be saved (a msgid), or nullopt when it can: every id at most once, each one
/// of `allowed` (the case's applications the member may see), at most k_max_ranking_entries.
std::optional<std::string> check_order(const RankingOrder& order, const std::set<std::int64_t>& allowed);

/// The order after a keyboard user typed position numbers: `typed` maps an entry to the number
/// typed for it; an entry without one keeps its current number (its place, counted from 1). Entries
/// are sorted by number. On a tie, an entry given a smaller number than its own comes first, then
/// those that kept theirs, then those given a larger one, so that the number typed is the place the
/// entry takes ("1" moves it to the top, the last number to the bottom); otherwise the current order
/// decides. Gaps close.
/// Numbers for ids not on the list are ignored.
RankingOrder order_from_positions(const RankingOrder& current,
                                  const std::map<std::int64_t, long long>& typed);

enum class Move { up, down };

/// The order with `application_id` moved one place; unchanged at the top (up) or bottom (down), or
/// when the id is not on the list.
RankingOrder move_entry(const RankingOrder& current, std::int64_t application_id, Move move);

/// The entries of `order` that are not `hidden`, in their order: what a member with conflicts sees.
RankingOrder visible_part(const RankingOrder& order, const std::set<std::int64_t>& hidden);

/// The full order to save when a member who cannot see `hidden` saves `visible_order`. The rule: a
/// hidden entry stays right after the entry that preceded it in `stored` (the nearest preceding
/// entry the member can see and kept; hidden entries before any such entry stay at the top), so it
/// moves with its neighbour above and never changes its place among the other hidden entries.
/// `visible_order` must not contain hidden ids.
RankingOrder merge_hidden(const RankingOrder& stored, const RankingOrder& visible_order,
                          const std::set<std::int64_t>& hidden);

enum class RankChange { unchanged, up, down, added, removed };
std::string_view to_string(RankChange change);

/// One applicant in the comparison of two versions; positions count from 1.
struct RankComparison {
    std::int64_t application_id = 0;
    std::optional<int> from_position;
    std::optional<int> to_position;
    RankChange change = RankChange::unchanged;
};

/// Every applicant of either version: those of `to` in its order, then those only in `from` (removed)
/// in theirs.
std::vector<RankComparison> compare_orders(const RankingOrder& from, const RankingOrder& to);

} // namespace rekrut::domain
