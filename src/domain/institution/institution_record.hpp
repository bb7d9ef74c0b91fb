#pragma once

// An institution on the platform.

#include <cstdint>
#include <string>

namespace rekrut::domain {

struct InstitutionRecord {
    std::int64_t id = 0;
    std::string cvr;
    std::string name;
    std::string address;
    /// Off-boarded: its data is deleted and only this row is kept. No account, operator access or
    /// off-boarding can be made in it again.
    bool offboarded = false;
};

} // namespace rekrut::domain
