#include <govplan/target.hpp>

#include <array>
#include <string>

GOVPLAN_BEGIN_NAMESPACE
namespace {

using namespace std::string_view_literals;

constexpr std::array at_least_cues{"以上"sv, "不低于"sv, "不少于"sv, "至少"sv};
constexpr std::array more_than_cues{"突破"sv, "超过"sv, "高于"sv};
constexpr std::array at_most_cues{"以下"sv, "不超过"sv, "以内"sv, "不高于"sv};
constexpr std::array less_than_cues{"低于"sv, "少于"sv, "不足"sv};
constexpr std::array about_cues{"左右"sv, "约"sv};
constexpr std::array range_cues{"至"sv, "—"sv, "-"sv};
constexpr std::array direction_cues{"两降一升"sv, "稳中有降"sv};
constexpr std::array binding_cues{"确保"sv, "严格"sv, "坚决"sv, "严守"sv};
constexpr std::array aspirational_cues{"力争"sv, "争取"sv, "争创"sv, "探索"sv};
constexpr std::array increase_cues{"升"sv, "提高"sv, "增长"sv, "提升"sv};
constexpr std::array decrease_cues{"降"sv, "下降"sv, "减少"sv, "降低"sv};
constexpr std::array stable_cues{"稳定"sv, "保持"sv, "持续稳定"sv};
constexpr std::array over_cues{"余"sv, "多"sv};
constexpr std::array approximate_cues{"约"sv};
constexpr std::array within_cues{"保持在合理区间"sv, "控制在合理区间"sv};

}  // namespace

std::span<const std::string_view> cue_words(comparator c) noexcept
{
    switch (c) {
    case comparator::at_least: return at_least_cues;
    case comparator::more_than: return more_than_cues;
    case comparator::at_most: return at_most_cues;
    case comparator::less_than: return less_than_cues;
    case comparator::exactly: return {};
    case comparator::about: return about_cues;
    case comparator::range: return range_cues;
    case comparator::direction: return direction_cues;
    case comparator::within: return within_cues;
    case comparator::none: return {};
    }
    return {};
}

std::span<const std::string_view> cue_words(commitment c) noexcept
{
    switch (c) {
    case commitment::binding: return binding_cues;
    case commitment::expected: return {};
    case commitment::aspirational: return aspirational_cues;
    }
    return {};
}

std::span<const std::string_view> cue_words(trend t) noexcept
{
    switch (t) {
    case trend::increase: return increase_cues;
    case trend::decrease: return decrease_cues;
    case trend::stable: return stable_cues;
    }
    return {};
}

std::span<const std::string_view> cue_words(hedge h) noexcept
{
    switch (h) {
    case hedge::none: return {};
    case hedge::over: return over_cues;
    case hedge::approximate: return approximate_cues;
    }
    return {};
}

bool includes_bound(comparator c) noexcept
{
    switch (c) {
    case comparator::at_least:
    case comparator::at_most:
    case comparator::exactly:
    case comparator::about:
    case comparator::range: return true;
    case comparator::more_than:
    case comparator::less_than:
    case comparator::direction:
    case comparator::within:
    case comparator::none: return false;
    }
    return false;
}

bool meets_bound(comparator c, const decimal& v, const decimal& bound) noexcept
{
    if (c == comparator::range || c == comparator::direction || c == comparator::within || c == comparator::none) {
        return false;
    }
    if (v == bound) return includes_bound(c);
    switch (c) {
    case comparator::at_least:
    case comparator::more_than: return v > bound;
    case comparator::at_most:
    case comparator::less_than: return v < bound;
    default: return false;  // exactly and about: the bound itself only
    }
}

bool kind_accepts(target_kind kind, dimension d) noexcept
{
    switch (kind) {
    case target_kind::amount:
        return d == dimension::money || d == dimension::area || d == dimension::land_area ||
               d == dimension::length || d == dimension::mass || d == dimension::power || d == dimension::volume ||
               d == dimension::energy;
    case target_kind::count: return d == dimension::count;
    case target_kind::level: return d != dimension::percentage_point;
    case target_kind::share:
    case target_kind::growth_rate:
    case target_kind::reduction_rate: return d == dimension::percent;
    case target_kind::pp_change: return d == dimension::percentage_point;
    case target_kind::attainment: return d == dimension::percent || d == dimension::count;
    case target_kind::rank: return d == dimension::count;
    case target_kind::direction:
    case target_kind::qualitative:
    case target_kind::grade:
    case target_kind::relative: return true;
    }
    return false;
}

accumulation accumulation_of(const target& t) noexcept
{
    if (t.accumulation) return *t.accumulation;
    switch (t.kind) {
    case target_kind::level:
    case target_kind::share:
    case target_kind::attainment:
    case target_kind::rank:
    case target_kind::grade: return accumulation::stock;
    default: return accumulation::flow;
    }
}

bool met_or_not(const target& t) noexcept
{
    if (t.kind == target_kind::qualitative || t.kind == target_kind::grade) return true;
    if (t.comparator == comparator::within || t.comparator == comparator::none) return true;
    return t.kind == target_kind::relative && !t.value && !t.low;
}

std::string requirement_text(const target& t)
{
    auto with_unit = [&](const std::optional<decimal>& v) {
        if (v) return v->to_string() + t.unit.symbol();
        return t.reference.empty() ? std::string("?") : *t.reference;  // 高于全省平均: "> 全省平均"
    };
    std::string out;
    switch (t.comparator) {
    case comparator::at_least: out = "≥ " + with_unit(t.value); break;
    case comparator::more_than: out = "> " + with_unit(t.value); break;
    case comparator::at_most: out = "≤ " + with_unit(t.value); break;
    case comparator::less_than: out = "< " + with_unit(t.value); break;
    case comparator::exactly: out = "= " + with_unit(t.value); break;
    case comparator::about: out = "≈ " + with_unit(t.value); break;
    case comparator::range:
        out = (t.low ? t.low->to_string() : std::string("?")) + "–" + with_unit(t.high);
        break;
    case comparator::direction: break;
    case comparator::within: out = "in " + (t.reference.empty() ? std::string("?") : *t.reference); break;
    case comparator::none: out = t.grade.empty() ? std::string("met") : "= " + *t.grade; break;
    }
    if (!t.reference.empty() && t.value && t.comparator != comparator::within) out += " (" + *t.reference + ")";
    if (t.trend) {
        const char* arrow = *t.trend == trend::increase ? "↑" : *t.trend == trend::decrease ? "↓" : "→";
        out = out.empty() ? std::string(arrow) : std::string(arrow) + " " + out;
    } else if (t.comparator == comparator::direction) {
        out = "?";
    }
    if (t.stretch) out += " (stretch " + with_unit(t.stretch) + ")";
    return out;
}

GOVPLAN_END_NAMESPACE
