// govplan_corpus: writes synthetic corpora, or loads one to measure memory.
//
//   govplan_corpus write DIR N    write plans 0..N-1 as DIR/county-NNNN-2025.json
//   govplan_corpus load DIR       load every *.json of DIR and keep them all in
//                                 memory; run it under /usr/bin/time -v for the
//                                 peak resident set size
//   govplan_corpus footprint DIR  load them, then say where the memory of a
//                                 loaded plan goes, per plan, by what holds it
#include "corpus.hpp"

#include "../src/described.hpp"

#include <govplan/json.hpp>

#include <boost/core/demangle.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

template <class T>
constexpr bool is_boxed_optional = false;
template <class T>
constexpr bool is_boxed_optional<govplan::boxed_optional<T>> = true;

/// Bytes by what holds them, counted by walking the loaded plans through
/// their descriptions. A heap block is charged as glibc's malloc takes it:
/// the request plus 8 bytes, rounded up to 16, at least 32.
class footprint {
public:
    template <class T>
    void walk(const T& v, const std::string& name)
    {
        using govplan::detail::is_optional;
        using govplan::detail::is_vector;
        if constexpr (std::is_same_v<T, std::string>) {
            if (v.capacity() > 15) charge("strings longer than 15 bytes (" + name + ")", v.capacity() + 1);
        } else if constexpr (is_vector<T>) {
            if (v.capacity() != 0) charge("lists of " + label<typename T::value_type>(), v.capacity() * sizeof(typename T::value_type));
            for (const auto& e : v) walk(e, name);
        } else if constexpr (is_boxed_optional<T>) {
            if (!v) return;
            charge("boxed " + label<typename T::value_type>(), sizeof(typename T::value_type));
            walk(*v, name);
        } else if constexpr (govplan::detail::is_boxed<T>) {
            if (!v.allocated()) return;
            charge("boxed " + label<typename T::value_type>(), sizeof(typename T::value_type));
            walk(*v, name);
        } else if constexpr (is_optional<T>) {
            if (v) walk(*v, name);
        } else if constexpr (std::is_same_v<T, govplan::unit>) {
            if (v.empty() || !definitions_.insert(&v.definition()).second) return;  // shared: counted once
            charge("unit definitions", sizeof(govplan::unit_definition) + 16);  // make_shared's block
            walk(v.symbol(), "unit"), walk(v.base(), "unit"), walk(v.per(), "unit");
        } else if constexpr (govplan::detail::described<T>) {
            govplan::detail::for_each_member(v, [&](std::string_view member, const auto& m) { walk(m, std::string(member)); });
        }
    }
    void charge_plans(std::size_t n) { charge("the plans themselves", n * sizeof(govplan::plan)); }

    void print(std::size_t plans, std::uintmax_t json_bytes) const
    {
        std::vector<std::pair<std::size_t, std::string>> rows;
        std::size_t total = 0;
        for (const auto& [what, bytes] : bytes_) {
            rows.emplace_back(bytes, what);
            total += bytes;
        }
        std::sort(rows.rbegin(), rows.rend());
        fmt::print("per plan: {} bytes counted, {} bytes of JSON ({:.2f}x)\n", total / plans, json_bytes / plans,
                   static_cast<double>(total) / static_cast<double>(json_bytes));
        for (const auto& [bytes, what] : rows)
            if (bytes / plans >= 256) fmt::print("{:>9} {}\n", bytes / plans, what);
        fmt::print("sizeof: target {}, project {}, measure {}, unit {}, unit_definition {}, decimal {}, "
                   "std::string {}\n",
                   sizeof(govplan::target), sizeof(govplan::project), sizeof(govplan::measure),
                   sizeof(govplan::unit), sizeof(govplan::unit_definition), sizeof(govplan::decimal),
                   sizeof(std::string));
    }

private:
    template <class T>
    static std::string label()
    {
        std::string name = boost::core::demangle(typeid(T).name());
        for (const std::string prefix : {"govplan::v0_4::", "std::__cxx11::"})
            for (auto at = name.find(prefix); at != std::string::npos; at = name.find(prefix)) name.erase(at, prefix.size());
        return name;
    }
    void charge(const std::string& what, std::size_t request)
    {
        bytes_[what] += std::max<std::size_t>(32, (request + 8 + 15) / 16 * 16);
    }

    std::map<std::string, std::size_t> bytes_;
    std::set<const govplan::unit_definition*> definitions_;
};

}  // namespace

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
    if (args.size() == 2 && (args[0] == "load" || args[0] == "footprint")) {
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
        if (args[0] == "footprint" && !plans.empty()) {
            footprint counted;
            counted.charge_plans(plans.capacity());
            for (const auto& p : plans) counted.walk(p, "plan");
            counted.print(plans.size(), bytes);
        }
        return 0;
    }
    fmt::print(stderr, "usage: govplan_corpus write DIR N | govplan_corpus load DIR | govplan_corpus footprint DIR\n");
    return 2;
}
