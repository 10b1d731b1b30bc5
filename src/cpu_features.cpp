#include "cpu_features.hpp"

namespace govplan::detail {

#if defined(__x86_64__) || defined(__i386__)
const cpu_features& this_cpu() noexcept
{
    static const cpu_features features = [] {
        __builtin_cpu_init();  // in case this runs before the library's own start-up has
        return cpu_features{__builtin_cpu_supports("ssse3") != 0, __builtin_cpu_supports("pclmul") != 0};
    }();
    return features;
}
#endif

}  // namespace govplan::detail
