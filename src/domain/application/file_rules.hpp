#pragma once

// Which files an application may carry, and the names they are handed out under. Pure rules: the
// facts about a file's content come from integrations/documents.hpp (`inspect_document`), copied
// field by field into `FileFacts` by the service that receives the upload.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rekrut::domain {

/// The media types an application's files may have, as `inspect_document` names them.
namespace media_types {
inline constexpr std::string_view pdf = "application/pdf";
inline constexpr std::string_view docx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr std::string_view odt = "application/vnd.oasis.opendocument.text";
inline constexpr std::string_view rtf = "text/rtf";
inline constexpr std::string_view text = "text/plain";
inline constexpr std::string_view jpeg = "image/jpeg";
inline constexpr std::string_view png = "image/png";
} // namespace media_types

/// How much an application may upload.
struct FileLimits {
    std::int64_t max_file_bytes = std::int64_t{10} * 1024 * 1024;
    std::int64_t max_application_bytes = std::int64_t{30} * 1024 * 1024;
    int max_files = 10;
};

/// One uploaded file: the name the applicant gave it, its size, and what its content is.
struct FileFacts {
    std::string filename; ///< As the browser sent it; only its extension is judged here.
    std::int64_t size = 0;
    std::string media_type; ///< Decided by the content, never by the name or the browser.
    bool encrypted = false;
    bool has_macros = false;
    bool executable = false;
    bool readable = true;
    bool polyglot = false; ///< The bytes are also another format (DocumentFacts::polyglot).
};

/// True for the types an application may carry: PDF, DOCX, ODT, RTF, plain text, JPEG and PNG
/// (RTF also as "application/rtf").
bool is_accepted_media_type(std::string_view media_type);

/// The extensions (lower case, without the dot) a file of an accepted type may be named with; the
/// first is the usual one. Empty for a type that is not accepted.
std::span<const std::string_view> extensions_for(std::string_view media_type);

/// True for the accepted types `extract_text` reads text from: all but the images.
bool has_extractable_text(std::string_view media_type);

/// Why the file cannot be attached, as an English msgid, or nullopt when it can. The first problem
/// found, in this order: empty; larger than the limit (the message holds "{limit}", for the caller
/// to fill in with the formatted `limits.max_file_bytes`); a program; macros or embedded objects;
/// encrypted or password-protected; damaged; a polyglot; a type not accepted; a name whose
/// extension does not belong to the content's type. A name without an extension is accepted; a
/// name's extension is what follows its last dot, compared without regard to ASCII case and with
/// trailing dots and spaces ignored (Windows drops them), so "cv.PDF" is a PDF name and "cv.pdf.exe"
/// is not.
std::optional<std::string> file_problem(const FileFacts& file, const FileLimits& limits);

/// Why an application's files together are too many or too large, or nullopt. The messages hold
/// "{count}" (`limits.max_files`) or "{limit}" (the formatted `limits.max_application_bytes`).
std::optional<std::string> total_problem(std::int64_t total_bytes, int file_count, const FileLimits& limits);

/// The most bytes of a name `safe_download_name` returns.
constexpr std::size_t k_max_download_name = 120;

/// A file name safe to hand out in Content-Disposition and to save on any system: letters (ASCII,
/// and the Latin, Greek and Cyrillic letters of UTF-8, æ, ø and å among them), digits, dot, dash,
/// underscore and space are kept; every other character (slashes, quotes, control characters,
/// malformed UTF-8) becomes "_". Leading dots and spaces and trailing dots and spaces are dropped;
/// at most `k_max_download_name` bytes, cut on a character boundary and keeping a short extension;
/// "file" when nothing is left.
std::string safe_download_name(std::string_view filename);

/// A whole Content-Disposition header value for the file: `disposition` is "inline" or
/// "attachment" (anything else is taken as "attachment"); the name is made safe first, then given
/// as an ASCII `filename` (æ→ae, ø→oe, å→aa, other accented letters without their accent, anything
/// else "_") and, per RFC 6266 and RFC 5987, as `filename*=UTF-8''` with percent-encoding.
/// For "Ansøgning.pdf": `attachment; filename="Ansoegning.pdf"; filename*=UTF-8''Ans%C3%B8gning.pdf`.
std::string content_disposition(std::string_view disposition, std::string_view filename);

} // namespace rekrut::domain
