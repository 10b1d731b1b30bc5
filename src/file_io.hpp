// Internal: reading whole files and replacing files atomically. Not API.
#pragma once

#include <govplan/error.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace govplan::detail {

/// The file's bytes; errc::io_error if it cannot be read or is not a regular
/// file (a FIFO, a device, a directory: refused before any read, so a FIFO
/// does not block), errc::limit_exceeded beyond max_bytes (checked before
/// reading).
result<std::string> read_file(const std::filesystem::path& file, std::size_t max_bytes);

/// At most the first max_bytes of a regular file, refused as read_file refuses.
result<std::string> read_head(const std::filesystem::path& file, std::size_t max_bytes);

/// Replaces `file` by `bytes`, or writes it new, never leaving it half written:
/// - a symbolic link is followed and the file it names replaced (the link stays);
/// - anything else that is not a regular file (a device, a FIFO, a socket, a
///   directory) is refused with errc::io_error before anything is written;
/// - the bytes go to a temporary file in the same directory, unnamed while
///   written where the system allows (Linux O_TMPFILE: a process killed
///   mid-write leaves nothing), flushed, then renamed over `file`, and the
///   directory flushed;
/// - a replaced file keeps its mode, and its owner where permitted; a new file
///   gets 0666 less the umask;
/// - on any failure the temporary file is removed and `file` is untouched.
result<void> write_file_atomically(const std::filesystem::path& file, std::string_view bytes);

}  // namespace govplan::detail
