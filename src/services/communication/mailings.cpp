#include "services/communication/mailings.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/crypto.hpp"
#include "core/display_format.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/application_records.hpp"
#include "domain/application/application_status.hpp"
#include "domain/merge_fields.hpp"
#include "integrations/calendar.hpp"
#include "services/applications/application_support.hpp"
#include "services/assessment/committee_facts.hpp"
#include "services/communication/email_templates.hpp"
#include "services/mail/mail_composer.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "store/application_store.hpp"
#include "store/assessment_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
#include "store/outbox_store.hpp"

namespace rekrut::services {

using core::msgid;

namespace {

/// At most this many applications in one mailing: every case's applications fit, and one send
/// stays one transaction of bounded size.
constexpr std::size_t k_max_recipients = 2000;

bool may_send(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id)
{
    return domain::can(actor, domain::Action::send_application_mail,
                       {institution_id, case_id, {}, false, {}});
}

bool uses_field(const domain::EmailTemplateRecord& wording, std::string_view english)
{
    for (const auto* text : {&wording.subject_da, &wording.body_da, &wording.subject_en, &wording.body_en})
        for (const auto& piece : domain::split_fields(*text))
            if (piece.is_field && domain::merge_field_name(piece.text) == english)
                return true;
    return false;
}

/// What a send needs to know about the case, read once.
struct CaseContext {
    domain::CaseRecord case_record;
    std::string institution_name;
    std::string contacts;
    domain::EmailTemplateRecord wording;
    bool case_copy = false;
};

/// The case's values for mails of `kind`, with the template in force.
CaseContext case_context(store::Session& session, const domain::CaseRecord& record, const std::string& kind)
{
    CaseContext context;
    context.case_record = record;
    auto institution = store::InstitutionStore::find_in(session, record.institution_id);
    context.institution_name = institution ? institution->name : "";
    context.contacts =
        recruitment_case::contact_line(store::cases::contacts(session, record.institution_id, record.id));
    auto entry = effective_template(session, record.institution_id, record.id, kind);
    context.wording = entry.record;
    context.case_copy = entry.changed && entry.record.case_id.has_value();
    return context;
}

core::Result<CaseContext> read_case(store::Session& session, std::int64_t institution_id,
                                    std::int64_t case_id, const MailDraft& draft)
{
    auto record = store::cases::find(session, institution_id, case_id);
    if (!record)
        return core::Error::not_found();
    const auto* kind = domain::find_mail_kind(draft.kind);
    if (!kind || kind->audience != domain::MailAudience::applicant)
        return core::Error::invalid(msgid("Choose the mail to send."),
                                    {{"kind", msgid("Choose the mail to send.")}});
    CaseContext context = case_context(session, *record, draft.kind);
    if (draft.wording) {
        auto wording = *draft.wording;
        wording.kind = draft.kind;
        wording.sets_status = context.wording.sets_status;
        if (auto problems = domain::check_email_template(wording); !problems.empty())
            return core::Error::invalid(msgid("The mail cannot be sent. Correct the marked fields."),
                                        std::move(problems));
        context.wording = wording;
    }
    if (context.wording.sets_status == "rejected" &&
        domain::accepts_applications(true, record->application_deadline, core::now()))
        return core::Error::invalid(msgid("No applicant can be rejected before the application deadline."));
    if (draft.application_ids.empty())
        return core::Error::invalid(msgid("Choose at least one application."));
    if (draft.application_ids.size() > k_max_recipients)
        return core::Error::invalid(msgid("Send to at most 2,000 applications at a time."));
    return context;
}

/// One recipient's mail with `link` as the personal link (made only when the text uses it).
MailRecipient recipient_mail(const CaseContext& context, const domain::ApplicationRecord& application,
                             const MailDraft& draft, const std::string& link)
{
    MailRecipient recipient;
    recipient.application_id = application.id;
    recipient.reference = domain::application_reference(application);
    recipient.name = application.full_name;
    recipient.email = application.email;
    recipient.language = application.language == "en" ? "en" : "da";
    const bool english = recipient.language == "en";
    auto values = application_merge_values(context.case_record, context.institution_name, context.contacts,
                                           application, recipient.language);
    values["self_service_link"] = link;
    values["interview_time"] =
        draft.interview_at ? core::format_date_time(*draft.interview_at, recipient.language) : "";
    values["interview_place"] = draft.interview_place;
    const auto& wording = context.wording;
    auto rendering = domain::render_mail(english ? wording.subject_en : wording.subject_da,
                                         english ? wording.body_en : wording.body_da, values);
    recipient.missing = rendering.missing;
    if (!wording.sets_status.empty()) {
        auto to = domain::application_status_from_string(wording.sets_status);
        if (!to || (application.status != *to && !domain::can_change_status(application.status, *to)))
            recipient.blocked = "status";
    }
    if (recipient.blocked.empty() && !rendering.missing.empty())
        recipient.blocked = "missing";
    if (recipient.blocked.empty())
        recipient.mail = std::move(rendering.mail);
    return recipient;
}

/// The applications of the draft that belong to the case, in the order asked, each once; never one the
/// actor, as a committee member, declared a conflict of interest with.
std::vector<domain::ApplicationRecord> chosen_applications(store::Session& session,
                                                           const domain::Actor& actor,
                                                           std::int64_t institution_id, std::int64_t case_id,
                                                           const MailDraft& draft)
{
    std::vector<domain::ApplicationRecord> chosen;
    std::set<std::int64_t> seen;
    if (is_member(actor, institution_id, case_id))
        seen = store::assessment::conflicts_of(session, institution_id, case_id, actor.user_id);
    for (auto id : draft.application_ids) {
        if (!seen.insert(id).second)
            continue;
        auto application = store::applications::find(session, institution_id, id);
        if (application && application->case_id == case_id)
            chosen.push_back(std::move(*application));
    }
    return chosen;
}

/// The address in "Name <address>" or the text itself.
std::string address_of(const std::string& mailbox)
{
    auto open = mailbox.find('<');
    auto close = mailbox.rfind('>');
    return open != std::string::npos && close != std::string::npos && close > open
               ? mailbox.substr(open + 1, close - open - 1)
               : mailbox;
}

/// The interview as an iCalendar invitation in Copenhagen time, or nullopt when it cannot be made.
std::optional<std::string> interview_invitation(const CaseContext& context,
                                                const domain::ApplicationRecord& application,
                                                const MailDraft& draft, std::int64_t mailing_id,
                                                const std::string& sender)
{
    integrations::CalendarEvent event;
    event.uid = "interview-" + std::to_string(mailing_id) + "-" + std::to_string(application.id) + "@rekrut";
    event.start = *draft.interview_at;
    event.duration_minutes = draft.interview_minutes;
    event.summary = (application.language == "en" ? "Interview: " : "Samtale: ") + context.case_record.title;
    event.location = draft.interview_place;
    event.description = context.institution_name;
    event.organizer_name = context.institution_name;
    event.organizer_email = address_of(sender);
    event.attendee_name = application.full_name;
    event.attendee_email = application.email;
    auto ics = integrations::make_invitation(event);
    if (!ics)
        return std::nullopt;
    return *ics;
}

/// A mail about the case to `recipient`, queued now; `rendered` (when given) fills its subject and
/// bodies.
domain::OutboxMessage case_mail(const domain::CaseRecord& case_record, const std::string& kind,
                                const std::string& recipient, const domain::RenderedMail* rendered)
{
    domain::OutboxMessage message;
    message.institution_id = case_record.institution_id;
    message.case_id = case_record.id;
    message.kind = kind;
    message.recipient = recipient;
    message.created_at = core::now();
    if (rendered) {
        message.subject = rendered->subject;
        message.body_text = rendered->text;
        message.body_html = rendered->html;
    }
    return message;
}

std::string status_reason(const MailRecipient& recipient)
{
    if (recipient.blocked == "status" || recipient.blocked == "calendar")
        return recipient.blocked;
    std::string reason = "missing:";
    for (std::size_t i = 0; i < recipient.missing.size(); ++i)
        reason += (i ? "," : "") + recipient.missing[i];
    return reason;
}

} // namespace

Mailings::Mailings(store::Database& database, std::string public_url, std::string sender)
    : m_database(database), m_public_url(std::move(public_url)), m_sender(std::move(sender))
{
}

core::Result<MailPlan> Mailings::plan(const domain::Actor& actor, std::int64_t institution_id,
                                      std::int64_t case_id, const MailDraft& draft)
{
    if (!may_send(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<MailPlan> {
        auto context = read_case(session, institution_id, case_id, draft);
        if (!context)
            return context.error();
        MailPlan plan;
        plan.case_record = context->case_record;
        plan.wording = context->wording;
        plan.case_copy = context->case_copy;
        // The preview shows where the personal link goes; the link itself is made when sent.
        const std::string preview_link = m_public_url + "/application/…";
        for (const auto& application : chosen_applications(session, actor, institution_id, case_id, draft)) {
            plan.recipients.push_back(recipient_mail(*context, application, draft, preview_link));
            plan.sendable += plan.recipients.back().mail ? 1 : 0;
        }
        if (plan.recipients.empty())
            return core::Error::invalid(msgid("Choose at least one application."));
        return plan;
    });
}

core::Result<std::int64_t> Mailings::send(const domain::Actor& actor, std::int64_t institution_id,
                                          std::int64_t case_id, const MailDraft& draft, const Origin& origin)
{
    if (!may_send(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<std::int64_t> {
        auto context = read_case(transaction, institution_id, case_id, draft);
        if (!context)
            return context.error();
        auto applications = chosen_applications(transaction, actor, institution_id, case_id, draft);
        if (applications.empty())
            return core::Error::invalid(msgid("Choose at least one application."));
        const core::UnixTime now = core::now();
        store::MailingRecord mailing{0, institution_id, case_id, draft.kind, origin.user_id.value_or(0), now,
                                     {}};
        mailing.id = store::mailings::create(transaction, mailing);
        const bool makes_link = uses_field(context->wording, "self_service_link");
        int queued = 0, not_sent = 0;
        for (const auto& application : applications) {
            std::string link;
            if (makes_link) {
                auto token = core::random_hex(32);
                store::applications::add_link(transaction, application.id, core::blake2b_hex(token), now,
                                              now + applications::k_link_lifetime);
                link = applications::self_service_link(m_public_url, token);
            }
            auto recipient = recipient_mail(*context, application, draft, link);
            auto message = case_mail(context->case_record, draft.kind, application.email, nullptr);
            message.application_id = application.id;
            message.mailing_id = mailing.id;
            message.created_at = now;
            std::optional<std::string> calendar;
            if (recipient.mail && draft.kind == "interview_invitation" && draft.interview_at) {
                calendar = interview_invitation(*context, application, draft, mailing.id, m_sender);
                if (!calendar) {
                    recipient.mail.reset();
                    recipient.blocked = "calendar";
                }
            }
            if (calendar) {
                message.attachment_name = "invitation.ics";
                message.attachment_type = "text/calendar; charset=utf-8; method=REQUEST";
                message.attachment = *calendar;
            }
            if (recipient.mail) {
                message.subject = recipient.mail->subject;
                message.body_text = recipient.mail->text;
                message.body_html = recipient.mail->html;
                message.sets_status = context->wording.sets_status;
                ++queued;
            } else {
                message.subject = std::string(domain::find_mail_kind(draft.kind)->name);
                message.cancelled_at = now;
                message.last_error = status_reason(recipient);
                ++not_sent;
            }
            store::outbox::enqueue(transaction, message);
        }
        record_audit(transaction, origin,
                     {institution_id, "mailing.queued", "mailing", std::to_string(mailing.id), "{}",
                      json_object({{"case_id", std::to_string(case_id)},
                                   {"kind", draft.kind},
                                   {"queued", std::to_string(queued)},
                                   {"not_sent", std::to_string(not_sent)},
                                   {"sets_status", context->wording.sets_status},
                                   {"own_wording", draft.wording ? "yes" : "no"}})});
        return mailing.id;
    });
}

core::Result<MailingProgress> Mailings::progress(const domain::Actor& actor, std::int64_t institution_id,
                                                 std::int64_t case_id, std::int64_t mailing_id)
{
    if (!may_send(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<MailingProgress> {
        auto mailing = store::mailings::find(session, institution_id, case_id, mailing_id);
        auto record = store::cases::find(session, institution_id, case_id);
        if (!mailing || !record)
            return core::Error::not_found();
        MailingProgress progress;
        progress.mailing_id = mailing->id;
        progress.case_id = case_id;
        progress.case_title = record->title;
        progress.kind = mailing->kind;
        progress.created_at = mailing->created_at;
        progress.cancelled_at = mailing->cancelled_at;
        std::map<std::int64_t, domain::ApplicationRecord> by_id;
        for (auto& application : store::applications::list_for_case(session, institution_id, case_id))
            by_id.emplace(application.id, std::move(application));
        for (const auto& message : store::outbox::for_mailing(session, institution_id, mailing_id)) {
            MailingProgress::Row row;
            row.outbox_id = message.id;
            row.application_id = message.application_id.value_or(0);
            if (auto found = by_id.find(row.application_id); found != by_id.end()) {
                row.reference = domain::application_reference(found->second);
                row.name = found->second.full_name;
            }
            row.status = domain::delivery_status(message);
            row.sent_at = message.sent_at;
            row.error = message.last_error;
            switch (row.status) {
            case domain::DeliveryStatus::sent: ++progress.sent; break;
            case domain::DeliveryStatus::waiting: ++progress.waiting; break;
            case domain::DeliveryStatus::failed: ++progress.failed; break;
            case domain::DeliveryStatus::cancelled: ++progress.cancelled; break;
            case domain::DeliveryStatus::not_sent: ++progress.not_sent; break;
            }
            progress.rows.push_back(std::move(row));
        }
        return progress;
    });
}

core::Result<int> Mailings::cancel(const domain::Actor& actor, std::int64_t institution_id,
                                   std::int64_t case_id, std::int64_t mailing_id, const Origin& origin)
{
    if (!may_send(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction) -> core::Result<int> {
        if (!store::mailings::find(transaction, institution_id, case_id, mailing_id))
            return core::Error::not_found();
        const core::UnixTime now = core::now();
        int cancelled = store::outbox::cancel_mailing(transaction, institution_id, mailing_id, now);
        store::mailings::mark_cancelled(transaction, institution_id, mailing_id, now);
        record_audit(transaction, origin,
                     {institution_id, "mailing.cancelled", "mailing", std::to_string(mailing_id), "{}",
                      json_object({{"cancelled", std::to_string(cancelled)}})});
        return cancelled;
    });
}

core::Result<std::vector<LoggedMail>> Mailings::communication_log(const domain::Actor& actor,
                                                                  std::int64_t institution_id,
                                                                  std::int64_t case_id,
                                                                  std::int64_t application_id)
{
    if (!may_send(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.read([&](store::Session& session) -> core::Result<std::vector<LoggedMail>> {
        auto application = store::applications::find(session, institution_id, application_id);
        if (!application || application->case_id != case_id)
            return core::Error::not_found();
        std::vector<LoggedMail> log;
        for (auto& message : store::outbox::for_application(session, institution_id, application_id)) {
            auto status = domain::delivery_status(message);
            log.push_back({std::move(message), status});
        }
        return log;
    });
}

core::Status Mailings::resend(const domain::Actor& actor, std::int64_t institution_id, std::int64_t case_id,
                              std::int64_t application_id, std::int64_t outbox_id, const Origin& origin)
{
    if (!may_send(actor, institution_id, case_id))
        return core::Error::not_found();
    return m_database.transact([&](store::Transaction& transaction) -> core::Status {
        auto application = store::applications::find(transaction, institution_id, application_id);
        auto message = store::outbox::find(transaction, institution_id, outbox_id);
        if (!application || application->case_id != case_id || !message ||
            message->application_id != application_id)
            return core::Error::not_found();
        if (message->body_unreadable || message->body_text.empty())
            return core::Error::invalid(msgid("This mail was not sent and cannot be sent again."));
        domain::OutboxMessage copy = *message;
        copy.id = 0;
        copy.message_id.clear();
        copy.mailing_id.reset();
        copy.sets_status.clear();
        copy.sent_at.reset();
        copy.cancelled_at.reset();
        copy.attempts = 0;
        copy.last_error.clear();
        copy.recipient = application->email;
        copy.created_at = core::now();
        auto id = store::outbox::enqueue(transaction, copy);
        record_audit(
            transaction, origin,
            {institution_id, "mail.resent", "application", std::to_string(application_id), "{}",
             json_object({{"outbox_id", std::to_string(id)}, {"resent_from", std::to_string(outbox_id)}})});
        return core::success();
    });
}

std::map<std::string, std::string> application_merge_values(const domain::CaseRecord& record,
                                                            const std::string& institution_name,
                                                            const std::string& contacts,
                                                            const domain::ApplicationRecord& application,
                                                            const std::string& language)
{
    return {
        {"applicant_name", application.full_name},
        {"application_reference", domain::application_reference(application)},
        {"case_title", record.title},
        {"institution", institution_name},
        {"deadline", core::format_date_time(record.application_deadline, language)},
        {"contact_person", contacts},
        {"start_date", record.expected_start ? core::format_date(*record.expected_start, language) : ""},
        {"salary", record.salary_text},
        {"weekly_hours", core::format_hours(record.weekly_hours, language)},
        {"collective_agreement", record.collective_agreement},
    };
}

std::int64_t queue_application_mail(store::Transaction& transaction, const domain::CaseRecord& case_record,
                                    const domain::ApplicationRecord& application, const std::string& kind,
                                    const std::string& self_service_link)
{
    auto context = case_context(transaction, case_record, kind);
    MailDraft draft;
    draft.kind = kind;
    auto recipient = recipient_mail(context, application, draft, self_service_link);
    if (!recipient.mail) {
        // The institution's or the case's text names a field this mail cannot fill: the built-in
        // text still tells the applicant what they must know.
        context.wording = domain::default_email_template(kind);
        recipient = recipient_mail(context, application, draft, self_service_link);
    }
    auto message = case_mail(case_record, kind, application.email, &*recipient.mail);
    message.application_id = application.id;
    if (!self_service_link.empty())
        mail::log_link_for_demo(application.email, self_service_link);
    return store::outbox::enqueue(transaction, message);
}

int queue_committee_mail(store::Transaction& transaction, const domain::CaseRecord& case_record,
                         const std::string& kind, const std::string& public_url)
{
    auto context = case_context(transaction, case_record, kind);
    auto counts =
        store::applications::count_for_case(transaction, case_record.institution_id, case_record.id);
    int queued = 0;
    std::set<std::int64_t> mailed; // a member with two roles on the case gets one mail
    for (const auto& member :
         store::cases::committee(transaction, case_record.institution_id, case_record.id)) {
        if (member.email.empty() || !mailed.insert(member.user_id).second)
            continue;
        std::map<std::string, std::string> values = {
            {"recipient_name", member.name},
            {"case_title", case_record.title},
            {"institution", context.institution_name},
            {"deadline", core::format_date_time(case_record.application_deadline, "da")},
            {"contact_person", context.contacts},
            {"application_count", std::to_string(counts.total - counts.withdrawn)},
            {"case_link", public_url + "/cases/" + std::to_string(case_record.id)},
        };
        // Committee members work in the Danish interface; the Danish text goes to them.
        auto rendering = domain::render_mail(context.wording.subject_da, context.wording.body_da, values);
        if (!rendering.mail) {
            auto built_in = domain::default_email_template(kind);
            rendering = domain::render_mail(built_in.subject_da, built_in.body_da, values);
        }
        if (!rendering.mail)
            continue;
        store::outbox::enqueue(transaction, case_mail(case_record, kind, member.email, &*rendering.mail));
        ++queued;
    }
    return queued;
}

} // namespace rekrut::services
