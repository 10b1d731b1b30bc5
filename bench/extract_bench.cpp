// govplan_extract_bench: the extractor's throughput (docs/extraction.md).
//
//   build/bench/bench/govplan_extract_bench
//
// Inputs, all built here from the repository's data, deterministically:
//   bundled     data/yancheng-2025.txt, 17 KB of plan text (dense with targets)
//   corpus/MB   whole reports: a title, a review of the past year, a plan
//               heading, the main indicators, focus areas of measures drawn
//               from the bundled text and the construction table, figures
//               varied per report; about 50 MB at the largest size
//   long_line   one line of plain text and numerals without punctuation
// Each reports bytes per second and the peak resident memory of the process.
#include <govplan/extract.hpp>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::string read(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

const std::string& bundled()
{
    static const std::string text = read(GOVPLAN_SOURCE_DIR "/data/yancheng-2025.txt");
    return text;
}

// The table's sentences: one line each after "> ".
const std::vector<std::string>& sentences()
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        std::istringstream in(read(GOVPLAN_SOURCE_DIR "/tests/data/extract-constructions.txt"));
        for (std::string line; std::getline(in, line);) {
            if (line.starts_with("> ")) out.push_back(line.substr(2));
        }
        return out;
    }();
    return all;
}

// The bundled text's measure paragraphs (those with a lead phrase).
const std::vector<std::string>& paragraphs()
{
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        std::istringstream in(bundled());
        for (std::string line; std::getline(in, line);) {
            const auto start = line.find_first_not_of(' ');
            if (start == std::string::npos || line.size() - start < 60) continue;
            out.push_back(line.substr(start));
        }
        return out;
    }();
    return all;
}

// Replaces every ASCII digit run's last digit by a varying one, so that
// reports differ in their figures.
std::string vary(std::string s, std::size_t seed)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9' && (i + 1 == s.size() || s[i + 1] < '0' || s[i + 1] > '9'))
            s[i] = static_cast<char>('1' + (seed + i) % 9);
    }
    return s;
}

std::string report(std::size_t n)
{
    static const char* numbers[] = {"一", "二", "三", "四", "五", "六", "七", "八"};
    std::string r = "示范县人民政府工作报告\n（2025年1月" + std::to_string(n % 28 + 1) + "日）\n一、2024年工作回顾\n";
    r += vary("过去一年，全县地区生产总值增长5.8%，新增城镇就业3200人，完成固定资产投资126亿元。\n", n);
    r += vary(paragraphs()[n % paragraphs().size()] + "\n", n + 1);  // review prose reads like plan prose
    r += "二、2025年工作安排\n";
    r += vary("今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%；城镇调查失业率控制在5.5%以内；粮食总产量稳定在60万吨以上。\n", n);
    for (std::size_t area = 0; area < 6; ++area) {
        r += std::string("（") + numbers[area] + "）聚焦重点领域，提升发展质效。";
        r += vary(sentences()[(n * 7 + area) % sentences().size()], n + area) + "\n";
        for (std::size_t m = 0; m < 3; ++m) {
            const std::size_t k = n * 31 + area * 5 + m;
            r += std::to_string(m + 1) + ".推进重点工作。" + vary(sentences()[k % sentences().size()], k) +
                 vary(sentences()[(k * 13 + 5) % sentences().size()], k + 3) + "\n";
            r += vary(paragraphs()[k % paragraphs().size()], k) + "\n";
        }
    }
    r += "各位代表，让我们团结一心，为完成全年目标任务而努力奋斗！\n";
    return r;
}

std::vector<std::string> corpus(std::size_t megabytes)
{
    std::vector<std::string> out;
    std::size_t bytes = 0;
    for (std::size_t n = 0; bytes < megabytes * 1'000'000; ++n) {
        out.push_back(report(n));
        bytes += out.back().size();
    }
    return out;
}

void peak_memory(benchmark::State& state)
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

govplan::extract_options options_2025()
{
    govplan::extract_options options;
    options.year = 2025;
    return options;
}

void bundled_report(benchmark::State& state)
{
    const auto options = options_2025();
    for (auto _ : state) {
        auto x = govplan::extract(bundled(), options);
        if (!x) throw std::runtime_error("extraction failed");
        benchmark::DoNotOptimize(x);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bundled().size()));
    peak_memory(state);
}

void report_corpus(benchmark::State& state)
{
    const auto reports = corpus(static_cast<std::size_t>(state.range(0)));
    std::size_t bytes = 0, targets = 0;
    for (const auto& r : reports) bytes += r.size();
    const auto options = options_2025();
    for (auto _ : state) {
        targets = 0;
        for (const auto& r : reports) {
            auto x = govplan::extract(r, options);
            if (!x) throw std::runtime_error("extraction failed");
            targets += govplan::target_count(x->draft);
        }
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    state.counters["reports"] = static_cast<double>(reports.size());
    state.counters["targets"] = static_cast<double>(targets);
    peak_memory(state);
}

void long_line(benchmark::State& state)
{
    std::string text;
    for (std::size_t i = 0; text.size() < static_cast<std::size_t>(state.range(0)) * 1'000'000; ++i)
        text += "推动高质量发展新增企业" + std::to_string(i % 97 + 1) + "家增长6%";
    const auto options = options_2025();
    for (auto _ : state) {
        auto x = govplan::extract(text, options);
        if (!x) throw std::runtime_error("extraction failed");
        benchmark::DoNotOptimize(x);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
    peak_memory(state);
}

}  // namespace

BENCHMARK(bundled_report)->Unit(benchmark::kMillisecond);
BENCHMARK(report_corpus)->Arg(1)->Arg(50)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(long_line)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
