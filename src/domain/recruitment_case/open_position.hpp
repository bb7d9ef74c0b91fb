#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"

namespace rekrut::domain {

/// A published position as the public career site shows it.
struct OpenPosition {
    std::int64_t case_id = 0;
    std::string title;
    std::string institution_name;
    std::string place_of_work;
    core::UnixTime application_deadline = 0;
};

} // namespace rekrut::domain
