// Internal: what every writer checks before it writes. Not API.
#pragma once

#include <govplan/error.hpp>
#include <govplan/plan.hpp>

namespace govplan::detail {

/// Fails when a reader would refuse what a writer would write from `p`: a
/// string that is not UTF-8 or a list over the readers' collection limit
/// (errc::invalid_value, named by its path), an id used twice
/// (errc::duplicate_id). Writers call it first and refuse, so that nothing is
/// written that cannot be read back.
result<void> check_writable(const plan& p);

/// Fails with errc::limit_exceeded when `bytes` of a document are over what
/// the readers accept by default (json_limits / archive_limits::max_bytes).
result<void> check_writable_size(std::size_t bytes, std::size_t reader_limit, const char* what);

}  // namespace govplan::detail
