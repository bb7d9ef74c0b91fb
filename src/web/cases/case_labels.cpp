#include "web/cases/case_labels.hpp"

#include "core/display_format.hpp"
#include "core/result.hpp"

namespace rekrut::web {

using core::msgid;
using domain::CaseState;
using domain::CaseTransition;

const char* state_label(CaseState state)
{
    switch (state) {
    case CaseState::draft: return msgid("Draft");
    case CaseState::ready_for_publication: return msgid("Ready for publication");
    case CaseState::published: return msgid("Published");
    case CaseState::closed_for_applications: return msgid("Closed for applications");
    case CaseState::assessment: return msgid("Assessment");
    case CaseState::decision: return msgid("Decision");
    case CaseState::filled: return msgid("Filled");
    case CaseState::cancelled: return msgid("Cancelled");
    }
    return msgid("Draft");
}

const char* transition_label(CaseTransition transition)
{
    switch (transition) {
    case CaseTransition::mark_ready: return msgid("Mark as ready for publication");
    case CaseTransition::reopen_draft: return msgid("Back to draft");
    case CaseTransition::publish: return msgid("Publish");
    case CaseTransition::close_applications: return msgid("Close for applications");
    case CaseTransition::start_assessment: return msgid("Start assessment");
    case CaseTransition::propose_decision: return msgid("Move to decision");
    case CaseTransition::return_decision: return msgid("Return the proposal");
    case CaseTransition::mark_filled: return msgid("Mark as filled");
    case CaseTransition::cancel: return msgid("Cancel the case");
    }
    return msgid("Publish");
}

const char* role_label(domain::CaseRole role)
{
    switch (role) {
    case domain::CaseRole::projektleder: return msgid("Projektleder");
    case domain::CaseRole::projektdeltager: return msgid("Projektdeltager");
    case domain::CaseRole::ansaettende_leder: return msgid("Ansættende leder");
    }
    return msgid("Projektdeltager");
}

const char* language_label(const std::string& code)
{
    return code == "en" ? msgid("English") : msgid("Danish");
}

std::string deadline_text(const std::optional<core::UnixTime>& deadline, const std::string& language)
{
    return core::format_date_time(deadline, language);
}

} // namespace rekrut::web
