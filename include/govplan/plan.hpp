// govplan — a government work plan.
#pragma once

#include <govplan/config.hpp>

#include <govplan/dates.hpp>
#include <govplan/focus_area.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// Administrative level of the jurisdiction a plan belongs to.
enum class jurisdiction_level { national, province, city, county };
BOOST_DESCRIBE_ENUM(jurisdiction_level, national, province, city, county)

struct jurisdiction {
    std::string province;  ///< 河南省
    std::string city;      ///< 漯河市 (empty for a province's own plan)
    std::string district;  ///< 郾城区 (empty above county level)
    jurisdiction_level level = jurisdiction_level::county;

    /// "河南省漯河市郾城区": the non-empty parts joined.
    [[nodiscard]] std::string full_name() const;
    friend bool operator==(const jurisdiction&, const jurisdiction&) = default;
};
BOOST_DESCRIBE_STRUCT(jurisdiction, (), (province, city, district, level))

/// Where the plan's text comes from.
struct source_reference {
    std::string title;  ///< 漯河市郾城区人民政府工作报告
    std::string uri;    ///< a URL or a path relative to the plan file
    friend bool operator==(const source_reference&, const source_reference&) = default;
};
BOOST_DESCRIBE_STRUCT(source_reference, (), (title, uri))

struct plan {
    std::string id;
    std::string title;
    govplan::jurisdiction jurisdiction;
    std::string issuing_body;   ///< 郾城区人民政府
    int year = 0;
    /// The period the plan covers, normally its calendar year. Defaults to a
    /// null period; calendar_year(year) sets the usual one.
    date_period period{date(), date()};
    date report_date;           ///< the day the report was delivered
    std::optional<date> printed_date;
    std::string session;        ///< 五届人大六次会议
    std::string theme;          ///< 八个聚焦、八个提升
    source_reference source;
    /// Units the plan defines for itself, beyond unit_registry::standard()
    /// (a local measure such as 斤). Validation and the JSON reader accept them.
    std::vector<unit> units;
    std::vector<focus_area> focus_areas;

    friend bool operator==(const plan&, const plan&) = default;
};
BOOST_DESCRIBE_STRUCT(plan, (),
                      (id, title, jurisdiction, issuing_body, year, period, report_date, printed_date, session, theme,
                       source, units, focus_areas))

/// Position of a target or project inside a plan (0-based indexes). A target
/// of a focus area's lead paragraph has measure == element_position::lead.
struct element_position {
    static constexpr std::size_t lead = static_cast<std::size_t>(-1);
    std::size_t focus_area = 0;
    std::size_t measure = 0;
    std::size_t index = 0;
    [[nodiscard]] bool in_lead() const noexcept { return measure == lead; }
    friend bool operator==(const element_position&, const element_position&) = default;
};

/// Visits every target in document order: a focus area's own targets, then
/// those of its measures.
void for_each_target(const plan& p,
                     const std::function<void(const target&, const element_position&)>& visit);
/// Visits every project in document order.
void for_each_project(const plan& p,
                      const std::function<void(const project&, const element_position&)>& visit);

/// The target / project with this id, or nullptr.
[[nodiscard]] const target* find_target(const plan& p, std::string_view id) noexcept;
[[nodiscard]] const project* find_project(const plan& p, std::string_view id) noexcept;

/// Number of targets / projects in the plan.
[[nodiscard]] std::size_t target_count(const plan& p) noexcept;
[[nodiscard]] std::size_t project_count(const plan& p) noexcept;

GOVPLAN_END_NAMESPACE
