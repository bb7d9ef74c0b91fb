#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "core/text.hpp"

namespace rekrut::core {
namespace {

class SecretKeyTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(init_crypto());
        m_folder = std::filesystem::temp_directory_path() /
                   ("rekrut-key-test-" + std::to_string(::getpid()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_folder);
    }
    void TearDown() override { std::filesystem::remove_all(m_folder); }
    std::filesystem::path m_folder;
};

TEST_F(SecretKeyTest, created_once_private_and_read_back)
{
    std::string path = (m_folder / "sub" / "rekrut.key").string();
    auto first = SecretKey::load_or_create(path);
    ASSERT_TRUE(first);
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    auto second = SecretKey::load_or_create(path);
    ASSERT_TRUE(second);
    EXPECT_EQ(first->audit_key(), second->audit_key());
    EXPECT_EQ(first->audit_key().size(), 32u);
    // What one sealed, the other opens.
    EXPECT_EQ(second->open(first->seal("GEZDGNBVGY3TQOJQ")), std::optional<std::string>("GEZDGNBVGY3TQOJQ"));
}

TEST_F(SecretKeyTest, the_fingerprint_names_the_key_without_revealing_it)
{
    std::string path = (m_folder / "rekrut.key").string();
    auto key = SecretKey::load_or_create(path);
    ASSERT_TRUE(key);
    auto again = SecretKey::load_or_create(path);
    ASSERT_TRUE(again);
    EXPECT_EQ(key->fingerprint(), again->fingerprint());
    EXPECT_EQ(key->fingerprint().size(), 16u);
    EXPECT_EQ(key->fingerprint().find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(key->fingerprint(), SecretKey::random().fingerprint());
    // Neither the key in the file nor any subkey in use starts with it.
    std::ifstream file(path);
    std::string master_hex;
    file >> master_hex;
    EXPECT_EQ(master_hex.find(key->fingerprint()), std::string::npos);
    for (const auto* subkey : {&key->audit_key(), &key->csrf_key(), &key->recovery_code_key()})
        EXPECT_EQ(to_hex(*subkey).find(key->fingerprint()), std::string::npos);
}

TEST_F(SecretKeyTest, a_file_without_a_key_is_refused)
{
    std::filesystem::create_directories(m_folder);
    for (const char* content : {"", "not hex at all", "abcd\n"}) {
        std::string path = (m_folder / "bad.key").string();
        std::ofstream(path) << content;
        EXPECT_FALSE(SecretKey::load_or_create(path)) << content;
    }
}

TEST(SealTest, sealed_values_hide_the_secret_and_refuse_tampering_and_other_keys)
{
    ASSERT_TRUE(init_crypto());
    auto key = SecretKey::random();
    std::string sealed = key.seal("3132333435363738393031323334353637383930");
    EXPECT_TRUE(SecretKey::is_sealed(sealed));
    EXPECT_EQ(sealed.find("3132333435"), std::string::npos);
    EXPECT_NE(key.seal("same"), key.seal("same")) << "a fresh nonce every time";
    EXPECT_EQ(key.open(sealed), std::optional<std::string>("3132333435363738393031323334353637383930"));
    std::string altered = sealed;
    altered.back() = altered.back() == '0' ? '1' : '0';
    EXPECT_FALSE(key.open(altered));
    EXPECT_FALSE(SecretKey::random().open(sealed));
    EXPECT_FALSE(key.open("enc1:zz"));
    // A value written before sealing existed reads as it is.
    EXPECT_EQ(key.open("plain"), std::optional<std::string>("plain"));
}

TEST(DerivedKeyTest, the_recovery_code_key_is_its_own_and_stable)
{
    ASSERT_TRUE(init_crypto());
    auto key = SecretKey::random();
    EXPECT_EQ(key.recovery_code_key().size(), 32u);
    EXPECT_NE(key.recovery_code_key(), key.audit_key());
    EXPECT_NE(key.recovery_code_key(), SecretKey::random().recovery_code_key());
}

TEST(DataKeyWrappingTest, roundtrip_and_refusal_of_other_keys_and_altered_bytes)
{
    ASSERT_TRUE(init_crypto());
    auto key = SecretKey::random();
    std::string data_key = random_bytes(32);
    data_key[5] = '\0'; // raw bytes, NUL included
    std::string wrapped = key.wrap_data_key(data_key);
    EXPECT_EQ(wrapped.size(), 24u + 32u + 16u);
    EXPECT_EQ(wrapped.find(data_key), std::string::npos);
    EXPECT_NE(wrapped, key.wrap_data_key(data_key)) << "a fresh nonce every time";
    EXPECT_EQ(key.unwrap_data_key(wrapped), std::optional<std::string>(data_key));
    EXPECT_FALSE(SecretKey::random().unwrap_data_key(wrapped)) << "another installation's key";
    for (std::size_t i : {std::size_t{0}, std::size_t{30}, wrapped.size() - 1}) {
        std::string altered = wrapped;
        altered[i] ^= 0x01;
        EXPECT_FALSE(key.unwrap_data_key(altered)) << "byte " << i;
    }
    EXPECT_FALSE(key.unwrap_data_key(wrapped.substr(0, wrapped.size() - 1)));
    EXPECT_FALSE(key.unwrap_data_key(""));
}

TEST_F(SecretKeyTest, a_wrapped_data_key_unwraps_after_the_key_file_is_read_again)
{
    std::string path = (m_folder / "rekrut.key").string();
    auto first = SecretKey::load_or_create(path);
    ASSERT_TRUE(first);
    std::string data_key = random_bytes(32);
    std::string wrapped = first->wrap_data_key(data_key);
    auto again = SecretKey::load_or_create(path);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->unwrap_data_key(wrapped), std::optional<std::string>(data_key));
}

TEST(DerivedKeyTest, the_key_wrapping_key_is_not_the_totp_key)
{
    ASSERT_TRUE(init_crypto());
    auto key = SecretKey::random();
    // What seal() encrypts under the TOTP key does not unwrap as a data key, and vice versa.
    auto sealed = from_hex(key.seal(std::string(32, 'k')).substr(5));
    ASSERT_TRUE(sealed);
    EXPECT_FALSE(key.unwrap_data_key(*sealed));
    EXPECT_FALSE(key.open("enc1:" + to_hex(key.wrap_data_key(std::string(32, 'k')))));
}

TEST(KeyedHashTest, depends_on_the_key)
{
    ASSERT_TRUE(init_crypto());
    EXPECT_NE(blake2b_keyed_hex("event", std::string(32, 'a')),
              blake2b_keyed_hex("event", std::string(32, 'b')));
    EXPECT_NE(blake2b_keyed_hex("event", std::string(32, 'a')), blake2b_hex("event"));
    EXPECT_EQ(blake2b_keyed_hex("event", std::string(32, 'a')).size(), 64u);
}

} // namespace
} // namespace rekrut::core
