// govplan — focus areas: the numbered sections of a plan (一 … 八).
#pragma once

#include <govplan/config.hpp>

#include <govplan/measure.hpp>

#include <boost/describe/class.hpp>

#include <string>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

struct focus_area {
    int ordinal = 0;    ///< 1-based: (一) is 1
    std::string title;  ///< the 聚焦 part: 聚焦扩大内需
    std::string aim;    ///< the paired 提升 part: 提升经济增长质效
    std::string lead;   ///< the paragraph introducing the area
    /// Targets stated in the lead paragraph itself, for the whole area
    /// (…占比均提高5个百分点以上).
    std::vector<target> targets;
    std::vector<measure> measures;

    friend bool operator==(const focus_area&, const focus_area&) = default;
};
BOOST_DESCRIBE_STRUCT(focus_area, (), (ordinal, title, aim, lead, targets, measures))

GOVPLAN_END_NAMESPACE
