// Internal: keeping a plan's links by id whole after elements are removed. Not API.
#pragma once

#include <govplan/plan.hpp>

namespace govplan::detail {

/// Removes the links of `p` that name a target or project it no longer
/// holds: project ids a target (or its scope) lists, a parent that is gone,
/// a project's links to targets that are gone. select() and the extractor
/// call it after leaving elements out, so that what remains validates.
void drop_dangling_links(plan& p);

}  // namespace govplan::detail
