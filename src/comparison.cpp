#include <govplan/comparison.hpp>
#include <govplan/target.hpp>

#include <stdexcept>
#include <unordered_map>
#include <vector>

GOVPLAN_BEGIN_NAMESPACE
namespace {

std::string match_key(const target& t)
{
    return t.metric + '\x1f' + *t.qualifier + '\x1f' + std::to_string(static_cast<int>(t.kind));
}

std::optional<quantity> headline(const target& t)
{
    if (t.unit.empty()) return std::nullopt;
    if (t.value) return quantity{*t.value, t.unit};
    if (t.comparator == comparator::range && t.high) return quantity{*t.high, t.unit};
    return std::nullopt;
}

target_change change_of(const target* before, const target* after)
{
    const target& any = before != nullptr ? *before : *after;
    return {any.metric,
            any.qualifier,
            before != nullptr ? requirement_text(*before) : std::string(),
            after != nullptr ? requirement_text(*after) : std::string(),
            before != nullptr ? before->id : std::string(),
            after != nullptr ? after->id : std::string()};
}

}  // namespace

std::vector<metric_row> line_up(const std::vector<const plan*>& plans, std::string_view metric)
{
    std::vector<metric_row> out;
    for (const plan* p : plans) {
        if (p == nullptr) throw std::invalid_argument("govplan::line_up: null plan");
        for (auto [t, at] : each_target(*p)) {
            if (t.metric != metric) continue;
            out.push_back({p->id, p->jurisdiction.full_name(), p->year, t.id, t.qualifier, t.kind, requirement_text(t),
                           headline(t), t.commitment});
        }
    }
    return out;
}

plan_diff diff(const plan& before, const plan& after)
{
    // Old targets by key, each key's in document order, and a cursor to the
    // first not yet matched: each is matched once, in constant time however
    // many targets share a key (a plan of 100,000 "项目" counts).
    struct same_key {
        std::vector<std::size_t> positions;  ///< into old_order
        std::size_t next = 0;
    };
    std::unordered_map<std::string, same_key> old_by_key;
    std::vector<const target*> old_order;
    for (auto [t, at] : each_target(before)) {
        old_by_key[match_key(t)].positions.push_back(old_order.size());
        old_order.push_back(&t);
    }
    std::vector<bool> matched(old_order.size(), false);
    plan_diff out;
    auto classify = [&](const target& t) {
        auto it = old_by_key.find(match_key(t));
        if (it == old_by_key.end() || it->second.next == it->second.positions.size()) {
            out.added.push_back(change_of(nullptr, &t));
            return;
        }
        const std::size_t position = it->second.positions[it->second.next++];
        const target* old = old_order[position];
        matched[position] = true;
        const auto a = headline(*old), b = headline(t);
        if (a && b) {
            if (auto order = compare(*b, *a)) {
                if (*order == std::strong_ordering::greater) {
                    out.raised.push_back(change_of(old, &t));
                    return;
                }
                if (*order == std::strong_ordering::less) {
                    out.lowered.push_back(change_of(old, &t));
                    return;
                }
            }
        }
        if (requirement_text(*old) != requirement_text(t) || old->commitment != t.commitment ||
            !(old->unit == t.unit)) {
            out.changed.push_back(change_of(old, &t));
        }
    };
    for (auto [t, at] : each_target(after)) classify(t);
    for (std::size_t i = 0; i < old_order.size(); ++i)
        if (!matched[i]) out.dropped.push_back(change_of(old_order[i], nullptr));
    return out;
}

GOVPLAN_END_NAMESPACE
