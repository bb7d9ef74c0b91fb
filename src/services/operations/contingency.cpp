#include "services/operations/contingency.hpp"

#include <algorithm>
#include <vector>

#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/display_format.hpp"
#include "core/text.hpp"
#include "domain/access/policy.hpp"
#include "domain/application/application_records.hpp"
#include "domain/field_limits.hpp"
#include "domain/interview/interview.hpp"
#include "domain/job_ad/placeholders.hpp"
#include "domain/recruitment_case/case_records.hpp"
#include "integrations/encrypted_zip.hpp"
#include "integrations/pdf_document.hpp"
#include "services/recruitment_case/ad_assembly.hpp"
#include "store/application_store.hpp"
#include "store/case_store.hpp"
#include "store/database.hpp"
#include "store/institution_store.hpp"
#include "store/interview_store.hpp"

namespace rekrut::services {

using core::msgid;

namespace {

using integrations::PdfBlock;

/// Everything the bundle says about one case, read in one go.
struct CaseContents {
    domain::CaseRecord record;
    std::vector<domain::ContactPerson> contacts;
    std::vector<domain::CommitteeMemberRecord> committee;
    std::vector<std::pair<std::string, std::string>> ads; ///< Language and the ad's text.
    std::vector<domain::ApplicationRecord> applications;
    std::vector<std::pair<domain::InterviewRoundRecord, std::vector<domain::InterviewSlotRecord>>> rounds;
};

struct InstitutionContents {
    std::string name;
    std::vector<std::string> letterhead;
    std::vector<CaseContents> cases;
    std::size_t applications = 0;
};

std::size_t characters(const std::string& text)
{
    std::size_t count = 0;
    for (unsigned char byte : text)
        if ((byte & 0xC0U) != 0x80U)
            ++count;
    return count;
}

/// `text` cut into pieces of at most `limit` bytes, never inside a UTF-8 character: a PDF block
/// holds a bounded text, while an ad may hold more.
std::vector<std::string> pieces(const std::string& text, std::size_t limit)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + limit);
        while (end < text.size() && end > start && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U)
            --end;
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

/// `text` with "{value}" replaced by `value` (a translation without the marker stays as it is).
std::string with_value(std::string text, const std::string& value)
{
    if (auto at = text.find("{value}"); at != std::string::npos)
        text.replace(at, 7, value);
    return text;
}

std::string deadline(const std::optional<core::UnixTime>& at, const std::string& language)
{
    return at ? core::format_date_time(*at, language) : "";
}

std::string address_of(const domain::ApplicationRecord& application)
{
    std::string address = std::string(core::trim(application.address));
    std::string city = std::string(core::trim(application.postal_code + " " + application.city));
    if (!city.empty())
        address += (address.empty() ? "" : ", ") + city;
    return address;
}

/// The institution's active cases with everything the bundle shows, or a conflict naming the limit.
core::Result<InstitutionContents>
read_contents(store::Session& session, std::int64_t institution_id,
              const std::function<std::string(const std::string&)>& translate)
{
    InstitutionContents contents;
    if (auto institution = store::InstitutionStore::find_in(session, institution_id)) {
        contents.name = institution->name;
        contents.letterhead.push_back(institution->name);
        if (auto address = std::string(core::trim(institution->address)); !address.empty())
            contents.letterhead.push_back(address);
    }
    auto limited = [&](const char* message, std::size_t limit) {
        return core::Error::conflict(with_value(translate(message), std::to_string(limit)));
    };
    store::CaseListFilter filter;
    filter.institution_id = institution_id;
    filter.sort = "created";
    filter.limit = 500;
    for (filter.offset = 0;; filter.offset += filter.limit) {
        auto page = store::cases::list(session, filter);
        for (auto& record : page) {
            if (record.closed_at)
                continue;
            if (contents.cases.size() >= k_contingency_max_cases)
                return limited(
                    msgid("The institution has more than {value} active cases, more than one bundle "
                          "holds. Ask the operator for help."),
                    k_contingency_max_cases);
            CaseContents item;
            item.record = std::move(record);
            contents.cases.push_back(std::move(item));
        }
        if (page.size() < static_cast<std::size_t>(filter.limit))
            break;
    }
    for (auto& item : contents.cases) {
        const auto case_id = item.record.id;
        item.applications = store::applications::list_for_case(session, institution_id, case_id);
        contents.applications += item.applications.size();
        if (contents.applications > k_contingency_max_applications)
            return limited(msgid("The active cases have more than {value} applications, more than one bundle "
                                 "holds. Ask the operator for help."),
                           k_contingency_max_applications);
        item.contacts = store::cases::contacts(session, institution_id, case_id);
        item.committee = store::cases::committee(session, institution_id, case_id);
        for (const char* language : {"da", "en"})
            if (item.record.ad_languages.find(language) != std::string::npos)
                if (auto ad = store::cases::latest_ad(session, institution_id, case_id, language)) {
                    // The ad as published: the case's values in place of its placeholders.
                    domain::PlaceholderValues values{
                        item.record.title, item.record.place_of_work, item.record.salary_text,
                        core::format_date_time(item.record.application_deadline, language),
                        recruitment_case::contact_line(item.contacts)};
                    auto filled =
                        domain::fill_placeholders(ad->body_source, values, domain::limits::rendered_ad);
                    item.ads.emplace_back(language, filled ? *filled : ad->body_source);
                }
        for (auto& round : store::interviews::rounds(session, institution_id, case_id)) {
            auto slots = store::interviews::slots(session, institution_id, round.id);
            item.rounds.emplace_back(std::move(round), std::move(slots));
        }
    }
    return contents;
}

/// The PDF and CSV of one case.
class CaseWriter {
public:
    CaseWriter(const ContingencyWording& wording, const InstitutionContents& institution,
               const CaseContents& item)
        : m_wording(wording), m_institution(institution), m_item(item)
    {
    }

    std::string text(const char* message) const { return m_wording.translate(message); }

    void facts()
    {
        const auto& record = m_item.record;
        const auto& language = m_wording.language;
        section(msgid("Facts"), {text(msgid("Field")), text(msgid("Value"))});
        fact(msgid("Position"), record.title);
        fact(msgid("Case no."), std::to_string(record.id));
        fact(msgid("State"), m_wording.case_state(record.state));
        fact(msgid("Unit"), record.unit_name);
        // The workplace's street address often holds the postcode and city already.
        auto place = std::string(core::trim(record.place_of_work));
        auto city = std::string(core::trim(record.work_postcode + " " + record.work_city));
        if (!city.empty() && place.find(city) == std::string::npos)
            place += (place.empty() ? "" : ", ") + city;
        fact(msgid("Place of work"), place);
        fact(msgid("Number of positions"), std::to_string(record.positions));
        fact(msgid("Weekly hours"), core::format_hours(record.weekly_hours, language));
        fact(msgid("Salary"), record.salary_text);
        fact(msgid("Collective agreement"), record.collective_agreement);
        for (const auto& contact : m_item.contacts)
            fact(msgid("Contact person"), join({contact.name, contact.title, contact.phone, contact.email}));
        section(msgid("Deadlines"), {text(msgid("Field")), text(msgid("Value"))});
        fact(msgid("Published"), deadline(record.published_at, language));
        fact(msgid("Application deadline"), deadline(record.application_deadline, language));
        fact(msgid("Expected start"),
             record.expected_start ? core::format_date(*record.expected_start, language) : "");
        for (const auto& [round, slots] : m_item.rounds) {
            (void)slots;
            auto cutoff = with_value(text(msgid("{value} hours before the interview")),
                                     std::to_string(round.cutoff_hours));
            fact(msgid("Last change of a booking"), round.name + ": " + cutoff);
        }
    }

    void ads()
    {
        section(msgid("Ad"), {text(msgid("Language")), text(msgid("Text"))});
        for (const auto& [language, body] : m_item.ads) {
            m_csv_rows.push_back({m_section, language, body});
            m_pdf.blocks.push_back(
                {PdfBlock::Kind::paragraph, language == "en" ? "(English)" : "(Dansk)", {}});
            for (auto& piece : pieces(body, 15000))
                m_pdf.blocks.push_back({PdfBlock::Kind::paragraph, std::move(piece), {}});
        }
    }

    void committee()
    {
        section(msgid("Committee"), {text(msgid("Name")), text(msgid("Role")), text(msgid("E-mail"))});
        for (const auto& member : m_item.committee) {
            auto role = m_wording.case_role(member.role) +
                        (member.external ? " (" + text(msgid("external")) + ")" : "");
            row({member.name, role, member.email});
        }
    }

    /// Column names or cells stacked in one PDF cell, one per line, so that e-mail addresses and
    /// names keep their lines in the few columns A4 has room for.
    static std::string stacked(const std::vector<std::string>& lines)
    {
        std::string out;
        for (const auto& line : lines)
            out += (out.empty() ? "" : "\n") + line;
        return out;
    }

    void applicants()
    {
        const auto reference_label = text(msgid("Reference")), name_label = text(msgid("Name")),
                   status_label = text(msgid("Status")), email_label = text(msgid("E-mail")),
                   phone_label = text(msgid("Phone")), address_label = text(msgid("Address")),
                   received_label = text(msgid("Received"));
        section(msgid("Applicants"),
                {reference_label, name_label, status_label, email_label, phone_label, address_label,
                 received_label},
                {stacked({reference_label, name_label, status_label}),
                 stacked({email_label, phone_label, address_label, received_label})});
        for (const auto& application : m_item.applications) {
            const auto reference = domain::application_reference(application);
            const auto status = m_wording.application_status(application.status);
            const auto received = core::format_date_time(application.received_at, m_wording.language);
            const auto address = address_of(application);
            row({reference, application.full_name, status, application.email, application.phone, address,
                 received},
                {stacked({reference, application.full_name, status}),
                 stacked({application.email, application.phone, address, received})});
        }
    }

    void interviews()
    {
        const auto round_label = text(msgid("Round")), time_label = text(msgid("Time")),
                   minutes_label = text(msgid("Minutes")), place_label = text(msgid("Place")),
                   reference_label = text(msgid("Reference")), name_label = text(msgid("Name"));
        section(msgid("Interviews"),
                {round_label, time_label, minutes_label, place_label, reference_label, name_label},
                {stacked({time_label, round_label}), stacked({place_label, minutes_label}),
                 stacked({reference_label, name_label})});
        for (const auto& [round, slots] : m_item.rounds)
            for (const auto& slot : slots) {
                std::string reference, name = text(msgid("Free"));
                if (slot.booking)
                    for (const auto& application : m_item.applications)
                        if (application.id == slot.booking->application_id) {
                            reference = domain::application_reference(application);
                            name = application.full_name;
                        }
                const auto time = core::format_date_time(slot.starts_at, m_wording.language);
                const auto place = slot.place.empty() ? round.default_place : slot.place;
                const auto minutes = std::to_string(slot.minutes);
                row({round.name, time, minutes, place, reference, name},
                    {stacked({time, round.name}), stacked({place, minutes}), stacked({reference, name})});
            }
    }

    std::string csv() const
    {
        std::string out;
        for (const auto& fields : m_csv_rows)
            core::csv_row(out, fields);
        return out;
    }

    core::Result<std::string> pdf()
    {
        auto reference = with_value(text(msgid("Case no. {value}")), std::to_string(m_item.record.id));
        m_pdf.title = m_item.record.title;
        m_pdf.language = m_wording.language;
        m_pdf.letterhead = m_institution.letterhead;
        m_pdf.reference = reference;
        m_pdf.date_line = core::format_date(core::now(), m_wording.language);
        m_pdf.footer = text(msgid("Contingency copy: keep it safe and destroy it after use."));
        if (m_pdf.letterhead.size() > integrations::k_max_pdf_cells)
            m_pdf.letterhead.resize(integrations::k_max_pdf_cells);
        return integrations::render_pdf(m_pdf);
    }

private:
    static std::string join(const std::vector<std::string>& parts)
    {
        std::string out;
        for (const auto& part : parts)
            if (!core::trim(part).empty())
                out += (out.empty() ? "" : ", ") + part;
        return out;
    }

    /// A section's heading in the PDF and its column names as a row of the CSV (which, like every row
    /// of the section, starts with the section's name); a table of more than
    /// label and value gets its column names in the PDF too (`pdf_columns`, or the CSV's).
    void section(const char* name, std::vector<std::string> columns,
                 std::vector<std::string> pdf_columns = {})
    {
        m_section = text(name);
        m_pdf.blocks.push_back({PdfBlock::Kind::heading, m_section, {}});
        if (pdf_columns.empty() && columns.size() > 2)
            pdf_columns = columns;
        if (!pdf_columns.empty())
            m_pdf.blocks.push_back({PdfBlock::Kind::table_row, "", std::move(pdf_columns)});
        columns.insert(columns.begin(), m_section);
        m_csv_rows.push_back(std::move(columns));
    }

    void fact(const char* label, const std::string& value)
    {
        m_csv_rows.push_back({m_section, text(label), value});
        m_pdf.blocks.push_back({PdfBlock::Kind::table_row, "", {text(label), value}});
    }

    /// A line of a table: `cells` in the CSV, `pdf_cells` (or the same cells) in the PDF.
    void row(std::vector<std::string> cells, std::vector<std::string> pdf_cells = {})
    {
        m_pdf.blocks.push_back(
            {PdfBlock::Kind::table_row, "", pdf_cells.empty() ? cells : std::move(pdf_cells)});
        cells.insert(cells.begin(), m_section);
        m_csv_rows.push_back(std::move(cells));
    }

    const ContingencyWording& m_wording;
    const InstitutionContents& m_institution;
    const CaseContents& m_item;
    integrations::PdfDocument m_pdf;
    std::vector<std::vector<std::string>> m_csv_rows;
    std::string m_section; ///< The name of the section being written, the first column of its CSV rows.
};

} // namespace

std::optional<core::Error> check_contingency_passphrase(const std::string& passphrase,
                                                        const std::string& repeated)
{
    const auto refuse = [](const char* field, const char* message) {
        return core::Error::invalid(msgid("Check the marked fields."), {{field, message, ""}});
    };
    if (passphrase.empty())
        return refuse("passphrase", msgid("Choose a passphrase."));
    if (passphrase.size() > k_contingency_max_passphrase || !core::is_valid_utf8(passphrase))
        return refuse("passphrase", msgid("The passphrase is too long."));
    if (characters(passphrase) < k_contingency_min_passphrase)
        return refuse("passphrase", msgid("The passphrase must have at least 12 characters."));
    if (passphrase != repeated)
        return refuse("passphrase_repeat", msgid("The two passphrases are not the same."));
    return std::nullopt;
}

core::Result<ContingencyBundle>
ContingencyExport::export_bundle(const domain::Actor& actor, std::int64_t institution_id,
                                 const std::string& passphrase, const std::string& repeated,
                                 const ContingencyWording& wording, const Origin& origin)
{
    if (!domain::can(actor, domain::Action::export_contingency_bundle, {institution_id, {}, {}, false, {}}))
        return core::Error::forbidden();
    if (auto refused = check_contingency_passphrase(passphrase, repeated))
        return *refused;
    auto contents = m_database.read(
        [&](store::Session& session) { return read_contents(session, institution_id, wording.translate); });
    if (!contents)
        return contents.error();
    if (contents->cases.empty())
        return core::Error::conflict(
            msgid("The institution has no active cases: there is nothing to export."));

    std::vector<integrations::ZipEntry> entries;
    for (const auto& item : contents->cases) {
        CaseWriter writer(wording, *contents, item);
        writer.facts();
        writer.ads();
        writer.committee();
        writer.applicants();
        writer.interviews();
        auto pdf = writer.pdf();
        if (!pdf) {
            return core::Error::conflict(
                with_value(wording.translate(
                               msgid("Case {value} is too large for the bundle. Ask the operator for help.")),
                           std::to_string(item.record.id)));
        }
        const auto name = "sag-" + std::to_string(item.record.id);
        entries.push_back({name + ".pdf", std::move(*pdf)});
        entries.push_back({name + ".csv", writer.csv()});
    }
    auto zip = integrations::write_encrypted_zip(entries, passphrase);
    if (!zip)
        return zip.error();

    ContingencyBundle bundle;
    bundle.cases = static_cast<int>(contents->cases.size());
    bundle.applications = static_cast<int>(contents->applications);
    bundle.filename = "noedplan-" + std::to_string(institution_id) + "-" +
                      core::format_iso_utc(core::now()).substr(0, 10) + ".zip";
    bundle.bytes = std::move(*zip);
    auto audited = m_database.transact([&](store::Transaction& transaction) -> core::Status {
        record_audit(transaction, origin,
                     {institution_id, "contingency.exported", "institution", std::to_string(institution_id),
                      "{}",
                      json_object({{"cases", std::to_string(bundle.cases)},
                                   {"applications", std::to_string(bundle.applications)},
                                   {"bytes", std::to_string(bundle.bytes.size())}})});
        return core::success();
    });
    if (!audited)
        return audited.error();
    return bundle;
}

} // namespace rekrut::services
