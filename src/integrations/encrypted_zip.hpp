#pragma once

// A ZIP file whose entries are each encrypted with AES-256 (WinZip AE-2) under a passphrase, built in
// memory with libzip. 7-Zip, p7zip, WinZip and macOS Archive Utility's successors open it; Windows
// Explorer's built-in ZIP support and Python's zipfile do not.

#include <string>
#include <vector>

#include "core/result.hpp"

namespace rekrut::integrations {

/// One file of the archive.
struct ZipEntry {
    std::string name; ///< The path inside the archive, UTF-8, "/" between folders.
    std::string bytes;
};

/// The bytes of a ZIP file holding `entries`, each deflated and encrypted with AES-256 under
/// `passphrase`. The passphrase is used only for the encryption and kept nowhere. No entries, an
/// empty passphrase or a libzip without AES support is `unavailable`; never throws for any input.
core::Result<std::string> write_encrypted_zip(const std::vector<ZipEntry>& entries,
                                              const std::string& passphrase);

} // namespace rekrut::integrations
