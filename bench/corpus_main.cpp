// govplan_corpus: writes synthetic corpora, or loads one to measure memory.
//
//   govplan_corpus write DIR N    write plans 0..N-1 as DIR/county-NNNN-2025.json
//   govplan_corpus load DIR       load every *.json of DIR and keep them all in
//                                 memory; run it under /usr/bin/time -v for the
//                                 peak resident set size
#include "corpus.hpp"

#include <govplan/json.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "write") {
        const std::filesystem::path dir = args[1];
        const auto n = static_cast<std::size_t>(std::stoul(args[2]));
        std::filesystem::create_directories(dir);
        for (std::size_t i = 0; i < n; ++i) {
            const auto p = govplan::bench::make_plan(i);
            if (auto saved = govplan::save_json(p, dir / (p.id + ".json")); !saved) {
                fmt::print(stderr, "{}\n", saved.error().to_string());
                return 1;
            }
        }
        fmt::print("wrote {} plans to {}\n", n, dir.string());
        return 0;
    }
    if (args.size() == 2 && args[0] == "load") {
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(args[1]))
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        std::vector<govplan::plan> plans;
        plans.reserve(files.size());
        std::uintmax_t bytes = 0;
        std::size_t targets = 0;
        for (const auto& f : files) {
            auto p = govplan::load_json(f);
            if (!p) {
                fmt::print(stderr, "{}\n", p.error().to_string());
                return 1;
            }
            bytes += std::filesystem::file_size(f);
            targets += govplan::target_count(*p);
            plans.push_back(std::move(p).value());
        }
        fmt::print("loaded {} plans, {} targets, {} bytes of JSON ({:.1f} MiB)\n", plans.size(), targets, bytes,
                   static_cast<double>(bytes) / (1024.0 * 1024.0));
        return 0;
    }
    fmt::print(stderr, "usage: govplan_corpus write DIR N | govplan_corpus load DIR\n");
    return 2;
}
