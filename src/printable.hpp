// Internal: untrusted text made safe to show in a message. Not API.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace govplan::detail {

/// Length of the well-formed UTF-8 sequence at text[i] (i < text.size()), or 0
/// when the bytes there are not one (overlong forms and surrogates included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept;

/// True when all of `text` is well-formed UTF-8 by the same rules; runs of
/// ASCII are checked eight bytes at a time.
bool valid_utf8(std::string_view text) noexcept;

/// Text from a file, made safe to put between quotes in a message: control
/// characters (C0, DEL and C1), quotes and backslashes written as \u00XX,
/// invalid UTF-8 bytes as \xNN, and cut after `max_bytes` (on a character
/// boundary) with "…" appended.
std::string quoted_excerpt(std::string_view text, std::size_t max_bytes = 80);

/// The same for a whole message that is already quoted where it needs to be:
/// control characters and invalid UTF-8 escaped, quotes and backslashes kept.
std::string printable(std::string_view text, std::size_t max_bytes);

}  // namespace govplan::detail
