#pragma once

#include <string>

namespace rekrut::services {

/// What the enrolment page shows for a new TOTP secret: the secret in base32 for typing into an
/// authenticator app, and a QR code (an SVG of digits and rectangles only) of the provisioning URI.
struct SecondFactorDisplay {
    std::string secret_base32;
    std::string qr_svg;
};

SecondFactorDisplay second_factor_display(const std::string& secret_hex, const std::string& account);

} // namespace rekrut::services
