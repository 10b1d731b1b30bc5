// The bundled plan data/yancheng-2025.json against its source text
// data/yancheng-2025.txt: every clause at its offset, every Arabic numeral
// of the text accounted for, the plan valid without a warning.
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "temp_dir.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace govplan;

namespace {

const std::filesystem::path data_dir = std::filesystem::path(GOVPLAN_SOURCE_DIR) / "data";

const plan& bundled()
{
    static const plan p = load_json(data_dir / "yancheng-2025.json").value();
    return p;
}

const std::string& source_text()
{
    static const std::string text = govplan::testing::read_all(data_dir / "yancheng-2025.txt");
    return text;
}

struct numeral {
    std::size_t offset;
    std::string text;
};

/// Maximal runs of ASCII digits, with a decimal point between digits (10.6).
std::vector<numeral> numerals(const std::string& s)
{
    std::vector<numeral> out;
    auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    for (std::size_t i = 0; i < s.size();) {
        if (!digit(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (digit(j) || (s[j] == '.' && digit(j + 1) && j > i)) ++j;
        out.push_back({i, s.substr(i, j - i)});
        i = j;
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

bool within(const provenance& p, const numeral& n)
{
    return p.offset && n.offset >= *p.offset && n.offset + n.text.size() <= *p.offset + p.clause.size();
}

bool covered_by_target(const target& t, const numeral& n)
{
    if (!within(t.provenance, n)) return false;
    using maybe = std::optional<decimal>;
    for (const maybe& v : {t.value, maybe(t.low), maybe(t.high), maybe(t.stretch), t.scope ? t.scope->count : std::nullopt})
        if (v && v->to_string() == n.text) return true;
    return contains(t.metric, n.text) || contains(t.qualifier, n.text);
}

bool covered_by_project(const project& p, const numeral& n)
{
    return within(p.provenance, n) && (contains(p.name, n.text) || contains(p.capacity, n.text));
}

/// "2025年4月17日" for the report date, "2025年" for the plan year.
bool covered_by_date(const plan& p, const std::string& text, const numeral& n)
{
    auto chinese = [](const date& d) {
        return std::to_string(d.year()) + "年" + std::to_string(d.month().as_number()) + "月" +
               std::to_string(d.day().as_number()) + "日";
    };
    std::vector<std::string> dates = {chinese(p.report_date)};
    if (p.printed_date) dates.push_back(chinese(*p.printed_date));
    for (const auto& d : dates) {
        // The numeral is one of the parts of a date written at this place.
        for (std::size_t start = n.offset >= d.size() ? n.offset - d.size() : 0; start <= n.offset; ++start) {
            if (text.compare(start, d.size(), d) == 0 && start + d.size() > n.offset) return true;
        }
    }
    return n.text == std::to_string(p.year) && text.compare(n.offset + n.text.size(), 3, "年") == 0;
}

struct exclusion {
    std::size_t offset;
    std::string text;
    std::string reason;
};

std::vector<exclusion> exclusions(const char* list = "exclusions")
{
    const auto doc = boost::json::parse(govplan::testing::read_all(data_dir / "yancheng-2025.exclusions.json"));
    std::vector<exclusion> out;
    for (const auto& e : doc.at(list).as_array()) {
        out.push_back({static_cast<std::size_t>(e.at("offset").as_int64()),
                       std::string(e.at("text").as_string()), std::string(e.at("reason").as_string())});
    }
    return out;
}

}  // namespace

TEST_CASE("bundled plan validates with no error and no warning")
{
    const auto ds = validate(bundled());
    for (const auto& d : ds) MESSAGE(d.code << " at " << d.path << ": " << d.message);
    CHECK(ds.empty());
    CHECK(bundled().focus_areas.size() == 8);
    CHECK(bundled().report_date == date(2025, 4, 17));
    CHECK(bundled().printed_date == date(2025, 4, 16));
    CHECK(bundled().session == "五届人大六次会议");
    CHECK(bundled().theme == "八个聚焦、八个提升");
}

TEST_CASE("bundled plan every clause is found at its offset")
{
    const std::string& text = source_text();
    std::size_t checked = 0;
    auto check = [&](const provenance& p, const std::string& id) {
        REQUIRE_MESSAGE(p.offset.has_value(), id);
        CHECK_MESSAGE(text.compare(static_cast<std::size_t>(*p.offset), p.clause.size(), p.clause) == 0,
                      id << ": \"" << p.clause << "\" is not at byte " << *p.offset);
        ++checked;
    };
    for (auto [t, at] : each_target(bundled())) { check(t.provenance, t.id); }
    for (auto [p, at] : each_project(bundled())) { check(p.provenance, p.id); }
    CHECK(checked == target_count(bundled()) + project_count(bundled()));
}

TEST_CASE("bundled plan holds every focus area and measure of the text")
{
    const std::string& text = source_text();
    for (const auto& area : bundled().focus_areas) {
        CHECK_MESSAGE(contains(text, area.title + "," + area.aim + "。" + area.lead), area.title);
        for (const auto& m : area.measures) CHECK_MESSAGE(contains(text, "  " + m.lead + "。" + m.text + "\n"), m.lead);
    }
    // Every paragraph of the key-work section is a focus area or a measure.
    std::size_t paragraphs = 0, measures = 0;
    const auto begin = text.find("(一)"), end = text.find("  各位代表");
    for (std::size_t at = text.find("\n  ", begin); at != std::string::npos && at + 1 < end; at = text.find("\n  ", at + 1))
        ++paragraphs;
    for (const auto& area : bundled().focus_areas) measures += area.measures.size();
    CHECK(paragraphs + 1 == bundled().focus_areas.size() + measures);
}

TEST_CASE("bundled plan covers every Arabic numeral of the text")
{
    const plan& p = bundled();
    const std::string& text = source_text();
    const auto excluded = exclusions();
    std::size_t total = 0, by_target = 0, by_project = 0, by_date = 0, by_exclusion = 0;
    for (const auto& n : numerals(text)) {
        ++total;
        bool target_hit = false, project_hit = false;
        for (auto [t, at] : each_target(p)) target_hit |= covered_by_target(t, n);
        for (auto [pr, at] : each_project(p)) project_hit |= covered_by_project(pr, n);
        const bool date_hit = covered_by_date(p, text, n);
        const bool excluded_hit = std::any_of(excluded.begin(), excluded.end(), [&](const exclusion& e) {
            return e.offset == n.offset && e.text == n.text;
        });
        by_target += target_hit;
        by_project += project_hit && !target_hit;
        by_date += date_hit;
        by_exclusion += excluded_hit;
        CHECK_MESSAGE((target_hit || project_hit || date_hit || excluded_hit),
                      "numeral " << n.text << " at byte " << n.offset << " is not covered: \""
                                 << text.substr(n.offset >= 30 ? n.offset - 30 : 0, 60 + n.text.size()) << "\"");
    }
    MESSAGE(total << " numerals: " << by_target << " by targets, " << by_project << " by projects only, " << by_date
                  << " by dates, " << by_exclusion << " excluded");
    CHECK(total == 102);
    CHECK(by_date == 7);  // 2025年4月17日, 2025年重点工作安排, 2025年4月16日印
    // Every exclusion names a real numeral and says why.
    const auto all = numerals(text);
    for (const auto& e : excluded) {
        CHECK(std::any_of(all.begin(), all.end(), [&](const numeral& n) { return n.offset == e.offset && n.text == e.text; }));
        CHECK(e.reason.size() > 10);
    }
}

TEST_CASE("bundled plan covers the Chinese-numeral commitments")
{
    std::vector<const target*> two_down_one_up;
    const target* belts = nullptr;
    for (auto [t, at] : each_target(bundled())) {
        if (contains(t.provenance.clause, "两降一升")) two_down_one_up.push_back(&t);
        if (contains(t.provenance.clause, "一纵一横")) belts = &t;
    }
    REQUIRE(two_down_one_up.size() == 3);
    CHECK(two_down_one_up[0]->metric == "PM2.5浓度");
    CHECK(two_down_one_up[0]->trend == trend::decrease);
    CHECK(two_down_one_up[1]->metric == "PM10浓度");
    CHECK(two_down_one_up[1]->trend == trend::decrease);
    CHECK(two_down_one_up[2]->metric == "空气优良天数");
    CHECK(two_down_one_up[2]->trend == trend::increase);
    for (const auto* t : two_down_one_up) {
        CHECK(t->comparator == comparator::direction);
        CHECK(t->commitment == commitment::binding);  // 确保
    }
    REQUIRE(belts != nullptr);
    CHECK(belts->value == decimal::from_integer(2));
    CHECK(belts->unit.symbol() == "条");
}

TEST_CASE("bundled plan states the targets of the domain guide exactly")
{
    auto by_clause = [](const std::string& clause) {
        std::vector<const target*> found;
        for (auto [t, at] : each_target(bundled())) {
            if (t.provenance.clause == clause) found.push_back(&t);
        }
        return found;
    };
    auto one = [&](const std::string& clause) {
        const auto found = by_clause(clause);
        REQUIRE_MESSAGE(found.size() == 1, clause);
        return *found[0];
    };
    using namespace govplan::literals;
    const target invest = one("工业投资增长15%以上");
    CHECK(invest.kind == target_kind::growth_rate);
    CHECK(invest.comparator == comparator::at_least);
    CHECK(invest.value == "15"_dec);
    CHECK(invest.unit.symbol() == "%");
    CHECK(one("电商交易额突破20亿元").comparator == comparator::more_than);
    CHECK(one("新增规上工业企业20家").comparator == comparator::exactly);
    const target farmland = one("确保耕地面积稳定在42万亩以上");
    CHECK(farmland.commitment == commitment::binding);
    CHECK(farmland.kind == target_kind::level);
    CHECK(farmland.unit.symbol() == "万亩");
    CHECK(one("“一次办”事项达到80%以上").kind == target_kind::share);
    CHECK(one("预付款比例不低于合同金额的55%").comparator == comparator::at_least);
    CHECK(one("推动普惠型综合融资成本下降5%").kind == target_kind::reduction_rate);
    const target urban = one("常住人口城镇化率提高1.2个百分点");
    CHECK(urban.kind == target_kind::pp_change);
    CHECK(urban.value->to_string() == "1.2");
    const auto shares = by_clause("推动传统产业新型化率、主导产业占比、战略性新兴产业占比均提高5个百分点以上");
    REQUIRE(shares.size() == 3);  // 均: one target per subject
    for (const auto* t : shares) CHECK(t->unit.symbol() == "个百分点");
    const target sales = one("力争红澄九璞、嘉业城市花园等25个楼盘商品房销售面积50万平方米以上");
    CHECK(sales.commitment == commitment::aspirational);
    CHECK(one("利用外资150万美元以上").unit.currency() == "USD");
    CHECK(one("统筹推进10.6万亩高标准农田示范区建设提升").value->to_string() == "10.6");
    CHECK(one("发放创业担保贷款4500万元以上").value->to_string() == "4500");
    CHECK(one("推动家电、汽车、数码产品等以旧换新2万单").unit.symbol() == "万单");
}

TEST_CASE("bundled plan records every commitment word of the key work")
{
    // Every 确保, 力争, 争取 and 争创 of the key-work section sits in the clause
    // of a target or a project, or is set aside in the exclusions with a reason.
    const std::string& text = source_text();
    const auto begin = text.find("(一)"), end = text.find("  各位代表", begin);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    const auto set_aside = exclusions("commitment_exclusions");
    std::vector<std::pair<std::size_t, std::size_t>> clauses;  // [first, last) bytes
    auto record = [&](const provenance& pr) {
        if (pr.offset) clauses.emplace_back(*pr.offset, *pr.offset + pr.clause.size());
    };
    for (auto [t, at] : each_target(bundled())) { record(t.provenance); }
    for (auto [pr, at] : each_project(bundled())) { record(pr.provenance); }
    std::size_t words = 0, recorded = 0;
    for (const std::string cue : {"确保", "力争", "争取", "争创"}) {
        for (auto at = text.find(cue, begin); at != std::string::npos && at < end; at = text.find(cue, at + 1)) {
            ++words;
            const bool in_clause = std::any_of(clauses.begin(), clauses.end(), [&](const auto& c) {
                return c.first <= at && at + cue.size() <= c.second;
            });
            const bool excluded = std::any_of(set_aside.begin(), set_aside.end(), [&](const exclusion& e) {
                return e.offset == at && e.text == cue;
            });
            recorded += in_clause;
            CHECK_MESSAGE((in_clause || excluded), cue << " at byte " << at << " is in no recorded clause: \""
                                                      << text.substr(at, 60) << "\"");
            const bool both = in_clause && excluded;
            CHECK_FALSE(both);
        }
    }
    CHECK(words == 20);     // 确保 4, 力争 3, 争取 1, 争创 12
    CHECK(recorded == 19);  // all but 确保社会大局和谐稳定
    for (const auto& e : set_aside) CHECK(e.reason.size() > 10);
}

TEST_CASE("bundled plan holds the commitments without numbers, scopes and named items")
{
    const plan& p = bundled();
    std::size_t binding = 0, qualitative = 0;
    for (auto [t, at] : each_target(p)) {
        binding += t.commitment == commitment::binding;
        qualitative += t.kind == target_kind::qualitative || t.kind == target_kind::attainment ||
                       t.kind == target_kind::grade || t.comparator == comparator::within;
    }
    CHECK(binding == 8);  // 耕地, 两降一升 (3), 河流断面水质, 水源地水质, 土壤环境, 债务率
    CHECK(qualitative == 9);  // 6 全覆盖 or 全面达标, AA级, 土壤环境, 债务率
    auto by_clause = [&](const std::string& clause) {
        std::vector<const target*> found;
        for (auto [t, at] : each_target(p)) {
            if (t.provenance.clause == clause) found.push_back(&t);
        }
        return found;
    };
    const auto water = by_clause("过境河流断面水质、水源地水质全面达标");
    REQUIRE(water.size() == 2);
    for (const auto* t : water) {
        CHECK(t->kind == target_kind::attainment);
        CHECK(t->value == decimal::from_integer(100));
        CHECK(t->value_implied);
        CHECK(t->commitment == commitment::binding);
        REQUIRE(t->group.has_value());
        CHECK(t->group->mode == group_mode::each);
    }
    const auto debt = by_clause("确保债务率保持合理区间");
    REQUIRE(debt.size() == 1);
    CHECK(debt[0]->comparator == comparator::within);
    CHECK(debt[0]->reference == "合理区间");
    const auto insurance = by_clause("持续巩固扩大基本医保、大病保险和普惠商业保险等覆盖面");
    REQUIRE(insurance.size() == 3);
    for (const auto* t : insurance) CHECK(t->trend == trend::increase);
    // 25个楼盘 is the scope of the 50万平方米, not a count of its own.
    const auto sales = by_clause("力争红澄九璞、嘉业城市花园等25个楼盘商品房销售面积50万平方米以上");
    REQUIRE(sales.size() == 1);
    REQUIRE(sales[0]->scope.has_value());
    CHECK(sales[0]->scope->count == decimal::from_integer(25));
    CHECK(sales[0]->scope->noun == "楼盘");
    CHECK(sales[0]->scope->project_ids == std::vector<std::string>{"p1-17", "p1-18"});
    CHECK(by_clause("力争红澄九璞、嘉业城市花园等25个楼盘").empty());
    CHECK(by_clause("推动紫光锦园、中梁新筑等19个项目交付房屋").empty());
    CHECK(by_clause("推动普惠型综合融资成本下降5%")[0]->comparator == comparator::exactly);
    // The named items of every kind.
    std::map<item_type, std::size_t> types;
    std::vector<std::string> names;
    for (auto [pr, at] : each_project(p)) {
        ++types[pr.type];
        names.push_back(pr.name);
    }
    for (const char* name : {"司法助企工作室", "国有资本集团", "“无差别受理”综合审批窗口", "区人民医院与新店卫生院医共体",
                             "“一站式、多元化”矛盾纠纷化解中心", "“一纵一横”乡村振兴示范带", "中原食品科创城",
                             "淞江污水处理厂"}) {
        CHECK_MESSAGE(std::count(names.begin(), names.end(), name) >= 1, name);
    }
    CHECK(types[item_type::category] == 3);  // 基层卫生, 城市管网, 托育服务
    CHECK(types[item_type::designation_bid] == 11);
    CHECK(types[item_type::institution] == 2);
    CHECK(types[item_type::campaign] == 1);
}
