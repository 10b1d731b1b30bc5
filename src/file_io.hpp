// Internal: reading whole files and replacing files atomically. Not API.
#pragma once

#include <govplan/error.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace govplan::detail {

/// The file's bytes; errc::io_error if it cannot be read, errc::limit_exceeded
/// beyond max_bytes (checked before reading).
result<std::string> read_file(const std::filesystem::path& file, std::size_t max_bytes);

/// Replaces `file` by `bytes`: writes a temporary file beside it, fsyncs it,
/// renames it over `file` and fsyncs the directory. On failure the temporary
/// file is removed and `file` is untouched.
result<void> write_file_atomically(const std::filesystem::path& file, std::string_view bytes);

}  // namespace govplan::detail
