#include "services/second_factor_display.hpp"

#include "integrations/totp.hpp"

namespace rekrut::services {

SecondFactorDisplay second_factor_display(const std::string& secret_hex, const std::string& account)
{
    return {integrations::totp::base32(secret_hex),
            integrations::totp::qr_svg(integrations::totp::provisioning_uri(secret_hex, account))};
}

} // namespace rekrut::services
