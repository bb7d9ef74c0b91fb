#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "domain/access/roles.hpp"
#include "domain/recruitment_case/case_lifecycle.hpp"

namespace rekrut::web {

/// The names of case states, transitions and case roles as shown to users (msgids).
const char* state_label(domain::CaseState state);
const char* transition_label(domain::CaseTransition transition);
const char* role_label(domain::CaseRole role);
/// The name of an ad language ("da" or "en") in the interface language (msgid "Danish" or "English").
const char* language_label(const std::string& code);

/// A deadline in Copenhagen time as `language` writes it ("28. december 2026 kl. 12.00"), or empty.
std::string deadline_text(const std::optional<core::UnixTime>& deadline, const std::string& language);

} // namespace rekrut::web
