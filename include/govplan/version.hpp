// govplan — library version. CMakeLists.txt reads the version from here.
#pragma once

#define GOVPLAN_VERSION_MAJOR 0
#define GOVPLAN_VERSION_MINOR 1
#define GOVPLAN_VERSION_PATCH 0

namespace govplan {

/// "MAJOR.MINOR.PATCH" of the headers in use.
inline constexpr const char* version_string = "0.1.0";

}  // namespace govplan
