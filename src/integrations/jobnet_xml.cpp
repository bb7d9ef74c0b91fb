#include "integrations/jobnet_xml.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>
#include <mutex>

namespace rekrut::integrations::jobnet {
namespace {

using namespace std::string_view_literals;

/// The largest envelope either side reads; an ad with its text is a few kilobytes.
constexpr std::size_t k_max_envelope = std::size_t{1024} * 1024;
/// Jobnet's limit on the length of the ad text, in bytes of its HTML.
constexpr std::size_t k_max_description = 60000;
/// Publication ends at most 8 weeks after it starts.
constexpr int k_max_publication_days = 56;

constexpr std::array<std::pair<Operation, std::string_view>, 6> k_operations{{
    {Operation::add, "AddJob"},
    {Operation::update, "UpdateJob"},
    {Operation::publish, "PublishJob"},
    {Operation::close, "CloseJob"},
    {Operation::remove, "DeleteJob"},
    {Operation::get, "GetJob"},
}};

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, DocFree>;

const xmlChar* xml(std::string_view text)
{
    return reinterpret_cast<const xmlChar*>(text.data());
}

void init_xml()
{
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

/// Writer of one envelope: every element in the service namespace except the SOAP ones.
class Envelope {
public:
    explicit Envelope(std::string_view service_namespace) : m_doc(xmlNewDoc(xml("1.0")))
    {
        std::string ns(service_namespace);
        m_root = xmlNewNode(nullptr, xml("Envelope"));
        xmlDocSetRootElement(m_doc.get(), m_root);
        m_soap = xmlNewNs(m_root, xml(k_soap_namespace), xml("soap"));
        m_service = xmlNewNs(m_root, xml(ns), xml("j"));
        xmlSetNs(m_root, m_soap);
    }

    xmlNode* header() { return soap_child("Header"); }
    xmlNode* body() { return soap_child("Body"); }

    xmlNode* element(xmlNode* parent, const char* name) const
    {
        return xmlNewChild(parent, m_service, xml(name), nullptr);
    }
    /// A child with text; the text is escaped by libxml2.
    void text(xmlNode* parent, const char* name, std::string_view value) const
    {
        std::string copy(value);
        xmlNewTextChild(parent, m_service, xml(name), xml(copy));
    }
    void plain_text(xmlNode* parent, const char* name, std::string_view value) const
    {
        std::string copy(value);
        xmlNewTextChild(parent, nullptr, xml(name), xml(copy));
    }

    std::string serialise()
    {
        xmlChar* memory = nullptr;
        int size = 0;
        xmlDocDumpMemoryEnc(m_doc.get(), &memory, &size, "UTF-8");
        std::string out(reinterpret_cast<const char*>(memory), static_cast<std::size_t>(size));
        xmlFree(memory);
        return out;
    }

    xmlNode* soap_child(const char* name)
    {
        for (xmlNode* child = m_root->children; child != nullptr; child = child->next)
            if (child->type == XML_ELEMENT_NODE && xmlStrcmp(child->name, xml(name)) == 0)
                return child;
        return xmlNewChild(m_root, m_soap, xml(name), nullptr);
    }

private:
    Document m_doc;
    xmlNode* m_root = nullptr;
    xmlNs* m_soap = nullptr;
    xmlNs* m_service = nullptr;
};

std::string number_text(double value)
{
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%g", value);
    return buffer.data();
}

void write_ad(const Envelope& envelope, xmlNode* parent, const JobAd& ad)
{
    xmlNode* job = envelope.element(parent, "Job");
    envelope.text(job, "ExternalReference", ad.reference);
    envelope.text(job, "EmployerCvr", ad.employer_cvr);
    envelope.text(job, "Title", ad.title);
    envelope.text(job, "Description", ad.description_html);
    xmlNode* place = envelope.element(job, "WorkplaceAddress");
    envelope.text(place, "Street", ad.workplace.street);
    envelope.text(place, "PostalCode", ad.workplace.postcode);
    envelope.text(place, "City", ad.workplace.city);
    envelope.text(place, "MunicipalityCode", ad.workplace.municipality_code);
    xmlNode* contact = envelope.element(job, "ContactPerson");
    envelope.text(contact, "Name", ad.contact.name);
    envelope.text(contact, "Title", ad.contact.title);
    envelope.text(contact, "Email", ad.contact.email);
    envelope.text(contact, "Phone", ad.contact.phone);
    envelope.text(job, "OccupationCode", ad.occupation_code);
    envelope.text(job, "EmploymentType", ad.permanent ? "Permanent" : "LimitedPeriod");
    envelope.text(job, "WorkingHours", ad.full_time ? "FullTime" : "PartTime");
    envelope.text(job, "WeeklyHours", number_text(ad.weekly_hours));
    envelope.text(job, "NumberOfPositions", std::to_string(ad.positions));
    envelope.text(job, "PublicationStart", ad.publication_start);
    envelope.text(job, "PublicationEnd", ad.publication_end);
    envelope.text(job, "ApplicationDeadline", ad.application_deadline);
    envelope.text(job, "Language", ad.language);
    envelope.text(job, "ApplicationUrl", ad.application_url);
}

// Reading.

bool named(const xmlNode* node, std::string_view name)
{
    return node != nullptr && node->type == XML_ELEMENT_NODE &&
           std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

const xmlNode* child(const xmlNode* parent, std::string_view name)
{
    if (parent == nullptr)
        return nullptr;
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next)
        if (named(node, name))
            return node;
    return nullptr;
}

const xmlNode* first_element(const xmlNode* parent)
{
    if (parent == nullptr)
        return nullptr;
    for (const xmlNode* node = parent->children; node != nullptr; node = node->next)
        if (node->type == XML_ELEMENT_NODE)
            return node;
    return nullptr;
}

std::string text_of(const xmlNode* node)
{
    if (node == nullptr)
        return {};
    xmlChar* content = xmlNodeGetContent(node);
    if (content == nullptr)
        return {};
    std::string out(reinterpret_cast<const char*>(content));
    xmlFree(content);
    return out;
}

std::string text_at(const xmlNode* parent, std::string_view name)
{
    return text_of(child(parent, name));
}

bool in_soap(const xmlNode* node)
{
    return node != nullptr && node->ns != nullptr &&
           std::string_view(reinterpret_cast<const char*>(node->ns->href)) == k_soap_namespace;
}

/// The envelope's body, or an error. Refuses a document with a DTD: neither side sends one, and an
/// entity could otherwise expand beyond the size limit.
core::Result<std::pair<Document, const xmlNode*>> parse_envelope(std::string_view text)
{
    auto unreadable = [] { return core::Error::invalid("The message is not a SOAP envelope."); };
    if (text.empty() || text.size() > k_max_envelope)
        return unreadable();
    init_xml();
    Document doc(
        xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr,
                      XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc || doc->intSubset != nullptr)
        return unreadable();
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!named(root, "Envelope") || !in_soap(root))
        return unreadable();
    const xmlNode* body = child(root, "Body");
    if (body == nullptr || !in_soap(body))
        return unreadable();
    return std::make_pair(std::move(doc), body);
}

double parse_number(const std::string& text, double fallback)
{
    double value = fallback;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

JobAd read_ad(const xmlNode* job)
{
    JobAd ad;
    ad.reference = text_at(job, "ExternalReference");
    ad.employer_cvr = text_at(job, "EmployerCvr");
    ad.title = text_at(job, "Title");
    ad.description_html = text_at(job, "Description");
    const xmlNode* place = child(job, "WorkplaceAddress");
    ad.workplace = {text_at(place, "Street"), text_at(place, "PostalCode"), text_at(place, "City"),
                    text_at(place, "MunicipalityCode")};
    const xmlNode* contact = child(job, "ContactPerson");
    ad.contact = {text_at(contact, "Name"), text_at(contact, "Title"), text_at(contact, "Email"),
                  text_at(contact, "Phone")};
    ad.occupation_code = text_at(job, "OccupationCode");
    ad.permanent = text_at(job, "EmploymentType") != "LimitedPeriod";
    ad.full_time = text_at(job, "WorkingHours") != "PartTime";
    ad.weekly_hours = parse_number(text_at(job, "WeeklyHours"), 0);
    ad.positions = static_cast<int>(parse_number(text_at(job, "NumberOfPositions"), 0));
    ad.publication_start = text_at(job, "PublicationStart");
    ad.publication_end = text_at(job, "PublicationEnd");
    ad.application_deadline = text_at(job, "ApplicationDeadline");
    ad.language = text_at(job, "Language");
    ad.application_url = text_at(job, "ApplicationUrl");
    return ad;
}

// Checks.

bool digits(std::string_view text, std::size_t count)
{
    return text.size() == count &&
           std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool blank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); });
}

/// Days since 1970-01-01 of "YYYY-MM-DD", or nothing.
std::optional<long> day_number(std::string_view date)
{
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !digits(date.substr(0, 4), 4) ||
        !digits(date.substr(5, 2), 2) || !digits(date.substr(8, 2), 2))
        return std::nullopt;
    int year = std::stoi(std::string(date.substr(0, 4)));
    int month = std::stoi(std::string(date.substr(5, 2)));
    int day = std::stoi(std::string(date.substr(8, 2)));
    constexpr std::array<int, 12> k_days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > k_days[month - 1] || (month == 2 && day == 29 && !leap))
        return std::nullopt;
    // Days from civil (proleptic Gregorian).
    year -= month <= 2 ? 1 : 0;
    long era = (year >= 0 ? year : year - 399) / 400;
    long year_of_era = year - era * 400;
    long day_of_year = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

std::string_view lowercase_tag(std::string_view tag, std::array<char, 16>& buffer)
{
    std::size_t size = std::min(tag.size(), buffer.size());
    for (std::size_t i = 0; i < size; ++i)
        buffer[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i])));
    return {buffer.data(), size};
}

} // namespace

std::string_view operation_name(Operation operation)
{
    for (const auto& [known, name] : k_operations)
        if (known == operation)
            return name;
    return "GetJob";
}

std::optional<Operation> operation_from_name(std::string_view name)
{
    for (const auto& [operation, known] : k_operations)
        if (known == name)
            return operation;
    return std::nullopt;
}

std::string to_jobnet_html(std::string_view html)
{
    std::string out;
    out.reserve(html.size());
    std::size_t at = 0;
    while (at < html.size()) {
        std::size_t open = html.find('<', at);
        out.append(html.substr(at, open == std::string_view::npos ? std::string_view::npos : open - at));
        if (open == std::string_view::npos)
            break;
        std::size_t close = html.find('>', open);
        if (close == std::string_view::npos)
            break; // sanitized input never ends inside a tag
        std::string_view tag = html.substr(open + 1, close - open - 1);
        bool closing = !tag.empty() && tag.front() == '/';
        if (closing)
            tag.remove_prefix(1);
        std::size_t name_end = tag.find_first_of(" \t\n/");
        std::array<char, 16> buffer{};
        std::string_view name = lowercase_tag(tag.substr(0, name_end), buffer);
        std::string slash = closing ? "/" : "";
        if (name == "p"sv || name == "ul"sv || name == "ol"sv || name == "li"sv || name == "strong"sv ||
            name == "em"sv)
            out += "<" + slash + std::string(name) + ">";
        else if (name == "b"sv)
            out += "<" + slash + "strong>";
        else if (name == "i"sv)
            out += "<" + slash + "em>";
        else if (name == "br"sv)
            out += "<br/>";
        else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
            out += closing ? "</strong></p>" : "<p><strong>";
        at = close + 1;
    }
    return out;
}

std::vector<core::FieldError> check_job_ad(const JobAd& ad)
{
    using core::msgid;
    std::vector<core::FieldError> problems;
    if (!digits(ad.employer_cvr, 8))
        problems.push_back(
            {"employer_cvr", msgid("Jobnet needs the institution's CVR number (eight digits).")});
    if (blank(ad.title))
        problems.push_back({"title", msgid("The ad needs a title.")});
    if (blank(ad.workplace.street))
        problems.push_back({"place_of_work", msgid("Jobnet needs the street address of the place of work.")});
    if (!digits(ad.workplace.postcode, 4))
        problems.push_back(
            {"work_postcode", msgid("Jobnet needs the postcode of the place of work (four digits).")});
    if (blank(ad.workplace.city))
        problems.push_back({"work_city", msgid("Jobnet needs the town of the place of work.")});
    if (!digits(ad.workplace.municipality_code, 3))
        problems.push_back({"municipality_code", msgid("The municipality code must be three digits.")});
    if (blank(ad.contact.name) || blank(ad.contact.email) || blank(ad.contact.phone))
        problems.push_back(
            {"contact_name", msgid("Jobnet needs a contact person with name, e-mail and phone number.")});
    bool occupation = digits(ad.occupation_code, 4) ||
                      (ad.occupation_code.size() == 7 && digits(ad.occupation_code.substr(0, 4), 4) &&
                       ad.occupation_code[4] == '.' && digits(ad.occupation_code.substr(5), 2));
    if (!occupation)
        problems.push_back({"occupation_code", msgid("Jobnet needs the occupation code (DISCO-08).")});
    if (ad.weekly_hours <= 0 || ad.weekly_hours > 37 || (!ad.full_time && ad.weekly_hours >= 37))
        problems.push_back({"weekly_hours", msgid("Jobnet needs the weekly hours (at most 37).")});
    if (ad.positions < 1)
        problems.push_back({"positions", msgid("Jobnet needs the number of positions.")});
    if (blank(ad.description_html))
        problems.push_back({"body", msgid("The ad needs a text.")});
    else if (ad.description_html.size() > k_max_description)
        problems.push_back({"body", msgid("The ad text is longer than Jobnet accepts.")});
    auto start = day_number(ad.publication_start);
    auto end = day_number(ad.publication_end);
    if (!start || !end || *end < *start)
        problems.push_back(
            {"deadline_date", msgid("The ad must state the application deadline as date and time.")});
    else if (*end - *start > k_max_publication_days)
        problems.push_back({"deadline_date", msgid("Jobnet shows an ad for at most 8 weeks: set the deadline "
                                                   "at most 8 weeks after publication.")});
    return problems;
}

std::string write_request(std::string_view service_namespace, std::string_view username,
                          std::string_view password, Operation operation, const JobAd* ad,
                          std::string_view job_id, std::string_view reference)
{
    Envelope envelope(service_namespace);
    xmlNode* credentials = envelope.element(envelope.header(), "Credentials");
    envelope.text(credentials, "Username", username);
    envelope.text(credentials, "Password", password);
    std::string name(operation_name(operation));
    xmlNode* call = envelope.element(envelope.body(), name.c_str());
    if (!job_id.empty())
        envelope.text(call, "JobId", job_id);
    if (operation == Operation::get && !reference.empty())
        envelope.text(call, "ExternalReference", reference);
    if (ad != nullptr && (operation == Operation::add || operation == Operation::update))
        write_ad(envelope, call, *ad);
    return envelope.serialise();
}

core::Result<Request> read_request(std::string_view xml_text)
{
    auto parsed = parse_envelope(xml_text);
    if (!parsed)
        return parsed.error();
    const xmlNode* root = xmlDocGetRootElement(parsed->first.get());
    const xmlNode* body = parsed->second;
    const xmlNode* call = first_element(body);
    if (call == nullptr)
        return core::Error::invalid("The SOAP body is empty.");
    auto operation = operation_from_name(reinterpret_cast<const char*>(call->name));
    if (!operation)
        return core::Error::invalid("Unknown operation.");
    Request request;
    request.operation = *operation;
    const xmlNode* credentials = child(child(root, "Header"), "Credentials");
    request.username = text_at(credentials, "Username");
    request.password = text_at(credentials, "Password");
    request.job_id = text_at(call, "JobId");
    request.reference = text_at(call, "ExternalReference");
    if (const xmlNode* job = child(call, "Job"))
        request.ad = read_ad(job);
    return request;
}

std::string write_reply(std::string_view service_namespace, Operation operation, const JobStatus& status)
{
    Envelope envelope(service_namespace);
    std::string name = std::string(operation_name(operation)) + "Response";
    xmlNode* reply = envelope.element(envelope.body(), name.c_str());
    envelope.text(reply, "JobId", status.job_id);
    envelope.text(reply, "ExternalReference", status.reference);
    envelope.text(reply, "Status", status.status);
    if (!status.reason.empty())
        envelope.text(reply, "StatusReason", status.reason);
    return envelope.serialise();
}

std::string write_fault(const Fault& fault)
{
    Envelope envelope(k_default_namespace);
    xmlNode* node = xmlNewChild(envelope.body(), envelope.body()->ns, xml("Fault"), nullptr);
    envelope.plain_text(node, "faultcode", "soap:" + fault.code);
    envelope.plain_text(node, "faultstring", fault.reason);
    return envelope.serialise();
}

core::Result<JobStatus> read_reply(std::string_view xml_text)
{
    auto parsed = parse_envelope(xml_text);
    if (!parsed)
        return core::Error{core::ErrorKind::unavailable, std::string(k_unreadable_reply), {}};
    const xmlNode* reply = first_element(parsed->second);
    if (reply == nullptr)
        return core::Error{core::ErrorKind::unavailable, "Jobnet's reply was empty.", {}};
    if (named(reply, "Fault")) {
        std::string code = text_at(reply, "faultcode");
        if (auto colon = code.find(':'); colon != std::string::npos)
            code.erase(0, colon + 1);
        std::string reason = text_at(reply, "faultstring");
        core::ErrorKind kind = core::ErrorKind::unavailable;
        if (code == "Client.NotFound")
            kind = core::ErrorKind::not_found;
        else if (code == "Client.Authentication")
            kind = core::ErrorKind::unauthorized;
        else if (code.rfind("Client", 0) == 0)
            kind = core::ErrorKind::invalid;
        return core::Error{kind, reason.empty() ? code : reason, {}};
    }
    JobStatus status;
    status.job_id = text_at(reply, "JobId");
    status.reference = text_at(reply, "ExternalReference");
    status.status = text_at(reply, "Status");
    status.reason = text_at(reply, "StatusReason");
    return status;
}

} // namespace rekrut::integrations::jobnet
