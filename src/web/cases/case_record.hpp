#pragma once

// The parts of the case page that follow the record-page pattern (web/record_page.hpp): the
// lifecycle, the next possible steps and the summary of the case's facts.

#include <functional>
#include <string>

#include "services/recruitment_case/case_types.hpp"
#include "web/record_page.hpp"

namespace rekrut::web {

/// Where a field named by a refused step is put right (an anchor on the page or a form).
using FieldLink = std::function<std::string(const std::string&)>;

/// The lifecycle as a step indicator (nothing for a cancelled case, which shows a notice instead).
void fill_case_lifecycle(Dictionary& dictionary, const AppContext& context, const Request& request,
                         const domain::CaseRecord& record);

/// The steps that can be taken now as buttons, those that cannot yet with the reason, and the
/// link that cancels the case (after confirmation) when `may_change`.
void fill_next_steps(Dictionary& dictionary, const AppContext& context, const Request& request,
                     const services::CaseOverview& overview, bool may_change, const FieldLink& field_link);

/// The case's facts in groups, each with a link to its part of the edit form when `can_edit`.
void fill_case_summary(Dictionary& dictionary, const AppContext& context, const Request& request,
                       const services::CaseOverview& overview, bool can_edit);

/// The confirmation of cancelling the case: what happens, and the reason asked.
Confirmation cancel_confirmation(const AppContext& context, const Request& request,
                                 const domain::CaseRecord& record);

/// The confirmation of removing `member` from the committee.
Confirmation remove_member_confirmation(const AppContext& context, const Request& request,
                                        const domain::CaseRecord& record,
                                        const domain::CommitteeMemberRecord& member);

/// What a read-only page of a case that can no longer be edited shows in place of its form.
enum class LockedPart { facts, ad };

/// The case's facts (or, for `ad`, the ad's state) read-only, with why they cannot be changed and a
/// link back to the case; for a form posted against such a case, status 409 and the refusal alone.
Response locked_case_page(AppContext& context, Request& request, const services::CaseOverview& overview,
                          LockedPart part, const std::function<void(Dictionary&)>& fill_more = {});

} // namespace rekrut::web
