// Internal: the two JSON readers of a plan. Not API.
//
// plan_from_json first tries the direct reader, which builds the plan from
// boost::json::basic_parser's events with no tree in between. It reads what
// govplan writes: format 2, each object's keys in declaration order. It gives
// up, without saying why, on anything else: a problem of any kind (syntax, a
// limit, a type, a code, a unit, a repeated id), keys out of order, format 1.
// The tree reader then reads the same text as before, and says where and why
// the document fails. So the direct reader never decides whether a document
// loads, only how fast: whatever it returns, the tree reader would return
// equal (tests/json_direct_test.cpp and the JSON fuzz harness hold it to
// that).
#pragma once

#include <govplan/json.hpp>
#include <govplan/plan.hpp>
#include <govplan/unit.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace govplan::detail {

/// The plan in `text`, read straight from the parser's events with units
/// looked up in `units` and the plan's own; nullopt when the direct reader
/// leaves the document to the tree reader.
std::optional<plan> read_plan_directly(std::string_view text, const json_limits& limits, const unit_registry& units);

/// The same with a budget: the reader gives up once what it built takes more
/// than `budget` bytes: each list element counted at its sizeof, and the text
/// of each unit it copies (a unit is the one thing copied many times from one
/// place in the text, such as a plan-defined unit named by every target).
std::optional<plan> read_plan_directly(std::string_view text, const json_limits& limits, const unit_registry& units,
                                       std::size_t budget);

/// The default budget: 32 bytes per byte of text, and 16 MiB. A plan govplan
/// writes takes about 2 per byte; `[{},{},…]` in a list of targets would take
/// 340. Within the budget, a document refused at a limit (a list one element
/// too long, a syntax error at its end) costs at most the budget before the
/// tree reader, whose first pass builds only a small DOM, takes over.
std::size_t direct_reader_budget(std::size_t text_bytes) noexcept;

/// plan_from_json by the tree reader alone (what plan_from_json falls back on).
result<plan> read_plan_by_tree(std::string_view text, const json_read_options& options = {});

}  // namespace govplan::detail
