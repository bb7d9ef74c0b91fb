#include "domain/application/application_records.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace rekrut::domain {

namespace {

constexpr std::array<std::pair<ApplicationChannel, std::string_view>, 3> k_channels{{
    {ApplicationChannel::online, "online"},
    {ApplicationChannel::paper, "paper"},
    {ApplicationChannel::email, "email"},
}};

constexpr std::array<std::pair<AttachmentKind, std::string_view>, 3> k_kinds{{
    {AttachmentKind::cover_letter, "cover_letter"},
    {AttachmentKind::cv, "cv"},
    {AttachmentKind::other, "other"},
}};

template <typename Value, std::size_t N>
std::string_view name_of(const std::array<std::pair<Value, std::string_view>, N>& names, Value value)
{
    for (const auto& [candidate, name] : names)
        if (candidate == value)
            return name;
    return names.front().second;
}

template <typename Value, std::size_t N>
std::optional<Value> value_of(const std::array<std::pair<Value, std::string_view>, N>& names,
                              std::string_view text)
{
    for (const auto& [value, name] : names)
        if (name == text)
            return value;
    return std::nullopt;
}

} // namespace

std::string_view to_string(ApplicationChannel channel)
{
    return name_of(k_channels, channel);
}

std::optional<ApplicationChannel> application_channel_from_string(std::string_view text)
{
    return value_of(k_channels, text);
}

std::string_view to_string(AttachmentKind kind)
{
    return name_of(k_kinds, kind);
}

std::optional<AttachmentKind> attachment_kind_from_string(std::string_view text)
{
    return value_of(k_kinds, text);
}

std::string application_reference(const ApplicationRecord& application)
{
    int year = 0;
    unsigned month = 0, day = 0;
    core::civil_from_days(application.received_at / 86400, year, month, day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%06lld", year, static_cast<long long>(application.id));
    return buffer;
}

} // namespace rekrut::domain
