#include "services/assessment/assessment.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/secret_stream.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/free_text/sensitive_text.hpp"
#include "services/assessment/committee_facts.hpp"
#include "services/audit_personal.hpp"
#include "services/sealed_text.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"

namespace rekrut::services {

using core::msgid;
using domain::Action;

bool is_declarations_pending(const core::Error& error)
{
    return error.kind == core::ErrorKind::conflict && error.message == k_declarations_pending;
}

namespace {

std::string ids_json(const std::vector<std::int64_t>& ids)
{
    std::string text = "[";
    for (auto id : ids)
        text += (text.size() > 1 ? "," : "") + std::to_string(id);
    return text + "]";
}

/// Recomputes the application's stored summary from the marks and scores it has now.
void refresh_summary(store::Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                     std::int64_t application_id)
{
    std::vector<domain::Mark> marks;
    for (const auto& mark : store::assessment::marks(transaction, institution_id, application_id))
        marks.push_back(mark.mark);
    store::assessment::save_summary(
        transaction, institution_id, case_id, application_id,
        domain::summarise(marks, store::assessment::criteria(transaction, institution_id, case_id),
                          store::assessment::scores(transaction, institution_id, application_id)));
}

/// The application of the case, or nothing.
std::optional<domain::ApplicationRecord> application_of(store::Session& session, std::int64_t institution_id,
                                                        std::int64_t case_id, std::int64_t application_id)
{
    auto application = store::applications::find(session, institution_id, application_id);
    if (!application || application->case_id != case_id)
        return std::nullopt;
    return application;
}

/// What the detector found in staff free text, for the warning: each word once, a CPR number as "CPR".
std::string found_words(const std::string& text, const std::vector<domain::SensitiveFinding>& findings)
{
    std::string found;
    for (const auto& finding : findings) {
        auto word = finding.kind == domain::SensitiveKind::cpr_number
                        ? std::string("CPR")
                        : text.substr(finding.offset, finding.length);
        if (found.find(word) == std::string::npos)
            found += (found.empty() ? "" : ", ") + word;
    }
    return found;
}

/// The kinds found, for the audit trail: never the words themselves.
std::string found_kinds(const std::vector<domain::SensitiveFinding>& findings)
{
    std::string kinds;
    for (const auto& finding : findings) {
        const std::string kind(domain::to_string(finding.kind));
        if (kinds.find(kind) == std::string::npos)
            kinds += (kinds.empty() ? "" : ", ") + kind;
    }
    return kinds;
}

std::string methods_json(const domain::ScreeningMethods& methods,
                         const std::vector<domain::Criterion>& criteria)
{
    std::string list;
    for (const auto& criterion : criteria)
        list += (list.empty() ? "" : "; ") + criterion.name + " (" + std::to_string(criterion.weight) + ")";
    auto flag = [](bool value) { return std::string(value ? "yes" : "no"); };
    return json_object({{"individual", flag(methods.individual)},
                        {"scorecard", flag(methods.scorecard)},
                        {"knockout", flag(methods.knockout)},
                        {"anonymous", flag(methods.anonymous)},
                        {"criteria", list}});
}

} // namespace

core::Result<DeclarationForm> Assessment::declaration_form(const domain::Actor& actor,
                                                           std::int64_t institution_id, std::int64_t case_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<DeclarationForm> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        if (!domain::can(actor, Action::declare_conflicts, {institution_id, case_id, {}, false, {}}))
            return committee_refusal(actor, {institution_id, case_id, {}, false, {}});
        DeclarationForm form{*record, {}};
        for (const auto& pending :
             store::assessment::undeclared(session, institution_id, case_id, actor.user_id))
            form.pending.push_back({pending.application_id, pending.full_name, pending.received_at});
        return form;
    });
}

core::Status Assessment::declare(const domain::Actor& actor, std::int64_t institution_id,
                                 std::int64_t case_id, const std::vector<std::int64_t>& conflicts,
                                 const std::vector<std::int64_t>& none, const Origin& origin)
{
    if (!m_database.read([&](store::Session& session) {
            return store::cases::find(session, institution_id, case_id).has_value();
        }))
        return core::Error::not_found();
    if (!domain::can(actor, Action::declare_conflicts, {institution_id, case_id, {}, false, {}}))
        return committee_refusal(actor, {institution_id, case_id, {}, false, {}});
    if (conflicts.empty() && none.empty())
        return core::Error::invalid(
            msgid("Choose for each applicant whether you have a conflict of interest."),
            {{"declarations", msgid("Choose for each applicant whether you have a conflict of interest.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        std::set<std::int64_t> pending;
        for (const auto& entry :
             store::assessment::undeclared(transaction, institution_id, case_id, actor.user_id))
            pending.insert(entry.application_id);
        std::set<std::int64_t> seen;
        for (const auto* ids : {&conflicts, &none})
            for (auto id : *ids)
                if (!pending.count(id) || !seen.insert(id).second)
                    return core::Error::invalid(msgid("The declarations could not be saved: the list of "
                                                      "applicants has changed. Declare again."));
        const auto now = core::now();
        for (auto id : conflicts)
            store::assessment::declare(transaction, institution_id, case_id, id, actor.user_id, true, now);
        for (auto id : none)
            store::assessment::declare(transaction, institution_id, case_id, id, actor.user_id, false, now);
        record_audit(
            transaction, origin,
            {institution_id, "conflict.declared", "recruitment_case", std::to_string(case_id), "{}",
             "{\"conflict_of_interest\":" + ids_json(conflicts) + ",\"none\":" + ids_json(none) + "}"});
        return core::success();
    });
}

core::Status Assessment::declare_conflict(const domain::Actor& actor, std::int64_t institution_id,
                                          std::int64_t case_id, std::int64_t application_id,
                                          const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!application_of(transaction, institution_id, case_id, application_id))
            return core::Error::not_found();
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::declare_conflicts, resource) || resource.conflict_of_interest)
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        store::assessment::declare(transaction, institution_id, case_id, application_id, actor.user_id, true,
                                   core::now());
        record_audit(transaction, origin,
                     {institution_id, "conflict.declared", "application", std::to_string(application_id),
                      "{}",
                      "{\"conflict_of_interest\":[" + std::to_string(application_id) + "],\"none\":[]}"});
        return core::success();
    });
}

core::Result<DeclarationOverview> Assessment::declarations(const domain::Actor& actor,
                                                           std::int64_t institution_id, std::int64_t case_id)
{
    if (!domain::can(actor, Action::view_conflict_declarations, {institution_id, case_id, {}, false, {}}))
        return committee_refusal(actor, {institution_id, case_id, {}, false, {}});
    return m_database.read([&](store::Session& session) -> core::Result<DeclarationOverview> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        DeclarationOverview overview{*record, {}, {}, {}, {}};
        for (auto& declaration : store::assessment::declarations(session, institution_id, case_id)) {
            if (declaration.conflict)
                overview.conflicts.push_back(std::move(declaration));
            else
                ++overview.declared_none[declaration.member_name];
        }
        std::set<std::int64_t> seen;
        for (const auto& member : store::cases::committee(session, institution_id, case_id))
            if (seen.insert(member.user_id).second &&
                store::assessment::has_undeclared(session, institution_id, case_id, member.user_id))
                overview.pending_members.push_back(member.name);
        const bool anonymous = store::assessment::methods(session, institution_id, case_id).anonymous;
        const bool sees_names = !is_member(actor, institution_id, case_id) || !anonymous;
        for (const auto& conflict : overview.conflicts)
            if (auto application =
                    store::applications::find(session, institution_id, conflict.application_id))
                overview.labels[conflict.application_id] =
                    sees_names ||
                            store::assessment::anonymity_lifted(session, institution_id, application->id)
                        ? application->full_name
                        : domain::application_reference(*application);
        return overview;
    });
}

core::Result<ScreeningSettings> Assessment::screening(const domain::Actor& actor, std::int64_t institution_id,
                                                      std::int64_t case_id)
{
    if (!domain::can(actor, Action::view_case, {institution_id, case_id, {}, false, {}}))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<ScreeningSettings> {
        auto record = store::cases::find(session, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        return ScreeningSettings{
            *record, store::assessment::methods(session, institution_id, case_id),
            store::assessment::criteria(session, institution_id, case_id),
            domain::can(actor, Action::configure_screening, {institution_id, case_id, {}, false, {}})};
    });
}

core::Status Assessment::save_screening(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, const domain::ScreeningMethods& methods,
                                        std::vector<domain::Criterion> criteria, const Origin& origin)
{
    if (!domain::can(actor, Action::configure_screening, {institution_id, case_id, {}, false, {}}))
        return committee_refusal(actor, {institution_id, case_id, {}, false, {}});
    auto checked = domain::check_criteria(std::move(criteria));
    if (!checked)
        return checked.error();
    if (methods.scorecard && checked->empty())
        return core::Error::invalid(msgid("The screening could not be saved."),
                                    {{"criterion_1", msgid("A scorecard needs at least one criterion.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        if (!store::cases::find(transaction, institution_id, case_id))
            return core::Error::not_found();
        const auto before_methods = store::assessment::methods(transaction, institution_id, case_id);
        const auto before_criteria = store::assessment::criteria(transaction, institution_id, case_id);
        for (const auto& criterion : *checked)
            if (criterion.id != 0 &&
                std::none_of(before_criteria.begin(), before_criteria.end(),
                             [&](const domain::Criterion& old) { return old.id == criterion.id; }))
                return core::Error::not_found();
        store::assessment::save_methods(transaction, institution_id, case_id, methods, actor.user_id,
                                        core::now());
        store::assessment::save_criteria(transaction, institution_id, case_id, *checked);
        for (auto application_id :
             store::assessment::assessed_applications(transaction, institution_id, case_id))
            refresh_summary(transaction, institution_id, case_id, application_id);
        record_audit(
            transaction, origin,
            {institution_id, "screening.changed", "recruitment_case", std::to_string(case_id),
             methods_json(before_methods, before_criteria),
             methods_json(methods, store::assessment::criteria(transaction, institution_id, case_id))});
        return core::success();
    });
}

core::Result<AssessmentList> Assessment::list(const domain::Actor& actor, domain::ApplicationListQuery query)
{
    return m_database.read([&](store::Session& session) -> core::Result<AssessmentList> {
        AssessmentList list;
        CommitteeReads reads;
        auto resource =
            committee_resource(session, actor, query.institution_id, query.case_id, std::nullopt, &reads);
        list.methods = reads.methods;
        if (!domain::can(actor, Action::view_applications, resource))
            return committee_refusal(actor, resource);
        auto record = store::cases::find(session, query.institution_id, query.case_id);
        if (!record)
            return core::Error::not_found();
        query.viewer_id = actor.user_id;
        query.member = is_member(actor, query.institution_id, query.case_id);
        list.case_record = *record;
        list.member = query.member;
        // In an anonymised round a member may not order the applicants by name: it would tell.
        if (list.methods.anonymous && query.member && query.sort == domain::ApplicationSort::name)
            query.sort = domain::ApplicationSort::received;
        list.page = store::assessment::list(session, query);
        // A member's list of the whole case is counted by the tally read for the policy above.
        list.total = query.member && reads.tally && domain::shows_whole_case(query)
                         ? static_cast<int>(domain::whole_case_total(*reads.tally))
                         : store::assessment::count(session, query);
        list.tags = store::assessment::case_tags(session, query.institution_id, query.case_id);
        list.can_change_status = domain::can(actor, Action::change_application_status, resource);
        list.may_reject = domain::may_reject_now(record->application_deadline, core::now());
        for (const auto& row : list.page.rows) {
            auto row_resource = resource;
            row_resource.anonymous_round = list.methods.anonymous && !row.anonymity_lifted;
            list.anonymised[row.id] = !domain::can(actor, Action::see_applicant_identity, row_resource);
        }
        return list;
    });
}

core::Result<ApplicationAssessment> Assessment::assessment_of(const domain::Actor& actor,
                                                              std::int64_t institution_id,
                                                              std::int64_t case_id,
                                                              std::int64_t application_id)
{
    return m_database.read([&](store::Session& session) -> core::Result<ApplicationAssessment> {
        auto resource = committee_resource(session, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::view_applications, resource))
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        if (!application_of(session, institution_id, case_id, application_id))
            return core::Error::not_found();
        ApplicationAssessment view;
        view.methods = store::assessment::methods(session, institution_id, case_id);
        view.member = is_member(actor, institution_id, case_id);
        view.can_assess = domain::can(actor, Action::assess_applications, resource);
        view.can_change_status = domain::can(actor, Action::change_application_status, resource);
        view.anonymised = !domain::can(actor, Action::see_applicant_identity, resource);
        view.can_lift_anonymity =
            resource.anonymous_round && domain::can(actor, Action::lift_anonymity, resource);
        auto key = store::application_keys::load(session, application_id);
        for (const auto& mark : store::assessment::marks(session, institution_id, application_id))
            if (mark.user_id == actor.user_id) {
                view.own_mark = mark.mark;
                view.own_comment = open_text(key, mark.sealed_comment);
            }
        view.committee_hidden = !domain::sees_committee_judgement(view.member, view.own_mark.has_value());
        if (!view.committee_hidden)
            for (const auto& mark : store::assessment::marks(session, institution_id, application_id))
                view.committee_marks.push_back({mark.member_name, mark.mark,
                                                open_text(key, mark.sealed_comment),
                                                mark.user_id == actor.user_id});
        view.criteria = store::assessment::criteria(session, institution_id, case_id);
        auto scores = store::assessment::scores(session, institution_id, application_id);
        for (const auto& member : scores)
            if (member.user_id == actor.user_id)
                view.own_scores = member.scores;
        view.scores_hidden = !domain::sees_committee_judgement(view.member, !view.own_scores.empty());
        std::vector<domain::Mark> marks;
        for (const auto& mark : view.committee_marks)
            marks.push_back(mark.mark);
        view.summary =
            domain::summarise(marks, view.criteria, view.scores_hidden ? decltype(scores){} : scores);
        for (const auto& note : store::assessment::notes(session, institution_id, application_id))
            view.notes.push_back({note.author_name, open_text(key, note.sealed_text),
                                  note.sensitive_confirmed, note.created_at});
        view.tags = store::assessment::tags(session, institution_id, application_id);
        domain::AuditFilter filter;
        filter.institution_id = institution_id;
        filter.object_type = "application";
        filter.object_id = std::to_string(application_id);
        filter.limit = 200;
        view.history = store::audit_events::list(session, filter);
        open_personal_data(session, view.history);
        return view;
    });
}

core::Status Assessment::set_mark(const domain::Actor& actor, std::int64_t institution_id,
                                  std::int64_t case_id, std::int64_t application_id, domain::Mark mark,
                                  const NoteInput& comment_input, const Origin& origin)
{
    const auto comment = std::string(core::trim(comment_input.text));
    if (comment.size() > domain::k_max_note_length)
        return core::Error::invalid(msgid("The mark could not be saved."),
                                    {{"comment", msgid("A comment is at most 5,000 characters.")}});
    const auto findings = domain::find_sensitive_text(comment);
    if (!findings.empty() && !comment_input.confirmed_sensitive)
        return core::Error::invalid(msgid("The comment may hold personal data that does not belong in it."),
                                    {{"comment",
                                      msgid("The comment seems to hold a CPR number or sensitive data "
                                            "({detail}). Remove it, or confirm that it must be kept."),
                                      found_words(comment, findings)}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::assess_applications, resource))
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        if (!application_of(transaction, institution_id, case_id, application_id))
            return core::Error::not_found();
        if (!store::assessment::methods(transaction, institution_id, case_id).individual)
            return core::Error::invalid(msgid("This case does not use individual assessment."));
        auto key = store::application_keys::load(transaction, application_id);
        store::assessment::set_mark(transaction, institution_id, case_id, application_id, actor.user_id, mark,
                                    seal_text(key, comment), core::now());
        refresh_summary(transaction, institution_id, case_id, application_id);
        record_audit(transaction, origin,
                     {institution_id, "assessment.marked", "application", std::to_string(application_id),
                      "{}", json_object({{"fields", comment.empty() ? "mark" : "mark, comment"}})});
        return core::success();
    });
}

core::Status Assessment::set_scores(const domain::Actor& actor, std::int64_t institution_id,
                                    std::int64_t case_id, std::int64_t application_id,
                                    const std::map<std::int64_t, int>& scores, const Origin& origin)
{
    for (const auto& [criterion, score] : scores)
        if (!domain::is_valid_score(score))
            return core::Error::invalid(
                msgid("The scores could not be saved."),
                {{"score_" + std::to_string(criterion), msgid("A score is a whole number from 1 to 5.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::assess_applications, resource))
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        if (!application_of(transaction, institution_id, case_id, application_id))
            return core::Error::not_found();
        if (!store::assessment::methods(transaction, institution_id, case_id).scorecard)
            return core::Error::invalid(msgid("This case does not use a scorecard."));
        const auto criteria = store::assessment::criteria(transaction, institution_id, case_id);
        for (const auto& entry : scores)
            if (std::none_of(criteria.begin(), criteria.end(),
                             [&](const domain::Criterion& known) { return known.id == entry.first; }))
                return core::Error::not_found();
        store::assessment::set_scores(transaction, institution_id, case_id, application_id,
                                      {actor.user_id, scores}, core::now());
        refresh_summary(transaction, institution_id, case_id, application_id);
        record_audit(transaction, origin,
                     {institution_id, "assessment.scored", "application", std::to_string(application_id),
                      "{}", json_object({{"criteria", std::to_string(scores.size())}})});
        return core::success();
    });
}

core::Status Assessment::add_note(const domain::Actor& actor, std::int64_t institution_id,
                                  std::int64_t case_id, std::int64_t application_id, const NoteInput& note,
                                  const Origin& origin)
{
    const auto text = std::string(core::trim(note.text));
    if (text.empty())
        return core::Error::invalid(msgid("The note could not be saved."),
                                    {{"note", msgid("Write the note.")}});
    if (text.size() > domain::k_max_note_length)
        return core::Error::invalid(msgid("The note could not be saved."),
                                    {{"note", msgid("A note is at most 5,000 characters.")}});
    const auto findings = domain::find_sensitive_text(text);
    if (!findings.empty() && !note.confirmed_sensitive)
        return core::Error::invalid(msgid("The note may hold personal data that does not belong in a note."),
                                    {{"note",
                                      msgid("The note seems to hold a CPR number or sensitive data "
                                            "({detail}). Remove it, or confirm that it "
                                            "must be kept."),
                                      found_words(text, findings)}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        const bool leads = domain::can(actor, Action::change_application_status, resource);
        if (!domain::can(actor, Action::assess_applications, resource) && !leads)
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        if (!application_of(transaction, institution_id, case_id, application_id))
            return core::Error::not_found();
        auto key = store::application_keys::load(transaction, application_id);
        if (!key)
            return core::Error::conflict(msgid("The application is being deleted."));
        const bool confirmed = !findings.empty();
        auto id = store::assessment::add_note(transaction, institution_id, case_id, application_id,
                                              actor.user_id, seal_text(key, text), confirmed, core::now());
        const auto kinds = found_kinds(findings);
        record_audit(transaction, origin,
                     {institution_id, confirmed ? "note.added_despite_warning" : "note.added", "application",
                      std::to_string(application_id), "{}",
                      json_object({{"note_id", std::to_string(id)}, {"warned_of", kinds}})});
        return core::success();
    });
}

core::Status Assessment::save_tags(const domain::Actor& actor, std::int64_t institution_id,
                                   std::int64_t case_id, std::int64_t application_id, const std::string& text,
                                   const Origin& origin)
{
    auto tags = domain::parse_tags(text);
    if (!tags)
        return tags.error();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::assess_applications, resource) &&
            !domain::can(actor, Action::change_application_status, resource))
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        if (!application_of(transaction, institution_id, case_id, application_id))
            return core::Error::not_found();
        std::string before;
        for (const auto& tag : store::assessment::tags(transaction, institution_id, application_id))
            before += (before.empty() ? "" : ", ") + tag;
        std::string after;
        for (const auto& tag : *tags)
            after += (after.empty() ? "" : ", ") + tag;
        store::assessment::replace_tags(transaction, institution_id, case_id, application_id, *tags);
        record_audit(transaction, origin,
                     {institution_id, "application.tagged", "application", std::to_string(application_id),
                      json_object({{"tags", before}}), json_object({{"tags", after}})});
        return core::success();
    });
}

core::Status Assessment::lift_anonymity(const domain::Actor& actor, std::int64_t institution_id,
                                        std::int64_t case_id, std::int64_t application_id,
                                        const Origin& origin)
{
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto resource = committee_resource(transaction, actor, institution_id, case_id, application_id);
        if (!domain::can(actor, Action::lift_anonymity, resource))
            return committee_refusal(actor, resource, resource.conflict_of_interest);
        if (!application_of(transaction, institution_id, case_id, application_id))
            return core::Error::not_found();
        if (!resource.anonymous_round)
            return core::success();
        if (store::assessment::lift_anonymity(transaction, institution_id, case_id, application_id,
                                              actor.user_id, core::now()))
            record_audit(transaction, origin,
                         {institution_id, "application.anonymity_lifted", "application",
                          std::to_string(application_id), "{}", "{}"});
        return core::success();
    });
}

core::Result<StatusChange> Assessment::change_status(const domain::Actor& actor, std::int64_t institution_id,
                                                     std::int64_t case_id,
                                                     const std::vector<std::int64_t>& application_ids,
                                                     domain::ApplicationStatus status, bool confirmed,
                                                     const Origin& origin)
{
    using domain::ApplicationStatus;
    if (status != ApplicationStatus::in_assessment && status != ApplicationStatus::rejected)
        return core::Error::invalid(msgid("Choose what to do with the applications."),
                                    {{"status", msgid("Choose what to do with the applications.")}});
    if (application_ids.empty())
        return core::Error::invalid(msgid("Choose at least one application."),
                                    {{"applications", msgid("Choose at least one application.")}});
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<StatusChange> {
        auto resource = committee_resource(transaction, actor, institution_id, case_id);
        if (!domain::can(actor, Action::change_application_status, resource))
            return committee_refusal(actor, resource);
        auto record = store::cases::find(transaction, institution_id, case_id);
        if (!record)
            return core::Error::not_found();
        if (status == ApplicationStatus::rejected &&
            !domain::may_reject_now(record->application_deadline, core::now()))
            return core::Error::invalid(
                msgid("No applicant can be rejected before the application deadline."),
                {{"status", msgid("No applicant can be rejected before the application deadline.")}});
        if (status == ApplicationStatus::rejected && !confirmed)
            return core::Error::invalid(
                msgid("Confirm the rejection."),
                {{"confirm", msgid("Confirm that the chosen applicants are rejected.")}});
        const auto conflicts =
            is_member(actor, institution_id, case_id)
                ? store::assessment::conflicts_of(transaction, institution_id, case_id, actor.user_id)
                : std::set<std::int64_t>{};
        StatusChange change;
        const auto now = core::now();
        std::set<std::int64_t> seen;
        for (auto id : application_ids) {
            if (!seen.insert(id).second)
                continue;
            auto application =
                conflicts.count(id) ? std::nullopt : application_of(transaction, institution_id, case_id, id);
            if (!application || application->status == status ||
                !domain::can_change_status(application->status, status)) {
                ++change.refused;
                continue;
            }
            store::applications::set_status(transaction, institution_id, id, status, now);
            record_audit(transaction, origin,
                         {institution_id, "application.status_changed", "application", std::to_string(id),
                          json_object({{"status", std::string(domain::to_string(application->status))}}),
                          json_object({{"status", std::string(domain::to_string(status))}})});
            ++change.changed;
        }
        return change;
    });
}

} // namespace rekrut::services
