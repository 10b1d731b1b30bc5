// govplan — measures: a paragraph of the plan led by a short phrase.
#pragma once

#include <govplan/config.hpp>

#include <govplan/dates.hpp>
#include <govplan/project.hpp>
#include <govplan/target.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

struct measure {
    std::string lead;   ///< the lead phrase: 扩大有效投资
    std::string text;   ///< the full paragraph after the lead phrase
    boxed<govplan::responsibility> responsibility;  ///< held out of line; 牵头单位, 配合单位, 责任领导, when a task sheet names them
    std::optional<date> deadline;
    std::vector<target> targets;
    std::vector<project> projects;
    std::vector<std::string> organisations;  ///< organisations the text names (双汇, 微康生物)

    friend bool operator==(const measure&, const measure&) = default;
};
BOOST_DESCRIBE_STRUCT(measure, (), (lead, text, responsibility, deadline, targets, projects, organisations))

GOVPLAN_END_NAMESPACE
