#include "web/audit/audit_labels.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/display_format.hpp"
#include "core/result.hpp"
#include "core/text.hpp"
#include "domain/access/roles.hpp"
#include "domain/recruitment_case/case_state.hpp"
#include "services/audit_personal.hpp"
#include "web/cases/case_labels.hpp"

namespace rekrut::web::audit {
namespace {

using core::msgid;

const char* find_label(const std::vector<ActionName>& names, std::string_view code)
{
    auto found =
        std::find_if(names.begin(), names.end(), [&](const ActionName& name) { return name.code == code; });
    return found == names.end() ? nullptr : found->label;
}

const std::vector<ActionName>& field_labels()
{
    static const std::vector<ActionName> labels{
        {"title", msgid("Title")},
        {"state", msgid("State")},
        {"unit", msgid("Unit")},
        {"unit_id", msgid("Unit")},
        {"place_of_work", msgid("Place of work")},
        {"work_postcode", msgid("Postcode")},
        {"work_city", msgid("Town")},
        {"applications_months", msgid("Applications months")},
        {"access_log_months", msgid("Access log months")},
        {"users_months", msgid("Months before ended accounts are erased")},
        {"outcome", msgid("Outcome")},
        {"fields", msgid("Fields")},
        {"kinds", msgid("Kinds found")},
        {"subject_da", msgid("Subject (Danish)")},
        {"subject_en", msgid("Subject (English)")},
        {"body_da", msgid("Text (Danish)")},
        {"body_en", msgid("Text (English)")},
        {"subject", msgid("Subject")},
        {"tags", msgid("Tags")},
        {"justification", msgid("Justification")},
        {"correction_reason", msgid("Reason for the correction")},
        {"phone", msgid("Telephone")},
        {"municipality_code", msgid("Municipality code")},
        {"occupation_code", msgid("Occupation code")},
        {"employment_form", msgid("Form of employment")},
        {"employment_basis", msgid("Employed as")},
        {"fixed_term_text", msgid("Period of a fixed-term position")},
        {"full_time", msgid("Full time")},
        {"weekly_hours", msgid("Weekly hours")},
        {"salary_text", msgid("Salary")},
        {"collective_agreement", msgid("Collective agreement")},
        {"position_category", msgid("Position category")},
        {"positions", msgid("Number of positions")},
        {"application_deadline", msgid("Application deadline")},
        {"expected_start", msgid("Expected start")},
        {"readvertisement", msgid("Re-advertisement")},
        {"ad_languages", msgid("Ad languages")},
        {"contacts", msgid("Contact persons")},
        {"copied_from", msgid("Copied from case")},
        {"transition", msgid("Step")},
        {"name", msgid("Name")},
        {"email", msgid("E-mail address")},
        {"status", msgid("Status")},
        {"role", msgid("Role")},
        {"change", msgid("Requested change")},
        {"request_id", msgid("Request")},
        {"requested_by", msgid("Requested by")},
        {"approved_by", msgid("Approved by")},
        {"reason", msgid("Reason")},
        {"hours", msgid("Hours")},
        {"expires_at", msgid("Expires")},
        {"cvr", msgid("CVR number")},
        {"address", msgid("Address")},
        {"stage", msgid("Stage")},
        {"second_factor", msgid("Second factor")},
        {"totp", msgid("Two-step login")},
        {"recovery_codes", msgid("Recovery codes")},
        {"language", msgid("Language")},
        {"version", msgid("Version")},
        {"user_id", msgid("User")},
        {"external_name", msgid("Name")},
        {"external_email", msgid("E-mail address")},
        {"external_role", msgid("Role")},
        {"text", msgid("Text")},
        {"kind", msgid("Answer type")},
        {"options", msgid("Options")},
        {"question_id", msgid("Screening question")},
        {"parent_id", msgid("Parent unit")},
        {"body", msgid("Text")},
        {"locked", msgid("Locked")},
        {"required", msgid("Required")},
        {"rows", msgid("Rows")},
        {"method", msgid("Method")},
        {"path", msgid("Page")},
        {"users", msgid("Users")},
        {"units", msgid("Units")},
        {"mandatory_texts", msgid("Mandatory texts")},
        {"ad_templates", msgid("Ad templates")},
        {"question_templates", msgid("Screening-question templates")},
        {"collective_agreements", msgid("Collective agreements")},
        {"position_categories", msgid("Position categories")},
        {"from", msgid("From date")},
        {"to", msgid("To date (inclusive)")},
        {"object_type", msgid("Object type")},
        {"object_id", msgid("Object ID")},
        {"action", msgid("Action")},
        {"user", msgid("User")},
        {"case_id", msgid("Case ID")},
        {"channel", msgid("Received by")},
        {"on_time", msgid("Before the deadline")},
        {"attachments", msgid("Attachments")},
        {"application_id", msgid("Application ID")},
        {"decision_id", msgid("Decision")},
        {"candidate", msgid("Candidate (application ID)")},
        {"reserves", msgid("Reserves (application IDs)")},
        {"contract_signed_on", msgid("Contract signed on")},
        {"external_accounts_ended", msgid("External accounts ended")},
        {"applicants_told", msgid("Applicants told")},
        {"answer", msgid("Answer")},
        {"proposal", msgid("Proposal")},
        {"listed", msgid("Applicants listed")},
        {"left_off", msgid("Applicants left off")},
        {"closed", msgid("Closed")},
        {"cases", msgid("Cases")},
        {"applications", msgid("Applications")},
        {"mails", msgid("Mails")},
        {"audit_events", msgid("Audit events")},
        {"key_fingerprint", msgid("Key fingerprint")},
        {"bytes", msgid("Size in bytes")},
        {"created_at", msgid("Backup made at")},
        {"dialect", msgid("Database")},
        {"schema_version", msgid("Schema version")},
        {"audit_head_id", msgid("Last audit event in the backup")},
    };
    return labels;
}

/// A JSON value as text: strings as they are, anything else as JSON.
std::string value_text(const nlohmann::ordered_json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

/// The fields of a flat JSON object in order; nullopt when the text is not a JSON object.
std::optional<std::vector<std::pair<std::string, std::string>>> fields_of(const std::string& json)
{
    auto parsed = nlohmann::ordered_json::parse(json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : parsed.items())
        fields.emplace_back(key, value_text(value));
    return fields;
}

const std::string* value_of(const std::vector<std::pair<std::string, std::string>>& fields,
                            const std::string& key)
{
    for (const auto& [name, value] : fields)
        if (name == key)
            return &value;
    return nullptr;
}

const char* role_value_label(const std::string& value)
{
    if (auto role = domain::case_role_from_string(value))
        return role_label(*role);
    if (auto role = domain::institution_role_from_string(value))
        return *role == domain::InstitutionRole::superbruger ? msgid("Superbruger") : msgid("Administrator");
    if (value == "operator")
        return msgid("Platform operator");
    return nullptr;
}

/// Codes recorded as values (states of things, kinds of employment) and their labels.
const char* code_value_label(std::string_view field, const std::string& value)
{
    static const std::vector<std::pair<std::string_view, ActionName>> labels{
        {"employment_form", {"permanent", msgid("Permanent")}},
        {"employment_form", {"fixed_term", msgid("Fixed term")}},
        {"employment_form", {"aaremaal", msgid("Åremål (fixed-term senior post)")}},
        {"employment_basis", {"collective_agreement", msgid("Under a collective agreement")}},
        {"employment_basis", {"civil_servant", msgid("Civil servant")}},
        {"status", {"active", msgid("Active")}},
        {"status", {"locked", msgid("Locked")}},
        {"status", {"deactivated", msgid("Deactivated")}},
        {"state", {"pending", msgid("Waiting for approval")}},
        {"state", {"approved", msgid("Approved")}},
        {"state", {"rejected", msgid("Rejected")}},
        {"change", {"grant", msgid("Grant")}},
        {"change", {"revoke", msgid("Removal")}},
        {"totp", {"enabled", msgid("On")}},
        {"totp", {"disabled", msgid("Off")}},
        {"reason", {"wrong_password", msgid("Wrong password")}},
        {"reason", {"unknown_account", msgid("No account with that e-mail address")}},
        {"reason", {"throttled", msgid("Too many attempts")}},
        {"reason", {"wrong_second_factor", msgid("Wrong code in the second step")}},
        {"reason", {"external_account_ended", msgid("The external member's account has ended")}},
        {"reason", {"account_locked", msgid("The account is locked")}},
        {"reason", {"account_deactivated", msgid("The account is deactivated")}},
        {"stage", {"complete", msgid("Signed in")}},
        {"stage", {"second_factor_needed", msgid("Waiting for the second step")}},
        {"stage", {"enrolment_needed", msgid("Two-step login to be set up")}},
        {"second_factor", {"totp", msgid("Code from the authenticator app")}},
        {"second_factor", {"recovery_code", msgid("Recovery code")}},
    };
    for (const auto& [name, label] : labels)
        if (name == field && label.code == value)
            return label.label;
    return nullptr;
}

std::string languages_text(const std::string& value, const std::function<std::string(const char*)>& translate)
{
    std::string out;
    for (const auto& [code, label] : {std::pair{"da", msgid("Danish")}, {"en", msgid("English")}})
        if (value.find(code) != std::string::npos)
            out += (out.empty() ? "" : ", ") + translate(label);
    return out.empty() ? value : out;
}

/// The kinds of findings of the free-text guard ("cpr_number,health"), named as its warning names them.
std::string kinds_text(const std::string& value, const std::function<std::string(const char*)>& translate)
{
    static const std::vector<ActionName> labels{
        {"cpr_number", msgid("CPR number")},
        {"health", msgid("health")},
        {"trade_union", msgid("trade union membership")},
        {"religion", msgid("religion or belief")},
        {"political_opinion", msgid("political opinion")},
        {"ethnic_origin", msgid("ethnic origin")},
        {"sexual_orientation", msgid("sexual orientation")},
        {"criminal_offence", msgid("criminal offences")},
    };
    std::string out;
    for (auto field : core::split(value, ',')) {
        std::string kind(field);
        const char* label = find_label(labels, kind);
        out += (out.empty() ? "" : ", ") + (label ? translate(label) : kind);
    }
    return out;
}

} // namespace

const std::vector<ActionName>& known_actions()
{
    static const std::vector<ActionName> actions{
        {"login.password_accepted", msgid("Password accepted at login")},
        {"login.succeeded", msgid("Logged in")},
        {"login.failed", msgid("Login failed")},
        {"logout", msgid("Logged out")},
        {"reauthentication.failed", msgid("Password confirmation failed")},
        {"password.changed", msgid("Changed the password")},
        {"password.reset_requested", msgid("Asked to reset the password")},
        {"password.reset", msgid("Reset the password")},
        {"mfa.enrolled", msgid("Set up two-step login")},
        {"user.created", msgid("Created the user")},
        {"user.changed", msgid("Changed the user")},
        {"user.email_change_requested", msgid("Asked to change the e-mail address")},
        {"user.email_changed", msgid("Changed the e-mail address")},
        {"role.requested", msgid("Requested a role")},
        {"role.request_approved", msgid("Approved a role request")},
        {"role.request_rejected", msgid("Rejected a role request")},
        {"role.granted", msgid("Granted a role")},
        {"role.revoked", msgid("Removed a role")},
        {"institution.created", msgid("Created the institution")},
        {"operator_access.granted", msgid("Gave the platform operator access")},
        {"operator_access.used", msgid("The platform operator used its access")},
        {"operator_access.ended", msgid("Ended the platform operator's access")},
        {"service_notice.announced", msgid("Announced an incident or a service window")},
        {"service_notice.updated", msgid("Added an update to a service notice")},
        {"service_notice.resolved", msgid("Resolved a service notice")},
        {"log_level.changed", msgid("Changed the log level")},
        {"backup.restored", msgid("Restored the database from a backup")},
        {"administrator_rights.reviewed", msgid("Recorded a review of the administrator rights")},
        {"case.created", msgid("Created the case")},
        {"case.copied", msgid("Copied the case")},
        {"case.changed", msgid("Changed the case")},
        {"case.state_changed", msgid("Moved the case to another state")},
        {"case.question_added", msgid("Added a screening question")},
        {"case.question_changed", msgid("Changed a screening question")},
        {"case.question_removed", msgid("Removed a screening question")},
        {"committee.member_added", msgid("Added a committee member")},
        {"committee.member_removed", msgid("Removed a committee member")},
        {"committee.external_invited", msgid("Invited an external committee member")},
        {"job_ad.saved", msgid("Saved the ad")},
        {"job_ad.corrected", msgid("Corrected the published ad")},
        {"case.corrected", msgid("Corrected the published case")},
        {"retention.settings_changed", msgid("Changed the retention periods")},
        {"data_request.searched", msgid("Searched for a person's applications (request for access)")},
        {"application.consent_reminded",
         msgid("Reminded the applicant that the consent to keep the application ends")},
        {"application.consent_renewed", msgid("The applicant renewed the consent to keep the application")},
        {"free_text.cpr_confirmed", msgid("Saved text with a CPR number after a warning")},
        {"free_text.sensitive_confirmed",
         msgid("Saved text with a CPR number or sensitive data after a warning")},
        {"application.rectified", msgid("Corrected an applicant's personal data (rectification)")},
        {"data_request.erasure", msgid("Asked for an application's erasure on the applicant's behalf")},
        {"data_request.exported",
         msgid("Downloaded everything held about an application (request for access)")},
        {"retention.hold_placed", msgid("Placed a hold on the deletion of a case's applications")},
        {"retention.hold_lifted", msgid("Lifted a hold on the deletion of a case's applications")},
        {"retention.applications_deleted", msgid("Deleted applications at the end of their retention")},
        {"case.jobnet_status", msgid("Jobnet changed the ad's status")},
        {"setup.unit_created", msgid("Created a unit")},
        {"setup.unit_renamed", msgid("Renamed a unit")},
        {"setup.mandatory_text_created", msgid("Created a mandatory text")},
        {"setup.mandatory_text_changed", msgid("Changed a mandatory text")},
        {"setup.ad_template_created", msgid("Created an ad template")},
        {"setup.ad_template_changed", msgid("Changed an ad template")},
        {"setup.question_created", msgid("Created a screening-question template")},
        {"setup.question_changed", msgid("Changed a screening-question template")},
        {"setup.list_item_added", msgid("Added to a list")},
        {"setup.list_item_removed", msgid("Removed from a list")},
        {"setup.demo_seeded", msgid("Set up the institution with demo data")},
        {"demo.seeded", msgid("Added the demo data")},
        {"audit.exported", msgid("Exported the audit trail")},
        {"audit.resealed", msgid("Sealed the personal data of earlier events")},
        {"audit.anonymised_copy", msgid("Made this database an anonymised test copy")},
        {"user.erased", msgid("Erased an ended user account")},
        {"application.received", msgid("Received an application")},
        {"application.withdrawn", msgid("The applicant withdrew the application")},
        {"application.deletion_requested", msgid("The applicant asked for deletion")},
        {"application.erased", msgid("The application was erased at the applicant's request")},
        {"access_log.exported", msgid("Exported the access log")},
        {"application.changed", msgid("The applicant changed the application")},
        {"application.file_replaced", msgid("The applicant sent a new file")},
        {"application.status_changed", msgid("The application's status changed")},
        {"email_template.changed", msgid("Changed an e-mail template")},
        {"email_template.customised", msgid("Made the case's own e-mail template")},
        {"email_template.reverted", msgid("Returned to the institution's e-mail template")},
        {"mailing.queued", msgid("Sent mails to applicants")},
        {"mailing.cancelled", msgid("Cancelled the mails not yet sent")},
        {"mail.resent", msgid("Sent a mail again")},
        {"conflict.declared", msgid("Declared on conflict of interest")},
        {"screening.changed", msgid("Changed the screening methods")},
        {"assessment.marked", msgid("Marked an applicant")},
        {"assessment.scored", msgid("Scored an applicant")},
        {"note.added", msgid("Wrote a note")},
        {"note.added_despite_warning", msgid("Wrote a note despite the warning of sensitive data")},
        {"application.tagged", msgid("Changed the tags of an application")},
        {"application.anonymity_lifted", msgid("Lifted the anonymity of an applicant")},
        {"ranking.created", msgid("Made a ranking list")},
        {"ranking.saved", msgid("Saved the order of a ranking list")},
        {"case.decision_proposed", msgid("Proposed the hiring decision")},
        {"case.decision_approved", msgid("Approved the hiring decision")},
        {"case.decision_returned", msgid("Returned the proposed hiring decision")},
        {"case.decision_refused", msgid("Was refused approving a decision")},
        {"case.cancellation_requested", msgid("Asked for the case to be cancelled")},
        {"case.cancellation_approved", msgid("Approved cancelling the case")},
        {"case.cancellation_returned", msgid("Returned the request to cancel the case")},
        {"case.contract_signed", msgid("Recorded the signed contract")},
        {"case.closed", msgid("Closed the case")},
        {"case.letter_made", msgid("Made the employment letter")},
        {"case.applicant_list_made", msgid("Made the applicant list")},
        {"contingency.exported", msgid("Exported the contingency bundle")},
        {"offboarding.requested", msgid("Asked for the institution's off-boarding")},
        {"offboarding.approved", msgid("Approved the institution's off-boarding")},
        {"offboarding.rejected", msgid("Rejected the institution's off-boarding")},
        {"offboarding.exported", msgid("Downloaded the institution's off-boarding export")},
        {"offboarding.export_outdated",
         msgid("Found the off-boarding export out of date: the institution's data changed after it")},
        {"institution.offboarded", msgid("Deleted the institution's data (off-boarding)")},
        {"application.priority_waived",
         msgid("Recorded why an applicant with priority access is not invited")},
    };
    return actions;
}

const std::vector<ActionName>& known_object_types()
{
    static const std::vector<ActionName> types{
        {"recruitment_case", msgid("Recruitment case")},
        {"user", msgid("User")},
        {"role_request", msgid("Role request")},
        {"institution", msgid("Institution")},
        {"organisation_unit", msgid("Unit")},
        {"mandatory_text", msgid("Mandatory text")},
        {"ad_template", msgid("Ad template")},
        {"question_template", msgid("Screening-question template")},
        {"collective_agreements", msgid("Collective agreement")},
        {"position_categories", msgid("Position category")},
        {"operator_access", msgid("The platform operator's access")},
        {"service_notice", msgid("Service notice")},
        {"runtime_setting", msgid("Run-time setting")},
        {"administrator_rights_review", msgid("Review of administrator rights")},
        {"audit_trail", msgid("Audit trail")},
        {"database", msgid("Database")},
        {"application", msgid("Application")},
        {"access_log", msgid("Access log")},
        {"email_template", msgid("E-mail template")},
        {"mailing", msgid("Mailing")},
        {"ranking_list", msgid("Ranking list")},
        {"offboarding", msgid("Off-boarding")},
    };
    return types;
}

const char* action_label(std::string_view action)
{
    return find_label(known_actions(), action);
}

const char* object_type_label(std::string_view object_type)
{
    return find_label(known_object_types(), object_type);
}

const char* field_label(std::string_view field)
{
    return find_label(field_labels(), field);
}

std::vector<FieldChange> field_changes(const std::string& before_json, const std::string& after_json)
{
    auto before = fields_of(before_json.empty() ? "{}" : before_json);
    auto after = fields_of(after_json.empty() ? "{}" : after_json);
    if (!before || !after)
        return {{"", before_json, after_json}};
    bool both = !before->empty() && !after->empty();
    std::vector<FieldChange> changes;
    // The order recorded: the fields before the change first, then any only in the after value.
    for (const auto& [field, value] : *before) {
        const std::string* later = value_of(*after, field);
        if (both && later && *later == value)
            continue;
        // A record created or removed lists the values it had, not the empty ones.
        if (value.empty() && (!later || later->empty()))
            continue;
        changes.push_back({field, value, later ? *later : ""});
    }
    for (const auto& [field, value] : *after)
        if (!value_of(*before, field) && !value.empty())
            changes.push_back({field, "", value});
    return changes;
}

std::string display_value(std::string_view field, const std::string& value, const std::string& language,
                          const std::function<std::string(const char*)>& translate,
                          const std::function<std::string(const std::string&)>& user_name)
{
    if (value.empty())
        return "";
    if (value == services::k_erased_value)
        return translate(core::msgid("(erased)"));
    if (field == "application_deadline" || field == "expires_at")
        if (auto time = core::parse_iso_utc(value))
            return core::format_date_time(*time, language);
    if (field == "expected_start")
        if (auto time = core::parse_iso_utc(value))
            return core::format_date(*time, language);
    if (field == "weekly_hours" || field == "hours") {
        char* end = nullptr;
        double number = std::strtod(value.c_str(), &end);
        if (end != value.c_str() && *end == '\0')
            return field == "weekly_hours" ? core::format_hours(number, language)
                                           : core::format_number(number, language);
    }
    if (field == "full_time" || field == "readvertisement" || field == "locked" || field == "required") {
        if (value == "true" || value == "1")
            return translate(msgid("Yes"));
        if (value == "false" || value == "0")
            return translate(msgid("No"));
    }
    if (field == "state")
        if (auto state = domain::case_state_from_string(value))
            return translate(state_label(*state));
    if (field == "role" || field == "external_role")
        if (const char* label = role_value_label(value))
            return translate(label);
    if (field == "ad_languages" || field == "language")
        return languages_text(value, translate);
    if (field == "kinds")
        return kinds_text(value, translate);
    if (field == "user_id" || field == "requested_by" || field == "approved_by")
        if (auto name = user_name(value); !name.empty())
            return name;
    if (const char* label = code_value_label(field, value))
        return translate(label);
    return value;
}

} // namespace rekrut::web::audit
