#include "services/sign_in_support.hpp"

#include <sodium.h>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/secret_key.hpp"
#include "domain/field_limits.hpp"
#include "integrations/totp.hpp"
#include "store/database.hpp"
#include "store/identity_store.hpp"
#include "store/session_store.hpp"

namespace rekrut::services::sign_in {
namespace {

/// Growing delays after repeated failures, then a temporary lock.
core::UnixTime block_for(int failures, int scale, core::UnixTime now)
{
    if (failures < 5 * scale)
        return 0;
    if (failures >= 10 * scale)
        return now + 15L * 60;
    int steps = (failures - 5 * scale) / scale;
    return now + (15 << steps);
}

std::string normalise_recovery_code(const std::string& code)
{
    std::string out;
    for (char ch : code)
        if (std::isalnum(static_cast<unsigned char>(ch)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

constexpr char k_recovery_alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
constexpr int k_recovery_groups = 3;
constexpr int k_recovery_group_length = 6;
constexpr int k_recovery_code_count = 10;
/// A code as stored before codes were this long (ten characters); shorter input is no code.
constexpr std::size_t k_shortest_recovery_code = 10;

} // namespace

std::string account_key(const std::string& email)
{
    return "account:" + email;
}

Origin as_user(const Origin& origin, std::int64_t user_id, const std::string& name)
{
    Origin who = origin;
    who.user_id = user_id;
    who.user_name = name;
    return who;
}

core::UnixTime blocked_until(store::Transaction& transaction, const std::string& key, core::UnixTime now)
{
    return store::login_throttle::lock(transaction, key, now).blocked_until;
}

void record_failure(store::Transaction& transaction, const std::string& key, int scale, core::UnixTime now)
{
    auto record = store::login_throttle::lock(transaction, key, now);
    if (record.last_failure_at < now - store::k_throttle_window_seconds)
        record.failures = 0; // an hour without failures starts over
    ++record.failures;
    record.last_failure_at = now;
    record.blocked_until = block_for(record.failures, scale, now);
    store::login_throttle::put(transaction, key, record);
}

std::optional<std::string> second_factor_passed_by(store::Transaction& transaction,
                                                   const domain::UserRecord& user, const std::string& code,
                                                   core::UnixTime now)
{
    if (code.size() > domain::limits::one_time_code)
        return std::nullopt;
    auto secret = transaction.secret_key().open(user.totp_secret);
    if (!secret)
        core::log_event("error", "totp_secret_unreadable",
                        "\"user_id\":" + std::to_string(user.id)); // sealed under another key
    if (auto step = secret ? integrations::totp::matching_step(*secret, code, now) : std::nullopt) {
        if (store::users::advance_totp_step(transaction, user.id, *step))
            return "totp";
        return std::nullopt;
    }
    if (normalise_recovery_code(code).size() >= k_shortest_recovery_code &&
        store::recovery_codes::use(transaction, user.id, recovery_code_hash(transaction.secret_key(), code),
                                   now))
        return "recovery_code";
    return std::nullopt;
}

std::vector<std::string> new_recovery_codes()
{
    std::vector<std::string> codes;
    for (int number = 0; number < k_recovery_code_count; ++number) {
        std::string code;
        for (int group = 0; group < k_recovery_groups; ++group) {
            if (group > 0)
                code += '-';
            for (int i = 0; i < k_recovery_group_length; ++i)
                code += k_recovery_alphabet[randombytes_uniform(sizeof k_recovery_alphabet - 1)];
        }
        codes.push_back(code);
    }
    return codes;
}

std::string recovery_code_hash(const core::SecretKey& key, const std::string& code)
{
    return keyed_recovery_code_hash(key, core::blake2b_hex("recovery:" + normalise_recovery_code(code)));
}

std::string keyed_recovery_code_hash(const core::SecretKey& key, const std::string& legacy_hash)
{
    return k_keyed_recovery_prefix + core::blake2b_keyed_hex(legacy_hash, key.recovery_code_key());
}

} // namespace rekrut::services::sign_in
