// Internal: which of the instruction sets the library's fast paths use the
// processor has. Not API.
#pragma once

namespace govplan::detail {

#if defined(__x86_64__) || defined(__i386__)
struct cpu_features {
    bool ssse3 = false;   ///< the UTF-8 check, sixteen bytes at a time
    bool pclmul = false;  ///< the archive's CRC-32, folded
};

/// Asked of the processor once, on first use.
[[nodiscard]] const cpu_features& this_cpu() noexcept;
#endif

}  // namespace govplan::detail
