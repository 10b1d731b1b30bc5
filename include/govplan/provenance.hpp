// govplan — where in the source text an element comes from.
#pragma once

#include <govplan/config.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>

GOVPLAN_BEGIN_NAMESPACE

/// The exact clause of the source text an element was read from, and the byte
/// offset of its first byte in that text (UTF-8), when known.
struct provenance {
    std::string clause;
    std::optional<std::uint64_t> offset;
    friend bool operator==(const provenance&, const provenance&) = default;
};
BOOST_DESCRIBE_STRUCT(provenance, (), (clause, offset))

GOVPLAN_END_NAMESPACE
