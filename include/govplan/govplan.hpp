// govplan — umbrella header: the whole API except the two opt-in headers,
// <govplan/format.hpp> ({fmt} formatters; needs fmt) and
// <govplan/serialization.hpp> (Boost.Serialization support for your own
// archives; templates that need Boost.Serialization's headers).
#pragma once

#include <govplan/aggregation.hpp>
#include <govplan/archive.hpp>
#include <govplan/boxed_optional.hpp>
#include <govplan/codes.hpp>
#include <govplan/comparison.hpp>
#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/document.hpp>
#include <govplan/error.hpp>
#include <govplan/extract.hpp>
#include <govplan/filter.hpp>
#include <govplan/focus_area.hpp>
#include <govplan/json.hpp>
#include <govplan/measure.hpp>
#include <govplan/plan.hpp>
#include <govplan/plan_index.hpp>
#include <govplan/progress.hpp>
#include <govplan/project.hpp>
#include <govplan/provenance.hpp>
#include <govplan/report.hpp>
#include <govplan/target.hpp>
#include <govplan/unit.hpp>
#include <govplan/validation.hpp>
#include <govplan/version.hpp>
