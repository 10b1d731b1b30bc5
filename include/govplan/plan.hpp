// govplan — a government work plan.
#pragma once

#include <govplan/config.hpp>

#include <govplan/dates.hpp>
#include <govplan/focus_area.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstddef>
#include <iterator>
#include <ranges>
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

/// Position of a target or project inside a plan (0-based indexes): its focus
/// area, its measure (none for the targets of a focus area's lead paragraph)
/// and its index in that list.
struct element_position {
    std::size_t focus_area = 0;
    std::optional<std::size_t> measure;
    std::size_t index = 0;
    [[nodiscard]] bool in_lead() const noexcept { return !measure.has_value(); }
    friend bool operator==(const element_position&, const element_position&) = default;
};

/// A target or project of a plan and where it is: what each_target() and
/// each_project() give. `element` refers into the plan.
template <class Element>
struct located {
    Element& element;
    element_position position;
};

namespace walk_detail {
/// Walks a plan's targets (a focus area's own, then each measure's) or its
/// projects (each measure's) in document order, skipping empty lists.
template <class Plan, class Element, bool Projects>
class element_iterator {
public:
    using value_type = located<Element>;
    using reference = located<Element>;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;

    element_iterator() = default;
    explicit element_iterator(Plan& p) : plan_(&p) { settle(); }

    reference operator*() const
    {
        return {list_begin_[index_],
                {area_, list_ > 0 ? std::optional<std::size_t>(list_ - 1) : std::optional<std::size_t>(), index_}};
    }
    element_iterator& operator++()
    {
        if (++index_ >= list_size_) settle();  // the next list only when this one is done
        return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const element_iterator& i, std::default_sentinel_t) noexcept
    {
        return i.plan_ == nullptr || i.area_ == i.plan_->focus_areas.size();
    }

private:
    static constexpr std::size_t first_list = Projects ? 1 : 0;  ///< 0 is the lead, k the measure k - 1

    template <class Area>
    auto& elements(Area& area) const
    {
        if constexpr (Projects) {
            return area.measures[list_ - 1].projects;
        } else {
            return list_ == 0 ? area.targets : area.measures[list_ - 1].targets;
        }
    }
    /// Moves to the first element at or after (area_, list_, index_).
    void settle()
    {
        while (area_ < plan_->focus_areas.size()) {
            auto& area = plan_->focus_areas[area_];
            if (list_ <= area.measures.size()) {
                auto& list = elements(area);
                if (index_ < list.size()) {
                    list_begin_ = list.data();
                    list_size_ = list.size();
                    return;
                }
            }
            index_ = 0;
            if (list_ < area.measures.size()) {
                ++list_;
            } else {
                ++area_;
                list_ = first_list;
            }
        }
    }

    Plan* plan_ = nullptr;
    std::size_t area_ = 0;
    std::size_t list_ = first_list;
    std::size_t index_ = 0;
    Element* list_begin_ = nullptr;  ///< the current list's elements
    std::size_t list_size_ = 0;
};

template <class Plan, class Element, bool Projects>
class element_range {
public:
    explicit element_range(Plan& p) noexcept : plan_(&p) {}
    [[nodiscard]] element_iterator<Plan, Element, Projects> begin() const { return element_iterator<Plan, Element, Projects>(*plan_); }
    [[nodiscard]] std::default_sentinel_t end() const noexcept { return {}; }

private:
    Plan* plan_;
};
}  // namespace walk_detail

/// Every target of `p` with its position, in document order (a focus area's
/// own targets, then those of its measures), for range-for and std::ranges:
///
///     for (auto [t, at] : govplan::each_target(p))
///         if (at.in_lead()) ...
///
/// On a non-const plan the targets can be changed in place: `auto [t, at]`
/// binds `t` to the plan's target, not to a copy. The plan must outlive the
/// range and keep its lists' sizes while it is walked; a temporary plan does
/// not compile.
[[nodiscard]] inline auto each_target(const plan& p) noexcept { return walk_detail::element_range<const plan, const target, false>(p); }
[[nodiscard]] inline auto each_target(plan& p) noexcept { return walk_detail::element_range<plan, target, false>(p); }
/// Every project of `p` with its position, in document order.
[[nodiscard]] inline auto each_project(const plan& p) noexcept { return walk_detail::element_range<const plan, const project, true>(p); }
[[nodiscard]] inline auto each_project(plan& p) noexcept { return walk_detail::element_range<plan, project, true>(p); }
/// A temporary plan would be gone before the loop body runs: walk a named one.
void each_target(const plan&&) = delete;
void each_project(const plan&&) = delete;

/// The first target / project with this id in document order, or nullptr.
/// One walk per call: for many lookups build a plan_index.
[[nodiscard]] const target* find_target(const plan& p, std::string_view id) noexcept;
[[nodiscard]] target* find_target(plan& p, std::string_view id) noexcept;
[[nodiscard]] const project* find_project(const plan& p, std::string_view id) noexcept;
[[nodiscard]] project* find_project(plan& p, std::string_view id) noexcept;

/// Number of targets / projects in the plan.
[[nodiscard]] std::size_t target_count(const plan& p) noexcept;
[[nodiscard]] std::size_t project_count(const plan& p) noexcept;

GOVPLAN_END_NAMESPACE

/// The ranges are views into a plan: an iterator stays valid without its range.
template <class Plan, class Element, bool Projects>
inline constexpr bool std::ranges::enable_borrowed_range<govplan::walk_detail::element_range<Plan, Element, Projects>> = true;
