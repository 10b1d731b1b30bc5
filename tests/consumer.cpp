// A program using govplan as a user would, shared by both consumer tests.
// It includes the umbrella header alone and calls into every part that the
// README says <govplan/govplan.hpp> gives; consumer_format.cpp uses the
// opt-in {fmt} header on its own.
#include <govplan/govplan.hpp>

#include <cstdio>
#include <string>

#ifdef GOVPLAN_CONSUMER_CORE_ONLY
// Built alone: the umbrella header and govplan::govplan only, no {fmt}, to
// show that a program using the core links nothing else.
std::string formatted(const govplan::decimal& d) { return d.to_string(); }
#else
std::string formatted(const govplan::decimal& d);  // consumer_format.cpp
#endif

int main()
{
    using namespace govplan::literals;
    int failures = 0;
    auto check = [&](bool ok, const char* part) {
        if (!ok) {
            std::printf("consumer: %s failed\n", part);
            ++failures;
        }
    };

    const govplan::decimal sum = "0.1"_dec + "0.2"_dec;                             // decimal.hpp
    check(sum == "0.3"_dec, "decimal");
    const auto& units = govplan::unit_registry::standard();                          // unit.hpp
    const auto converted = govplan::convert({"2"_dec, units.find("万单").value()}, units.find("单").value());
    check(converted && converted->value == "20000"_dec, "unit");
    check(!govplan::parse_date("2100-02-29") && govplan::parse_date("2000-02-29"), "dates");  // dates.hpp

    govplan::plan p;                                                                 // plan.hpp and the model
    p.id = "consumer-2025";
    p.title = "consumer";
    p.jurisdiction = {"河南省", "漯河市", "测试区", govplan::jurisdiction_level::county};
    p.issuing_body = "测试区人民政府";
    p.year = 2025;
    p.period = govplan::calendar_year(2025);
    p.report_date = govplan::date(2025, 4, 17);
    govplan::focus_area area;
    area.ordinal = 1;
    area.title = "聚焦扩大内需";
    govplan::measure m;
    m.lead = "扩大有效投资";
    m.text = "入库投资50亿元以上。";
    govplan::target t;
    t.id = "t1";
    t.metric = "入库投资";
    t.kind = govplan::target_kind::amount;
    t.comparator = govplan::comparator::at_least;
    t.value = "50"_dec;
    t.unit = units.find("亿元").value();
    t.provenance.clause = "入库投资50亿元以上";
    t.observations.push_back({govplan::date(2025, 12, 31), {"51"_dec, units.find("亿元").value()}, "", ""});
    m.targets.push_back(t);
    area.measures.push_back(m);
    p.focus_areas.push_back(area);

    check(govplan::error_count(govplan::validate(p)) == 0, "validation");            // validation.hpp
    const auto from_json = govplan::plan_from_json(govplan::plan_to_json(p));         // json.hpp
    check(from_json && *from_json == p, "json");
    const auto archived = govplan::plan_to_archive(p, govplan::archive_kind::text);  // archive.hpp
    check(archived && govplan::plan_from_archive(*archived).value() == p, "archive");
    const auto groups = govplan::aggregate_targets(p, govplan::group_by::kind);      // aggregation.hpp
    check(groups && groups->size() == 1, "aggregation");
    const auto progress = govplan::evaluate_progress(p, govplan::date(2025, 12, 31)); // progress.hpp
    check(progress.size() == 1 && progress[0].status == govplan::progress_status::met, "progress");
    check(govplan::diff(p, p).empty(), "comparison");                                // comparison.hpp
    const auto csv = govplan::render(govplan::to_table(*groups), govplan::report_format::csv);  // report.hpp
    check(csv.find("amount,1,") != std::string::npos, "report");
    const govplan::result<int> failed = govplan::error(govplan::errc::invalid_date, "x");     // error.hpp
    check(!failed && failed.error().code == govplan::errc::invalid_date, "error");
    check(govplan::to_code(govplan::commitment::binding) == "binding", "codes");    // codes.hpp

    if (failures != 0) return 1;
    std::printf("consumer: %s umbrella ok\n", formatted(sum).c_str());
    return 0;
}
