#include "store/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <soci/soci.h>
#include <stdexcept>

#include "core/text.hpp"
#include "store/database.hpp"

namespace rekrut::store::search_index {
namespace {

// The database marks the matched words with these; the applicant's text never holds them (the
// text is cleaned before it is indexed), and they survive HTML escaping unchanged.
constexpr char k_mark_open = '\x01';
constexpr char k_mark_close = '\x02';
constexpr int k_replacement = 0xFFFD;
constexpr std::size_t k_most_case_tokens = 16;

/// Decodes the code point at `text[at]` and advances `at`; -1 for a byte that starts no valid UTF-8
/// sequence (overlong forms, surrogates and values above U+10FFFF are invalid too).
int next_code_point(std::string_view text, std::size_t& at)
{
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    if (lead < 0x80) {
        ++at;
        return lead;
    }
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || at + length > text.size()) {
        ++at;
        return -1;
    }
    int code = lead & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) {
            ++at;
            return -1;
        }
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    static constexpr int k_smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < k_smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        ++at;
        return -1;
    }
    at += length;
    return code;
}

/// Valid UTF-8 without control characters (tabs and line breaks stay), cut at k_max_text_bytes.
std::string clean_text(std::string_view text)
{
    std::string clean;
    clean.reserve(std::min(text.size(), k_max_text_bytes));
    for (std::size_t at = 0; at < text.size();) {
        int code = next_code_point(text, at);
        if (code < 0)
            code = k_replacement;
        else if ((code < 0x20 && code != '\t' && code != '\n' && code != '\r') ||
                 (code >= 0x7F && code < 0xA0))
            code = ' ';
        std::size_t before = clean.size();
        core::append_utf8(clean, static_cast<char32_t>(code));
        if (clean.size() > k_max_text_bytes) {
            clean.resize(before);
            break;
        }
    }
    return clean;
}

/// Letters and digits, roughly: ASCII letters and digits and every code point from U+00C0 on that is
/// not in a block of punctuation, symbols, marks or private use. Whatever passes is still only ever
/// a quoted term, which the database's own tokenizer splits further.
bool is_word_code_point(int code)
{
    if (code < 0x80)
        return (code >= '0' && code <= '9') || (code >= 'A' && code <= 'Z') || (code >= 'a' && code <= 'z');
    if (code < 0xC0 || code == 0xD7 || code == 0xF7)
        return false;
    struct Range {
        int first, last;
    };
    static constexpr Range k_not_words[] = {
        {0x0300, 0x036F}, {0x2000, 0x2BFF},   {0x2E00, 0x2E7F},    {0x3000, 0x303F}, {0xE000, 0xF8FF},
        {0xFE00, 0xFE6F}, {0xFF00, 0xFF0F},   {0xFF1A, 0xFF20},    {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65},
        {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0x10FFFF},
    };
    return std::none_of(std::begin(k_not_words), std::end(k_not_words),
                        [&](const Range& range) { return code >= range.first && code <= range.last; });
}

/// A term as an FTS5 string: in double quotes, a quote inside doubled. Inside quotes FTS5 reads no
/// operators, columns, prefixes or NEAR groups.
std::string quoted(const std::string& term)
{
    std::string out = "\"";
    for (char c : term) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string escape_html(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

/// The database's excerpt, its match markers as <mark> elements and all else escaped. Marks are
/// balanced whatever the markers: a stray close is dropped and an open mark closed at the end.
std::string snippet_html(std::string_view raw)
{
    std::string out;
    bool open = false;
    std::size_t start = 0;
    for (std::size_t at = 0; at <= raw.size(); ++at) {
        if (at < raw.size() && raw[at] != k_mark_open && raw[at] != k_mark_close)
            continue;
        out += escape_html(raw.substr(start, at - start));
        start = at + 1;
        if (at == raw.size())
            break;
        if (raw[at] == k_mark_open && !open)
            out += "<mark>";
        if (raw[at] == k_mark_close && open)
            out += "</mark>";
        open = raw[at] == k_mark_open;
    }
    if (open)
        out += "</mark>";
    return out;
}

std::vector<std::int64_t> distinct(std::vector<std::int64_t> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::string id_list(const std::vector<std::int64_t>& ids)
{
    std::string list;
    for (std::int64_t id : ids)
        list += (list.empty() ? "" : ", ") + std::to_string(id);
    return list;
}

/// The FTS5 query: the institution's scope token, the cases' (any of them) and every word, each
/// quoted; the words only in body, the scope tokens only in scope.
std::string fts5_query(std::int64_t institution_id, const std::vector<std::int64_t>& case_ids,
                       const std::vector<std::string>& words)
{
    std::string query = "{scope} : \"i" + std::to_string(institution_id) + "\"";
    if (!case_ids.empty()) {
        query += " AND {scope} : (";
        for (std::size_t i = 0; i < case_ids.size(); ++i)
            query += (i ? " OR \"c" : "\"c") + std::to_string(case_ids[i]) + "\"";
        query += ")";
    }
    query += " AND {body} : (";
    for (std::size_t i = 0; i < words.size(); ++i)
        query += (i ? " " : "") + quoted(words[i]);
    return query + ")";
}

/// The words of a query and the text they come from, up to the end of the last word kept.
struct Query {
    std::vector<std::string> words;
    std::string_view text;
};

Query parse_query(std::string_view query)
{
    Query parsed;
    std::string word;
    std::size_t characters = 0, end = 0;
    for (std::size_t at = 0; at < query.size() && characters < k_max_query_chars; ++characters) {
        std::size_t start = at;
        int code = next_code_point(query, at);
        if (code >= 0 && is_word_code_point(code)) {
            word.append(query.substr(start, at - start));
            end = at;
            continue;
        }
        if (!word.empty())
            parsed.words.push_back(std::move(word));
        word.clear();
        if (parsed.words.size() == k_max_query_words)
            break;
    }
    if (!word.empty() && parsed.words.size() < k_max_query_words)
        parsed.words.push_back(std::move(word));
    parsed.text = query.substr(0, end);
    return parsed;
}

/// A match among the newest: its id, its length in tokens and how often each phrase of the query
/// occurs in its text.
struct Candidate {
    std::int64_t id = 0;
    double tokens = 0;
    std::vector<double> hits;
    double score = 0;
};

/// "<tokens> <hits of phrase 1> ..." as rekrut_match_counts() gives it.
Candidate parse_counts(std::int64_t id, const std::string& counts)
{
    Candidate candidate;
    candidate.id = id;
    std::size_t at = 0;
    bool first = true;
    while (at < counts.size()) {
        std::size_t end = counts.find(' ', at);
        if (end == std::string::npos)
            end = counts.size();
        double value = std::strtod(counts.substr(at, end - at).c_str(), nullptr);
        if (first)
            candidate.tokens = value;
        else
            candidate.hits.push_back(value);
        first = false;
        at = end + 1;
    }
    return candidate;
}

/// Okapi BM25 (k1 1.2, b 0.75) with the statistics of the candidates themselves: how many of them
/// hold each phrase and their average length. FTS5's bm25() would count every row of the whole
/// index that holds each phrase, on every search, which is what made a common word slow; among
/// the newest matches the rarer words of a query still weigh more, as they should. Best first,
/// equal scores newest first.
void rank(std::vector<Candidate>& candidates)
{
    if (candidates.empty())
        return;
    constexpr double k1 = 1.2, b = 0.75;
    const auto count = static_cast<double>(candidates.size());
    double total_tokens = 0;
    std::size_t phrases = 0;
    for (const auto& candidate : candidates) {
        total_tokens += candidate.tokens;
        phrases = std::max(phrases, candidate.hits.size());
    }
    const double average = std::max(1.0, total_tokens / count);
    std::vector<double> weight(phrases, 0);
    for (std::size_t phrase = 0; phrase < phrases; ++phrase) {
        double holding = 0;
        for (const auto& candidate : candidates)
            holding += phrase < candidate.hits.size() && candidate.hits[phrase] > 0 ? 1 : 0;
        // Phrases that never occur in the text (the scope's) weigh nothing.
        if (holding > 0)
            weight[phrase] = std::log(1.0 + (count - holding + 0.5) / (holding + 0.5));
    }
    for (auto& candidate : candidates) {
        double norm = k1 * (1 - b + b * candidate.tokens / average);
        for (std::size_t phrase = 0; phrase < candidate.hits.size(); ++phrase) {
            double frequency = candidate.hits[phrase];
            candidate.score += weight[phrase] * frequency * (k1 + 1) / (frequency + norm);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& left, const Candidate& right) {
        return left.score != right.score ? left.score > right.score : left.id > right.id;
    });
}

std::vector<SearchHit> search_sqlite(soci::session& sql, std::int64_t institution_id,
                                     const std::vector<std::int64_t>& case_ids,
                                     const std::vector<std::string>& words, int limit)
{
    // Up to k_most_case_tokens cases are part of the MATCH expression. FTS5 evaluates an OR of many
    // phrases slowly, so a longer list is checked against the applications table instead; the
    // subquery runs once and each candidate is one lookup (the unary plus keeps the rowid test out
    // of FTS5, which would otherwise run the MATCH once per id and give up ordering by rowid).
    bool case_tokens = case_ids.size() <= k_most_case_tokens;
    std::string match =
        fts5_query(institution_id, case_tokens ? case_ids : std::vector<std::int64_t>{}, words);
    long long institution = institution_id, application = 0, case_id = 0;

    // The newest k_ranked_matches matches: FTS5 reads the index backwards from the newest rowid and
    // stops there, and reads no stored columns (each would be a lookup per row).
    std::vector<Candidate> candidates;
    {
        std::string counts;
        std::string text = "SELECT rowid, rekrut_match_counts(application_search) FROM application_search"
                           " WHERE application_search MATCH :query";
        if (!case_tokens)
            text += " AND +rowid IN (SELECT id FROM applications WHERE institution_id = :institution AND"
                    " case_id IN (" +
                    id_list(case_ids) + "))";
        text += " ORDER BY rowid DESC LIMIT " + std::to_string(k_ranked_matches);
        soci::statement statement =
            case_tokens ? (sql.prepare << text, soci::use(match), soci::into(application), soci::into(counts))
                        : (sql.prepare << text, soci::use(match), soci::use(institution),
                           soci::into(application), soci::into(counts));
        statement.execute();
        while (statement.fetch())
            candidates.push_back(parse_counts(application, counts));
    }
    rank(candidates);
    if (candidates.size() > static_cast<std::size_t>(limit))
        candidates.resize(static_cast<std::size_t>(limit));
    if (candidates.empty())
        return {};

    // The snippets of the best. FTS5 reads the matches between the lowest and the highest of their
    // rowids once (a lookup per rowid would start the whole query anew for each); the list picks
    // them out. The scope is in the MATCH expression; the filters after it only repeat it.
    std::vector<std::int64_t> best;
    best.reserve(candidates.size());
    for (const auto& candidate : candidates)
        best.push_back(candidate.id);
    auto [lowest, highest] = std::minmax_element(best.begin(), best.end());
    std::string open(1, k_mark_open), close(1, k_mark_close), ellipsis = "\xE2\x80\xA6";
    std::string raw;
    std::string text = "SELECT rowid, case_id, snippet(application_search, 0, :open, :close, :ellipsis, 24)"
                       " FROM application_search WHERE application_search MATCH :query AND rowid BETWEEN " +
                       std::to_string(*lowest) + " AND " + std::to_string(*highest) + " AND +rowid IN (" +
                       id_list(best) + ") AND institution_id = :institution";
    if (!case_ids.empty())
        text += " AND case_id IN (" + id_list(case_ids) + ")";
    soci::statement statement =
        (sql.prepare << text, soci::use(open), soci::use(close), soci::use(ellipsis), soci::use(match),
         soci::use(institution), soci::into(application), soci::into(case_id), soci::into(raw));
    statement.execute();
    std::vector<SearchHit> found;
    while (statement.fetch())
        found.push_back({application, case_id, snippet_html(raw)});
    std::vector<SearchHit> hits;
    for (std::int64_t id : best)
        for (auto& hit : found)
            if (hit.application_id == id)
                hits.push_back(std::move(hit));
    return hits;
}

std::vector<SearchHit> search_postgresql(soci::session& sql, std::int64_t institution_id,
                                         const std::vector<std::int64_t>& case_ids, std::string_view query,
                                         int limit)
{
    // plainto_tsquery reads no syntax either, and given the query's own text rather than its words it
    // finds what PostgreSQL's parser keeps whole: e-mail addresses, host names, hyphenated words.
    std::string terms = clean_text(query);
    std::string options =
        std::string("StartSel=\"") + k_mark_open + "\", StopSel=\"" + k_mark_close +
        "\", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" \xE2\x80\xA6 \"";
    long long institution = institution_id, application = 0, case_id = 0;
    std::string raw;
    // The newest k_ranked_matches matches first (by id, without reading their documents), then
    // ts_rank over those only, then the headlines of the best `limit`.
    std::string text =
        "SELECT application_id, case_id, ts_headline('danish', body, query, :options) FROM ("
        " SELECT application_id, case_id, body, query, ts_rank(document, query) AS score FROM ("
        " SELECT application_id, case_id, body, document, query"
        " FROM application_search, plainto_tsquery('danish', :terms) AS query"
        " WHERE institution_id = :institution AND document @@ query";
    if (!case_ids.empty())
        text += " AND case_id IN (" + id_list(case_ids) + ")";
    text += " ORDER BY application_id DESC LIMIT :candidates) AS newest"
            " ORDER BY score DESC, application_id DESC LIMIT :limit) AS hits"
            " ORDER BY score DESC, application_id DESC";
    int candidates = k_ranked_matches;
    soci::statement statement = (sql.prepare << text, soci::use(options), soci::use(terms),
                                 soci::use(institution), soci::use(candidates), soci::use(limit),
                                 soci::into(application), soci::into(case_id), soci::into(raw));
    statement.execute();
    std::vector<SearchHit> hits;
    while (statement.fetch())
        hits.push_back({application, case_id, snippet_html(raw)});
    return hits;
}

} // namespace

std::vector<std::string> query_words(std::string_view query)
{
    return parse_query(query).words;
}

void index_application(Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                       std::int64_t application_id, const std::string& text)
{
    soci::session& sql = transaction;
    long long institution = institution_id, case_key = case_id, application = application_id;
    std::string body = clean_text(text);
    long long inserted = 0;
    // Only for an application row of this institution and case: the scope comes from the caller but
    // must agree with the application's.
    if (transaction.dialect() == Dialect::sqlite) {
        sql << "DELETE FROM application_search WHERE rowid = :application", soci::use(application);
        std::string scope = "i" + std::to_string(institution_id) + " c" + std::to_string(case_id);
        soci::statement insert =
            (sql.prepare
                 << "INSERT INTO application_search (rowid, body, scope, institution_id, case_id)"
                    " SELECT id, :body, :scope, institution_id, case_id FROM applications"
                    " WHERE id = :application AND institution_id = :institution AND case_id = :case_id",
             soci::use(body), soci::use(scope), soci::use(application), soci::use(institution),
             soci::use(case_key));
        insert.execute(true);
        inserted = insert.get_affected_rows();
    } else {
        soci::statement insert =
            (sql.prepare
                 << "INSERT INTO application_search (application_id, institution_id, case_id, body)"
                    " SELECT id, institution_id, case_id, :body FROM applications"
                    " WHERE id = :application AND institution_id = :institution AND case_id = :case_id"
                    " ON CONFLICT (application_id) DO UPDATE SET institution_id = excluded.institution_id,"
                    " case_id = excluded.case_id, body = excluded.body",
             soci::use(body), soci::use(application), soci::use(institution), soci::use(case_key));
        insert.execute(true);
        inserted = insert.get_affected_rows();
    }
    if (inserted != 1)
        throw std::logic_error("search index: application " + std::to_string(application_id) +
                               " is not in case " + std::to_string(case_id) + " of institution " +
                               std::to_string(institution_id));
}

void remove_application(Transaction& transaction, std::int64_t institution_id, std::int64_t application_id)
{
    soci::session& sql = transaction;
    long long institution = institution_id, application = application_id;
    if (transaction.dialect() == Dialect::sqlite)
        sql << "DELETE FROM application_search WHERE rowid = :application AND institution_id = :institution",
            soci::use(application), soci::use(institution);
    else
        sql << "DELETE FROM application_search WHERE application_id = :application AND institution_id = "
               ":institution",
            soci::use(application), soci::use(institution);
}

std::vector<SearchHit> search(Session& session, std::int64_t institution_id,
                              const std::vector<std::int64_t>& case_ids, std::string_view query, int limit)
{
    Query parsed = parse_query(query);
    limit = std::min(limit, k_max_hits);
    if (parsed.words.empty() || limit <= 0)
        return {};
    std::vector<std::int64_t> cases = distinct(case_ids);
    if (session.dialect() == Dialect::sqlite)
        return search_sqlite(session, institution_id, cases, parsed.words, limit);
    return search_postgresql(session, institution_id, cases, parsed.text, limit);
}

} // namespace rekrut::store::search_index
