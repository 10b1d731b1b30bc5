// govplan — measures: a paragraph of the plan led by a short phrase.
#pragma once

#include <govplan/dates.hpp>
#include <govplan/project.hpp>
#include <govplan/target.hpp>

#include <optional>
#include <string>
#include <vector>

namespace govplan {

struct measure {
    std::string lead;   ///< the lead phrase: 扩大有效投资
    std::string text;   ///< the full paragraph after the lead phrase
    std::optional<std::string> lead_unit;    ///< 牵头单位, when a task sheet names one
    std::vector<std::string> partner_units;  ///< 配合单位
    std::optional<date> deadline;
    std::vector<target> targets;
    std::vector<project> projects;
    std::vector<std::string> organisations;  ///< organisations the text names (双汇, 微康生物)

    friend bool operator==(const measure&, const measure&) = default;
};

}  // namespace govplan
