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
};

} // namespace rekrut::domain
