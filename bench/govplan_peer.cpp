// govplan_peer: govplan's side of the comparison with Python and Node
// (bench/peers/run.sh). Reads every *.json of a folder into memory, then
// times loading and validating each (plan_from_json + validate), keeping the
// plans alive as a program holding the corpus would, and prints one JSON
// line: tool, files, bytes, seconds (the timed part), accepted (plans that
// loaded and have no validation error).
//
//   govplan_peer DIR
#include <govplan/json.hpp>
#include <govplan/validation.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 2) {
        fmt::print(stderr, "usage: govplan_peer DIR\n");
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
    std::vector<govplan::plan> kept;
    kept.reserve(texts.size());
    std::size_t accepted = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& text : texts) {
        auto p = govplan::plan_from_json(text);
        if (!p) continue;
        if (govplan::error_count(govplan::validate(*p)) == 0) ++accepted;
        kept.push_back(std::move(p).value());
    }
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    fmt::print("{{\"tool\": \"govplan load + validate\", \"files\": {}, \"bytes\": {}, \"seconds\": {}, \"accepted\": {}}}\n",
               texts.size(), bytes, seconds.count(), accepted);
    return 0;
}
