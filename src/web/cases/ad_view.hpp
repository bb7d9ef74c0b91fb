#pragma once

#include "services/recruitment_case/case_types.hpp"
#include "web/page_kit.hpp"

namespace rekrut::web {

/// Fills the ad partial (`cases/_ad.tpl`) with a rendered ad: the case preview and the public ad
/// show exactly the same thing. The facts beside the ad text (deadline, weekly hours) are written
/// as `language`, the interface language their labels are in.
void fill_ad(Dictionary& dictionary, const services::RenderedAd& ad, const std::string& language);

} // namespace rekrut::web
