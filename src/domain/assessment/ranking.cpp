#include "domain/assessment/ranking.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/result.hpp"

namespace rekrut::domain {

using core::msgid;

std::string_view to_string(RankingRound round)
{
    switch (round) {
    case RankingRound::first_interview: return "first_interview";
    case RankingRound::second_interview: return "second_interview";
    case RankingRound::final_choice: return "final";
    }
    return "first_interview";
}

std::optional<RankingRound> ranking_round_from_string(std::string_view text)
{
    for (auto round : k_ranking_rounds)
        if (to_string(round) == text)
            return round;
    return std::nullopt;
}

const char* ranking_round_label(RankingRound round)
{
    switch (round) {
    case RankingRound::first_interview: return msgid("To the 1st interview");
    case RankingRound::second_interview: return msgid("To the 2nd interview");
    case RankingRound::final_choice: return msgid("Final ranking");
    }
    return "";
}

std::optional<std::string> check_order(const RankingOrder& order, const std::set<std::int64_t>& allowed)
{
    if (order.size() > k_max_ranking_entries)
        return msgid("A ranking list holds at most 500 applicants.");
    std::set<std::int64_t> seen;
    for (auto id : order) {
        if (!allowed.contains(id))
            return msgid("The order names an application that is not one of the case's applications you "
                         "can see.");
        if (!seen.insert(id).second)
            return msgid("The order names an application more than once.");
    }
    return std::nullopt;
}

RankingOrder order_from_positions(const RankingOrder& current, const std::map<std::int64_t, long long>& typed)
{
    struct Place {
        long long number;
        int direction; ///< -1 moved up, 0 kept its number, 1 moved down
        std::size_t index;
        std::int64_t id;
    };
    std::vector<Place> places;
    places.reserve(current.size());
    for (std::size_t index = 0; index < current.size(); ++index) {
        const auto own = static_cast<long long>(index) + 1;
        auto found = typed.find(current[index]);
        const long long number = found == typed.end() ? own : found->second;
        places.push_back({number, number < own ? -1 : number > own ? 1 : 0, index, current[index]});
    }
    std::sort(places.begin(), places.end(), [](const Place& left, const Place& right) {
        if (left.number != right.number)
            return left.number < right.number;
        if (left.direction != right.direction)
            return left.direction < right.direction;
        return left.index < right.index;
    });
    RankingOrder order;
    order.reserve(places.size());
    for (const auto& place : places)
        order.push_back(place.id);
    return order;
}

RankingOrder move_entry(const RankingOrder& current, std::int64_t application_id, Move move)
{
    auto order = current;
    auto found = std::find(order.begin(), order.end(), application_id);
    if (found == order.end())
        return order;
    if (move == Move::up && found != order.begin())
        std::iter_swap(found, found - 1);
    else if (move == Move::down && found + 1 != order.end())
        std::iter_swap(found, found + 1);
    return order;
}

RankingOrder visible_part(const RankingOrder& order, const std::set<std::int64_t>& hidden)
{
    RankingOrder visible;
    visible.reserve(order.size());
    for (auto id : order)
        if (!hidden.contains(id))
            visible.push_back(id);
    return visible;
}

RankingOrder merge_hidden(const RankingOrder& stored, const RankingOrder& visible_order,
                          const std::set<std::int64_t>& hidden)
{
    const std::set<std::int64_t> kept(visible_order.begin(), visible_order.end());
    // The hidden entries that follow each kept visible entry in the stored order; key 0 for those
    // above every kept visible entry (application ids are never 0).
    std::unordered_map<std::int64_t, RankingOrder> followers;
    std::int64_t anchor = 0;
    for (auto id : stored) {
        if (hidden.contains(id))
            followers[anchor].push_back(id);
        else if (kept.contains(id))
            anchor = id;
    }
    RankingOrder merged;
    merged.reserve(visible_order.size() + hidden.size());
    auto append_followers = [&](std::int64_t of) {
        if (auto found = followers.find(of); found != followers.end())
            merged.insert(merged.end(), found->second.begin(), found->second.end());
    };
    append_followers(0);
    for (auto id : visible_order) {
        merged.push_back(id);
        append_followers(id);
    }
    return merged;
}

std::string_view to_string(RankChange change)
{
    switch (change) {
    case RankChange::unchanged: return "unchanged";
    case RankChange::up: return "up";
    case RankChange::down: return "down";
    case RankChange::added: return "added";
    case RankChange::removed: return "removed";
    }
    return "unchanged";
}

std::vector<RankComparison> compare_orders(const RankingOrder& from, const RankingOrder& to)
{
    std::unordered_map<std::int64_t, int> from_position;
    for (std::size_t index = 0; index < from.size(); ++index)
        from_position.emplace(from[index], static_cast<int>(index + 1));
    std::set<std::int64_t> in_to(to.begin(), to.end());
    std::vector<RankComparison> rows;
    rows.reserve(from.size() + to.size());
    for (std::size_t index = 0; index < to.size(); ++index) {
        RankComparison row{to[index], std::nullopt, static_cast<int>(index + 1), RankChange::added};
        if (auto found = from_position.find(to[index]); found != from_position.end()) {
            row.from_position = found->second;
            row.change = found->second == *row.to_position  ? RankChange::unchanged
                         : found->second > *row.to_position ? RankChange::up
                                                            : RankChange::down;
        }
        rows.push_back(row);
    }
    for (std::size_t index = 0; index < from.size(); ++index)
        if (!in_to.contains(from[index]))
            rows.push_back({from[index], static_cast<int>(index + 1), std::nullopt, RankChange::removed});
    return rows;
}

} // namespace rekrut::domain
