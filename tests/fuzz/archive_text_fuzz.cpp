// libFuzzer harness: a text archive payload inside a valid envelope (see
// targets.hpp). Built and run by tools/fuzz.sh.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    govplan::fuzz::archive_target(govplan::archive_kind::text,
                                  std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
