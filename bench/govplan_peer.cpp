// govplan_peer: govplan's side of the comparison with Python and Node
// (bench/peers/run.sh). Reads every *.json of a folder into memory, then
// times loading and validating each (plan_from_json + validate), keeping the
// plans alive as a program holding the corpus would, and prints one JSON
// line: tool, files, bytes, seconds (the timed part), accepted (plans that
// loaded and have no validation error).
//
//   govplan_peer DIR [JOBS]
//
// JOBS (default 1) threads share the files, each taking the next one, as
// `govplan validate --jobs` does; the plans are kept in file order.
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

int main(int argc, char** argv)
{
    std::size_t jobs = 1;
    if (argc == 3) {
        const std::string_view text = argv[2];
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), jobs);
        if (ec != std::errc{} || end != text.data() + text.size() || jobs == 0) argc = 0;
    }
    if (argc != 2 && argc != 3) {
        fmt::print(stderr, "usage: govplan_peer DIR [JOBS]\n");
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
        if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for (const auto& f : files) {  // as Python's f.read(): one read of the file's size
        std::ifstream in(f, std::ios::binary);
        std::string& text = texts.emplace_back(std::filesystem::file_size(f), '\0');
        if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
            fmt::print(stderr, "govplan_peer: cannot read {}\n", f.string());
            return 1;
        }
        bytes += text.size();
    }
    std::vector<std::optional<govplan::plan>> kept(texts.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> accepted{0};
    auto work = [&] {
        for (std::size_t i = next++; i < texts.size(); i = next++) {
            auto p = govplan::plan_from_json(texts[i]);
            if (!p) continue;
            if (govplan::error_count(govplan::validate(*p)) == 0) ++accepted;
            kept[i] = std::move(p).value();
        }
    };
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    const std::string tool = jobs == 1 ? "govplan load + validate" : fmt::format("govplan load + validate, {} threads", jobs);
    fmt::print("{{\"tool\": \"{}\", \"files\": {}, \"bytes\": {}, \"seconds\": {}, \"accepted\": {}}}\n", tool,
               texts.size(), bytes, seconds.count(), accepted.load());
    return 0;
}
