// govplan — quantified targets: one measurable commitment each.
#pragma once

#include <govplan/dates.hpp>
#include <govplan/decimal.hpp>
#include <govplan/provenance.hpp>
#include <govplan/unit.hpp>

#include <boost/describe/enum.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace govplan {

/// What a target measures.
enum class target_kind {
    amount,          ///< a quantity of money, area, length or mass (入库投资50亿元)
    count,           ///< a number of things with a measure word (新增规上工业企业20家)
    level,           ///< a state to reach or keep (耕地面积稳定在42万亩以上)
    share,           ///< a level expressed as a percentage (一次办事项达到80%)
    growth_rate,     ///< growth in percent (工业投资增长15%)
    reduction_rate,  ///< decrease in percent (融资成本下降5%)
    pp_change,       ///< change in percentage points (城镇化率提高1.2个百分点)
    direction,       ///< a direction without a number (PM2.5 降)
};
BOOST_DESCRIBE_ENUM(target_kind, amount, count, level, share, growth_rate, reduction_rate, pp_change,
                    direction)

/// How the stated number binds. 以上/以下/以内 include the number (Civil Code
/// art. 1259); 超过/突破 and 低于/少于 do not.
enum class comparator {
    at_least,   ///< ≥ value: 以上, 不低于, 不少于, 至少
    more_than,  ///< > value: 突破, 超过, 高于
    at_most,    ///< ≤ value: 以下, 不超过, 以内, 不高于
    less_than,  ///< < value: 低于, 少于, 不足
    exactly,    ///< = value: a bare number
    about,      ///< ≈ value: 左右, 约
    range,      ///< low ≤ x ≤ high: 5%–6%
    direction,  ///< only a direction (see trend): 两降一升
};
BOOST_DESCRIBE_ENUM(comparator, at_least, more_than, at_most, less_than, exactly, about, range, direction)

/// The direction of a direction-only target.
enum class trend { increase, decrease };
BOOST_DESCRIBE_ENUM(trend, increase, decrease)

/// How firmly the plan commits: 约束性 (binding), 预期性 (expected, the
/// default) or aspirational.
enum class commitment {
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

/// True when the stated number itself satisfies the comparator (以上: yes,
/// 突破: no). False for direction.
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
/// money / area / length / mass, levels in anything but percentage points,
/// direction targets in anything.
[[nodiscard]] bool kind_accepts(target_kind kind, dimension d) noexcept;

/// A value at a date, e.g. the 2024 figure a growth target starts from.
struct baseline {
    govplan::date date;
    quantity value;
    friend bool operator==(const baseline&, const baseline&) = default;
};

/// A measured value of a target's metric at a date.
struct observation {
    govplan::date date;
    quantity value;
    std::string note;
    std::string source;
    friend bool operator==(const observation&, const observation&) = default;
};

/// One quantified commitment.
///
/// The comparator decides which value fields are used: `value` for
/// at_least / more_than / at_most / less_than / exactly / about, `low` and
/// `high` for range, `trend` for direction. `stretch` is an aspirational value
/// beside the main one ("确保增长5%，力争6%": value 5, commitment binding,
/// stretch 6). The deadline defaults to the end of the plan period.
struct target {
    std::string id;
    std::string metric;      ///< what is measured: 工业投资, 耕地面积
    std::string qualifier;   ///< restriction of the metric: 千万元以上项目
    target_kind kind = target_kind::amount;
    govplan::comparator comparator = govplan::comparator::exactly;
    std::optional<decimal> value;
    std::optional<decimal> low;
    std::optional<decimal> high;
    std::optional<govplan::trend> trend;
    std::optional<decimal> stretch;
    govplan::unit unit;      ///< empty for a direction target without unit
    govplan::commitment commitment = govplan::commitment::expected;
    bool cumulative = false;      ///< 累计: counts from before the plan period
    bool per_capita = false;      ///< 人均
    bool yearly_average = false;  ///< 年均
    std::optional<govplan::baseline> baseline;
    std::optional<date> deadline;
    std::vector<std::string> project_ids;  ///< named projects that exemplify it
    govplan::provenance provenance;
    std::vector<observation> observations;

    friend bool operator==(const target&, const target&) = default;
};

/// The requirement in symbols: "≥ 15%", "> 20亿元", "5–6%", "↓", with
/// " (stretch 6%)" when a stretch value is set.
[[nodiscard]] std::string requirement_text(const target& t);

}  // namespace govplan
