#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <sys/stat.h>

#include "core/crypto.hpp"
#include "core/secret_key.hpp"
#include "core/secret_stream.hpp"
#include "store/binary.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"
#include "store/migrations.hpp"

namespace rekrut::store {
namespace {
namespace fs = std::filesystem;

constexpr std::size_t k_chunk = DatabaseFileStore::k_chunk_bytes;

/// `size` bytes that hold every byte value (NUL included) and otherwise look random.
std::string content_of(std::size_t size)
{
    std::string bytes = core::random_bytes(size);
    for (std::size_t i = 0; i < size && i < 256; ++i)
        bytes[i] = static_cast<char>(255 - i);
    if (size > 1000)
        for (std::size_t i = 0; i < 256; ++i)
            bytes[size / 2 + i] = static_cast<char>(i);
    return bytes;
}

/// On SQLite in a temporary folder always; on PostgreSQL too when REKRUT_TEST_POSTGRES_URL names a
/// database, in a schema created (migrated) for each test and dropped after it.
class FileStoreTest : public ::testing::TestWithParam<Dialect> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(core::init_crypto());
        m_dir = fs::path(::testing::TempDir()) / ("rekrut_file_store_" + core::random_hex(6));
        fs::create_directories(m_dir);
        bool sqlite = GetParam() == Dialect::sqlite;
        if (sqlite) {
            m_database = Database::open("sqlite:" + (m_dir / "rekrut.db").string(), 1);
        } else {
            const char* url = std::getenv("REKRUT_TEST_POSTGRES_URL");
            if (!url || !*url)
                GTEST_SKIP() << "set REKRUT_TEST_POSTGRES_URL (postgresql://user@host:port/database) to run "
                                "the file store on PostgreSQL";
            // One connection, in a schema of its own: each test starts from empty tables.
            m_database = Database::open(url, 1);
            m_schema = "file_store_test_" + core::random_hex(6);
            m_database->read([&](Session& session) {
                session.sql() << "CREATE SCHEMA " + m_schema;
                session.sql() << "SET search_path TO " + m_schema;
            });
        }
        m_database->set_secret_key(m_installation_key);
        auto migrated = migrate(*m_database, read_migrations(REKRUT_MIGRATIONS_DIR, sqlite));
        ASSERT_TRUE(migrated.ok()) << migrated.error().message;
        change([&](Transaction& transaction) {
            m_institution = add_institution(transaction);
            m_other_institution = add_institution(transaction);
            m_application = add_application(transaction, m_institution);
            m_other_application = add_application(transaction, m_other_institution);
            m_key = application_keys::create(transaction, m_application);
            m_other_key = application_keys::create(transaction, m_other_application);
            return core::success();
        });
    }
    void TearDown() override
    {
        if (m_database && !m_schema.empty())
            m_database->read(
                [&](Session& session) { session.sql() << "DROP SCHEMA " + m_schema + " CASCADE"; });
        m_database.reset();
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    static std::int64_t add_institution(Transaction& transaction)
    {
        long long id = 0;
        std::string cvr = core::random_hex(8);
        transaction.sql()
            << "INSERT INTO institutions (cvr, name, created_at) VALUES (:cvr, 'Testkommune', 1)"
               " RETURNING id",
            soci::use(cvr), soci::into(id);
        return id;
    }
    static std::int64_t add_application(Transaction& transaction, std::int64_t institution_id)
    {
        long long institution = institution_id, case_id = 0, id = 0;
        transaction.sql() << "INSERT INTO recruitment_cases (institution_id, title, created_at) VALUES"
                             " (:institution, 'Sagsbehandler', 1) RETURNING id",
            soci::use(institution), soci::into(case_id);
        std::string idempotency = core::random_hex(8);
        transaction.sql()
            << "INSERT INTO applications (institution_id, case_id, full_name, email, received_at,"
               " idempotency_key, created_at, updated_at) VALUES (:institution, :case_id,"
               " 'Ansøger Anna', 'anna@example.test', 1, :idempotency, 1, 1) RETURNING id",
            soci::use(institution), soci::use(case_id), soci::use(idempotency), soci::into(id);
        return id;
    }

    std::string spool(const std::string& bytes)
    {
        fs::path path = m_dir / ("upload_" + core::random_hex(4));
        std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return path.string();
    }

    std::int64_t put(const std::string& bytes, const std::string& media_type = "application/pdf")
    {
        return put_for(m_institution, m_application, m_key, bytes, media_type);
    }
    std::int64_t put_for(std::int64_t institution, std::int64_t application, const std::string& key,
                         const std::string& bytes, const std::string& media_type = "application/pdf")
    {
        NewFile file{institution, application, "cv", "cv.pdf", media_type, spool(bytes)};
        auto stored = m_database->transact(
            [&](Transaction& transaction) { return m_files.put(transaction, file, key); });
        EXPECT_TRUE(stored.ok()) << stored.error().message;
        return stored.ok() ? *stored : 0;
    }

    /// Runs `work` in a write transaction that must commit.
    template <typename Work> void change(Work&& work)
    {
        auto done = m_database->transact(work);
        ASSERT_TRUE(done.ok()) << done.error().message;
    }

    /// The plaintext, or the error of reading it.
    core::Result<std::string> read(std::int64_t attachment, const std::string& key,
                                   std::int64_t institution = 0)
    {
        return m_database->read([&](Session& session) -> core::Result<std::string> {
            std::string plaintext;
            std::size_t pieces = 0;
            auto status = m_files.read(session, institution ? institution : m_institution, attachment, key,
                                       [&](std::string_view piece) {
                                           EXPECT_LE(piece.size(), k_chunk);
                                           plaintext.append(piece);
                                           ++pieces;
                                       });
            if (!status)
                return status.error();
            return plaintext;
        });
    }

    /// The stored ciphertext chunks of an attachment, in order.
    std::vector<std::string> chunks_of(std::int64_t attachment)
    {
        return m_database->read([&](Session& session) {
            std::vector<std::string> chunks;
            long long id = attachment;
            int count = 0;
            session.sql() << "SELECT COUNT(*) FROM attachment_chunks WHERE attachment_id = :id",
                soci::into(count), soci::use(id);
            for (int seq = 0; seq < count; ++seq) {
                binary::Column data(session);
                session.sql() << "SELECT " + data.sql("data") +
                                     " FROM attachment_chunks WHERE attachment_id = :id AND seq = :seq",
                    data.into(), soci::use(id), soci::use(seq);
                chunks.push_back(data.bytes().value_or(""));
            }
            return chunks;
        });
    }

    int count(const std::string& query, std::int64_t id)
    {
        return m_database->read([&](Session& session) {
            int found = 0;
            long long key = id;
            session.sql() << query, soci::into(found), soci::use(key);
            return found;
        });
    }

    void execute(const std::string& statement, std::int64_t id, int seq)
    {
        change([&](Transaction& transaction) {
            long long key = id;
            transaction.sql() << statement, soci::use(key), soci::use(seq);
            return core::success();
        });
    }

    core::SecretKey m_installation_key = core::SecretKey::random();
    fs::path m_dir;
    std::string m_schema; // PostgreSQL
    std::unique_ptr<Database> m_database;
    DatabaseFileStore m_files;
    std::int64_t m_institution = 0, m_other_institution = 0, m_application = 0, m_other_application = 0;
    std::string m_key, m_other_key;
};

TEST_P(FileStoreTest, files_of_every_size_round_trip_in_chunks_of_256_KiB)
{
    struct Case {
        std::size_t size;
        int chunks;
    };
    for (Case sample : {Case{0, 1}, Case{1, 1}, Case{k_chunk - 1, 1}, Case{k_chunk, 1}, Case{k_chunk + 1, 2},
                        Case{4 * k_chunk + 7, 5}}) {
        std::string content = content_of(sample.size);
        std::int64_t id = put(content);
        auto back = read(id, m_key);
        ASSERT_TRUE(back.ok()) << sample.size << ": " << back.error().message;
        EXPECT_EQ(back->size(), sample.size);
        EXPECT_TRUE(*back == content) << sample.size;
        auto info =
            m_database->read([&](Session& session) { return find_attachment(session, m_institution, id); });
        ASSERT_TRUE(info);
        EXPECT_EQ(info->size, static_cast<std::int64_t>(sample.size));
        EXPECT_EQ(info->chunk_count, sample.chunks) << sample.size;
        EXPECT_EQ(info->application_id, m_application);
        EXPECT_EQ(info->filename, "cv.pdf");
        EXPECT_EQ(info->kind, "cv");
        EXPECT_GT(info->created_at, 0);
        auto chunks = chunks_of(id);
        ASSERT_EQ(chunks.size(), static_cast<std::size_t>(sample.chunks));
        for (std::size_t seq = 0; seq < chunks.size(); ++seq) {
            std::size_t plain = std::min(k_chunk, sample.size - seq * k_chunk);
            EXPECT_EQ(chunks[seq].size(), plain + core::StreamEncryptor::overhead_bytes) << sample.size;
        }
    }
}

TEST_P(FileStoreTest, replaced_content_keeps_the_id_and_reads_only_under_the_new_key)
{
    struct Case {
        std::size_t before, after;
        int chunks;
    };
    for (Case sample : {Case{2 * k_chunk + 5, 1, 1}, Case{10, 2 * k_chunk + 1, 3}, Case{10, 0, 1}}) {
        std::int64_t id = put(content_of(sample.before));
        change([&](Transaction& transaction) {
            m_files.put_text(transaction, id, "the original's text", m_key);
            return core::success();
        });
        std::string replacement(sample.after, 'x');
        change([&](Transaction& transaction) {
            replace_attachment_content(transaction, id, "cv-1.pdf", "application/pdf", replacement,
                                       m_other_key);
            return core::success();
        });
        auto back = read(id, m_other_key);
        ASSERT_TRUE(back.ok()) << sample.after << ": " << back.error().message;
        EXPECT_TRUE(*back == replacement) << sample.after;
        EXPECT_FALSE(read(id, m_key).ok()) << "the old key reads nothing";
        auto info =
            m_database->read([&](Session& session) { return find_attachment(session, m_institution, id); });
        ASSERT_TRUE(info);
        EXPECT_EQ(info->filename, "cv-1.pdf");
        EXPECT_EQ(info->size, static_cast<std::int64_t>(sample.after));
        EXPECT_EQ(info->chunk_count, sample.chunks);
        EXPECT_EQ(chunks_of(id).size(), static_cast<std::size_t>(sample.chunks));
        EXPECT_EQ(count("SELECT COUNT(*) FROM attachment_texts WHERE attachment_id = :id", id), 0);
    }
}

TEST_P(FileStoreTest, stored_bytes_reveal_neither_the_file_nor_a_sample_of_it)
{
    std::string content = content_of(4 * k_chunk + 7);
    std::int64_t id = put(content);
    std::string stored;
    for (const auto& chunk : chunks_of(id))
        stored += chunk;
    EXPECT_GE(stored.size(), content.size());
    EXPECT_EQ(stored.find(content), std::string::npos);
    for (std::size_t offset :
         {std::size_t{0}, content.size() / 2, k_chunk - 32, 3 * k_chunk + 1, content.size() - 64})
        EXPECT_EQ(stored.find(content.substr(offset, 64)), std::string::npos) << "sample at " << offset;
    // The same file stored again encrypts differently (a fresh stream header).
    EXPECT_NE(chunks_of(put(content)), chunks_of(id));
}

TEST_P(FileStoreTest, a_destroyed_key_cannot_be_loaded_and_the_file_no_longer_reads)
{
    std::string content = content_of(k_chunk + 1);
    std::int64_t id = put(content);
    auto loaded =
        m_database->read([&](Session& session) { return application_keys::load(session, m_application); });
    ASSERT_TRUE(loaded);
    EXPECT_EQ(*loaded, m_key);
    EXPECT_EQ(m_key.size(), 32u);
    change([&](Transaction& transaction) {
        application_keys::destroy(transaction, m_application);
        return core::success();
    });
    EXPECT_FALSE(
        m_database->read([&](Session& session) { return application_keys::load(session, m_application); }));
    EXPECT_TRUE(m_database->read([&](Session& session) {
        return application_keys::load(session, m_other_application);
    })) << "only that application's key";
    auto with_other_key = read(id, m_other_key);
    ASSERT_FALSE(with_other_key.ok());
    EXPECT_EQ(with_other_key.error().kind, core::ErrorKind::unavailable);
    EXPECT_FALSE(read(id, core::random_bytes(32)).ok());
    EXPECT_FALSE(read(id, "").ok());
    EXPECT_TRUE(m_database->read([&](Session& session) { return pending_texts(session, 10); }).empty())
        << "nothing left to extract for an application being erased";
}

TEST_P(FileStoreTest, a_key_wrapped_under_another_installation_key_does_not_load)
{
    m_database->set_secret_key(core::SecretKey::random());
    EXPECT_FALSE(
        m_database->read([&](Session& session) { return application_keys::load(session, m_application); }));
}

TEST_P(FileStoreTest, an_altered_byte_a_missing_chunk_or_a_cut_off_stream_fail_the_read)
{
    std::string content = content_of(2 * k_chunk + 100); // three chunks
    std::int64_t altered = put(content), middle = put(content), last = put(content), cut = put(content);
    ASSERT_TRUE(read(altered, m_key).ok());

    // One byte of the middle chunk flipped.
    auto chunks = chunks_of(altered);
    ASSERT_EQ(chunks.size(), 3u);
    chunks[1][1000] = static_cast<char>(chunks[1][1000] ^ 0x01);
    change([&](Transaction& transaction) {
        binary::Value data(transaction, chunks[1]);
        long long id = altered;
        transaction.sql() << "UPDATE attachment_chunks SET data = " + data.sql("data") +
                                 " WHERE attachment_id = :id AND seq = 1",
            data.use(), soci::use(id);
        return core::success();
    });
    auto read_altered = read(altered, m_key);
    ASSERT_FALSE(read_altered.ok());
    EXPECT_EQ(read_altered.error().kind, core::ErrorKind::unavailable);

    execute("DELETE FROM attachment_chunks WHERE attachment_id = :id AND seq = :seq", middle, 1);
    EXPECT_FALSE(read(middle, m_key).ok()) << "middle chunk missing";

    execute("DELETE FROM attachment_chunks WHERE attachment_id = :id AND seq = :seq", last, 2);
    EXPECT_FALSE(read(last, m_key).ok()) << "last chunk missing";

    // The last chunk deleted and the count lowered to match: the final tag is missing.
    execute("DELETE FROM attachment_chunks WHERE attachment_id = :id AND seq = :seq", cut, 2);
    change([&](Transaction& transaction) {
        long long id = cut;
        transaction.sql() << "UPDATE application_attachments SET chunk_count = 2 WHERE id = :id",
            soci::use(id);
        return core::success();
    });
    auto read_cut = read(cut, m_key);
    ASSERT_FALSE(read_cut.ok());
    EXPECT_NE(read_cut.error().message.find("cut off"), std::string::npos) << read_cut.error().message;

    // Chunks swapped between two attachments of the same application (same key) do not decrypt.
    std::int64_t first = put(content_of(10)), second = put(content_of(10));
    auto first_chunks = chunks_of(first), second_chunks = chunks_of(second);
    ASSERT_TRUE(read(first, m_key).ok());
    change([&](Transaction& transaction) {
        for (auto [id, bytes] : {std::pair{first, second_chunks[0]}, std::pair{second, first_chunks[0]}}) {
            binary::Value data(transaction, bytes);
            long long key = id;
            transaction.sql() << "UPDATE attachment_chunks SET data = " + data.sql("data") +
                                     " WHERE attachment_id = :id AND seq = 0",
                data.use(), soci::use(key);
        }
        return core::success();
    });
    EXPECT_FALSE(read(first, m_key).ok());
}

TEST_P(FileStoreTest, another_institutions_attachment_is_not_found_and_not_removed)
{
    std::string content = content_of(100);
    std::int64_t id = put(content);
    auto other = read(id, m_key, m_other_institution);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().kind, core::ErrorKind::not_found);
    EXPECT_FALSE(m_database->read(
        [&](Session& session) { return find_attachment(session, m_other_institution, id); }));
    EXPECT_TRUE(m_database
                    ->read([&](Session& session) {
                        return list_attachments(session, m_other_institution, m_application);
                    })
                    .empty());
    auto missing = read(id + 1000, m_key);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, core::ErrorKind::not_found);
    change([&](Transaction& transaction) {
        m_files.remove(transaction, m_other_institution, id);
        m_files.remove_all(transaction, m_other_institution, m_application);
        return core::success();
    });
    EXPECT_TRUE(read(id, m_key).ok()) << "another institution's removal touches nothing";
}

TEST_P(FileStoreTest, texts_round_trip_encrypted_and_are_replaced)
{
    std::int64_t id = put(content_of(100)), other = put(content_of(100));
    auto text_of = [&](std::int64_t attachment, const std::string& key) {
        return m_database->read(
            [&](Session& session) { return m_files.read_text(session, attachment, key); });
    };
    EXPECT_FALSE(text_of(id, m_key)) << "no text yet";
    std::string text = "Ansøgning til stillingen som sagsbehandler\nMed venlig hilsen Anna";
    text += std::string(1, '\0') + "efter NUL";
    change([&](Transaction& transaction) {
        m_files.put_text(transaction, id, text, m_key);
        return core::success();
    });
    EXPECT_EQ(text_of(id, m_key), text);
    EXPECT_FALSE(text_of(id, m_other_key));
    std::string sealed = m_database->read([&](Session& session) {
        binary::Column column(session);
        long long key = id;
        session.sql() << "SELECT " + column.sql("sealed_text") +
                             " FROM attachment_texts WHERE attachment_id = :id",
            column.into(), soci::use(key);
        return column.bytes().value_or("");
    });
    EXPECT_EQ(sealed.find("sagsbehandler"), std::string::npos);
    change([&](Transaction& transaction) {
        m_files.put_text(transaction, id, "replaced", m_key);
        return core::success();
    });
    EXPECT_EQ(text_of(id, m_key), std::optional<std::string>("replaced"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM attachment_texts WHERE attachment_id = :id", id), 1);
    // A sealed text moved to another attachment of the same application does not open there.
    change([&](Transaction& transaction) {
        long long from = id, to = other;
        transaction.sql() << "UPDATE attachment_texts SET attachment_id = :to WHERE attachment_id = :from",
            soci::use(to), soci::use(from);
        return core::success();
    });
    EXPECT_FALSE(text_of(other, m_key));
}

TEST_P(FileStoreTest, text_status_starts_pending_except_for_images_and_is_marked)
{
    std::int64_t pdf = put(content_of(10), "application/pdf");
    std::int64_t jpeg = put(content_of(10), "image/jpeg");
    std::int64_t png = put(content_of(10), "image/png");
    std::int64_t docx =
        put(content_of(10), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    std::int64_t foreign = put_for(m_other_institution, m_other_application, m_other_key, content_of(10));
    auto status_of = [&](std::int64_t id) {
        return m_database->read([&](Session& session) { return find_attachment(session, m_institution, id); })
            ->text_status;
    };
    EXPECT_EQ(status_of(pdf), "pending");
    EXPECT_EQ(status_of(jpeg), "none");
    EXPECT_EQ(status_of(png), "none");
    using Pending = std::vector<std::pair<std::int64_t, std::int64_t>>;
    auto pending = m_database->read([&](Session& session) { return pending_texts(session, 10); });
    EXPECT_EQ(pending,
              (Pending{{pdf, m_application}, {docx, m_application}, {foreign, m_other_application}}));
    EXPECT_EQ(m_database->read([&](Session& session) { return pending_texts(session, 1); }),
              (Pending{{pdf, m_application}}));
    auto detailed = m_database->read([&](Session& session) { return pending_text_attachments(session, 10); });
    ASSERT_EQ(detailed.size(), 3u);
    EXPECT_EQ(detailed[2].institution_id, m_other_institution);
    EXPECT_EQ(detailed[0].media_type, "application/pdf");
    change([&](Transaction& transaction) {
        mark_text(transaction, pdf, "done", "");
        mark_text(transaction, docx, "failed", "the document is encrypted");
        return core::success();
    });
    EXPECT_EQ(status_of(pdf), "done");
    EXPECT_EQ(status_of(docx), "failed");
    EXPECT_EQ(
        m_database->read([&](Session& session) { return find_attachment(session, m_institution, docx); })
            ->text_error,
        "the document is encrypted");
    EXPECT_EQ(m_database->read([&](Session& session) { return pending_texts(session, 10); }),
              (Pending{{foreign, m_other_application}}));
}

TEST_P(FileStoreTest, remove_and_remove_all_delete_chunks_texts_and_rows)
{
    std::int64_t one = put(content_of(k_chunk + 1)), two = put(content_of(10)), three = put(content_of(10));
    std::int64_t foreign = put_for(m_other_institution, m_other_application, m_other_key, content_of(10));
    change([&](Transaction& transaction) {
        for (auto id : {one, two, three})
            m_files.put_text(transaction, id, "text", m_key);
        return core::success();
    });
    auto list = m_database->read(
        [&](Session& session) { return list_attachments(session, m_institution, m_application); });
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, one);
    change([&](Transaction& transaction) {
        m_files.remove(transaction, m_institution, one);
        return core::success();
    });
    EXPECT_EQ(count("SELECT COUNT(*) FROM attachment_chunks WHERE attachment_id = :id", one), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attachment_texts WHERE attachment_id = :id", one), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM application_attachments WHERE id = :id", one), 0);
    EXPECT_TRUE(read(two, m_key).ok());
    change([&](Transaction& transaction) {
        m_files.remove_all(transaction, m_institution, m_application);
        return core::success();
    });
    EXPECT_EQ(count("SELECT COUNT(*) FROM application_attachments WHERE application_id = :id", m_application),
              0);
    for (auto id : {two, three}) {
        EXPECT_EQ(count("SELECT COUNT(*) FROM attachment_chunks WHERE attachment_id = :id", id), 0);
        EXPECT_EQ(count("SELECT COUNT(*) FROM attachment_texts WHERE attachment_id = :id", id), 0);
    }
    EXPECT_TRUE(read(foreign, m_other_key, m_other_institution).ok())
        << "the other application keeps its file";
    // With its files gone and its key destroyed, the application row itself can be deleted.
    change([&](Transaction& transaction) {
        application_keys::destroy(transaction, m_application);
        long long id = m_application;
        transaction.sql() << "DELETE FROM applications WHERE id = :id", soci::use(id);
        return core::success();
    });
}

TEST_P(FileStoreTest, copy_to_file_decrypts_into_a_private_file_and_leaves_nothing_on_failure)
{
    std::string content = content_of(k_chunk + 3);
    std::int64_t id = put(content);
    std::string path = (m_dir / "extract.bin").string();
    auto copied = m_database->read(
        [&](Session& session) { return m_files.copy_to_file(session, m_institution, id, m_key, path); });
    ASSERT_TRUE(copied.ok()) << copied.error().message;
    std::ifstream file(path, std::ios::binary);
    std::string back((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(back == content);
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    execute("DELETE FROM attachment_chunks WHERE attachment_id = :id AND seq = :seq", id, 1);
    auto failed = m_database->read(
        [&](Session& session) { return m_files.copy_to_file(session, m_institution, id, m_key, path); });
    EXPECT_FALSE(failed.ok());
    EXPECT_FALSE(fs::exists(path)) << "a partial file is removed";
}

TEST_P(FileStoreTest, a_file_that_cannot_be_read_is_an_error_and_stores_nothing)
{
    NewFile file{m_institution, m_application,     "cv",
                 "cv.pdf",      "application/pdf", (m_dir / "absent").string()};
    auto stored =
        m_database->transact([&](Transaction& transaction) { return m_files.put(transaction, file, m_key); });
    ASSERT_FALSE(stored.ok());
    auto wrong_key = m_database->transact([&](Transaction& transaction) {
        file.source_path = spool("x");
        return m_files.put(transaction, file, "short");
    });
    ASSERT_FALSE(wrong_key.ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM application_attachments WHERE application_id = :id", m_application),
              0);
}

INSTANTIATE_TEST_SUITE_P(Backends, FileStoreTest, ::testing::Values(Dialect::sqlite, Dialect::postgresql),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                             return info.param == Dialect::sqlite ? "sqlite" : "postgresql";
                         });

} // namespace
} // namespace rekrut::store
