#include "integrations/jobnet_client.hpp"

#include <curl/curl.h>

namespace rekrut::integrations::jobnet {
namespace {

/// The longest reply read; a reply is a few hundred bytes.
constexpr std::size_t k_max_reply = std::size_t{1024} * 1024;

std::size_t collect(char* data, std::size_t size, std::size_t count, void* target)
{
    auto* out = static_cast<std::string*>(target);
    std::size_t bytes = size * count;
    if (out->size() + bytes > k_max_reply)
        return 0; // ends the transfer with CURLE_WRITE_ERROR
    out->append(data, bytes);
    return bytes;
}

core::Error unavailable(std::string reason)
{
    return {core::ErrorKind::unavailable, std::move(reason), {}};
}

} // namespace

struct Client::State {
    Settings settings;
    CURL* curl = nullptr;

    ~State()
    {
        if (curl != nullptr)
            curl_easy_cleanup(curl);
    }
};

Client::Client(Settings settings) : m_state(std::make_unique<State>())
{
    m_state->settings = std::move(settings);
}

Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

core::Result<JobStatus> Client::call(Operation operation, const JobAd* ad, const std::string& job_id,
                                     const std::string& reference)
{
    const Settings& settings = m_state->settings;
    std::string body = write_request(settings.service_namespace, settings.username, settings.password,
                                     operation, ad, job_id, reference);
    if (m_state->curl == nullptr)
        m_state->curl = curl_easy_init();
    CURL* curl = m_state->curl;
    if (curl == nullptr)
        return unavailable("libcurl could not start.");
    std::string action =
        "SOAPAction: \"" + settings.service_namespace + "/" + std::string(operation_name(operation)) + "\"";
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: text/xml; charset=utf-8");
    headers = curl_slist_append(headers, action.c_str());
    std::string reply;
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, settings.endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(settings.timeout_seconds, 10L));
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
    // libcurl sends a request again on a new connection when a reused one closes before any answer.
    // An AddJob must not go twice (the second would be refused as a duplicate reference), so it gets a
    // connection of its own: a lost answer is then an error, and the retry looks the ad up first.
    if (operation == Operation::add)
        curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        // A broken connection is not kept for the next call.
        curl_easy_cleanup(curl);
        m_state->curl = nullptr;
        return unavailable(curl_easy_strerror(code));
    }
    // SOAP 1.1 sends a fault with HTTP 500; any other answer without an envelope is Jobnet unavailable.
    auto read = read_reply(reply);
    if (!read && read.error().message == k_unreadable_reply)
        return unavailable("HTTP " + std::to_string(status) + " without a SOAP reply");
    return read;
}

core::Result<JobStatus> Client::add(const JobAd& ad)
{
    return call(Operation::add, &ad, "", "");
}

core::Result<JobStatus> Client::update(const std::string& job_id, const JobAd& ad)
{
    return call(Operation::update, &ad, job_id, "");
}

core::Result<JobStatus> Client::publish(const std::string& job_id)
{
    return call(Operation::publish, nullptr, job_id, "");
}

core::Result<JobStatus> Client::close(const std::string& job_id)
{
    return call(Operation::close, nullptr, job_id, "");
}

core::Result<JobStatus> Client::remove(const std::string& job_id)
{
    return call(Operation::remove, nullptr, job_id, "");
}

core::Result<JobStatus> Client::get(const std::string& job_id)
{
    return call(Operation::get, nullptr, job_id, "");
}

core::Result<std::optional<JobStatus>> Client::find(const std::string& reference)
{
    auto found = call(Operation::get, nullptr, "", reference);
    if (found)
        return std::optional<JobStatus>(std::move(found.value()));
    if (found.error().kind == core::ErrorKind::not_found)
        return std::optional<JobStatus>();
    return found.error();
}

} // namespace rekrut::integrations::jobnet
