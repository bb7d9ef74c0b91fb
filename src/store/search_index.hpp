#pragma once

// Full-text search over applications: one document per application, stemmed as Danish (FTS5 with
// the tokenizer `danish` on SQLite, tsvector under the configuration danish on PostgreSQL; see
// migrations/*/0011_application_search.sql). The index knows nothing of users and roles: the
// service decides which cases a user may search and passes them; the institution filter always
// applies, so nothing of another institution is ever found.
//
// The index holds the text in plain form (for the snippets); remove an application's entry whenever
// its text must no longer be found. Deleting the application row removes its entry too.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rekrut::store {

class Session;
class Transaction;

struct SearchHit {
    std::int64_t application_id = 0;
    std::int64_t case_id = 0;
    /// An excerpt around the matches: the matched words in <mark>…</mark>, everything else
    /// HTML-escaped. Safe to put into a page as it is.
    std::string snippet_html;
};

namespace search_index {

/// The longest text indexed per application; what follows is not searchable.
inline constexpr std::size_t k_max_text_bytes = 256 * 1024;
/// A query is cut to this many characters and then to this many words.
inline constexpr std::size_t k_max_query_chars = 200;
inline constexpr std::size_t k_max_query_words = 10;
/// A search returns at most this many hits, whatever the caller asks for.
inline constexpr int k_max_hits = 100;
/// A search ranks only the newest this many matching applications (by id, the order they were
/// stored in). A word that nearly every application contains would otherwise make each search rank
/// tens of thousands of them; a query that matches more than this finds the best of the newest, and
/// a more specific query narrows it.
inline constexpr int k_ranked_matches = 1000;

/// Replaces the application's entry with `text` (the service joins name, e-mail, answers, cover
/// letter and extracted attachment texts). The application row must exist with this institution and
/// case; throws std::logic_error otherwise. Control characters and invalid UTF-8 are replaced, and
/// the text is cut at k_max_text_bytes.
void index_application(Transaction& transaction, std::int64_t institution_id, std::int64_t case_id,
                       std::int64_t application_id, const std::string& text);

/// Removes the application's entry; nothing happens when there is none.
void remove_application(Transaction& transaction, std::int64_t institution_id, std::int64_t application_id);

/// The best-ranked applications of the institution that match every word of `query`, at most
/// `limit` (capped at k_max_hits), among the newest k_ranked_matches of those that match. `case_ids` limits
/// the search to those cases; empty means every case of the institution (for Administrators only: the caller
/// decides, and must not pass an empty list for a user who may see no case). The query is plain words:
/// everything but letters and digits separates them (PostgreSQL's parser keeps e-mail addresses and host
/// names whole), and no search syntax is interpreted. A query without words finds nothing. Ranked best first;
/// equal ranks newest first.
std::vector<SearchHit> search(Session& session, std::int64_t institution_id,
                              const std::vector<std::int64_t>& case_ids, std::string_view query, int limit);

/// The words search() looks for: runs of letters and digits (UTF-8) of the first k_max_query_chars
/// characters, at most k_max_query_words of them.
std::vector<std::string> query_words(std::string_view query);

} // namespace search_index

} // namespace rekrut::store
