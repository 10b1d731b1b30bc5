#!/bin/sh
# consumer_checks.sh KIND: run in the build folder of tests/find-package-test
# (KIND static or shared) by the consumer tests. Runs both consumers; for the
# shared library also checks that the program using only the core headers
# links libgovplan and neither {fmt} nor Boost.Serialization, that libgovplan
# has its versioned SONAME, and that it exports the ABI namespace and nothing
# of govplan::detail.
set -eu
./consumer
./consumer_core
[ "$1" = shared ] || exit 0
needed=$(readelf -d consumer_core | grep NEEDED)
echo "$needed" | grep -q 'libgovplan\.so' || { echo "consumer_core does not link libgovplan.so" >&2; exit 1; }
if echo "$needed" | grep -E 'libfmt|libboost_serialization' >&2; then
  echo "consumer_core links a dependency it does not use" >&2
  exit 1
fi
lib=$(ldd consumer_core | sed -n 's/.*libgovplan\.so[^ ]* => \([^ ]*\).*/\1/p')
[ -n "$lib" ] || { echo "libgovplan.so not found at run time" >&2; exit 1; }
readelf -d "$lib" | grep SONAME
exported=$(nm -DC --defined-only "$lib")
echo "$exported" | grep -q 'govplan::v0_4::validate(' || { echo "govplan::v0_4::validate is not exported" >&2; exit 1; }
if echo "$exported" | grep -E ' govplan::detail::' >&2; then
  echo "internals of govplan::detail are exported" >&2
  exit 1
fi
echo "shared: core-only consumer links $(echo "$needed" | grep -c NEEDED) libraries, none of fmt or Boost.Serialization"
