// Builds a small plan in code, validates it, saves it as JSON and as a
// binary archive, and loads both back.
//
//   build_plan [OUTPUT_DIR]      (default: the current directory)
#include <govplan/archive.hpp>
#include <govplan/format.hpp>
#include <govplan/govplan.hpp>
#include <govplan/json.hpp>

#include <fmt/core.h>

#include <filesystem>

using namespace govplan::literals;

namespace {

govplan::unit unit_of(std::string_view symbol) { return govplan::unit_registry::standard().find(symbol).value(); }

govplan::plan make_plan()
{
    govplan::plan p;
    p.id = "example-2025";
    p.title = "示例区 2025 年重点工作安排";
    p.jurisdiction = {"河南省", "漯河市", "示例区", govplan::jurisdiction_level::county};
    p.issuing_body = "示例区人民政府";
    p.year = 2025;
    p.period = govplan::calendar_year(2025);
    p.report_date = govplan::date(2025, 4, 17);

    govplan::measure invest;
    invest.lead = "扩大有效投资";
    invest.text = "实施千万元以上项目80个、入库投资50亿元以上，工业投资增长15%以上。";

    govplan::target projects;
    projects.id = "invest-projects";
    projects.metric = "实施项目";
    projects.qualifier = "千万元以上项目";
    projects.kind = govplan::target_kind::count;
    projects.comparator = govplan::comparator::exactly;
    projects.value = "80"_dec;
    projects.unit = unit_of("个");
    projects.provenance = {"实施千万元以上项目80个", 15};
    invest.targets.push_back(projects);

    govplan::target stored;
    stored.id = "invest-stored";
    stored.metric = "入库投资";
    stored.kind = govplan::target_kind::amount;
    stored.comparator = govplan::comparator::at_least;  // 以上: 50 itself counts
    stored.value = "50"_dec;
    stored.unit = unit_of("亿元");
    invest.targets.push_back(stored);

    govplan::target growth;
    growth.id = "invest-growth";
    growth.metric = "工业投资";
    growth.kind = govplan::target_kind::growth_rate;
    growth.comparator = govplan::comparator::at_least;
    growth.value = "15"_dec;
    growth.unit = unit_of("%");
    invest.targets.push_back(growth);

    govplan::target farmland;
    farmland.id = "farmland";
    farmland.metric = "耕地面积";
    farmland.kind = govplan::target_kind::level;
    farmland.comparator = govplan::comparator::at_least;
    farmland.value = "42"_dec;
    farmland.unit = unit_of("万亩");
    farmland.commitment = govplan::commitment::binding;  // 确保
    invest.targets.push_back(farmland);

    govplan::project plant;
    plant.id = "smart-plant";
    plant.name = "智能制造产业园";
    plant.action = "新开工";
    plant.stage = govplan::project_stage::start;
    plant.targets = {{"invest-projects", govplan::link_role::exemplifies}};
    invest.projects.push_back(plant);

    govplan::focus_area area;
    area.ordinal = 1;
    area.title = "聚焦扩大内需";
    area.aim = "提升经济增长质效";
    area.measures.push_back(invest);
    p.focus_areas.push_back(area);
    return p;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::filesystem::path dir = argc > 1 ? argv[1] : ".";
    std::filesystem::create_directories(dir);
    const govplan::plan plan = make_plan();

    const auto diagnostics = govplan::validate(plan);
    fmt::print("{}: {} targets, {} projects\n", plan.title, govplan::target_count(plan), govplan::project_count(plan));
    fmt::print("validation: {} errors, {} warnings\n", govplan::error_count(diagnostics),
               govplan::warning_count(diagnostics));
    for (const auto& d : diagnostics) fmt::print("  {}\n", d);

    // 42万亩 is 420000 亩, exactly.
    const auto& farmland = plan.focus_areas[0].measures[0].targets[3];
    const auto in_mu = govplan::convert({*farmland.value, farmland.unit}, unit_of("亩")).value();
    fmt::print("{} {} = {}\n", farmland.metric, govplan::requirement_text(farmland), in_mu);

    const auto json_file = dir / "example-2025.json";
    if (auto saved = govplan::save_json(plan, json_file); !saved) {
        fmt::print(stderr, "{}\n", saved.error());
        return 1;
    }
    const auto from_json = govplan::load_json(json_file);
    if (!from_json) {
        fmt::print(stderr, "{}\n", from_json.error());
        return 1;
    }
    fmt::print("JSON: saved and loaded back, {}\n", *from_json == plan ? "identical" : "DIFFERENT");

    const auto archive_file = dir / "example-2025.govplan";
    if (auto saved = govplan::save_archive(plan, archive_file, govplan::archive_kind::binary); !saved) {
        fmt::print(stderr, "{}\n", saved.error());
        return 1;
    }
    const auto from_archive = govplan::load_archive(archive_file);
    if (!from_archive) {
        fmt::print(stderr, "{}\n", from_archive.error());
        return 1;
    }
    fmt::print("binary archive: saved and loaded back, {}\n", *from_archive == plan ? "identical" : "DIFFERENT");
    return *from_json == plan && *from_archive == plan ? 0 : 1;
}
