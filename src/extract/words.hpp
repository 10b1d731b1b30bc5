// The words the extractor reads: cue words, comparators, verbs, noun heads.
// Each list is a construction of the language, not a phrase of one report.
#pragma once

#include <govplan/project.hpp>
#include <govplan/target.hpp>

#include <optional>
#include <string_view>

namespace govplan::extract_detail {

/// A word before a number that says how the number is compared or changes.
struct verb_word {
    std::u32string_view word;
    std::optional<govplan::comparator> comparator;  ///< nullopt: decided by the kind (exactly)
    std::optional<govplan::trend> trend;            ///< increase/decrease for changes and levels
    bool level = false;                             ///< 提高到 X: the value is a level to reach
    bool change = false;                            ///< 增长 X: the value is a change
    bool approximate = false;                       ///< 约
};

// Longest first where one word ends another (不低于 before 低于).
inline constexpr verb_word verb_words[] = {
    {U"不低于", comparator::at_least, {}, false, false, false},
    {U"不少于", comparator::at_least, {}, false, false, false},
    {U"不小于", comparator::at_least, {}, false, false, false},
    {U"至少", comparator::at_least, {}, false, false, false},
    {U"不超过", comparator::at_most, {}, false, false, false},
    {U"不高于", comparator::at_most, {}, false, false, false},
    {U"不多于", comparator::at_most, {}, false, false, false},
    {U"不大于", comparator::at_most, {}, false, false, false},
    {U"控制在", comparator::at_most, {}, true, false, false},
    {U"突破", comparator::more_than, {}, false, false, false},
    {U"超过", comparator::more_than, {}, false, false, false},
    {U"高于", comparator::more_than, {}, false, false, false},
    {U"多于", comparator::more_than, {}, false, false, false},
    {U"低于", comparator::less_than, {}, false, false, false},
    {U"少于", comparator::less_than, {}, false, false, false},
    {U"不足", comparator::less_than, {}, false, false, false},
    {U"大约", comparator::about, {}, false, false, true},
    {U"约", comparator::about, {}, false, false, true},
    {U"提高到", {}, trend::increase, true, false, false},
    {U"提升到", {}, trend::increase, true, false, false},
    {U"增加到", {}, trend::increase, true, false, false},
    {U"上升到", {}, trend::increase, true, false, false},
    {U"增长到", {}, trend::increase, true, false, false},
    {U"提高至", {}, trend::increase, true, false, false},
    {U"提升至", {}, trend::increase, true, false, false},
    {U"增加至", {}, trend::increase, true, false, false},
    {U"增至", {}, trend::increase, true, false, false},
    {U"下降到", {}, trend::decrease, true, false, false},
    {U"压缩至", {}, trend::decrease, true, false, false},
    {U"压缩到", {}, trend::decrease, true, false, false},
    {U"缩短至", {}, trend::decrease, true, false, false},
    {U"缩短到", {}, trend::decrease, true, false, false},
    {U"降低到", {}, trend::decrease, true, false, false},
    {U"减少到", {}, trend::decrease, true, false, false},
    {U"压减到", {}, trend::decrease, true, false, false},
    {U"下降至", {}, trend::decrease, true, false, false},
    {U"降低至", {}, trend::decrease, true, false, false},
    {U"降至", {}, trend::decrease, true, false, false},
    {U"降到", {}, trend::decrease, true, false, false},
    {U"稳定在", {}, trend::stable, true, false, false},
    {U"保持在", {}, trend::stable, true, false, false},
    {U"维持在", {}, trend::stable, true, false, false},
    {U"达到", {}, {}, false, false, false},
    {U"增长", {}, trend::increase, false, true, false},
    {U"提高", {}, trend::increase, false, true, false},
    {U"提升", {}, trend::increase, false, true, false},
    {U"增加", {}, trend::increase, false, true, false},
    {U"上升", {}, trend::increase, false, true, false},
    {U"下降", {}, trend::decrease, false, true, false},
    {U"降低", {}, trend::decrease, false, true, false},
    {U"减少", {}, trend::decrease, false, true, false},
    {U"压减", {}, trend::decrease, false, true, false},
    {U"压降", {}, trend::decrease, false, true, false},
    {U"缩减", {}, trend::decrease, false, true, false},
    {U"降", {}, trend::decrease, false, true, false},
    {U"达", {}, {}, false, false, false},
    {U"为", {}, {}, false, false, false},
    {U"在", {}, {}, false, false, false},
};

/// Words after a number (and its unit) that bound it.
struct suffix_word {
    std::u32string_view word;
    govplan::comparator comparator;
};
inline constexpr suffix_word suffix_words[] = {
    {U"以上", comparator::at_least}, {U"以下", comparator::at_most}, {U"以内", comparator::at_most},
    {U"之内", comparator::at_most},  {U"左右", comparator::about},   {U"上下", comparator::about},
};

/// Words before the verb that modify the change.
inline constexpr std::u32string_view yearly_average_words[] = {U"年均", U"年平均"};
inline constexpr std::u32string_view cumulative_words[] = {U"累计"};
inline constexpr std::u32string_view each_words[] = {U"均", U"各", U"都"};
inline constexpr std::u32string_view same_period_words[] = {U"同比"};
inline constexpr std::u32string_view previous_year_words[] = {U"比上年", U"较上年", U"比去年", U"较去年"};

/// Commitment cue words (users add more through extract_options).
inline constexpr std::u32string_view binding_words[] = {U"确保", U"严格", U"坚决", U"严守", U"守住", U"守牢"};
inline constexpr std::u32string_view aspirational_words[] = {U"力争", U"争取", U"争创", U"探索", U"力促", U"努力"};

/// Words before a metric that carry no meaning of their own.
inline constexpr std::u32string_view filler_words[] = {
    U"确保", U"力争", U"争取", U"争创", U"努力", U"全力", U"推动", U"推进", U"促进", U"力促", U"实现",
    U"持续", U"进一步", U"将", U"使", U"让", U"力求", U"预计", U"全年", U"今年", U"再", U"分别",
    U"年均", U"年平均", U"累计", U"同比", U"比上年", U"较上年", U"比去年", U"较去年", U"均", U"各", U"都",
    U"严格", U"坚决", U"探索", U"其中", U"并", U"和", U"及", U"与", U"同时", U"以上", U"的"};

/// Past-year clause openers (users add more through extract_options).
inline constexpr std::u32string_view past_words[] = {U"过去一年", U"去年", U"上年", U"一年来", U"回顾"};

/// Prefixes of a production capacity inside a project's name.
inline constexpr std::u32string_view capacity_words[] = {U"年产", U"日产", U"年处理", U"日处理", U"年加工",
                                                         U"年出栏", U"年吞吐", U"年存栏", U"装机"};

/// Nouns that head a set a target is scoped to (25个楼盘…, 19家…企业).
inline constexpr std::u32string_view scope_heads[] = {
    U"企业", U"项目", U"楼盘", U"事项", U"镇办", U"乡镇", U"街道", U"行政村", U"村", U"社区", U"单位", U"学校",
    U"医院", U"园区", U"县区", U"县", U"区", U"市", U"部门", U"小区", U"工程", U"领域", U"行业"};

/// Heads of named items: a name ending so is a project or a facility.
inline constexpr std::u32string_view item_heads[] = {
    U"产业园", U"园区", U"科创城", U"科创园", U"基地", U"中心", U"工程", U"项目", U"实验室", U"工作室", U"窗口",
    U"医院", U"卫生院", U"院", U"学校", U"公寓", U"之家", U"厂", U"馆", U"站", U"场", U"路", U"桥", U"港", U"园",
    U"区", U"库", U"带", U"城", U"集团", U"医共体", U"市场", U"管网", U"公园", U"小区", U"试点", U"示范区",
    U"先导区", U"集聚区", U"平台"};

/// Action verbs that open a clause about named items, with their stage.
struct action_word {
    std::u32string_view word;
    project_stage stage;
    item_type type;
};
inline constexpr action_word action_words[] = {
    {U"组织申报", project_stage::apply, item_type::project},
    {U"申报", project_stage::apply, item_type::project},
    {U"谋划布局", project_stage::plan, item_type::project},
    {U"谋划储备", project_stage::plan, item_type::project},
    {U"谋划", project_stage::plan, item_type::project},
    {U"编制", project_stage::plan, item_type::project},
    {U"新签约", project_stage::plan, item_type::project},
    {U"签约", project_stage::plan, item_type::project},
    {U"开展前期工作", project_stage::prepare, item_type::project},
    {U"新开工", project_stage::start, item_type::project},
    {U"开工建设", project_stage::start, item_type::project},
    {U"开工", project_stage::start, item_type::project},
    {U"启动建设", project_stage::start, item_type::project},
    {U"加快建设", project_stage::build, item_type::project},
    {U"加快推进", project_stage::build, item_type::project},
    {U"统筹推进", project_stage::build, item_type::project},
    {U"推进", project_stage::build, item_type::project},
    {U"续建", project_stage::build, item_type::project},
    {U"实施", project_stage::build, item_type::project},
    {U"建设", project_stage::build, item_type::project},
    {U"全力打造", project_stage::build, item_type::project},
    {U"建成投产", project_stage::operate, item_type::project},
    {U"建成投用", project_stage::operate, item_type::project},
    {U"建成启用", project_stage::operate, item_type::project},
    {U"新投产", project_stage::operate, item_type::project},
    {U"投产", project_stage::operate, item_type::project},
    {U"投用", project_stage::operate, item_type::project},
    {U"启用", project_stage::operate, item_type::facility},
    {U"建成", project_stage::complete, item_type::project},
    {U"完成", project_stage::complete, item_type::project},
    {U"打通", project_stage::complete, item_type::project},
    {U"拆除", project_stage::complete, item_type::project},
    {U"争创", project_stage::other, item_type::designation_bid},
    {U"创建", project_stage::other, item_type::designation_bid},
    {U"申创", project_stage::other, item_type::designation_bid},
    {U"组建", project_stage::other, item_type::institution},
    {U"成立", project_stage::other, item_type::institution},
    {U"建立", project_stage::other, item_type::facility},
    {U"开设", project_stage::other, item_type::facility},
    {U"举办", project_stage::other, item_type::event},
};

}  // namespace govplan::extract_detail
