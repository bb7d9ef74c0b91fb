#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "web/page_kit.hpp"
#include "web/request.hpp"
#include "web/response.hpp"

namespace rekrut::web {

struct AppContext;

// Conflict declarations (forvaltningsloven § 3): the member's form and the Projektleder's overview.
Response show_declarations(AppContext& context, Request& request);
Response submit_declarations(AppContext& context, Request& request);
Response show_conflict_overview(AppContext& context, Request& request);
// The case's screening methods and scorecard.
Response show_screening(AppContext& context, Request& request);
Response submit_screening(AppContext& context, Request& request);
// Work on one application: mark, scores, note, tags, a later conflict, lifting anonymity, and its
// attachments as text.
Response submit_mark(AppContext& context, Request& request);
Response submit_scores(AppContext& context, Request& request);
Response submit_note(AppContext& context, Request& request);
Response submit_tags(AppContext& context, Request& request);
Response submit_conflict(AppContext& context, Request& request);
Response submit_lift_anonymity(AppContext& context, Request& request);
Response show_attachment_text(AppContext& context, Request& request);
// The list's bulk actions: write a mail to the chosen, or change their status.
Response submit_bulk_action(AppContext& context, Request& request);

/// The application page's assessment panel (include ASSESSMENT), with the problem of a refused
/// submission and the note as typed.
void fill_assessment_panel(Dictionary& dictionary, AppContext& context, const Request& request,
                           std::int64_t case_id, std::int64_t application_id,
                           const std::optional<core::Error>& error, const std::string& note_text);
/// Where a member who owes declarations is sent, or nullopt when the error is another.
std::optional<Response> redirect_to_declarations(const core::Error& error, std::int64_t case_id);

} // namespace rekrut::web
