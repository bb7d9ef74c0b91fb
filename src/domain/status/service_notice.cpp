#include "domain/status/service_notice.hpp"

#include "core/text.hpp"
#include "domain/field_limits.hpp"

namespace rekrut::domain {
namespace {

/// A required, UTF-8, bounded text field; adds the field's problem to `problems`.
void check_text(std::vector<core::FieldError>& problems, const std::string& field, const std::string& text,
                std::size_t limit, bool required, const char* missing, const char* too_long)
{
    if (!core::is_valid_utf8(text))
        problems.push_back({field, core::msgid("The text contains characters that cannot be read.")});
    else if (text.size() > limit)
        problems.push_back({field, too_long});
    else if (required && core::trim(text).empty())
        problems.push_back({field, missing});
}

} // namespace

std::string to_string(NoticeKind kind)
{
    return kind == NoticeKind::incident ? "incident" : "service_window";
}

std::optional<NoticeKind> notice_kind_from_string(const std::string& text)
{
    if (text == "incident")
        return NoticeKind::incident;
    if (text == "service_window")
        return NoticeKind::service_window;
    return std::nullopt;
}

core::Status check_notice(const NoticeInput& input, core::UnixTime now)
{
    std::vector<core::FieldError> problems;
    check_text(problems, "title", input.title, limits::name, true, core::msgid("Enter a title."),
               core::msgid("The title can be at most 200 characters."));
    check_text(problems, "affected", input.affected, limits::line, true, core::msgid("Say what is affected."),
               core::msgid("The text can be at most 2000 characters."));
    check_text(problems, "actions", input.actions, limits::line, false, "",
               core::msgid("The text can be at most 2000 characters."));
    // A minute's grace: the form was filled in a moment ago.
    constexpr core::UnixTime grace = 60;
    if (input.kind == NoticeKind::service_window) {
        if (!input.starts_at)
            problems.push_back({"starts", core::msgid("Enter when the service window starts.")});
        else if (*input.starts_at < now - grace)
            problems.push_back({"starts", core::msgid("The service window cannot start in the past.")});
        if (!input.ends_at)
            problems.push_back({"ends", core::msgid("Enter when the service window ends.")});
        else if (input.starts_at && *input.ends_at <= *input.starts_at)
            problems.push_back({"ends", core::msgid("The end must be after the start.")});
        else if (input.starts_at && *input.ends_at - *input.starts_at > k_longest_window)
            problems.push_back({"ends", core::msgid("A service window can last at most 7 days.")});
    } else {
        core::UnixTime start = input.starts_at.value_or(now);
        if (start > now + grace)
            problems.push_back({"starts", core::msgid("An incident cannot start in the future.")});
        if (input.ends_at && *input.ends_at <= std::max(start, now))
            problems.push_back({"ends", core::msgid("The expected end must be in the future.")});
    }
    if (!problems.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."), problems);
    return core::success();
}

core::Status check_update_text(const std::string& text)
{
    std::vector<core::FieldError> problems;
    check_text(problems, "text", text, limits::line, true, core::msgid("Write the update."),
               core::msgid("The text can be at most 2000 characters."));
    if (!problems.empty())
        return core::Error::invalid(core::msgid("Check the marked fields."), problems);
    return core::success();
}

bool notice_is_current(const ServiceNotice& notice, core::UnixTime now)
{
    if (notice.resolved_at || notice.starts_at > now)
        return false;
    if (notice.kind == NoticeKind::service_window)
        return notice.ends_at && now < *notice.ends_at;
    return true;
}

bool notice_is_ahead(const ServiceNotice& notice, core::UnixTime now)
{
    return notice.kind == NoticeKind::service_window && !notice.resolved_at && notice.starts_at > now;
}

bool notice_shows_banner(const ServiceNotice& notice, core::UnixTime now)
{
    return notice_is_current(notice, now) ||
           (notice_is_ahead(notice, now) && notice.starts_at - now <= k_banner_lead);
}

} // namespace rekrut::domain
