// govplan — the ABI namespace and symbol visibility.
//
// Every public name lives in govplan::v0_4, an inline namespace: code says
// govplan::plan, the linker sees govplan::v0_4::plan. A release that changes
// the ABI changes the inline namespace with the SONAME (v0_4 for 0.4; every
// 0.x release may change it, v1 from 1.0), so a program built against one
// release and run against another fails to link instead of misbehaving.
//
// The library is built with -fvisibility=hidden; the ABI namespace alone is
// exported, so a shared libgovplan exports the public API and nothing of its
// internals (govplan::detail stays hidden).
#pragma once

#if defined(_WIN32)
#define GOVPLAN_VISIBLE
#else
#define GOVPLAN_VISIBLE [[gnu::visibility("default")]]
#endif

/// Opens the public namespace: namespace govplan { inline namespace v0_4 {
#define GOVPLAN_BEGIN_NAMESPACE                                                                                       \
    namespace govplan {                                                                                               \
    inline namespace GOVPLAN_VISIBLE v0_4 {
/// Closes what GOVPLAN_BEGIN_NAMESPACE opened.
#define GOVPLAN_END_NAMESPACE                                                                                         \
    }                                                                                                                 \
    }
