// govplan — umbrella header: the whole core API.
//
// Opt-in headers not included here: <govplan/format.hpp> (fmt formatters),
// <govplan/json.hpp> and <govplan/archive.hpp> (file formats).
#pragma once

#include <govplan/codes.hpp>
#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/error.hpp>
#include <govplan/focus_area.hpp>
#include <govplan/measure.hpp>
#include <govplan/plan.hpp>
#include <govplan/project.hpp>
#include <govplan/provenance.hpp>
#include <govplan/target.hpp>
#include <govplan/unit.hpp>
#include <govplan/validation.hpp>
#include <govplan/version.hpp>
