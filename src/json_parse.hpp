// Internal: the checked JSON parser under govplan's reader. Not API.
//
// Boost.JSON's own parser accepts duplicate keys silently and builds values
// without positions. This parser drives boost::json::basic_parser with a
// handler that rejects duplicate keys, enforces govplan's limits and, on the
// error path, finds the line and column of a JSON pointer.
#pragma once

#include <govplan/error.hpp>
#include <govplan/json.hpp>

#include "printable.hpp"

#include <boost/json/parse_options.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace govplan::detail {

/// Parses `text` into a value allocated from `storage`; errors carry pointer,
/// line, column and offset. A fast pass builds the value without tracking
/// where it is; only when it fails does a second, tracking pass locate the
/// problem (a duplicate key, a limit, a syntax error).
result<boost::json::value> parse_json(std::string_view text, const json_limits& limits,
                                      boost::json::storage_ptr storage = {});

/// The parser options every reader uses: RFC 8259 strictly (no comments, no
/// trailing commas, UTF-8 only) and the nesting limit of `limits`.
boost::json::parse_options parse_options_for(const json_limits& limits);

/// Fills e.line, e.column and e.byte_offset with the position of the value at
/// e.pointer in `text`, when it can be found.
void locate_json_pointer(std::string_view text, govplan::error& e, const json_limits& limits);

/// "/" + the segment escaped per RFC 6901 (~ → ~0, / → ~1).
std::string json_pointer_segment(std::string_view segment);

/// 1-based line and column (in bytes) of a byte offset.
void set_position(std::string_view text, std::size_t offset, govplan::error& e);

}  // namespace govplan::detail
