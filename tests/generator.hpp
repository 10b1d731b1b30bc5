// A deterministic generator of random plans covering every field and every
// enumeration value, for round-trip tests. Same seed, same plan.
#pragma once

#include <govplan/govplan.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace govplan::testing {

class plan_generator {
public:
    explicit plan_generator(std::uint64_t seed) : rng_(seed) {}

    plan make()
    {
        plan p;
        p.id = "plan-" + word();
        p.title = text(3) + " 重点工作";
        p.jurisdiction = {pick<std::string>({"河南省", "湖北省", ""}), pick<std::string>({"漯河市", ""}),
                          pick<std::string>({"郾城区", "源汇区", ""}), pick(all_values<jurisdiction_level>())};
        p.issuing_body = maybe(text(2));
        p.year = static_cast<int>(between(2000, 2100));
        p.period = calendar_year(p.year);
        p.report_date = date(static_cast<unsigned short>(p.year), 4, static_cast<unsigned short>(between(1, 30)));
        if (coin()) p.printed_date = p.report_date - boost::gregorian::days(1);
        p.session = maybe("五届人大六次会议");
        p.theme = maybe("八个聚焦、八个提升");
        p.source = {maybe(text(2)), maybe("https://example.org/" + word() + "?a=1&b=\"q\"")};
        if (coin()) p.units = {jin_};
        plan_units_ = p.units;
        const auto areas = between(1, 4);
        for (std::int64_t a = 0; a < areas; ++a) p.focus_areas.push_back(make_area(static_cast<int>(a) + 1));
        return p;
    }

private:
    focus_area make_area(int ordinal)
    {
        focus_area a;
        a.ordinal = ordinal;
        a.title = "聚焦" + text(2);
        a.aim = maybe("提升" + text(2));
        a.lead = maybe(text(6));
        if (coin()) a.targets.push_back(make_target());
        const auto n = between(0, 4);
        for (std::int64_t i = 0; i < n; ++i) a.measures.push_back(make_measure());
        return a;
    }

    measure make_measure()
    {
        measure m;
        m.lead = text(2);
        m.text = text(12) + "\"quoted\" \\ slash\ttab\nnewline /solidus ~tilde";
        if (coin()) m.responsibility.edit().lead_units = {text(2) + "局"};
        if (coin()) m.responsibility.edit().partner_units = {text(2) + "委", text(2) + "办"};
        if (coin()) m.deadline = some_date();
        if (coin()) m.organisations = {text(2), "双汇"};
        const auto targets = between(0, 5);
        for (std::int64_t i = 0; i < targets; ++i) m.targets.push_back(make_target());
        const auto projects = between(0, 3);
        for (std::int64_t i = 0; i < projects; ++i) m.projects.push_back(make_project());
        return m;
    }

    target make_target()
    {
        target t;
        t.id = "t-" + std::to_string(next_id_++);
        t.metric = text(3);
        t.qualifier = maybe("千万元以上项目");
        t.kind = pick(all_values<target_kind>());
        t.comparator = pick(all_values<comparator>());
        if (t.comparator == comparator::range) {
            t.low = number();
            t.high = number();
        } else if (t.comparator == comparator::direction) {
            t.trend = pick(all_values<trend>());
        } else {
            t.value = number();
        }
        if (coin()) t.stretch = number();
        t.unit = coin() || t.comparator != comparator::direction ? some_unit() : unit{};
        t.commitment = pick(all_values<commitment>());
        t.cumulative = coin();
        t.per_capita = coin();
        t.yearly_average = coin();
        if (coin()) {
            baseline b;
            b.year = coin() ? static_cast<int>(between(1990, 2060)) : 0;
            if (coin()) b.date = some_date();
            if (coin()) b.value = quantity{number(), coin() || t.unit.empty() ? some_unit() : t.unit};
            t.baseline = b;
        }
        if (coin()) t.deadline = some_date();
        if (coin()) t.project_ids = {"p-" + std::to_string(between(1, 50)), "p-x/~" + word()};
        t.provenance = {maybe(text(4)), coin() ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(between(0, 1'000'000)))
                                               : std::nullopt};
        const auto n = between(0, 3);
        for (std::int64_t i = 0; i < n; ++i) {
            t.observations.push_back({some_date(), {number(), coin() || t.unit.empty() ? some_unit() : t.unit},
                                      maybe(text(3)), maybe("统计局")});
        }
        // Format 2 members.
        t.grade = maybe("AA级");
        t.reference = maybe("全省平均");
        t.value_implied = coin();
        t.hedge = pick(all_values<hedge>());
        if (coin()) t.value_span = text_span{static_cast<std::uint64_t>(between(0, 1'000'000)), 2};
        if (coin()) t.accumulation = pick(all_values<accumulation>());
        if (coin()) t.basis = pick(all_values<change_basis>());
        if (coin()) {
            target_scope sc;
            if (coin()) sc.count = number();
            sc.measure_word = maybe("个");
            sc.noun = maybe("楼盘");
            if (coin()) sc.project_ids = {"p-" + word()};
            t.scope = sc;
        }
        if (coin()) t.group = statement_group{maybe("g-" + word()), pick(all_values<group_mode>())};
        t.parent_id = maybe("t-" + word());
        const auto milestones = between(0, 2);
        for (std::int64_t i = 0; i < milestones; ++i) t.milestones.push_back({some_date(), number(), maybe(text(3))});
        t.responsibility = some_responsibility();
        return t;
    }

    responsibility some_responsibility()
    {
        responsibility r;
        if (coin()) r.lead_units = {text(2) + "局"};
        if (coin()) r.partner_units = {text(2) + "委", text(2) + "办"};
        r.leader = maybe(text(3));
        return r;
    }

    project make_project()
    {
        project p;
        p.id = "p-" + std::to_string(next_id_++);
        p.name = text(4) + "项目";
        p.action = maybe("加快建设");
        p.stage = pick(all_values<project_stage>());
        p.category = maybe("专项债券");
        p.capacity = maybe("年产" + number().to_string() + "万吨");
        if (coin()) p.organisations = {text(2), text(3)};
        const auto links = between(0, 2);
        for (std::int64_t i = 0; i < links; ++i) {
            p.targets.push_back({maybe("t-" + std::to_string(between(0, 40))), pick(all_values<link_role>())});
        }
        p.provenance = {maybe(text(5)), coin() ? std::optional<std::uint64_t>(7) : std::nullopt};
        p.type = pick(all_values<item_type>());
        const unit& yi = *unit_registry::standard().lookup("亿元");
        if (coin()) p.total_investment = quantity{number(), yi};
        if (coin()) p.investment_this_year = quantity{number(), coin() ? yi : some_unit()};
        p.location = maybe(text(2) + "镇");
        p.phase = maybe("二期");
        p.commitment = pick(all_values<commitment>());
        p.responsibility = some_responsibility();
        return p;
    }

    unit some_unit()
    {
        // Mostly standard units, sometimes one defined by the plan itself.
        if (between(0, 9) == 0 && !plan_units_.empty()) return plan_units_[0];
        const auto& all = unit_registry::standard().units();
        const unit& u = all[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(all.size()) - 1))];
        if (between(0, 9) == 0) return unit_registry::standard().find(u.symbol() + "/万人").value();  // a rate
        return u;
    }

    decimal number()
    {
        const std::int64_t digits = between(1, 18);
        std::int64_t c = 0;
        for (std::int64_t i = 0; i < digits; ++i) c = c * 10 + between(0, 9);
        if (coin()) c = -c;
        const int scale = static_cast<int>(between(0, 18));
        return decimal(c, scale);
    }

    date some_date()
    {
        return date(static_cast<unsigned short>(between(1990, 2060)), static_cast<unsigned short>(between(1, 12)),
                    static_cast<unsigned short>(between(1, 28)));
    }

    std::string text(std::int64_t chars)
    {
        static const std::vector<std::string> pool = {"聚", "焦", "扩", "大", "内", "需", "提", "升", "经", "济", "增", "长",
                                                      "质", "效", "新", "A", "b", "9", " ", "·", "—", "“", "”", "%"};
        std::string out;
        for (std::int64_t i = 0; i < chars; ++i) out += pool[static_cast<std::size_t>(between(0, 23))];
        return out;
    }

    std::string word() { return std::to_string(between(0, 1'000'000)); }
    std::string maybe(std::string s) { return coin() ? s : std::string(); }
    bool coin() { return between(0, 1) == 1; }
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
    }
    template <class T>
    T pick(const std::vector<T>& options)
    {
        return options[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(options.size()) - 1))];
    }

    const unit jin_{"斤", dimension::mass, "千克", {1, 2}, ""};
    std::vector<unit> plan_units_;
    std::mt19937_64 rng_;
    int next_id_ = 0;
};

}  // namespace govplan::testing
