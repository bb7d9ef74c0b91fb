#include "store/danish_tokenizer.hpp"

#include <algorithm>
#include <libstemmer.h>
#include <new>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace rekrut::store {
namespace {

/// One instance per FTS5 table and connection. Snowball stemmers keep state between calls and are
/// not thread-safe; SQLite uses a connection (and so this instance) from one thread at a time.
struct DanishTokenizer {
    fts5_tokenizer unicode61{};
    Fts5Tokenizer* words = nullptr;
    sb_stemmer* stemmer = nullptr;
};

/// What a call to xTokenize passes through unicode61 to the stemming callback.
struct Emit {
    DanishTokenizer* tokenizer;
    void* context;
    int (*token)(void*, int, const char*, int, int, int);
    bool stem;
};

// Longer tokens are no Danish words (hashes, URLs without separators); stemming them is pointless.
constexpr int k_longest_stemmed = 64;

bool has_digit(const char* token, int size)
{
    for (int i = 0; i < size; ++i)
        if (token[i] >= '0' && token[i] <= '9')
            return true;
    return false;
}

int stem_token(void* context, int flags, const char* token, int size, int start, int end)
{
    auto* emit = static_cast<Emit*>(context);
    if (!emit->stem || size > k_longest_stemmed || has_digit(token, size))
        return emit->token(emit->context, flags, token, size, start, end);
    const sb_symbol* stem =
        sb_stemmer_stem(emit->tokenizer->stemmer, reinterpret_cast<const sb_symbol*>(token), size);
    if (stem == nullptr)
        return SQLITE_NOMEM;
    int length = sb_stemmer_length(emit->tokenizer->stemmer);
    if (length <= 0)
        return emit->token(emit->context, flags, token, size, start, end);
    return emit->token(emit->context, flags, reinterpret_cast<const char*>(stem), length, start, end);
}

void destroy(Fts5Tokenizer* instance)
{
    auto* tokenizer = reinterpret_cast<DanishTokenizer*>(instance);
    if (tokenizer == nullptr)
        return;
    if (tokenizer->words != nullptr)
        tokenizer->unicode61.xDelete(tokenizer->words);
    if (tokenizer->stemmer != nullptr)
        sb_stemmer_delete(tokenizer->stemmer);
    delete tokenizer;
}

int create(void* api_pointer, const char** arguments, int count, Fts5Tokenizer** out)
{
    *out = nullptr;
    auto* api = static_cast<fts5_api*>(api_pointer);
    auto* tokenizer = new (std::nothrow) DanishTokenizer;
    if (tokenizer == nullptr)
        return SQLITE_NOMEM;
    void* unicode61_context = nullptr;
    int status = api->xFindTokenizer(api, "unicode61", &unicode61_context, &tokenizer->unicode61);
    if (status == SQLITE_OK)
        status = tokenizer->unicode61.xCreate(unicode61_context, arguments, count, &tokenizer->words);
    if (status == SQLITE_OK) {
        tokenizer->stemmer = sb_stemmer_new("danish", "UTF_8");
        if (tokenizer->stemmer == nullptr)
            status = SQLITE_NOMEM;
    }
    if (status != SQLITE_OK) {
        destroy(reinterpret_cast<Fts5Tokenizer*>(tokenizer));
        return status;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
}

int tokenize(Fts5Tokenizer* instance, void* context, int flags, const char* text, int size,
             int (*token)(void*, int, const char*, int, int, int))
{
    auto* tokenizer = reinterpret_cast<DanishTokenizer*>(instance);
    // A prefix query ("ansæt*") matches the beginning of the stored stems unstemmed.
    Emit emit{tokenizer, context, token, (flags & FTS5_TOKENIZE_PREFIX) == 0};
    return tokenizer->unicode61.xTokenize(tokenizer->words, &emit, flags, text, size, stem_token);
}

fts5_api* fts5_api_of(sqlite3* connection)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

/// rekrut_match_counts(table): "<tokens in the first column> <hits of phrase 1 there> <hits of
/// phrase 2 there> ...". Unlike bm25() it reads nothing but the row's own position lists and size.
void match_counts(const Fts5ExtensionApi* api, Fts5Context* context, sqlite3_context* result, int /*count*/,
                  sqlite3_value** /*values*/)
{
    int tokens = 0, instances = 0;
    if (api->xColumnSize(context, 0, &tokens) != SQLITE_OK ||
        api->xInstCount(context, &instances) != SQLITE_OK) {
        sqlite3_result_error(result, "rekrut_match_counts: the row cannot be read", -1);
        return;
    }
    try {
        std::vector<int> hits(static_cast<std::size_t>(std::max(0, api->xPhraseCount(context))), 0);
        for (int i = 0; i < instances; ++i) {
            int phrase = 0, column = 0, offset = 0;
            if (api->xInst(context, i, &phrase, &column, &offset) == SQLITE_OK && column == 0 &&
                phrase >= 0 && static_cast<std::size_t>(phrase) < hits.size())
                ++hits[static_cast<std::size_t>(phrase)];
        }
        std::string text = std::to_string(tokens);
        for (int count : hits)
            text += " " + std::to_string(count);
        sqlite3_result_text(result, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(result);
    }
}

} // namespace

void register_danish_tokenizer(sqlite3* connection)
{
    fts5_api* api = fts5_api_of(connection);
    if (api == nullptr || api->iVersion < 2)
        throw std::runtime_error("this SQLite has no FTS5, which the application search needs");
    fts5_tokenizer danish{create, destroy, tokenize};
    if (api->xCreateTokenizer(api, "danish", api, &danish, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("cannot register the FTS5 tokenizer danish: ") +
                                 sqlite3_errmsg(connection));
    if (api->xCreateFunction(api, "rekrut_match_counts", nullptr, match_counts, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("cannot register the FTS5 function rekrut_match_counts: ") +
                                 sqlite3_errmsg(connection));
}

} // namespace rekrut::store
