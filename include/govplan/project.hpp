// govplan — named projects the plan commits to advance.
#pragma once

#include <govplan/config.hpp>

#include <govplan/provenance.hpp>
#include <govplan/target.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// Where a project stands, in the order projects move through.
enum class project_stage : std::uint8_t {
    apply,     ///< 申报, 争取 (funding applied for)
    plan,      ///< 谋划, 编制
    prepare,   ///< 前期工作
    start,     ///< 新开工, 开工
    build,     ///< 加快建设, 推进, 实施
    complete,  ///< 建成, 完成
    operate,   ///< 投产, 投用, 运营
    other,     ///< an action outside the construction sequence (组建, 争创, 举办): see project::action
};
BOOST_DESCRIBE_ENUM(project_stage, apply, plan, prepare, start, build, complete, operate, other)

[[nodiscard]] std::span<const std::string_view> cue_words(project_stage s) noexcept;

/// What kind of item the plan names.
enum class item_type : std::uint8_t {
    project,          ///< a construction or investment project (恒达食品智能车间)
    facility,         ///< a place that serves people (司法助企工作室, 综合审批窗口)
    institution,      ///< a body set up or reorganised (国有资本集团, 医共体)
    designation_bid,  ///< a title bid for (争创国家级生态小麦产业园)
    campaign,         ///< a programme or campaign of work (一纵一横乡村振兴示范带)
    event,            ///< a fair, a forum, a competition
    category,         ///< a sector label, not a named item (基层卫生, 城市管网)
};
BOOST_DESCRIBE_ENUM(item_type, project, facility, institution, designation_bid, campaign, event, category)

/// How an item relates to a target.
enum class link_role : std::uint8_t {
    exemplifies,  ///< one of the things a count target counts
    site_of,      ///< where the target is pursued
    measured_by,  ///< the item's progress is measured by the target
};
BOOST_DESCRIBE_ENUM(link_role, exemplifies, site_of, measured_by)

struct target_link {
    std::string target_id;
    link_role role = link_role::exemplifies;
    friend bool operator==(const target_link&, const target_link&) = default;
};
BOOST_DESCRIBE_STRUCT(target_link, (), (target_id, role))

/// A named item the plan commits to advance.
struct project {
    // Files list the members in the order of BOOST_DESCRIBE_STRUCT below; the
    // three codes are declared together so that they share one word.
    project_stage stage = project_stage::build;
    item_type type = item_type::project;   ///< since format 2, as the members from location on
    govplan::commitment commitment = govplan::commitment::expected;
    std::string id;
    std::string name;        ///< exact name: 恒达食品智能车间
    std::string action;      ///< the plan's verb phrase: 组织申报, 加快建设
    std::string category;    ///< programme or funding: 超长期特别国债, 专项债券 (may be empty)
    boxed<std::string> capacity;  ///< as stated: 年产5万吨; out of line, as location and phase: most projects have none
    std::vector<std::string> organisations;
    std::vector<target_link> targets;  ///< the targets it relates to, each with its role
    govplan::provenance provenance;
    boxed<std::string> location;  ///< 沙北, 新店镇
    boxed<std::string> phase;     ///< 二期
    boxed_optional<quantity> total_investment;      ///< 总投资X亿元 (held out of line, as the next)
    boxed_optional<quantity> investment_this_year;  ///< 年度计划投资
    boxed<govplan::responsibility> responsibility;  ///< held out of line; empty for most projects

    friend bool operator==(const project&, const project&) = default;
};
BOOST_DESCRIBE_STRUCT(project, (),
                      (id, name, action, stage, category, capacity, organisations, targets, provenance, type,
                       total_investment, investment_this_year, location, phase, commitment, responsibility))

GOVPLAN_END_NAMESPACE
