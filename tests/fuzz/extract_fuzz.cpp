// libFuzzer harness: see targets.hpp. Built and run by tools/fuzz.sh.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    govplan::fuzz::extract_target(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
