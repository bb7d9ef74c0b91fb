#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "services/applications/applications.hpp"

namespace rekrut::services {

/// A file kept for the applicant between tries of one form.
struct HeldFile {
    std::string handle; ///< Names the file within its form, for the form's remove button.
    IncomingFile file;
};

/// Files an applicant uploaded with a form that came back with errors, kept on the server's disk
/// (in a folder of their own, readable by the server only) so that the next try need not send them
/// again. They are held under the form's idempotency key, a random value that only the applicant's
/// form carries, and deleted when the application is stored or after a day.
class HeldUploads {
public:
    explicit HeldUploads(std::string directory);

    /// Whether `form_key` can name a hold (lower-case hex of a sensible length).
    static bool valid_key(const std::string& form_key);
    /// Moves an accepted upload into the form's hold.
    std::optional<HeldFile> hold(const std::string& form_key, const IncomingFile& file);
    /// The files held for the form, in the order they came.
    std::vector<HeldFile> list(const std::string& form_key) const;
    void remove(const std::string& form_key, const std::string& handle);
    /// Deletes the whole hold (the application was stored).
    void release(const std::string& form_key);
    /// Deletes holds not touched since `before`; returns how many.
    int purge(core::UnixTime before);

private:
    std::string m_directory;
};

} // namespace rekrut::services
