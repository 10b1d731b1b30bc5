// govplan — named projects the plan commits to advance.
#pragma once

#include <govplan/provenance.hpp>

#include <boost/describe/enum.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace govplan {

/// Where a project stands, in the order projects move through.
enum class project_stage {
    apply,     ///< 申报, 争取 (funding applied for)
    plan,      ///< 谋划, 编制
    prepare,   ///< 前期工作
    start,     ///< 新开工, 开工
    build,     ///< 加快建设, 推进, 实施
    complete,  ///< 建成, 完成
    operate,   ///< 投产, 投用, 运营
};
BOOST_DESCRIBE_ENUM(project_stage, apply, plan, prepare, start, build, complete, operate)

[[nodiscard]] std::span<const std::string_view> cue_words(project_stage s) noexcept;

struct project {
    std::string id;
    std::string name;        ///< exact name: 恒达食品智能车间
    std::string action;      ///< the plan's verb phrase: 组织申报, 加快建设
    project_stage stage = project_stage::build;
    std::string category;    ///< programme or funding: 超长期特别国债, 专项债券 (may be empty)
    std::string capacity;    ///< as stated: 年产5万吨 (may be empty)
    std::vector<std::string> organisations;
    std::string target_id;   ///< the count target it exemplifies (may be empty)
    govplan::provenance provenance;

    friend bool operator==(const project&, const project&) = default;
};

}  // namespace govplan
