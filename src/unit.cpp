#include <govplan/unit.hpp>

#include "printable.hpp"

#include "int128.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

GOVPLAN_BEGIN_NAMESPACE
namespace {

using detail::int128;

unit make_unit(std::string symbol, dimension d, std::string base, std::int64_t num = 1, std::int64_t den = 1)
{
    return unit{std::move(symbol), d, std::move(base), unit_scale{num, den}};
}

unit_registry build_standard()
{
    unit_registry r;
    // Counts: each measure word is its own family; 万 forms scale by 10^4.
    for (const char* word : {"个", "家", "套", "所", "条", "户", "人", "项", "件", "单", "座", "处", "间", "台", "次",
                             "辆", "栋", "张", "名", "批", "场", "人次", "天", "位"}) {
        r.add(make_unit(word, dimension::count, word));
    }
    for (const char* word : {"单", "户", "人", "人次", "套", "件", "个", "家"}) {
        r.add(make_unit(std::string("万") + word, dimension::count, word, 10'000));
    }
    r.add(make_unit("亿人次", dimension::count, "人次", 100'000'000));
    // The registrations below share one shape on purpose: they are the
    // table of standard units, one line a unit, read as data.
    // Money, per currency.
    r.add(make_unit("元", dimension::money, "元"));
    r.add(make_unit("万元", dimension::money, "元", 10'000));
    r.add(make_unit("亿元", dimension::money, "元", 100'000'000));
    r.add(make_unit("美元", dimension::money, "美元"));
    r.add(make_unit("万美元", dimension::money, "美元", 10'000));
    r.add(make_unit("亿美元", dimension::money, "美元", 100'000'000));
    // Floor area: base 平方米.
    r.add(make_unit("平方米", dimension::area, "平方米"));
    r.add(make_unit("万平方米", dimension::area, "平方米", 10'000));
    // Land: its own dimension, base 平方米 of land; 1 亩 = 10000/15 = 2000/3.
    r.add(make_unit("公顷", dimension::land_area, "平方米", 10'000));
    r.add(make_unit("平方公里", dimension::land_area, "平方米", 1'000'000));
    r.add(make_unit("亩", dimension::land_area, "平方米", 2'000, 3));
    r.add(make_unit("万亩", dimension::land_area, "平方米", 20'000'000, 3));
    // Length and mass.
    r.add(make_unit("米", dimension::length, "米"));
    r.add(make_unit("公里", dimension::length, "米", 1'000));
    r.add(make_unit("千克", dimension::mass, "千克"));
    r.add(make_unit("公斤", dimension::mass, "千克"));
    r.add(make_unit("吨", dimension::mass, "千克", 1'000));
    r.add(make_unit("万吨", dimension::mass, "千克", 10'000'000));
    // Percent and percentage points never mix.
    r.add(make_unit("%", dimension::percent, "%"));
    r.add(make_unit("个百分点", dimension::percentage_point, "个百分点"));
    r.add(make_unit("百分点", dimension::percentage_point, "个百分点"));
    // Power, volume, energy.
    r.add(make_unit("千瓦", dimension::power, "千瓦"));
    r.add(make_unit("万千瓦", dimension::power, "千瓦", 10'000));
    r.add(make_unit("兆瓦", dimension::power, "千瓦", 1'000));
    r.add(make_unit("立方米", dimension::volume, "立方米"));
    r.add(make_unit("万立方米", dimension::volume, "立方米", 10'000));
    r.add(make_unit("千瓦时", dimension::energy, "千瓦时"));
    r.add(make_unit("万千瓦时", dimension::energy, "千瓦时", 10'000));
    r.add(make_unit("亿千瓦时", dimension::energy, "千瓦时", 100'000'000));
    r.add(make_unit("吨标准煤", dimension::energy, "吨标准煤"));
    r.add(make_unit("万吨标准煤", dimension::energy, "吨标准煤", 10'000));
    // Durations: calendar time in minutes; working days are their own family.
    r.add(make_unit("分钟", dimension::duration, "分钟"));
    r.add(make_unit("小时", dimension::duration, "分钟", 60));
    r.add(make_unit("个工作日", dimension::duration, "个工作日"));
    r.add(make_unit("工作日", dimension::duration, "个工作日"));
    // Ratios: 倍 (times), 番 (doublings, not a multiple of 倍), 成 (tenths).
    r.add(make_unit("倍", dimension::ratio, "倍"));
    r.add(make_unit("番", dimension::ratio, "番"));
    r.add(make_unit("成", dimension::ratio, "成"));
    return r;
}


}  // namespace

unit::unit(std::string symbol, govplan::dimension dimension, std::string base, unit_scale scale, std::string per)
    : unit(unit_definition{std::move(symbol), dimension, std::move(base), scale, std::move(per)})
{
}

unit::unit(unit_definition definition)
{
    if (!definition.symbol.empty()) definition_ = std::make_shared<const unit_definition>(std::move(definition));
}

const unit_definition& unit::no_definition() noexcept
{
    static const unit_definition none;
    return none;
}

std::string_view unit::measure_word() const noexcept
{
    return dimension() == govplan::dimension::count ? std::string_view(base()) : std::string_view();
}

std::string_view unit::currency() const
{
    if (dimension() != govplan::dimension::money) return {};
    const std::string& b = base();
    if (b == "元") return "CNY";
    if (b == "美元") return "USD";
    if (b == "欧元") return "EUR";
    if (b == "港元") return "HKD";
    if (b == "日元") return "JPY";
    return b;
}

bool convertible(const unit& a, const unit& b) noexcept
{
    if (a.empty() || b.empty()) return false;
    if (a.shares_definition_with(b)) return true;
    return a.dimension() == b.dimension() && a.base() == b.base() && a.per() == b.per();
}

const unit_registry& unit_registry::standard()
{
    static const unit_registry registry = build_standard();
    return registry;
}

void unit_registry::add(unit u)
{
    if (u.empty()) throw std::invalid_argument("govplan::unit_registry::add: empty unit symbol");
    if (u.base().empty()) throw std::invalid_argument("govplan::unit_registry::add: empty base for " + u.symbol());
    if (u.per().find('/') != std::string::npos) {
        throw std::invalid_argument("govplan::unit_registry::add: denominator of " + u.symbol() + " holds a slash");
    }
    if (u.scale().numerator <= 0 || u.scale().denominator <= 0) {
        throw std::invalid_argument("govplan::unit_registry::add: scale of " + u.symbol() + " must be positive");
    }
    if (const unit* existing = lookup(u.symbol())) {
        if (*existing == u) return;
        throw std::invalid_argument("govplan::unit_registry::add: " + u.symbol() +
                                    " is already registered with another definition");
    }
    index_.emplace(u.symbol(), units_.size());
    units_.push_back(std::move(u));
}

const unit* unit_registry::lookup(std::string_view symbol) const noexcept
{
    auto it = index_.find(symbol);
    return it == index_.end() ? nullptr : &units_[it->second];
}

result<unit> unit_registry::find(std::string_view symbol) const
{
    if (const unit* u = lookup(symbol)) return *u;
    const auto slash = symbol.find('/');
    if (slash != std::string_view::npos && slash + 1 < symbol.size() &&
        symbol.find('/', slash + 1) == std::string_view::npos) {
        if (const unit* numerator = lookup(symbol.substr(0, slash)); numerator != nullptr && numerator->per().empty()) {
            return unit(std::string(symbol), numerator->dimension(), numerator->base(), numerator->scale(),
                        std::string(symbol.substr(slash + 1)));
        }
    }
    return error(errc::unknown_unit, "unknown unit \"" + detail::quoted_excerpt(symbol) + "\"");
}

bool unit_registry::contains(const unit& u) const noexcept
{
    if (const unit* found = lookup(u.symbol())) return *found == u;
    // A rate A/B: A registered (and no rate itself), B its denominator. No allocation.
    const std::string_view symbol = u.symbol();
    const auto slash = symbol.find('/');
    if (u.per().empty() || slash == std::string_view::npos || symbol.substr(slash + 1) != u.per()) return false;
    const unit* numerator = lookup(symbol.substr(0, slash));
    return numerator != nullptr && numerator->per().empty() && numerator->dimension() == u.dimension() &&
           numerator->base() == u.base() && numerator->scale() == u.scale() && u.per().find('/') == std::string::npos;
}

result<quantity, errc> convert(const quantity& q, const unit& to)
{
    if (!convertible(q.unit, to)) return errc::incompatible_units;
    if (q.unit.scale() == to.scale()) return quantity{q.value, to};
    // value × (from.num × to.den) / (from.den × to.num), exactly.
    int128 num = int128(q.unit.scale().numerator) * to.scale().denominator;
    int128 den = int128(q.unit.scale().denominator) * to.scale().numerator;
    // Reduce so both fit a decimal coefficient.
    int128 a = num, b = den;
    while (b != 0) {
        int128 t = a % b;
        a = b;
        b = t;
    }
    num /= a;
    den /= a;
    constexpr int128 limit = 999'999'999'999'999'999;
    if (num > limit || den > limit) return errc::decimal_overflow;  // the conversion factor needs over 18 digits
    // A converted value is computed, not written: trailing zeros dropped.
    return decimal::multiply(q.value, decimal(static_cast<std::int64_t>(num), 0))
        .and_then([&](const decimal& product) {
            return decimal::divide_exact(product, decimal(static_cast<std::int64_t>(den), 0));
        })
        .transform([&](const decimal& quotient) { return quantity{quotient.normalized(), to}; });
}

error conversion_error(errc code, const quantity& q, const unit& to)
{
    switch (code) {
    case errc::incompatible_units:
        return {code, "cannot convert \"" + detail::quoted_excerpt(q.unit.symbol()) + "\" (" +
                          detail::quoted_excerpt(q.unit.base()) + ") to \"" + detail::quoted_excerpt(to.symbol()) + "\" (" +
                          detail::quoted_excerpt(to.base()) + ")"};
    case errc::inexact_conversion:
        return {code, detail::quoted_excerpt(to_string(q)) + " is not a finite decimal in " + detail::quoted_excerpt(to.symbol())};
    case errc::decimal_overflow:
        return {code, detail::quoted_excerpt(to_string(q)) + " in " + detail::quoted_excerpt(to.symbol()) +
                          " needs more than 18 digits"};
    default: return error(code);
    }
}

result<std::strong_ordering, errc> compare(const quantity& a, const quantity& b)
{
    if (!convertible(a.unit, b.unit)) return errc::incompatible_units;
    // Compare a.v·a.num·b.den with b.v·b.num·a.den on a common scale.
    const int scale = std::max(a.value.scale(), b.value.scale());
    auto side = [&](const quantity& q, const quantity& other, int128& out) {
        int128 v = int128(q.value.coefficient()) * detail::pow10_128(scale - q.value.scale());
        int128 f = int128(q.unit.scale().numerator) * other.unit.scale().denominator;
        return !__builtin_mul_overflow(v, f, &out);
    };
    int128 x = 0, y = 0;
    if (!side(a, b, x) || !side(b, a, y)) return errc::decimal_overflow;
    return x <=> y;
}

result<quantity, errc> add(const quantity& a, const quantity& b)
{
    return convert(b, a.unit)
        .and_then([&](const quantity& converted) { return decimal::add(a.value, converted.value); })
        .transform([&](const decimal& sum) { return quantity{sum, a.unit}; });
}

std::string to_string(const quantity& q) { return q.value.to_string() + q.unit.symbol(); }

void serialization_detail::upgrade_format_1_unit(unit_definition& u)
{
    if (u.dimension != dimension::area) return;
    for (std::string_view land : {"亩", "公顷", "平方公里"}) {
        if (u.symbol.find(land) != std::string::npos) {
            u.dimension = dimension::land_area;
            return;
        }
    }
}

GOVPLAN_END_NAMESPACE
