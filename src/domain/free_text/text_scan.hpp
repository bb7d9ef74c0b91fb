#pragma once

// Reading free text one character at a time, for the detectors that look at what staff and applicants
// write: where words start and end, and comparing a word with a lower-case pattern regardless of case,
// æøå included. Offsets are bytes into the UTF-8 text, and always fall on a character's first byte.

#include <cstddef>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// A run of bytes in a text: where it starts and how many bytes it has.
struct TextSpan {
    std::size_t offset = 0;
    std::size_t length = 0;

    std::size_t end() const { return offset + length; }
    bool operator==(const TextSpan&) const = default;
};

/// One character of a UTF-8 text and how many bytes it takes.
struct TextCharacter {
    char32_t code = 0;
    std::size_t length = 0;
};

/// The character that starts at `position`. A malformed byte reads as U+FFFD one byte long, so that
/// a scan always moves on; at the end of the text the length is 0.
TextCharacter character_at(std::string_view text, std::size_t position);

/// The character that ends just before `position`; length 0 at the start of the text.
TextCharacter character_before(std::string_view text, std::size_t position);

/// True for letters and digits, æøå and other letters outside ASCII included; spaces, punctuation,
/// dashes, quotes and symbols are not part of words.
bool is_word_character(char32_t code);

/// Spaces, tabs, line breaks and the no-break space.
bool is_space_character(char32_t code);

/// The lower-case form of ASCII, Latin-1 and Latin Extended-A letters (Æ to æ, Ø to ø, Å to å,
/// É to é, Ł to ł, Ř to ř); other characters, Greek and Cyrillic among them, unchanged.
char32_t fold_case(char32_t code);

/// True when a word starts at `position`: a word character there and none just before.
bool is_word_start(std::string_view text, std::size_t position);

/// True when no word character follows at `position`, so a word that ends there is whole.
bool is_word_end(std::string_view text, std::size_t position);

/// Where the word that goes on at `position` ends.
std::size_t end_of_word(std::string_view text, std::size_t position);

/// Where `pattern` ends when the text at `position` matches it regardless of case; npos otherwise.
/// `pattern` is in lower case (see fold_text), and a space in it matches any run of spaces, tabs or
/// line breaks, so "født den" also finds "Født\nden".
std::size_t match_folded(std::string_view text, std::size_t position, std::string_view pattern);

/// `text` in the form that match_folded expects: lower case, with each run of spaces as one space
/// and none at either end.
std::string fold_text(std::string_view text);

} // namespace rekrut::domain
