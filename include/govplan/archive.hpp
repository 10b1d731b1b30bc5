// govplan — plans as Boost.Serialization archives inside a checked envelope.
//
// An archive file is a 24-byte envelope header followed by a Boost archive
// (text, XML or binary) of the plan:
//
//   offset  size  field
//        0     8  magic "GOVPLAN\x1a"
//        8     2  envelope format version, little-endian (archive_format_version)
//       10     1  archive kind: 1 text, 2 XML, 3 binary
//       11     1  reserved, 0
//       12     8  payload length in bytes, little-endian
//       20     4  CRC-32 (IEEE 802.3) of the payload, little-endian
//       24     …  payload
//
// The loader checks every header field, the length and the checksum before
// Boost reads a byte, refuses string lengths and collection counts larger
// than the payload, rejects class versions newer than this library's, and
// turns every exception into a govplan::error. Binary archives are not
// portable across platforms or Boost builds: use them as same-machine caches
// only, and JSON or text/XML archives for exchange.
#pragma once

#include <govplan/config.hpp>

#include <govplan/error.hpp>
#include <govplan/plan.hpp>

#include <boost/describe/enum.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

GOVPLAN_BEGIN_NAMESPACE

enum class archive_kind { text = 1, xml = 2, binary = 3 };
BOOST_DESCRIBE_ENUM(archive_kind, text, xml, binary)

/// The envelope version this library writes and the newest it reads.
inline constexpr std::uint16_t archive_format_version = 2;
/// Size of the envelope header.
inline constexpr std::size_t archive_header_size = 24;

struct archive_limits {
    std::size_t max_bytes = 256u << 20;  ///< whole file, header included
    /// Elements of one collection (targets of a measure, units of a list…),
    /// checked when the count is read, before any element is built.
    std::size_t max_collection_size = 1u << 20;
};

/// The plan as envelope + archive bytes.
[[nodiscard]] result<std::string> plan_to_archive(const plan& p, archive_kind kind);

/// Reads envelope + archive bytes (any kind; the header says which).
/// Errors: errc::truncated, bad_magic, unsupported_version, checksum_mismatch,
/// limit_exceeded, corrupt_archive; byte_offset names the failing header field.
[[nodiscard]] result<plan> plan_from_archive(std::string_view bytes, const archive_limits& limits = {});

/// The kind an archive file holds, from its header alone.
[[nodiscard]] result<archive_kind> archive_kind_of(std::string_view bytes);

/// Reads an archive file.
[[nodiscard]] result<plan> load_archive(const std::filesystem::path& file, const archive_limits& limits = {});

/// Writes an archive file atomically (temporary file, flush, rename); the
/// previous file is untouched on failure.
[[nodiscard]] result<void> save_archive(const plan& p, const std::filesystem::path& file, archive_kind kind);

GOVPLAN_END_NAMESPACE
