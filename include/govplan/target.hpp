// govplan — quantified targets: one measurable commitment each.
#pragma once

#include <govplan/config.hpp>

#include <govplan/boxed_optional.hpp>
#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/provenance.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// What a target measures.
enum class target_kind : std::uint8_t {
    amount,          ///< a quantity of money, area, length or mass (入库投资50亿元)
    count,           ///< a number of things with a measure word (新增规上工业企业20家)
    level,           ///< a state to reach or keep (耕地面积稳定在42万亩以上)
    share,           ///< a level expressed as a percentage (一次办事项达到80%)
    growth_rate,     ///< growth in percent (工业投资增长15%)
    reduction_rate,  ///< decrease in percent (融资成本下降5%)
    pp_change,       ///< change in percentage points (城镇化率提高1.2个百分点)
    direction,       ///< a direction without a number (PM2.5 降)
    qualitative,     ///< a commitment without a number, met or not (土壤环境持续稳定)
    attainment,      ///< full attainment, its value implied: 全覆盖, 全面达标 (100%), 清零 (0)
    grade,           ///< a categorical value (创成AA级景区, 国家级): see target::grade
    rank,            ///< a place in a ranking (进入全省前10位, 居全市第一)
    relative,        ///< against another figure (与经济增长同步, 高于全省平均): see target::reference
};
BOOST_DESCRIBE_ENUM(target_kind, amount, count, level, share, growth_rate, reduction_rate, pp_change,
                    direction, qualitative, attainment, grade, rank, relative)

/// How the stated number binds. 以上/以下/以内 include the number (Civil Code
/// art. 1259); 超过/突破 and 低于/少于 do not.
enum class comparator : std::uint8_t {
    at_least,   ///< ≥ value: 以上, 不低于, 不少于, 至少
    more_than,  ///< > value: 突破, 超过, 高于
    at_most,    ///< ≤ value: 以下, 不超过, 以内, 不高于
    less_than,  ///< < value: 低于, 少于, 不足
    exactly,    ///< = value: a bare number
    about,      ///< ≈ value: 左右, 约
    range,      ///< low ≤ x ≤ high: 5%–6%
    direction,  ///< only a direction (see trend): 两降一升
    within,     ///< inside a band the text names without numbers (保持在合理区间): see target::reference
    none,       ///< nothing is compared: qualitative and grade targets
};
BOOST_DESCRIBE_ENUM(comparator, at_least, more_than, at_most, less_than, exactly, about, range, direction, within,
                    none)

/// The sign of a change, or that a level is held. Any kind may carry one: a
/// pp change of 下降0.5个百分点以上 is pp_change, at_least 0.5, decrease.
enum class trend : std::uint8_t {
    increase,  ///< 提高, 增长, 升
    decrease,  ///< 下降, 减少, 降
    stable,    ///< 稳定, 保持, 持续稳定
};
BOOST_DESCRIBE_ENUM(trend, increase, decrease, stable)

/// How loosely the text states its number: 余 and 多 (a little over), 约 (about).
enum class hedge : std::uint8_t {
    none,         ///< the number as written
    over,         ///< 余, 多: 300余家
    approximate,  ///< 约: 约50亿元
};
BOOST_DESCRIBE_ENUM(hedge, none, over, approximate)

/// Whether a figure is an amount added over the period (a flow: 新增, 完成投资)
/// or a level held at a date (a stock: 总量达到, 稳定在). Aggregation sums only
/// flows and counts.
enum class accumulation : std::uint8_t { flow, stock };
BOOST_DESCRIBE_ENUM(accumulation, flow, stock)

/// What a change is measured against: 同比 (the same period a year before),
/// 较上年 / 比上年 (the previous year), or a named base year (比2020年下降13.5%).
enum class change_basis : std::uint8_t { same_period_last_year, previous_year, base_year };
BOOST_DESCRIBE_ENUM(change_basis, same_period_last_year, previous_year, base_year)

/// How the targets of one group share their statement: 分别 (each subject its
/// own value, in order), 均 / 各 (one value for each subject), or one value for
/// the subjects together.
enum class group_mode : std::uint8_t { respectively, each, shared };
BOOST_DESCRIBE_ENUM(group_mode, respectively, each, shared)

/// How firmly the plan commits: 约束性 (binding), 预期性 (expected, the
/// default) or aspirational.
enum class commitment : std::uint8_t {
    binding,       ///< 确保, 严格, 坚决, 严守
    expected,      ///< no cue word
    aspirational,  ///< 力争, 争取, 争创, 探索
};
BOOST_DESCRIBE_ENUM(commitment, binding, expected, aspirational)

/// The Chinese words that signal each value (以上, 不低于 … for at_least);
/// empty for values with no cue (exactly, expected).
[[nodiscard]] std::span<const std::string_view> cue_words(comparator c) noexcept;
[[nodiscard]] std::span<const std::string_view> cue_words(commitment c) noexcept;
[[nodiscard]] std::span<const std::string_view> cue_words(trend t) noexcept;

[[nodiscard]] std::span<const std::string_view> cue_words(hedge h) noexcept;

/// True when the stated number itself satisfies the comparator (以上: yes,
/// 突破: no). False for direction, within and none.
[[nodiscard]] bool includes_bound(comparator c) noexcept;

/// True when `v` satisfies comparator `c` against the stated number `bound`:
/// at_least v ≥ bound, more_than v > bound, at_most v ≤ bound, less_than
/// v < bound, exactly and about v = bound; where `v` equals `bound` the answer
/// is includes_bound(c). False for range (it has two bounds: test the low end
/// with at_least and the high end with at_most) and for direction. Progress
/// and validation decide every bound with this one function.
[[nodiscard]] bool meets_bound(comparator c, const decimal& v, const decimal& bound) noexcept;

/// True when `kind` may be stated in `d`: growth and reduction rates and
/// shares in %, pp changes in 个百分点, counts in count units, amounts in
/// money / area / land / length / mass / power / volume / energy, levels in
/// anything but percentage points, attainment in % or a count (清零 is 0),
/// ranks in counts (位), direction, relative and qualitative targets in
/// anything.
[[nodiscard]] bool kind_accepts(target_kind kind, dimension d) noexcept;

/// What a change starts from: a year (比2020年), and where the text gives
/// them, the date and the value (the 2024 figure a growth target starts from).
struct baseline {
    int year = 0;                        ///< 0 when only the date is known
    std::optional<govplan::date> date;
    std::optional<quantity> value;
    friend bool operator==(const baseline&, const baseline&) = default;
};
BOOST_DESCRIBE_STRUCT(baseline, (), (year, date, value))

/// A measured value of a target's metric at a date. A qualitative target is
/// observed as met (value 1) or not met (value 0), without unit.
struct observation {
    govplan::date date;
    quantity value;
    std::string note;
    std::string source;
    friend bool operator==(const observation&, const observation&) = default;
};
BOOST_DESCRIBE_STRUCT(observation, (), (date, value, note, source))

/// A dated partial value on the way to the target (6月底前完成50%).
struct milestone {
    govplan::date date;
    decimal value;       ///< in the target's unit
    std::string clause;  ///< the words that state it, when known
    friend bool operator==(const milestone&, const milestone&) = default;
};
BOOST_DESCRIBE_STRUCT(milestone, (), (date, value, clause))

/// The set a target is measured over (25个楼盘, 涉及7个镇办, 规上工业企业):
/// it says what the value covers and is not itself a target.
struct target_scope {
    std::optional<decimal> count;          ///< 25 (may be absent: 镇级, 规上工业企业)
    std::string measure_word;              ///< 个, 家
    std::string noun;                      ///< 楼盘, 镇办, 规上工业企业
    std::vector<std::string> project_ids;  ///< named members of the set, when the plan lists them
    friend bool operator==(const target_scope&, const target_scope&) = default;
};
BOOST_DESCRIBE_STRUCT(target_scope, (), (count, measure_word, noun, project_ids))

/// The targets of one statement with several subjects (分别, 均, 各) share
/// a group id.
struct statement_group {
    std::string id;
    group_mode mode = group_mode::respectively;
    friend bool operator==(const statement_group&, const statement_group&) = default;
};
BOOST_DESCRIBE_STRUCT(statement_group, (), (id, mode))

/// Who answers for an item, as a 督办 task sheet names them. All optional.
struct responsibility {
    std::vector<std::string> lead_units;     ///< 牵头单位
    std::vector<std::string> partner_units;  ///< 配合单位
    std::string leader;                      ///< 责任领导
    friend bool operator==(const responsibility&, const responsibility&) = default;
};
BOOST_DESCRIBE_STRUCT(responsibility, (), (lead_units, partner_units, leader))

/// Where a number sits in the source text: byte offset and length (UTF-8).
struct text_span {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    friend bool operator==(const text_span&, const text_span&) = default;
};
BOOST_DESCRIBE_STRUCT(text_span, (), (offset, length))

/// One commitment of the plan, numeric or not.
///
/// The comparator decides which value fields are used: `value` for
/// at_least / more_than / at_most / less_than / exactly / about, `low` and
/// `high` for range, `trend` for direction, `reference` for within, none for
/// none. `stretch` is an aspirational value beside the main one
/// ("确保增长5%，力争6%": value 5, commitment binding, stretch 6). The deadline
/// defaults to the end of the plan period; a later one is a horizon (到2027年).
struct target {
    // Members are declared by use, not by file order: what a pass over many
    // targets reads sits together. Aggregation reads the first block (72
    // bytes), progress that and the next block up to the metric.
    // Files list the members in the order of BOOST_DESCRIBE_STRUCT below.

    // ---- what is committed ----
    target_kind kind = target_kind::amount;
    govplan::comparator comparator = govplan::comparator::exactly;
    govplan::commitment commitment = govplan::commitment::expected;
    govplan::hedge hedge = govplan::hedge::none;
    bool cumulative = false;      ///< 累计: counts from before the plan period
    bool per_capita = false;      ///< 人均
    bool yearly_average = false;  ///< 年均
    bool value_implied = false;   ///< the text states no number; the words imply it (全覆盖 → 100%)
    std::optional<govplan::accumulation> accumulation;  ///< absent: follows the kind (see accumulation_of)
    std::optional<govplan::trend> trend;
    std::optional<change_basis> basis;     ///< 同比, 较上年, 比2020年
    std::optional<decimal> value;
    govplan::unit unit;           ///< empty for a target without unit
    boxed_optional<statement_group> group;  ///< held out of line, as are baseline and scope
    boxed<std::string> parent_id;  ///< the target this one is part of (其中), or empty

    // ---- when, and how far it has come ----
    std::optional<date> deadline;
    std::vector<observation> observations;
    std::vector<milestone> milestones;     ///< dated partial values, in date order
    std::string id;
    std::string metric;      ///< what is measured: 工业投资, 耕地面积

    // ---- the rest of the commitment ----
    boxed_optional<decimal> low;      ///< low, high and stretch out of line: most targets have none
    boxed_optional<decimal> high;
    boxed_optional<decimal> stretch;
    boxed_optional<govplan::baseline> baseline;  ///< most targets have none
    boxed_optional<target_scope> scope;
    // Strings most targets leave empty, out of line as parent_id is: read
    // `*t.grade` or `t.grade->size()`, test `t.grade.empty()`, assign a string.
    boxed<std::string> qualifier;  ///< restriction of the metric: 千万元以上项目
    boxed<std::string> grade;      ///< a grade target's value: AA级, 5A级, 国家级
    boxed<std::string> reference;  ///< what a relative, rank or within target is set against: 全省平均, 全市, 合理区间

    // ---- where it is written, and who answers for it ----
    std::optional<text_span> value_span;   ///< where the number is written in the source
    govplan::provenance provenance;
    std::vector<std::string> project_ids;  ///< named projects that exemplify it
    boxed<govplan::responsibility> responsibility;  ///< held out of line; empty for most targets

    friend bool operator==(const target&, const target&) = default;
};
BOOST_DESCRIBE_STRUCT(target, (),
                      (id, metric, qualifier, kind, comparator, value, low, high, trend, stretch, unit, commitment,
                       cumulative, per_capita, yearly_average, baseline, deadline, project_ids, provenance,
                       observations, grade, reference, value_implied, hedge, value_span, accumulation, basis, scope,
                       group, parent_id, milestones, responsibility))

/// The target's accumulation: as set, else stock for level, share,
/// attainment, rank and grade targets and flow for the rest.
[[nodiscard]] accumulation accumulation_of(const target& t) noexcept;

/// True when the target has no number of its own to reach: qualitative and
/// grade targets, the comparators within and none, a relative target that
/// names only its reference. Such a target is observed as met (value 1) or
/// not met (0), without unit, whatever unit it is stated in.
[[nodiscard]] bool met_or_not(const target& t) noexcept;

/// The requirement in symbols: "≥ 15%", "> 20亿元", "5–6%", "↓", "↓ ≥ 0.5个百分点",
/// "= AA级", "in 合理区间", "met", with " (stretch 6%)" when a stretch value is
/// set.
[[nodiscard]] std::string requirement_text(const target& t);

GOVPLAN_END_NAMESPACE
