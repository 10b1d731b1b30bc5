// govplan_bench: Google Benchmark timings on synthetic corpora of 1, 100 and
// 2,850 plans (docs/performance.md). Each benchmark processes the whole
// corpus once per iteration; the corpus size is the benchmark argument.
//
//   build/bench/bench/govplan_bench --benchmark_filter=/2850
#include "corpus.hpp"

#include "../src/json_direct.hpp"

#include <govplan/aggregation.hpp>
#include <govplan/archive.hpp>
#include <govplan/json.hpp>
#include <govplan/progress.hpp>
#include <govplan/validation.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include <map>
#include <memory>
#include <stdexcept>
#include <thread>

namespace {

struct corpus {
    std::vector<std::string> json;
    std::vector<govplan::plan> plans;
    std::map<govplan::archive_kind, std::vector<std::string>> archives;
    std::size_t bytes = 0;
    std::size_t targets = 0;
};

const corpus& get(std::size_t n)
{
    static std::map<std::size_t, std::unique_ptr<corpus>> cache;
    auto& slot = cache[n];
    if (!slot) {
        slot = std::make_unique<corpus>();
        slot->json = govplan::bench::make_json_corpus(n);
        for (const auto& text : slot->json) {
            slot->bytes += text.size();
            slot->plans.push_back(govplan::plan_from_json(text).value());
            slot->targets += govplan::target_count(slot->plans.back());
        }
        for (auto kind : {govplan::archive_kind::text, govplan::archive_kind::xml, govplan::archive_kind::binary}) {
            for (const auto& p : slot->plans) slot->archives[kind].push_back(govplan::plan_to_archive(p, kind).value());
        }
    }
    return *slot;
}

std::size_t plans_of(const benchmark::State& state) { return static_cast<std::size_t>(state.range(0)); }

void finish(benchmark::State& state, const corpus& c)
{
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(c.bytes));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.targets));
    state.counters["plans"] = static_cast<double>(c.plans.size());
}

// The floor: Boost.JSON parsing the same bytes into its own DOM, with the
// same arena allocation govplan's loader uses (the strict floor)…
void raw_json_parse(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (auto _ : state) {
        for (const auto& text : c.json) {
            boost::json::monotonic_resource arena;
            benchmark::DoNotOptimize(boost::json::parse(text, &arena));
        }
    }
    finish(state, c);
}

// …and as most programs call it, with the default allocator.
void raw_json_parse_default_allocator(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (auto _ : state) {
        for (const auto& text : c.json) benchmark::DoNotOptimize(boost::json::parse(text));
    }
    finish(state, c);
}

// plan_from_json: the direct reader, which builds each plan from the
// parser's events. It refuses to time a corpus the direct reader gives up on
// (that would time the tree reader behind it).
void json_load(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (const auto& text : c.json) {
        if (!govplan::detail::read_plan_directly(text, govplan::json_limits{}, govplan::unit_registry::standard())) {
            state.SkipWithError("the direct reader gives up on a plan of the corpus");
            return;
        }
    }
    for (auto _ : state) {
        for (const auto& text : c.json) {
            auto p = govplan::plan_from_json(text);
            if (!p) throw std::runtime_error(p.error().to_string());
            benchmark::DoNotOptimize(p);
        }
    }
    finish(state, c);
}

// The tree reader alone (what plan_from_json did before the direct reader,
// and still does for a document the direct reader gives up on): a DOM, then
// a walk over it.
void json_load_by_tree(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (auto _ : state) {
        for (const auto& text : c.json) {
            auto p = govplan::detail::read_plan_by_tree(text);
            if (!p) throw std::runtime_error(p.error().to_string());
            benchmark::DoNotOptimize(p);
        }
    }
    finish(state, c);
}

// Validation of plans that have no error: the path a valid plan takes. The
// corpus is checked first, so that a generator change cannot turn this into
// a measure of the diagnostics path.
void validate(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (const auto& p : c.plans) {
        if (const auto errors = govplan::error_count(govplan::validate(p)); errors != 0) {
            state.SkipWithError(("plan " + p.id + " has " + std::to_string(errors) + " errors").c_str());
            return;
        }
    }
    for (auto _ : state) {
        for (const auto& p : c.plans) benchmark::DoNotOptimize(govplan::validate(p));
    }
    finish(state, c);
}

// The diagnostics path: the same plans, each with 5 known errors.
constexpr std::size_t errors_per_plan = 5;

void validate_with_errors(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    std::vector<govplan::plan> broken;
    for (std::size_t i = 0; i < c.plans.size(); ++i) {
        broken.push_back(govplan::bench::make_plan_with_errors(i, errors_per_plan));
        if (govplan::error_count(govplan::validate(broken.back())) != errors_per_plan) {
            state.SkipWithError("a plan of the error corpus does not have exactly the errors it was given");
            return;
        }
    }
    for (auto _ : state) {
        for (const auto& p : broken) benchmark::DoNotOptimize(govplan::validate(p));
    }
    finish(state, c);
    state.counters["errors"] = static_cast<double>(broken.size() * errors_per_plan);
}

void json_save(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (auto _ : state) {
        for (const auto& p : c.plans) benchmark::DoNotOptimize(govplan::plan_to_json(p));
    }
    finish(state, c);
}

template <govplan::archive_kind Kind>
void archive_save(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (auto _ : state) {
        for (const auto& p : c.plans) benchmark::DoNotOptimize(govplan::plan_to_archive(p, Kind));
    }
    finish(state, c);
}

template <govplan::archive_kind Kind>
void archive_load(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    const auto& archives = c.archives.at(Kind);
    for (auto _ : state) {
        for (const auto& bytes : archives) {
            auto p = govplan::plan_from_archive(bytes);
            if (!p) throw std::runtime_error(p.error().to_string());
            benchmark::DoNotOptimize(p);
        }
    }
    finish(state, c);
}

/// Both groupings over the corpus; the argument after the plan count is
/// aggregation_options::threads (1: the caller's thread; 0: one per core).
void aggregate_focus_and_dimension(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    std::vector<const govplan::plan*> refs;
    for (const auto& p : c.plans) refs.push_back(&p);
    govplan::aggregation_options options;
    options.threads = static_cast<std::size_t>(state.range(1));
    for (auto _ : state) {
        benchmark::DoNotOptimize(govplan::aggregate_targets(refs, govplan::group_by::focus_area, options).value());
        benchmark::DoNotOptimize(govplan::aggregate_targets(refs, govplan::group_by::dimension, options).value());
    }
    finish(state, c);
    state.counters["threads"] =  // as run: 0 means one per core
        static_cast<double>(options.threads != 0 ? options.threads : std::thread::hardware_concurrency());
}

void progress(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    const govplan::date as_of(2025, 6, 30);
    for (auto _ : state) {
        for (const auto& p : c.plans) benchmark::DoNotOptimize(govplan::evaluate_progress(p, as_of));
    }
    finish(state, c);
}

// The memory floor under validation: each target's fields validation reads, with no checks.
void walk_targets(benchmark::State& state)
{
    const auto& c = get(plans_of(state));
    for (auto _ : state) {
        std::size_t sum = 0;
        for (const auto& p : c.plans)
            for (const auto& f : p.focus_areas)
                for (const auto& m : f.measures) {
                    sum += m.lead.size() + m.text.size();
                    for (const auto& t : m.targets) {
                        sum += t.id.size() + t.metric.size() + static_cast<std::size_t>(t.kind) +
                               static_cast<std::size_t>(t.unit.dimension()) + t.observations.size() +
                               t.project_ids.size() + t.milestones.size() + (t.value ? 1u : 0u) + (t.scope ? 1u : 0u) +
                               (t.deadline ? 1u : 0u) + (*t.grade).size() + (t.low ? 1u : 0u) + (t.stretch ? 1u : 0u);
                    }
                    for (const auto& pr : m.projects) sum += pr.id.size() + pr.name.size() + pr.targets.size();
                }
        benchmark::DoNotOptimize(sum);
    }
    finish(state, c);
}

void sizes(benchmark::internal::Benchmark* b)
{
    b->Arg(1)->Arg(100)->Arg(2850)->Unit(benchmark::kMillisecond)->UseRealTime();
}

}  // namespace

BENCHMARK(raw_json_parse)->Apply(sizes);
BENCHMARK(raw_json_parse_default_allocator)->Apply(sizes);
BENCHMARK(json_load)->Apply(sizes);
BENCHMARK(json_load_by_tree)->Apply(sizes);
BENCHMARK(validate)->Apply(sizes);
BENCHMARK(walk_targets)->Apply(sizes);
BENCHMARK(validate_with_errors)->Apply(sizes);
BENCHMARK(json_save)->Apply(sizes);
BENCHMARK(archive_save<govplan::archive_kind::text>)->Name("archive_save_text")->Apply(sizes);
BENCHMARK(archive_save<govplan::archive_kind::xml>)->Name("archive_save_xml")->Apply(sizes);
BENCHMARK(archive_save<govplan::archive_kind::binary>)->Name("archive_save_binary")->Apply(sizes);
BENCHMARK(archive_load<govplan::archive_kind::text>)->Name("archive_load_text")->Apply(sizes);
BENCHMARK(archive_load<govplan::archive_kind::xml>)->Name("archive_load_xml")->Apply(sizes);
BENCHMARK(archive_load<govplan::archive_kind::binary>)->Name("archive_load_binary")->Apply(sizes);
BENCHMARK(aggregate_focus_and_dimension)
    ->ArgsProduct({{1, 100, 2850}, {1, 0}})
    ->ArgNames({"plans", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(progress)->Apply(sizes);

BENCHMARK_MAIN();
