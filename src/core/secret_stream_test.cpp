#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

#include "core/crypto.hpp"
#include "core/secret_stream.hpp"

namespace rekrut::core {
namespace {

struct Sealed {
    std::string header;
    std::vector<std::string> pieces;
};

Sealed encrypt(std::string_view key, const std::vector<std::string>& pieces, std::string_view associated = {})
{
    StreamEncryptor encryptor(key);
    Sealed sealed{encryptor.header(), {}};
    for (std::size_t i = 0; i < pieces.size(); ++i)
        sealed.pieces.push_back(encryptor.push(pieces[i], i + 1 == pieces.size(), associated));
    return sealed;
}

/// The plaintext, or nullopt when any piece fails or the final tag never comes.
std::optional<std::string> decrypt(std::string_view key, const Sealed& sealed,
                                   std::string_view associated = {})
{
    auto decryptor = StreamDecryptor::start(key, sealed.header);
    if (!decryptor)
        return std::nullopt;
    std::string plaintext;
    for (const auto& piece : sealed.pieces) {
        auto part = decryptor->pull(piece, associated);
        if (!part)
            return std::nullopt;
        plaintext += *part;
    }
    if (!decryptor->finished())
        return std::nullopt;
    return plaintext;
}

std::string every_byte_value()
{
    std::string bytes;
    for (int i = 0; i < 256; ++i)
        bytes.push_back(static_cast<char>(i));
    return bytes;
}

struct SecretStreamTest : ::testing::Test {
    void SetUp() override { ASSERT_TRUE(init_crypto()); }
    std::string key = random_bytes(StreamEncryptor::key_bytes);
    std::vector<std::string> pieces{every_byte_value(), std::string(1000, '\0'), "", "end"};
};

TEST_F(SecretStreamTest, random_bytes_are_raw_and_fresh)
{
    EXPECT_EQ(random_bytes(0), "");
    EXPECT_EQ(random_bytes(32).size(), 32u);
    EXPECT_NE(random_bytes(32), random_bytes(32));
}

TEST_F(SecretStreamTest, roundtrip_of_several_pieces_with_every_byte_value)
{
    auto sealed = encrypt(key, pieces, "attachment 7");
    EXPECT_EQ(sealed.header.size(), StreamEncryptor::header_bytes);
    ASSERT_EQ(sealed.pieces.size(), pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        EXPECT_EQ(sealed.pieces[i].size(), pieces[i].size() + StreamEncryptor::overhead_bytes);
        if (!pieces[i].empty()) {
            EXPECT_EQ(sealed.pieces[i].find(pieces[i]), std::string::npos);
        }
    }
    EXPECT_EQ(decrypt(key, sealed, "attachment 7"), every_byte_value() + std::string(1000, '\0') + "end");
}

TEST_F(SecretStreamTest, a_single_empty_final_piece_is_a_valid_stream)
{
    auto sealed = encrypt(key, {""});
    EXPECT_EQ(decrypt(key, sealed), std::optional<std::string>(""));
}

TEST_F(SecretStreamTest, the_same_plaintext_encrypts_differently_each_time)
{
    EXPECT_NE(encrypt(key, pieces).pieces, encrypt(key, pieces).pieces);
}

TEST_F(SecretStreamTest, wrong_key_or_header_or_associated_data_fail)
{
    auto sealed = encrypt(key, pieces, "attachment 7");
    EXPECT_FALSE(decrypt(random_bytes(32), sealed, "attachment 7"));
    EXPECT_FALSE(decrypt(key, sealed, "attachment 8"));
    auto other_header = sealed;
    other_header.header = encrypt(key, pieces).header;
    EXPECT_FALSE(decrypt(key, other_header, "attachment 7"));
    EXPECT_FALSE(StreamDecryptor::start(key, "short"));
    EXPECT_FALSE(StreamDecryptor::start("short", sealed.header));
    EXPECT_THROW(StreamEncryptor("short"), std::invalid_argument);
}

TEST_F(SecretStreamTest, altered_reordered_missing_or_truncated_pieces_fail)
{
    auto sealed = encrypt(key, pieces);
    for (std::size_t i = 0; i < sealed.pieces.size(); ++i) {
        auto altered = sealed;
        altered.pieces[i][altered.pieces[i].size() / 2] ^= 0x01;
        EXPECT_FALSE(decrypt(key, altered)) << "piece " << i;
    }
    auto swapped = sealed;
    std::swap(swapped.pieces[0], swapped.pieces[1]);
    EXPECT_FALSE(decrypt(key, swapped));
    auto middle_missing = sealed;
    middle_missing.pieces.erase(middle_missing.pieces.begin() + 1);
    EXPECT_FALSE(decrypt(key, middle_missing));
    auto last_missing = sealed;
    last_missing.pieces.pop_back();
    EXPECT_FALSE(decrypt(key, last_missing)) << "a stream without its final piece is cut off";
    auto extra = sealed;
    extra.pieces.push_back(sealed.pieces.back());
    EXPECT_FALSE(decrypt(key, extra)) << "nothing may follow the final piece";
    auto cut = sealed;
    cut.pieces.back().resize(StreamEncryptor::overhead_bytes - 1);
    EXPECT_FALSE(decrypt(key, cut));
}

TEST_F(SecretStreamTest, a_failed_stream_stays_failed)
{
    auto sealed = encrypt(key, pieces);
    auto decryptor = StreamDecryptor::start(key, sealed.header);
    ASSERT_TRUE(decryptor);
    std::string altered = sealed.pieces[0];
    altered[0] ^= 0x01;
    EXPECT_FALSE(decryptor->pull(altered));
    EXPECT_FALSE(decryptor->pull(sealed.pieces[0]));
    EXPECT_FALSE(decryptor->finished());
}

TEST_F(SecretStreamTest, nothing_can_be_pushed_after_the_final_piece)
{
    StreamEncryptor encryptor(key);
    encryptor.push("a", true);
    EXPECT_THROW(encryptor.push("b", false), std::logic_error);
}

TEST_F(SecretStreamTest, sealed_values_open_only_with_their_key_and_associated_data)
{
    std::string text = every_byte_value() + "æøå";
    std::string sealed = seal_with_key(key, text, "attachment 3");
    EXPECT_EQ(sealed.find(text), std::string::npos);
    EXPECT_NE(sealed, seal_with_key(key, text, "attachment 3")) << "a fresh nonce every time";
    EXPECT_EQ(open_with_key(key, sealed, "attachment 3"), text);
    EXPECT_FALSE(open_with_key(key, sealed, "attachment 4"));
    EXPECT_FALSE(open_with_key(random_bytes(32), sealed, "attachment 3"));
    std::string altered = sealed;
    altered.back() ^= 0x01;
    EXPECT_FALSE(open_with_key(key, altered, "attachment 3"));
    EXPECT_FALSE(open_with_key(key, sealed.substr(0, 20), "attachment 3"));
    EXPECT_FALSE(open_with_key("short", sealed, "attachment 3"));
    EXPECT_EQ(open_with_key(key, seal_with_key(key, "")), std::optional<std::string>(""));
    EXPECT_THROW(seal_with_key("short", "text"), std::invalid_argument);
}

} // namespace
} // namespace rekrut::core
