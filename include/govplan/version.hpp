// govplan — library version. CMakeLists.txt reads the version from here.
#pragma once

#include <govplan/config.hpp>

#define GOVPLAN_VERSION_MAJOR 0
#define GOVPLAN_VERSION_MINOR 4
#define GOVPLAN_VERSION_PATCH 0

GOVPLAN_BEGIN_NAMESPACE

/// "MAJOR.MINOR.PATCH" of the headers in use.
inline constexpr const char* version_string = "0.4.0";

GOVPLAN_END_NAMESPACE
