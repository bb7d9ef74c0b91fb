#include "integrations/documents.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <magic.h>
#include <memory>
#include <mutex>
#include <optional>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <zip.h>

#include "core/text.hpp"

namespace rekrut::integrations {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view k_octet_stream = "application/octet-stream";
constexpr std::string_view k_pdf = "application/pdf";
constexpr std::string_view k_zip = "application/zip";
constexpr std::string_view k_docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view k_odt = "application/vnd.oasis.opendocument.text";
constexpr std::string_view k_text = "text/plain";

/// The most a ZIP container may hold before it counts as damaged (a CV has a few dozen entries).
constexpr zip_int64_t k_max_zip_entries = 20000;
/// The most bytes a small package part ([Content_Types].xml, mimetype, manifest, .rels) may hold.
constexpr std::size_t k_max_small_part = std::size_t{1024} * 1024;
/// The most decompressed bytes read from a document's main XML part: a bound on zip bombs.
constexpr std::uint64_t k_max_xml_part = std::uint64_t{128} * 1024 * 1024;
/// The most pages read from a PDF.
constexpr int k_max_pdf_pages = 2000;
/// How much is read from a file at a time, and how far from its ends /Encrypt is looked for.
constexpr std::size_t k_piece = std::size_t{64} * 1024;
/// The deepest RTF group nesting accepted (word processors write a few dozen levels).
constexpr std::size_t k_max_rtf_depth = 1000;

const char* const k_unreadable = core::msgid("The text of the file could not be read.");
const char* const k_encrypted = core::msgid("The file is encrypted, so its text cannot be read.");
const char* const k_unsupported = core::msgid("Text is not read from this type of file.");

core::Error text_error(const char* message)
{
    return core::Error::invalid(message);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

using core::append_utf8;

/// Windows-1252: Latin-1 with printable characters in 0x80-0x9F (the five holes become U+FFFD).
char32_t cp1252(unsigned char byte)
{
    static constexpr std::array<char32_t, 32> k_high = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    if (byte >= 0x80 && byte < 0xA0)
        return k_high[byte - 0x80];
    return byte;
}

/// The next code point of `text` from `i` (advancing it); U+FFFD for each byte of a malformed sequence.
char32_t next_code_point(std::string_view text, std::size_t& i)
{
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    std::size_t length = 0;
    char32_t code = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        code = lead & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k < length; ++k) {
        auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        code = (code << 6) | (next & 0x3F);
    }
    static constexpr std::array<char32_t, 5> k_minimum = {0, 0, 0x80, 0x800, 0x10000};
    if (code < k_minimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += length;
    return code;
}

/// The length of the longest prefix of `text` that is at most `max_bytes` and ends on a character
/// boundary of UTF-8.
std::size_t utf8_prefix(std::string_view text, std::size_t max_bytes)
{
    if (text.size() <= max_bytes)
        return text.size();
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return end;
}

/// Makes extracted text safe to store and show: valid UTF-8 (malformed bytes become U+FFFD), "\n"
/// line ends, no control characters but tab and line feed, no byte-order marks; cut at `max_bytes`.
std::string finish_text(std::string_view raw, std::size_t max_bytes)
{
    std::string out;
    out.reserve(std::min(raw.size(), max_bytes) + 4);
    std::size_t i = 0;
    while (i < raw.size() && out.size() <= max_bytes) {
        char32_t code = next_code_point(raw, i);
        if (code == '\r') {
            out += '\n';
            if (i < raw.size() && raw[i] == '\n')
                ++i;
            continue;
        }
        if (code == '\t' || code == '\n') {
            out += static_cast<char>(code);
            continue;
        }
        if (code < 0x20 || (code >= 0x7F && code < 0xA0) || code == 0xFEFF)
            continue;
        append_utf8(out, code);
    }
    out.resize(utf8_prefix(out, max_bytes));
    return out;
}

/// Collects text up to a bound, so that a huge document never grows memory past it.
class TextSink {
public:
    explicit TextSink(std::size_t max_bytes) : m_max(max_bytes) {}

    /// Room for a few bytes more than the bound, so that cutting on a character boundary and the
    /// clean-up in `finish_text` always have a whole character at the end.
    bool full() const { return m_text.size() >= m_max + 8; }
    void add(std::string_view text)
    {
        std::size_t room = m_max + 8 - std::min(m_text.size(), m_max + 8);
        m_text.append(text.substr(0, room));
    }
    void add(char32_t code)
    {
        if (!full())
            append_utf8(m_text, code);
    }
    /// A line break, unless the text is empty or already ends with one.
    void end_line()
    {
        if (!m_text.empty() && m_text.back() != '\n')
            add("\n"sv);
    }
    std::string finish() const { return finish_text(m_text, m_max); }

private:
    std::size_t m_max;
    std::string m_text;
};

// ---------------------------------------------------------------------------------------------
// Files

/// An open file descriptor, closed on scope exit.
class FileHandle {
public:
    explicit FileHandle(const std::string& path) : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
    ~FileHandle()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;

    int fd() const { return m_fd; }
    /// Up to `length` bytes from `offset`; fewer at the end of the file or on an error.
    std::string read_at(std::int64_t offset, std::size_t length) const
    {
        std::string buffer(length, '\0');
        std::size_t done = 0;
        while (done < length) {
            ssize_t got =
                ::pread(m_fd, buffer.data() + done, length - done, offset + static_cast<off_t>(done));
            if (got <= 0)
                break;
            done += static_cast<std::size_t>(got);
        }
        buffer.resize(done);
        return buffer;
    }

private:
    int m_fd;
};

/// Reads a file byte by byte through a buffer, for the RTF scanner and parser.
class ByteReader {
public:
    explicit ByteReader(const FileHandle& file) : m_file(file) {}

    /// The next byte, or -1 at the end (or on a read error).
    int get()
    {
        if (m_pos == m_buffer.size()) {
            m_buffer = m_file.read_at(m_offset, k_piece);
            m_offset += static_cast<std::int64_t>(m_buffer.size());
            m_pos = 0;
            if (m_buffer.empty())
                return -1;
        }
        return static_cast<unsigned char>(m_buffer[m_pos++]);
    }
    /// Puts back the byte `get` just returned (not after the end).
    void unget()
    {
        if (m_pos > 0)
            --m_pos;
    }

private:
    const FileHandle& m_file;
    std::string m_buffer;
    std::size_t m_pos = 0;
    std::int64_t m_offset = 0;
};

std::uint32_t read_le(std::string_view bytes, std::size_t at, int length)
{
    std::uint32_t value = 0;
    for (int k = length - 1; k >= 0; --k)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(k)]);
    return value;
}

// ---------------------------------------------------------------------------------------------
// libmagic

/// The one libmagic handle of the process. A magic_t must not be used by two threads at once, and
/// each handle holds its own copy of the magic database (about 10 MB), so the handle is shared and
/// used under a lock: a type is read from at most bytes_max of a file, in well under a millisecond.
class MagicHandle {
public:
    MagicHandle() : m_cookie(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR))
    {
        // libmagic reads up to bytes_max of the file into memory (7 MiB by default); the types we
        // accept are known from their first kilobytes, and ZIP containers are looked into with libzip.
        const std::size_t bytes_max = std::size_t{256} * 1024;
        if (m_cookie != nullptr)
            magic_setparam(m_cookie, MAGIC_PARAM_BYTES_MAX, &bytes_max);
        if (m_cookie != nullptr && magic_load(m_cookie, nullptr) != 0) {
            magic_close(m_cookie);
            m_cookie = nullptr;
        }
    }
    ~MagicHandle()
    {
        if (m_cookie != nullptr)
            magic_close(m_cookie);
    }
    MagicHandle(const MagicHandle&) = delete;
    MagicHandle& operator=(const MagicHandle&) = delete;

    magic_t get() const { return m_cookie; }
    std::mutex& lock() { return m_lock; }

private:
    magic_t m_cookie;
    std::mutex m_lock;
};

std::string magic_media_type(const FileHandle& file)
{
    static MagicHandle handle;
    if (handle.get() == nullptr || ::lseek(file.fd(), 0, SEEK_SET) != 0)
        return std::string(k_octet_stream);
    std::string result;
    {
        std::lock_guard<std::mutex> held(handle.lock());
        const char* type = magic_descriptor(handle.get(), file.fd());
        if (type == nullptr)
            return std::string(k_octet_stream);
        result = core::ascii_lower(core::trim(type));
    }
    return result.empty() ? std::string(k_octet_stream) : result;
}

// ---------------------------------------------------------------------------------------------
// Executables and polyglots

bool starts_with(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool executable_header(std::string_view head)
{
    if (starts_with(head, "\x7f"
                          "ELF"sv) ||
        starts_with(head, "#!"sv) || starts_with(head, "dex\n"sv) || starts_with(head, "\0asm"sv))
        return true;
    static constexpr std::array<std::string_view, 6> k_mach_o = {"\xfe\xed\xfa\xce"sv, "\xfe\xed\xfa\xcf"sv,
                                                                 "\xce\xfa\xed\xfe"sv, "\xcf\xfa\xed\xfe"sv,
                                                                 "\xca\xfe\xba\xbe"sv, "\xbe\xba\xfe\xca"sv};
    for (auto magic : k_mach_o)
        if (starts_with(head, magic))
            return true;
    // A DOS header whose e_lfanew points at a PE signature. A bare "MZ" may begin a text, so DOS
    // programs without PE header are left to libmagic's x-dosexec.
    if (starts_with(head, "MZ"sv) && head.size() >= 0x40) {
        std::uint32_t pe = read_le(head, 0x3C, 4);
        if (pe + 4 <= head.size() && head.substr(pe, 4) == "PE\0\0"sv)
            return true;
    }
    return false;
}

bool executable_type(std::string_view type)
{
    static constexpr std::string_view k_types[] = {
        "application/x-executable",
        "application/x-pie-executable",
        "application/x-sharedlib",
        "application/x-object",
        "application/x-coredump",
        "application/x-elf",
        "application/x-mach-binary",
        "application/x-dosexec",
        "application/vnd.microsoft.portable-executable",
        "application/x-msdownload",
        "application/x-ms-ne-executable",
        "application/x-ms-installer",
        "application/x-msi",
        "application/x-ms-shortcut",
        "application/x-java-applet",
        "application/java-archive",
        "application/x-java-archive",
        "application/vnd.android.package-archive",
        "application/x-bytecode.python",
        "application/wasm",
        "application/x-shellscript",
        "application/x-sh",
        "text/x-shellscript",
        "text/x-msdos-batch",
        "text/x-perl",
        "text/x-python",
        "text/x-ruby",
        "text/x-php",
        "text/x-tcl",
        "text/x-lua",
    };
    if (starts_with(type, "text/x-script."sv))
        return true;
    return std::find(std::begin(k_types), std::end(k_types), type) != std::end(k_types);
}

bool zip_header(std::string_view head)
{
    return starts_with(head, "PK\x03\x04"sv) || starts_with(head, "PK\x05\x06"sv) ||
           starts_with(head, "PK\x07\x08"sv);
}

bool zip_family_type(std::string_view type)
{
    return type == k_zip || type == "application/x-zip-compressed" || type == "application/x-zip" ||
           starts_with(type, "application/vnd.openxmlformats-officedocument."sv) ||
           starts_with(type, "application/vnd.oasis.opendocument."sv) ||
           starts_with(type, "application/vnd.ms-word."sv) ||
           starts_with(type, "application/vnd.ms-excel."sv) ||
           starts_with(type, "application/vnd.ms-powerpoint."sv) || type == "application/epub+zip";
}

/// True when the last 64 KiB of the file hold a ZIP end-of-central-directory record that a ZIP
/// reader would use: disk numbers zero, the entry counts agree, the central directory fits before
/// it and starts with a central directory header. Such a record after a PDF, an image or a text
/// makes the file an archive too.
bool has_zip_directory(const FileHandle& file, std::int64_t size)
{
    constexpr std::int64_t k_record = 22;
    constexpr std::int64_t k_window = 65535 + k_record;
    if (size < k_record)
        return false;
    std::int64_t start = std::max<std::int64_t>(0, size - k_window);
    std::string tail = file.read_at(start, static_cast<std::size_t>(size - start));
    if (tail.size() < static_cast<std::size_t>(k_record))
        return false;
    for (std::size_t pos = tail.size() - k_record + 1; pos-- > 0;) {
        if (std::string_view(tail).substr(pos, 4) != "PK\x05\x06"sv)
            continue;
        // A ZIP64 archive keeps its real counts in a record that a locator right before this one
        // points to; the locator's signature at that exact place is evidence enough.
        if (pos >= 20 && std::string_view(tail).substr(pos - 20, 4) == "PK\x06\x07"sv)
            return true;
        std::uint32_t disk = read_le(tail, pos + 4, 2);
        std::uint32_t directory_disk = read_le(tail, pos + 6, 2);
        std::uint32_t entries_here = read_le(tail, pos + 8, 2);
        std::uint32_t entries = read_le(tail, pos + 10, 2);
        std::uint32_t directory_size = read_le(tail, pos + 12, 4);
        std::uint32_t comment = read_le(tail, pos + 20, 2);
        std::int64_t record_at = start + static_cast<std::int64_t>(pos);
        if (disk != 0 || directory_disk != 0 || entries_here != entries || entries == 0)
            continue;
        if (std::uint64_t{entries} * 46 > directory_size ||
            directory_size > static_cast<std::uint64_t>(record_at))
            continue;
        if (record_at + k_record + comment > size)
            continue;
        if (file.read_at(record_at - directory_size, 4) == "PK\x01\x02"sv)
            return true;
    }
    return false;
}

/// PDF readers accept the "%PDF-" header anywhere in the first 1024 bytes.
bool pdf_header_within(std::string_view head)
{
    return head.substr(0, 1024).find("%PDF-"sv) != std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// ZIP containers (DOCX, ODT)

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipCloser>;

struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipFile = std::unique_ptr<zip_file_t, ZipFileCloser>;

ZipArchive open_zip(const std::string& path)
{
    int error = 0;
    return ZipArchive(zip_open(path.c_str(), ZIP_RDONLY, &error));
}

std::optional<zip_uint64_t> locate(zip_t* archive, const std::string& name)
{
    zip_int64_t index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0)
        return std::nullopt;
    return static_cast<zip_uint64_t>(index);
}

/// The whole entry, when it decompresses to at most `max_bytes` without error.
std::optional<std::string> read_entry(zip_t* archive, zip_uint64_t index, std::size_t max_bytes)
{
    ZipFile file(zip_fopen_index(archive, index, 0));
    if (!file)
        return std::nullopt;
    std::string content;
    std::array<char, 16384> buffer{};
    while (true) {
        zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            return content;
        if (content.size() + static_cast<std::size_t>(got) > max_bytes)
            return std::nullopt;
        content.append(buffer.data(), static_cast<std::size_t>(got));
    }
}

/// Reads an entry to its end without keeping it, which checks that it decompresses and that its
/// CRC matches; false past `max_bytes`.
bool entry_decompresses(zip_t* archive, zip_uint64_t index, std::uint64_t max_bytes)
{
    ZipFile file(zip_fopen_index(archive, index, 0));
    if (!file)
        return false;
    std::array<char, 65536> buffer{};
    std::uint64_t total = 0;
    while (true) {
        zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        total += static_cast<std::uint64_t>(got);
        if (total > max_bytes)
            return false;
    }
}

void silent_xml_error(void* /*arg*/, const char* /*msg*/, xmlParserSeverities /*severity*/,
                      xmlTextReaderLocatorPtr /*locator*/)
{
}

void init_xml()
{
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

struct XmlInput {
    zip_file_t* file = nullptr;
    std::uint64_t read = 0;
    std::uint64_t max_bytes = 0;
};

int read_xml_input(void* context, char* buffer, int length)
{
    auto* input = static_cast<XmlInput*>(context);
    zip_int64_t got = zip_fread(input->file, buffer, static_cast<zip_uint64_t>(length));
    if (got < 0)
        return -1;
    input->read += static_cast<std::uint64_t>(got);
    if (input->read > input->max_bytes)
        return -1;
    return static_cast<int>(got);
}

int close_xml_input(void* /*context*/)
{
    return 0;
}

struct ReaderFree {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
using XmlReader = std::unique_ptr<xmlTextReader, ReaderFree>;

std::string_view xml_view(const xmlChar* text)
{
    return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

/// The value of an attribute without a namespace (`ns` null) or in the namespace `ns`; "" when absent.
std::string attribute(xmlTextReaderPtr reader, const char* name, const char* ns = nullptr)
{
    const auto* local = reinterpret_cast<const xmlChar*>(name);
    xmlChar* value = ns == nullptr
                         ? xmlTextReaderGetAttribute(reader, local)
                         : xmlTextReaderGetAttributeNs(reader, local, reinterpret_cast<const xmlChar*>(ns));
    if (value == nullptr)
        return {};
    std::string result(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return result;
}

/// A node as the walkers see it.
struct XmlNode {
    xmlTextReaderPtr reader;
    int type;  ///< XML_READER_TYPE_*
    int depth; ///< The reader's depth: the root element is 0.
    std::string_view ns;
    std::string_view name; ///< The local name.
    bool empty;            ///< An element written as <x/>: no end element follows.
};

enum class XmlOutcome { complete, stopped, failed };

/// Streams the XML of one ZIP entry through `visit`, node by node, with libxml2's reader: no DTD is
/// loaded, no entity is substituted, a document with a DOCTYPE is refused (no office format has one,
/// and refusing it rules out entity expansion), the network is never used and at most
/// `k_max_xml_part` decompressed bytes are read. `visit` returns false to stop early.
template <typename Visit> XmlOutcome walk_xml_entry(zip_t* archive, zip_uint64_t index, Visit&& visit)
{
    init_xml();
    ZipFile file(zip_fopen_index(archive, index, 0));
    if (!file)
        return XmlOutcome::failed;
    XmlInput input{file.get(), 0, k_max_xml_part};
    XmlReader reader(xmlReaderForIO(read_xml_input, close_xml_input, &input, nullptr, nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!reader)
        return XmlOutcome::failed;
    xmlTextReaderSetErrorHandler(reader.get(), silent_xml_error, nullptr);
    while (true) {
        int status = xmlTextReaderRead(reader.get());
        if (status == 0)
            return XmlOutcome::complete;
        if (status < 0)
            return XmlOutcome::failed;
        XmlNode node{reader.get(),
                     xmlTextReaderNodeType(reader.get()),
                     xmlTextReaderDepth(reader.get()),
                     xml_view(xmlTextReaderConstNamespaceUri(reader.get())),
                     xml_view(xmlTextReaderConstLocalName(reader.get())),
                     xmlTextReaderIsEmptyElement(reader.get()) == 1};
        if (node.type == XML_READER_TYPE_DOCUMENT_TYPE || node.type == XML_READER_TYPE_ENTITY_REFERENCE)
            return XmlOutcome::failed;
        if (!visit(node))
            return XmlOutcome::stopped;
    }
}

std::string_view node_text(const XmlNode& node)
{
    return xml_view(xmlTextReaderConstValue(node.reader));
}

bool is_text_node(const XmlNode& node)
{
    return node.type == XML_READER_TYPE_TEXT || node.type == XML_READER_TYPE_CDATA ||
           node.type == XML_READER_TYPE_WHITESPACE || node.type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/// Skips the subtree of an element: set it on the element's start, and `inside` answers for the
/// nodes that follow until the element's end.
class SubtreeSkip {
public:
    bool inside(const XmlNode& node)
    {
        if (m_depth < 0)
            return false;
        if (node.type == XML_READER_TYPE_END_ELEMENT && node.depth == m_depth)
            m_depth = -1;
        return true;
    }
    void start(const XmlNode& node)
    {
        if (!node.empty)
            m_depth = node.depth;
    }

private:
    int m_depth = -1;
};

/// What [Content_Types].xml and the entries of an OOXML or ODF package say.
struct PackageFacts {
    std::string media_type; ///< Empty when the package names no type.
    std::string main_part;  ///< The entry whose text is the document's (word/document.xml, content.xml).
    bool macros = false;
    bool encrypted = false;
    bool complete = true; ///< False when the main part is missing or a small part cannot be read.
    /// The package declares itself in two ways that different programs would read differently: an
    /// ODF `mimetype` and OOXML content types, or main parts of two OOXML kinds.
    bool ambiguous = false;
};

struct OfficeMainType {
    std::string_view content_type; ///< Lower case.
    std::string_view media_type;
};

constexpr std::array<OfficeMainType, 8> k_office_main_types = {{
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", k_docx},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.template"},
    {"application/vnd.ms-word.document.macroenabled.main+xml",
     "application/vnd.ms-word.document.macroEnabled.12"},
    {"application/vnd.ms-word.template.macroenabledtemplate.main+xml",
     "application/vnd.ms-word.template.macroEnabled.12"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"application/vnd.ms-excel.sheet.macroenabled.main+xml",
     "application/vnd.ms-excel.sheet.macroEnabled.12"},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"application/vnd.ms-powerpoint.presentation.macroenabled.main+xml",
     "application/vnd.ms-powerpoint.presentation.macroEnabled.12"},
}};

bool active_content_type(std::string_view content_type)
{
    return content_type.find("macroenabled") != std::string_view::npos ||
           content_type.find("vbaproject") != std::string_view::npos ||
           content_type.find("activex") != std::string_view::npos;
}

/// Reads [Content_Types].xml: the main part and its type, and any macro content type.
void read_content_types(zip_t* archive, zip_uint64_t index, PackageFacts& facts)
{
    std::string main_type;
    std::string main_part;
    bool ambiguous = false;
    XmlOutcome outcome = walk_xml_entry(archive, index, [&](const XmlNode& node) {
        if (node.type != XML_READER_TYPE_ELEMENT || (node.name != "Override" && node.name != "Default"))
            return true;
        std::string content_type = core::ascii_lower(attribute(node.reader, "ContentType"));
        if (active_content_type(content_type))
            facts.macros = true;
        if (node.name != "Override")
            return true;
        for (const auto& known : k_office_main_types) {
            if (content_type != known.content_type)
                continue;
            if (!main_type.empty() && main_type != known.media_type)
                ambiguous = true;
            main_type = std::string(known.media_type);
            main_part = attribute(node.reader, "PartName");
        }
        return true;
    });
    if (outcome != XmlOutcome::complete) {
        facts.complete = false;
        return;
    }
    if (ambiguous)
        facts.ambiguous = true;
    if (main_type.empty() || ambiguous)
        return;
    if (main_type.find("macroEnabled") != std::string::npos)
        facts.macros = true;
    facts.media_type = main_type;
    facts.main_part = main_part.starts_with('/') ? main_part.substr(1) : main_part;
}

/// Relationships that make Word fetch active content from elsewhere when the document opens: an
/// external attached template (a macro template on a server), an external OLE object, frame or
/// subdocument.
bool external_active_relationship(zip_t* archive, zip_uint64_t index)
{
    bool found = false;
    XmlOutcome outcome = walk_xml_entry(archive, index, [&](const XmlNode& node) {
        if (node.type != XML_READER_TYPE_ELEMENT || node.name != "Relationship")
            return true;
        if (core::ascii_lower(attribute(node.reader, "TargetMode")) != "external")
            return true;
        std::string type = core::ascii_lower(attribute(node.reader, "Type"));
        for (std::string_view active : {"/attachedtemplate"sv, "/oleobject"sv, "/frame"sv, "/subdocument"sv})
            if (type.ends_with(active))
                found = true;
        return !found;
    });
    return found || outcome == XmlOutcome::failed;
}

bool plausible_media_type(std::string_view type)
{
    if (type.empty() || type.size() > 100 || type.find('/') == std::string_view::npos)
        return false;
    return std::all_of(type.begin(), type.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '+' ||
               c == '-';
    });
}

/// Looks inside a ZIP container: its entries (macros, encryption), its declared type and whether
/// its main part is there. Nullopt when libzip cannot read the archive.
std::optional<PackageFacts> inspect_package(zip_t* archive)
{
    PackageFacts facts;
    zip_int64_t count = zip_get_num_entries(archive, 0);
    if (count < 0 || count > k_max_zip_entries)
        return std::nullopt;
    std::optional<zip_uint64_t> content_types;
    std::optional<zip_uint64_t> mimetype;
    std::optional<zip_uint64_t> manifest;
    std::vector<zip_uint64_t> relationships;
    for (zip_uint64_t index = 0; index < static_cast<zip_uint64_t>(count); ++index) {
        const char* raw_name = zip_get_name(archive, index, ZIP_FL_ENC_RAW);
        if (raw_name == nullptr)
            return std::nullopt;
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive, index, 0, &stat) != 0)
            return std::nullopt;
        if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
            facts.encrypted = true;
        std::string name = core::ascii_lower(raw_name);
        std::string_view base = name;
        if (auto slash = base.rfind('/'); slash != std::string_view::npos)
            base = base.substr(slash + 1);
        if (name == "[content_types].xml")
            content_types = index;
        else if (name == "mimetype")
            mimetype = index;
        else if (name == "meta-inf/manifest.xml")
            manifest = index;
        else if (name.ends_with(".rels") && relationships.size() < 200)
            relationships.push_back(index);
        // OOXML: the VBA project and ActiveX controls. ODF: Basic modules (the library index files
        // alone hold no code) and scripts in other languages.
        if (base == "vbaproject.bin" || base == "vbadata.xml" || name.find("activex/") != std::string::npos)
            facts.macros = true;
        if (name.starts_with("basic/") && !base.empty() && base != "script-lc.xml" && base != "script-lb.xml")
            facts.macros = true;
        if (name.starts_with("scripts/") && !base.empty())
            facts.macros = true;
    }

    if (mimetype && content_types)
        facts.ambiguous = true; // LibreOffice would read the ODF side, Word the OOXML side
    if (mimetype) {
        auto declared = read_entry(archive, *mimetype, 256);
        if (!declared) {
            facts.complete = false;
        } else if (std::string type = core::ascii_lower(core::trim(*declared)); plausible_media_type(type)) {
            facts.media_type = type;
            if (starts_with(type, "application/vnd.oasis.opendocument."sv))
                facts.main_part = "content.xml";
        }
        if (manifest) {
            auto text = read_entry(archive, *manifest, k_max_small_part);
            if (!text)
                facts.complete = false;
            else if (text->find("encryption-data") != std::string::npos)
                facts.encrypted = true;
        }
    } else if (content_types) {
        read_content_types(archive, *content_types, facts);
        for (zip_uint64_t index : relationships)
            if (external_active_relationship(archive, index))
                facts.macros = true;
    }
    if (!facts.main_part.empty() && !locate(archive, facts.main_part))
        facts.complete = false;
    return facts;
}

void inspect_zip(const std::string& path, DocumentFacts& facts)
{
    const std::string detected = facts.media_type;
    ZipArchive archive = open_zip(path);
    if (!archive) {
        facts.readable = false;
        return;
    }
    auto package = inspect_package(archive.get());
    if (!package) {
        facts.readable = false;
        return;
    }
    facts.encrypted = facts.encrypted || package->encrypted;
    facts.has_macros = facts.has_macros || package->macros;
    facts.polyglot = facts.polyglot || package->ambiguous;
    if (!package->media_type.empty())
        facts.media_type = package->media_type;
    else if (detected != "application/java-archive" && detected != "application/epub+zip")
        facts.media_type = std::string(k_zip); // libmagic's guess from the first entries is not confirmed
    if (!package->complete) {
        facts.readable = false;
        return;
    }
    // The main part must decompress with a matching CRC: that is what extract_text reads. An
    // encrypted ODF part is not XML, but it is still a readable ZIP entry.
    if (!package->main_part.empty()) {
        auto index = locate(archive.get(), package->main_part);
        if (!index || !entry_decompresses(archive.get(), *index, k_max_xml_part))
            facts.readable = false;
    }
}

// ---------------------------------------------------------------------------------------------
// PDF

void silent_poppler(const std::string& /*message*/, void* /*closure*/) {}

/// A one-page PDF with correct cross-references, made once.
std::string smallest_pdf()
{
    const std::array<std::string_view, 3> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>"sv,
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"sv,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"sv,
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + std::string(objects[i]) + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        std::string number = std::to_string(offset);
        pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

void init_poppler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        poppler::set_debug_error_function(silent_poppler, nullptr);
        // Poppler builds its global parameters (font tables, encodings: milliseconds of work, under
        // a process-wide lock) when the first document opens and drops them when the last one
        // closes, which would be on every upload. One small document kept open for the life of the
        // process keeps them.
        static const std::string pdf = smallest_pdf();
        static const std::unique_ptr<poppler::document> kept(
            poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    });
}

std::unique_ptr<poppler::document> open_pdf(const std::string& path)
{
    init_poppler();
    return std::unique_ptr<poppler::document>(poppler::document::load_from_file(path));
}

void inspect_pdf(const std::string& path, const FileHandle& file, std::int64_t size, DocumentFacts& facts)
{
    auto document = open_pdf(path);
    if (!document) {
        // Poppler could not open it; an /Encrypt key in the trailer's neighbourhood still says why.
        facts.readable = false;
        std::string head = file.read_at(0, k_piece);
        std::string tail =
            file.read_at(std::max<std::int64_t>(0, size - static_cast<std::int64_t>(k_piece)), k_piece);
        if (head.find("/Encrypt") != std::string::npos || tail.find("/Encrypt") != std::string::npos)
            facts.encrypted = true;
        return;
    }
    if (document->is_locked() || document->is_encrypted())
        facts.encrypted = true;
    if (!document->is_locked() && document->pages() <= 0)
        facts.readable = false;
}

// ---------------------------------------------------------------------------------------------
// RTF

/// True when the RTF holds an embedded object (\object, \objdata, \objemb, \objocx, ...): the way
/// exploits and OLE packages (programs wrapped as objects) travel in RTF.
bool rtf_has_objects(const FileHandle& file)
{
    ByteReader reader(file);
    while (true) {
        int c = reader.get();
        if (c < 0)
            return false;
        if (c != '\\')
            continue;
        int next = reader.get();
        if (next == 'o') {
            if (reader.get() == 'b' && reader.get() == 'j')
                return true;
            reader.unget();
        }
        // A control symbol such as "\\" is consumed whole, so "\\obj" (a backslash and "obj") is text.
    }
}

struct RtfGroup {
    bool skip = false;    ///< A destination whose text is not the document's.
    int unicode_skip = 1; ///< \ucN: how many fallback characters follow each \uN.
};

bool rtf_skipped_destination(std::string_view word)
{
    static constexpr std::string_view k_destinations[] = {
        "fonttbl",    "colortbl",
        "stylesheet", "info",
        "pict",       "objdata",
        "objclass",   "objname",
        "themedata",  "colorschememapping",
        "datastore",  "latentstyles",
        "listtable",  "listoverridetable",
        "rsidtbl",    "generator",
        "xmlnstbl",   "mmathpr",
        "filetbl",    "revtbl",
        "pgdsctbl",   "private",
        "fldinst",    "pntext",
        "pntxta",     "pntxtb",
        "listtext",   "nonshppict",
        "sp",         "author",
        "operator",   "template",
        "bkmkstart",  "bkmkend",
        "xe",         "tc",
        "atnid",      "atnauthor",
        "annotation",
    };
    return std::find(std::begin(k_destinations), std::end(k_destinations), word) != std::end(k_destinations);
}

/// The text of an RTF document: control words and skipped destinations dropped, \'hh read as
/// Windows-1252, \uN as UTF-16 code units (surrogate pairs joined) with their fallback skipped.
core::Result<std::string> rtf_text(const FileHandle& file, std::size_t max_bytes)
{
    ByteReader reader(file);
    TextSink sink(max_bytes);
    std::vector<RtfGroup> stack;
    RtfGroup group;
    int fallback_left = 0; // characters still to skip after a \uN
    char32_t high_surrogate = 0;

    auto emit = [&](char32_t code) {
        if (group.skip)
            return;
        if (fallback_left > 0) {
            --fallback_left;
            return;
        }
        sink.add(code);
    };
    auto emit_unicode = [&](char32_t unit) {
        if (group.skip)
            return;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            high_surrogate = unit;
            return;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            if (high_surrogate != 0)
                sink.add(0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00));
            high_surrogate = 0;
            return;
        }
        high_surrogate = 0;
        sink.add(unit);
    };
    auto hex_value = [](int c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };

    if (file.read_at(0, 5) != "{\\rtf")
        return text_error(k_unreadable);

    while (!sink.full()) {
        int c = reader.get();
        if (c < 0)
            break;
        if (c == '{') {
            if (stack.size() >= k_max_rtf_depth)
                return text_error(k_unreadable);
            stack.push_back(group);
            fallback_left = 0;
            continue;
        }
        if (c == '}') {
            if (stack.empty())
                break; // the end of the document
            group = stack.back();
            stack.pop_back();
            fallback_left = 0;
            continue;
        }
        if (c == '\r' || c == '\n')
            continue;
        if (c != '\\') {
            emit(cp1252(static_cast<unsigned char>(c)));
            continue;
        }
        int next = reader.get();
        if (next < 0)
            break;
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z')) {
            std::string word(1, static_cast<char>(next));
            int d = reader.get();
            while (((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) && word.size() < 32) {
                word += static_cast<char>(d);
                d = reader.get();
            }
            bool negative = false;
            bool has_parameter = false;
            long parameter = 0;
            if (d == '-') {
                negative = true;
                d = reader.get();
            }
            for (int digits = 0; d >= '0' && d <= '9' && digits < 10; ++digits) {
                has_parameter = true;
                parameter = parameter * 10 + (d - '0');
                d = reader.get();
            }
            if (negative)
                parameter = -parameter;
            if (d != ' ' && d >= 0)
                reader.unget();
            word = core::ascii_lower(word);

            if (word == "bin") {
                // Binary data of the given length follows; it is never text.
                for (long k = 0; k < parameter && reader.get() >= 0; ++k) {
                }
                continue;
            }
            if (word == "u" && has_parameter) {
                long unit = parameter < 0 ? parameter + 65536 : parameter;
                if (unit < 0 || unit > 0xFFFF)
                    unit = 0xFFFD;
                if (fallback_left > 0) // a \u inside the fallback of another counts as a character
                    --fallback_left;
                else
                    emit_unicode(static_cast<char32_t>(unit));
                fallback_left = group.unicode_skip;
                continue;
            }
            if (word == "uc" && has_parameter) {
                group.unicode_skip = static_cast<int>(std::clamp(parameter, 0L, 10L));
                continue;
            }
            if (rtf_skipped_destination(word)) {
                group.skip = true;
                continue;
            }
            if (fallback_left > 0 && !group.skip) {
                // A control word inside the fallback counts as one fallback character.
                --fallback_left;
                continue;
            }
            if (word == "par" || word == "line" || word == "sect" || word == "page" || word == "row")
                emit('\n');
            else if (word == "tab" || word == "cell")
                emit('\t');
            else if (word == "emdash")
                emit(0x2014);
            else if (word == "endash")
                emit(0x2013);
            else if (word == "lquote")
                emit(0x2018);
            else if (word == "rquote")
                emit(0x2019);
            else if (word == "ldblquote")
                emit(0x201C);
            else if (word == "rdblquote")
                emit(0x201D);
            else if (word == "bullet")
                emit(0x2022);
            else if (word == "emspace" || word == "enspace" || word == "qmspace")
                emit(' ');
            continue;
        }
        if (next == '\'') {
            int high = hex_value(reader.get());
            int low = hex_value(reader.get());
            if (high >= 0 && low >= 0)
                emit(cp1252(static_cast<unsigned char>(high * 16 + low)));
            continue;
        }
        switch (next) {
        case '*': group.skip = true; break;
        case '\\':
        case '{':
        case '}': emit(static_cast<char32_t>(next)); break;
        case '~': emit(0x00A0); break;
        case '_': emit('-'); break;
        case '\r':
        case '\n': emit('\n'); break;
        default: break; // \- (optional hyphen), \: (index subentry) and the like
        }
    }
    return sink.finish();
}

// ---------------------------------------------------------------------------------------------
// Text of each format

core::Result<std::string> pdf_text(const std::string& path, std::size_t max_bytes)
{
    auto document = open_pdf(path);
    if (!document)
        return text_error(k_unreadable);
    if (document->is_locked())
        return text_error(k_encrypted);
    TextSink sink(max_bytes);
    int pages = std::min(document->pages(), k_max_pdf_pages);
    for (int index = 0; index < pages && !sink.full(); ++index) {
        std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page)
            continue;
        poppler::byte_array utf8 = page->text().to_utf8();
        if (index > 0)
            sink.add("\n\n"sv);
        sink.add(std::string_view(utf8.data(), utf8.size()));
    }
    return sink.finish();
}

bool is_wordprocessing_namespace(std::string_view ns)
{
    return ns == "http://schemas.openxmlformats.org/wordprocessingml/2006/main" ||
           ns == "http://purl.oclc.org/ooxml/wordprocessingml/main";
}

core::Result<std::string> docx_text(const std::string& path, std::size_t max_bytes)
{
    ZipArchive archive = open_zip(path);
    if (!archive)
        return text_error(k_unreadable);
    PackageFacts facts;
    if (auto content_types = locate(archive.get(), "[Content_Types].xml"))
        read_content_types(archive.get(), *content_types, facts);
    std::string main_part = facts.main_part.empty() ? "word/document.xml" : facts.main_part;
    auto index = locate(archive.get(), main_part);
    if (!index)
        return text_error(k_unreadable);

    TextSink sink(max_bytes);
    SubtreeSkip skip;
    bool in_text = false;
    int run_depth = 0;
    XmlOutcome outcome = walk_xml_entry(archive.get(), *index, [&](const XmlNode& node) {
        if (skip.inside(node))
            return true;
        if (node.type == XML_READER_TYPE_ELEMENT) {
            // Markup compatibility: the fallback repeats what the chosen branch already holds.
            if (node.name == "Fallback" &&
                node.ns == "http://schemas.openxmlformats.org/markup-compatibility/2006") {
                skip.start(node);
                return true;
            }
            if (!is_wordprocessing_namespace(node.ns))
                return true;
            if (node.name == "moveFrom" || node.name == "del") {
                skip.start(node); // tracked changes: the text that was moved away or deleted
            } else if (node.name == "t") {
                in_text = !node.empty;
            } else if (node.name == "r") {
                run_depth += node.empty ? 0 : 1;
            } else if (node.name == "p" && node.empty) {
                sink.add("\n"sv);
            } else if (run_depth > 0) {
                if (node.name == "tab")
                    sink.add("\t"sv);
                else if (node.name == "br" || node.name == "cr")
                    sink.add("\n"sv);
                else if (node.name == "noBreakHyphen")
                    sink.add("-"sv);
            }
        } else if (node.type == XML_READER_TYPE_END_ELEMENT && is_wordprocessing_namespace(node.ns)) {
            if (node.name == "t")
                in_text = false;
            else if (node.name == "r")
                run_depth = std::max(0, run_depth - 1);
            else if (node.name == "p")
                sink.add("\n"sv);
        } else if (in_text && is_text_node(node)) {
            sink.add(node_text(node));
        }
        return !sink.full();
    });
    if (outcome == XmlOutcome::failed)
        return text_error(k_unreadable);
    return sink.finish();
}

constexpr std::string_view k_odf_text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view k_odf_office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// ODF text content collapses white space as HTML does; extra spaces are written as <text:s/>.
void add_collapsed(TextSink& sink, std::string_view text, bool& after_space)
{
    std::string collapsed;
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            if (!after_space)
                collapsed += ' ';
            after_space = true;
        } else {
            collapsed += c;
            after_space = false;
        }
    }
    sink.add(collapsed);
}

core::Result<std::string> odt_text(const std::string& path, std::size_t max_bytes)
{
    ZipArchive archive = open_zip(path);
    if (!archive)
        return text_error(k_unreadable);
    if (auto manifest = locate(archive.get(), "META-INF/manifest.xml")) {
        auto text = read_entry(archive.get(), *manifest, k_max_small_part);
        if (text && text->find("encryption-data") != std::string::npos)
            return text_error(k_encrypted);
    }
    auto index = locate(archive.get(), "content.xml");
    if (!index)
        return text_error(k_unreadable);

    TextSink sink(max_bytes);
    SubtreeSkip skip;
    bool in_body = false;
    int paragraph_depth = 0;
    bool after_space = true;
    XmlOutcome outcome = walk_xml_entry(archive.get(), *index, [&](const XmlNode& node) {
        if (skip.inside(node))
            return true;
        if (node.type == XML_READER_TYPE_ELEMENT) {
            if (node.ns == k_odf_office_ns && node.name == "body") {
                in_body = !node.empty;
            } else if (!in_body) {
                return true;
            } else if (node.ns == k_odf_office_ns && node.name == "annotation") {
                skip.start(node); // comments are not the document's text
            } else if (node.ns == k_odf_text_ns) {
                if (node.name == "tracked-changes") {
                    skip.start(node); // the deleted text of tracked changes
                } else if (node.name == "p" || node.name == "h") {
                    if (node.empty) {
                        sink.add("\n"sv);
                    } else {
                        ++paragraph_depth;
                        after_space = true;
                    }
                } else if (node.name == "s") {
                    std::string count = attribute(node.reader, "c", k_odf_text_ns.data());
                    int spaces = core::is_ascii_digits(count) && count.size() < 4 ? std::stoi(count) : 1;
                    sink.add(std::string(static_cast<std::size_t>(std::max(1, spaces)), ' '));
                    after_space = true;
                } else if (node.name == "tab") {
                    sink.add("\t"sv);
                    after_space = true;
                } else if (node.name == "line-break") {
                    sink.add("\n"sv);
                    after_space = true;
                }
            }
        } else if (node.type == XML_READER_TYPE_END_ELEMENT) {
            if (node.ns == k_odf_office_ns && node.name == "body") {
                in_body = false;
            } else if (in_body && node.ns == k_odf_text_ns && (node.name == "p" || node.name == "h")) {
                paragraph_depth = std::max(0, paragraph_depth - 1);
                sink.add("\n"sv);
                after_space = true;
            }
        } else if (in_body && paragraph_depth > 0 && is_text_node(node)) {
            add_collapsed(sink, node_text(node), after_space);
        }
        return !sink.full();
    });
    if (outcome == XmlOutcome::failed)
        return text_error(k_unreadable);
    return sink.finish();
}

core::Result<std::string> plain_text(const FileHandle& file, std::size_t max_bytes)
{
    // Enough bytes for the bound in any encoding: UTF-16 needs two bytes for what UTF-8 writes in
    // one to three, and a Windows-1252 byte never becomes less than one byte of UTF-8.
    const std::size_t limit = max_bytes * 2 + 4;
    std::string bytes = file.read_at(0, limit);
    std::string_view view = bytes;
    std::string decoded;
    if (starts_with(view, "\xEF\xBB\xBF"sv)) {
        decoded = std::string(view.substr(3));
    } else if (starts_with(view, "\xFF\xFE"sv) || starts_with(view, "\xFE\xFF"sv)) {
        bool little = view[0] == '\xFF';
        char32_t high = 0;
        for (std::size_t i = 2; i + 1 < view.size(); i += 2) {
            auto first = static_cast<unsigned char>(view[i]);
            auto second = static_cast<unsigned char>(view[i + 1]);
            char32_t unit = little ? (second << 8 | first) : (first << 8 | second);
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                high = unit;
                continue;
            }
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                append_utf8(decoded,
                            high != 0 ? 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00) : 0xFFFD);
                high = 0;
                continue;
            }
            high = 0;
            append_utf8(decoded, unit);
        }
    } else {
        // The read may have cut the last character in two: judge the encoding without it.
        bool cut_short = bytes.size() == limit;
        bool utf8 = core::is_valid_utf8(view);
        for (std::size_t cut = 1; !utf8 && cut_short && cut <= 3 && cut < bytes.size(); ++cut)
            utf8 = core::is_valid_utf8(view.substr(0, bytes.size() - cut));
        if (utf8) {
            decoded = bytes;
        } else {
            decoded.reserve(bytes.size() + bytes.size() / 4);
            for (char c : bytes)
                append_utf8(decoded, cp1252(static_cast<unsigned char>(c)));
        }
    }
    return finish_text(decoded, max_bytes);
}

bool is_rtf(std::string_view type)
{
    return type == "text/rtf" || type == "application/rtf";
}

} // namespace

DocumentFacts inspect_document(const std::string& path)
{
    DocumentFacts facts;
    facts.media_type = std::string(k_octet_stream);
    try {
        FileHandle file(path);
        struct stat status {};
        if (file.fd() < 0 || ::fstat(file.fd(), &status) != 0 || !S_ISREG(status.st_mode)) {
            facts.readable = false;
            return facts;
        }
        const std::int64_t size = status.st_size;
        const std::string head = file.read_at(0, 4096);
        facts.media_type = magic_media_type(file);
        facts.executable = executable_header(head) || executable_type(facts.media_type);
        if (facts.media_type == "application/encrypted")
            facts.encrypted = true;

        const bool zip_at_start = zip_header(head);
        if (facts.executable) {
            // Nothing else matters; a self-extracting archive is a program with a ZIP appended.
        } else if (zip_at_start) {
            inspect_zip(path, facts);
        } else if (zip_family_type(facts.media_type)) {
            facts.polyglot = true; // libmagic found a ZIP that does not start the file: something precedes it
        } else if (facts.media_type == k_pdf) {
            inspect_pdf(path, file, size, facts);
        } else if (is_rtf(facts.media_type) && rtf_has_objects(file)) {
            facts.has_macros = true;
        }

        // Polyglots: the header of a PDF where a PDF reader would find it in something else, or a
        // ZIP directory at the end of something that is not a ZIP container.
        if (facts.media_type != k_pdf ? pdf_header_within(head) : !starts_with(head, "%PDF-"sv))
            facts.polyglot = true;
        if (!zip_at_start && !facts.executable && has_zip_directory(file, size))
            facts.polyglot = true;
    } catch (const std::exception&) {
        facts.readable = false;
    }
    return facts;
}

core::Result<std::string> extract_text(const std::string& path, const std::string& media_type,
                                       std::size_t max_bytes)
{
    try {
        if (media_type == k_pdf)
            return pdf_text(path, max_bytes);
        if (media_type == k_docx)
            return docx_text(path, max_bytes);
        if (media_type == k_odt)
            return odt_text(path, max_bytes);
        if (media_type == k_text || is_rtf(media_type)) {
            FileHandle file(path);
            if (file.fd() < 0)
                return text_error(k_unreadable);
            return media_type == k_text ? plain_text(file, max_bytes) : rtf_text(file, max_bytes);
        }
        return text_error(k_unsupported);
    } catch (const std::exception&) {
        return text_error(k_unreadable);
    }
}

} // namespace rekrut::integrations
