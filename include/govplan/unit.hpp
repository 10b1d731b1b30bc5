// govplan — units as the reports write them, and exact quantities.
//
// A unit has a written symbol (万亩), a dimension (area), the base unit of its
// family (平方米) and an exact rational scale to that base (1 万亩 = 20000000/3
// 平方米). Two units convert into each other only when they share dimension
// and base: 万单 → 单 works, 个 → 家 (different measure words), 美元 → 元
// (different currencies) and % → 个百分点 do not.
#pragma once

#include <govplan/config.hpp>

#include <govplan/decimal.hpp>
#include <govplan/error.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <compare>
#include <cstdint>
#include <string>
#include <functional>
#include <string_view>
#include <memory>
#include <unordered_map>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE

/// What a unit measures. Percent and percentage point are distinct and never
/// combine; counts are further split by measure word and money by currency
/// (see unit::base). Land (亩, 公顷, 平方公里) is its own dimension, apart from
/// the floor area of buildings (平方米), so that a total never adds farmland to
/// floor space. New dimensions are added at the end: archives store the number.
enum class dimension {
    count,             ///< 个, 家, 人次 (one family per measure word)
    money,             ///< 元, 亿元, 美元 (one family per currency)
    area,              ///< floor or built area: 平方米, 万平方米
    length,            ///< 米, 公里
    mass,              ///< 千克, 吨
    percent,           ///< %
    percentage_point,  ///< 个百分点
    land_area,         ///< land: 亩, 万亩, 公顷, 平方公里
    power,             ///< 千瓦, 万千瓦, 兆瓦
    volume,            ///< 立方米, 万立方米
    energy,            ///< 千瓦时, 万千瓦时, 吨标准煤
    duration,          ///< 分钟, 小时, 个工作日 (天 stays a count: 优良天数 counts days)
    ratio,             ///< 倍, 番, 成
};
BOOST_DESCRIBE_ENUM(dimension, count, money, area, length, mass, percent, percentage_point, land_area, power, volume,
                    energy, duration, ratio)

/// An exact positive scale factor num/den.
struct unit_scale {
    std::int64_t numerator = 1;
    std::int64_t denominator = 1;
    friend bool operator==(const unit_scale&, const unit_scale&) = default;
};

/// What a unit is: the members its files and archives hold.
struct unit_definition {
    std::string symbol;           ///< as written: "万亩", "个百分点", "%"; empty for "no unit"
    govplan::dimension dimension = govplan::dimension::count;
    std::string base;             ///< base of the family: measure word (家), currency unit (元, 美元), 平方米…
    unit_scale scale;             ///< 1 symbol = scale × base
    /// The denominator of a rate unit, as written: 万人 in 人/万人, 千人口 in
    /// 张/千人口, 亩 in 万元/亩. Empty for a plain unit. Units convert only
    /// into units of the same denominator.
    std::string per;

    friend bool operator==(const unit_definition&, const unit_definition&) = default;
};

BOOST_DESCRIBE_STRUCT(unit_scale, (), (numerator, denominator))
BOOST_DESCRIBE_STRUCT(unit_definition, (), (symbol, dimension, base, scale, per))

/// A unit, held by reference: copies share one immutable unit_definition, so
/// a plan whose thousand targets are in 亿元 holds 亿元 once (a unit is 16
/// bytes, against 120 for the definition). Units from a unit_registry, from
/// the JSON readers and from one archive share their definitions; two units
/// are equal when their definitions are, shared or not. A value type: copying
/// is cheap and thread-safe, and nothing changes a definition once made.
class unit {
public:
    /// No unit (direction-only and qualitative targets).
    unit() noexcept = default;
    /// A unit of its own definition: unit{"千亩", dimension::land_area, "平方米", {2000000, 3}}.
    /// An empty symbol gives no unit, whatever the other members say.
    unit(std::string symbol, govplan::dimension dimension, std::string base, unit_scale scale = {},
         std::string per = {});
    /// The unit `definition` describes; an empty symbol gives no unit.
    explicit unit(unit_definition definition);

    // The references live as long as some unit holds the definition; on a
    // temporary unit (`make().symbol()`) the accessors return copies instead.
    [[nodiscard]] const std::string& symbol() const& noexcept { return definition().symbol; }
    [[nodiscard]] std::string symbol() const&& { return definition().symbol; }
    [[nodiscard]] govplan::dimension dimension() const noexcept { return definition().dimension; }
    [[nodiscard]] const std::string& base() const& noexcept { return definition().base; }
    [[nodiscard]] std::string base() const&& { return definition().base; }
    [[nodiscard]] unit_scale scale() const noexcept { return definition().scale; }
    [[nodiscard]] const std::string& per() const& noexcept { return definition().per; }
    [[nodiscard]] std::string per() const&& { return definition().per; }
    /// All of the above (for no unit: the default definition, empty symbol).
    [[nodiscard]] const unit_definition& definition() const& noexcept
    {
        return definition_ != nullptr ? *definition_ : no_definition();
    }
    [[nodiscard]] unit_definition definition() const&& { return definition_ ? *definition_ : unit_definition{}; }

    /// True for the default-constructed "no unit" (direction-only targets).
    [[nodiscard]] bool empty() const noexcept { return definition_ == nullptr; }
    /// For counts, the measure word (家 for 家 and 万家); empty otherwise.
    [[nodiscard]] std::string_view measure_word() const noexcept;
    /// For money, the ISO 4217 code of its currency ("CNY", "USD"); empty otherwise.
    [[nodiscard]] std::string_view currency() const;
    /// True when both units hold the very same definition (not only an equal one).
    [[nodiscard]] bool shares_definition_with(const unit& other) const noexcept
    {
        return definition_ == other.definition_;
    }

    /// Same definition: same symbol, dimension, base, scale and denominator.
    friend bool operator==(const unit& a, const unit& b) noexcept
    {
        return a.definition_ == b.definition_ || a.definition() == b.definition();
    }

private:
    [[nodiscard]] static const unit_definition& no_definition() noexcept;  ///< what an empty unit reads as
    std::shared_ptr<const unit_definition> definition_;  ///< null: no unit
};

/// True when values in `a` can be converted into `b` (same dimension, base and
/// denominator).
[[nodiscard]] bool convertible(const unit& a, const unit& b) noexcept;

/// Units known by symbol. `standard()` holds every unit of the reports; copy
/// it and add() to register your own.
class unit_registry {
public:
    /// An empty registry.
    unit_registry() = default;

    /// The built-in units: counts (个 家 套 所 条 户 人 项 件 单 万单 …),
    /// money (元 万元 亿元 美元 万美元 亿美元), floor area (平方米 万平方米), land
    /// (亩 万亩 公顷 平方公里), length (米 公里), mass (千克 公斤 吨 万吨), power
    /// (千瓦 万千瓦 兆瓦), volume (立方米 万立方米), energy (千瓦时 万千瓦时 亿千瓦时
    /// 吨标准煤 万吨标准煤), duration (分钟 小时 个工作日 工作日), ratio (倍 番 成),
    /// % and 个百分点 / 百分点.
    static const unit_registry& standard();

    /// Registers a unit. Throws std::invalid_argument for an empty symbol or
    /// base, a non-positive scale, or a symbol already registered with a
    /// different definition (re-adding an identical unit is allowed).
    void add(unit u);

    /// The unit written `symbol`, or errc::unknown_unit naming it. A rate
    /// "A/B" (人/万人, 张/千人口, 万元/亩) that is not registered itself is
    /// unit A with denominator B: A must be registered, B is any text without
    /// a slash.
    [[nodiscard]] result<unit> find(std::string_view symbol) const;
    /// The unit registered as `symbol`, or nullptr (rates "A/B" are not
    /// registered: use find()).
    [[nodiscard]] const unit* lookup(std::string_view symbol) const noexcept;
    /// True when find(u.symbol()) gives exactly `u`: registered, or a rate of a
    /// registered unit.
    [[nodiscard]] bool contains(const unit& u) const noexcept;

    /// All units, in registration order.
    [[nodiscard]] const std::vector<unit>& units() const noexcept { return units_; }

private:
    struct symbol_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::vector<unit> units_;
    std::unordered_map<std::string, std::size_t, symbol_hash, std::equal_to<>> index_;  ///< symbol → units_ position
};

/// A decimal value in a unit: 42 万亩, 1.2 个百分点.
struct quantity {
    decimal value;
    govplan::unit unit;
    friend bool operator==(const quantity&, const quantity&) = default;  ///< same value *and* unit
};
BOOST_DESCRIBE_STRUCT(quantity, (), (value, unit))

/// `q` expressed in `to`, exactly. errc::incompatible_units when the units do
/// not convert, errc::inexact_conversion when the exact result is not a finite
/// decimal (1 亩 in 平方米), errc::decimal_overflow when it needs over 18 digits.
/// The result carries no trailing fractional zeros (10.6万亩 → 106000亩).
/// Fails with the bare code: the caller knows both units and says which
/// figure it was converting.
[[nodiscard]] result<quantity, errc> convert(const quantity& q, const unit& to);

/// The rich error for a convert(q, to) that failed with `code`, saying what
/// could not be converted: "cannot convert "万美元" (美元) to "万元" (元)",
/// "1亩 is not a finite decimal in 平方米".
[[nodiscard]] error conversion_error(errc code, const quantity& q, const unit& to);

/// Compares two quantities by value across units of one family (42 万亩 ==
/// 420000 亩). errc::incompatible_units otherwise.
[[nodiscard]] result<std::strong_ordering, errc> compare(const quantity& a, const quantity& b);

/// a + b in a's unit. Fails like convert() does for b.
[[nodiscard]] result<quantity, errc> add(const quantity& a, const quantity& b);

namespace serialization_detail {
/// Format 1 held land in the area dimension: a unit of dimension area whose
/// symbol names 亩, 公顷 or 平方公里 (亩, 万亩, a plan's own 千亩) becomes
/// land_area. Used by the format 1 readers; not API.
void upgrade_format_1_unit(unit_definition& u);
}  // namespace serialization_detail

/// "42万亩", "15%", "1.2个百分点": value and symbol, no space.
[[nodiscard]] std::string to_string(const quantity& q);

GOVPLAN_END_NAMESPACE
