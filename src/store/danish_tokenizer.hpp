#pragma once

// The FTS5 tokenizer `danish` for SQLite: the built-in unicode61 tokenizer (its arguments pass
// through, e.g. `tokenize = 'danish remove_diacritics 0'`) with every token stemmed by Snowball's
// Danish stemmer (libstemmer), so that "sagsbehandleren" finds "sagsbehandler". Tokens that hold a
// digit, and prefix-query tokens, are left unstemmed. An FTS5 table that names the tokenizer can only
// be read or written on a connection where it is registered (not in the sqlite3 shell).

struct sqlite3;

namespace rekrut::store {

/// Registers the tokenizer on one connection; throws std::runtime_error when SQLite has no FTS5 or
/// the registration fails. Each table that uses it gets a stemmer of its own per connection.
///
/// It registers the FTS5 function rekrut_match_counts(table) too, which the search ranks with: the
/// row's length in tokens of the first column and how often each phrase of the query occurs there,
/// as decimal numbers separated by spaces.
void register_danish_tokenizer(sqlite3* connection);

} // namespace rekrut::store
