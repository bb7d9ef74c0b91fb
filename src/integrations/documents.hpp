#pragma once

// What an uploaded file is, decided by its content, and the text in it. libmagic names the type,
// libzip looks inside DOCX and ODT containers, poppler-cpp opens PDFs and libxml2 reads the XML of
// the office formats. Nothing here trusts the file's name or the type the browser sent; the rules
// that accept or refuse a file are domain/application/file_rules.hpp.

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace rekrut::integrations {

/// The facts about one file on disk that decide whether it may be attached to an application.
struct DocumentFacts {
    /// The media type decided by the content: libmagic's (MAGIC_MIME_TYPE), refined for ZIP
    /// containers by what is inside ([Content_Types].xml, the ODF `mimetype` entry). Examples:
    /// "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    /// "application/vnd.oasis.opendocument.text", "text/rtf", "text/plain", "image/png";
    /// "application/octet-stream" when nothing better is known (or the file cannot be read at all).
    std::string media_type;
    /// A PDF with an /Encrypt dictionary (a permissions-only password included), a password-protected
    /// Office document (libmagic's "application/encrypted"), an ODF package with encrypted parts, or a
    /// ZIP with encrypted entries.
    bool encrypted = false;
    /// Active content: a VBA project (vbaProject.bin), a macro-enabled Office content type, ActiveX
    /// controls, ODF Basic or script modules, or embedded OLE objects in RTF (\object, \objdata).
    bool has_macros = false;
    /// A program: ELF, PE/MZ, Mach-O, a Java class or archive, or a script starting with "#!".
    bool executable = false;
    /// False when the container is damaged: a PDF poppler cannot open (or that has no pages), a ZIP
    /// libzip cannot read, an office package without its main part or whose main part does not
    /// decompress, a file that cannot be opened at all.
    bool readable = true;
    /// The bytes are also another format that some program would open differently (a polyglot): a
    /// ZIP archive appended to a PDF, RTF, text or image; "%PDF-" within the first 1024 bytes of a
    /// file that is not a PDF (PDF readers look that far for the header). An executable with anything
    /// appended is caught by `executable`, since its header comes first.
    bool polyglot = false;
};

/// Inspects the file at `path`. Reads only what libmagic and libzip need plus a few kilobytes of its
/// head and tail (RTF is scanned in pieces); never throws, and never holds the whole file in memory.
/// Safe to call from several threads at once (each thread has its own libmagic handle).
DocumentFacts inspect_document(const std::string& path);

/// The most text `extract_text` returns, in bytes of UTF-8.
constexpr std::size_t k_max_extracted_text = std::size_t{1024} * 1024;

/// The text of the file at `path`, whose type `inspect_document` decided, as UTF-8 with "\n" line
/// ends and without control characters other than tab and line feed:
/// - application/pdf through poppler-cpp, every page, a blank line between pages;
/// - DOCX through libzip and libxml2: the runs of the main part (word/document.xml), a line per
///   paragraph, tabs and breaks kept, deleted text of tracked changes left out;
/// - ODT: the body of content.xml, a line per paragraph or heading;
/// - text/plain: UTF-8 as is (a byte-order mark dropped), UTF-16 with a byte-order mark converted,
///   anything else read as Windows-1252 (Latin-1 with the printable 0x80-0x9F) and converted;
/// - text/rtf: the text without control words and destinations, \'hh as Windows-1252, \uN with its
///   fallback skipped per \ucN.
/// The text is cut at `max_bytes` on a character boundary. Failures are values (an English msgid):
/// an encrypted or damaged file, or a type text is not read from (images). Never throws.
core::Result<std::string> extract_text(const std::string& path, const std::string& media_type,
                                       std::size_t max_bytes = k_max_extracted_text);

} // namespace rekrut::integrations
