# Opens a page in headless Chromium and checks what a reader would see.
#
#   cmake -DCHROMIUM=… -DOUT=DIR -DMODE=report -DTOOL=govplan -DPLAN=… -DOBSERVATIONS=… -DAS_OF=… -P open_page.cmake
#     renders the plan's progress page with `govplan report`, opens it, and
#     fails unless the page loads with no console message, its DOM holds one
#     status bar per focus area of the plan and one row per target with data
#     (as `govplan progress` counts them), its bars and charts have a size
#     once laid out and every fill names a pattern (layout_check.js), it
#     prints on A4 pages, and a screenshot is written (OUT/report.png, for a
#     person to look at; -DWINDOW=W,H sets its size, default 1200,2400).
#   cmake -DCHROMIUM=… -DOUT=DIR -DMODE=console_self_test -DPAGE=broken-page.html -P open_page.cmake
#     fails unless the console check finds the errors of a page that logs some.
cmake_minimum_required(VERSION 3.25)

if(NOT CHROMIUM OR NOT EXISTS "${CHROMIUM}")
  message(FATAL_ERROR "headless Chromium is needed for this test and was not found: "
                      "run tools/install-deps.sh (Debian package chromium)")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

# The flags a closed machine needs: no sandbox (CI runs as root), no GPU, and
# none of the background connections a fresh profile would try.
set(flags --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
          --disable-component-update --disable-sync --disable-default-apps --hide-scrollbars
          --enable-logging=stderr --v=0)

# Opens `page` (a file) with `action` (--dump-dom, --screenshot=…); `stdout`
# and `console` receive the page's DOM and the console messages it logged.
function(open_in_chromium page name stdout console)
  execute_process(
    COMMAND "${CHROMIUM}" ${flags} --user-data-dir=${OUT}/profile-${name} ${ARGN} "file://${page}"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 120)
  file(WRITE "${OUT}/${name}.stderr.txt" "${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "chromium ${ARGN} ${page} exited with ${rc}; its log: ${OUT}/${name}.stderr.txt")
  endif()
  # Chromium writes each console message (console.log or error, uncaught
  # exceptions, blocked loads) as a line "…:CONSOLE:LINE] "text", source: …".
  string(REGEX MATCHALL "[^\n]*:CONSOLE[^\n]*" lines "${err}")
  set(${stdout} "${out}" PARENT_SCOPE)
  set(${console} "${lines}" PARENT_SCOPE)
endfunction()

# Fails, listing them, when the list variable `name` holds console messages;
# `what` says which run logged them.
function(fail_on_console name what)
  if(${name})
    string(REPLACE ";" "\n" lines "${${name}}")
    message(FATAL_ERROR "${what}:\n${lines}")
  endif()
endfunction()

if(MODE STREQUAL "console_self_test")
  open_in_chromium("${PAGE}" self-test dom console --dump-dom)
  list(LENGTH console n)
  if(n LESS 2)
    message(FATAL_ERROR "the console check found ${n} of the 2 messages ${PAGE} logs: ${console}")
  endif()
  message(STATUS "the console check found the ${n} messages of ${PAGE}")
  return()
endif()

if(NOT MODE STREQUAL "report")
  message(FATAL_ERROR "MODE must be report or console_self_test, not \"${MODE}\"")
endif()

set(page "${OUT}/report.html")
execute_process(COMMAND "${TOOL}" report "${PLAN}" --observations "${OBSERVATIONS}" --as-of ${AS_OF} -o "${page}" -q
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "govplan report exited with ${rc}: ${err}")
endif()

# What the page should hold, counted another way: focus areas in the plan's
# JSON, targets with data in `govplan progress` (which lists only those).
file(READ "${PLAN}" plan_json)
string(JSON focus_areas LENGTH "${plan_json}" focus_areas)
execute_process(COMMAND "${TOOL}" progress "${PLAN}" --observations "${OBSERVATIONS}" --as-of ${AS_OF} --format json -q
                OUTPUT_VARIABLE progress_json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "govplan progress exited with ${rc}")
endif()
string(JSON observed LENGTH "${progress_json}" targets)
if(focus_areas EQUAL 0 OR observed EQUAL 0)
  message(FATAL_ERROR "nothing to check: ${focus_areas} focus areas, ${observed} observed targets")
endif()

open_in_chromium("${page}" dom dom console --dump-dom)
file(WRITE "${OUT}/report.dom.html" "${dom}")
fail_on_console(console "the page logged to the console")
if(NOT dom MATCHES "</html>")
  message(FATAL_ERROR "chromium returned no DOM for ${page}")
endif()

# (";" separates CMake list items: none in what is counted)
string(REPLACE ";" "," flat "${dom}")
string(REGEX MATCHALL "<svg class=\"status-bar\" data-focus-area=\"[0-9]+\"" bars "${flat}")
string(REGEX MATCHALL "<tr class=\"observed\" data-target=\"[^\"]+\"" rows "${flat}")
list(LENGTH bars bar_count)
list(LENGTH rows row_count)
if(NOT bar_count EQUAL focus_areas)
  message(FATAL_ERROR "${bar_count} status bars in the DOM for ${focus_areas} focus areas")
endif()
if(NOT row_count EQUAL observed)
  message(FATAL_ERROR "${row_count} observed rows in the DOM for ${observed} targets with data")
endif()
# every status bar has segments
string(REGEX MATCHALL "<svg class=\"status-bar\" data-focus-area=\"[0-9]+\"[^>]*><title>[^<]*</title><rect "
       drawn "${flat}")
list(LENGTH drawn drawn_count)
if(NOT drawn_count EQUAL focus_areas)
  message(FATAL_ERROR "${drawn_count} of ${focus_areas} status bars have segments")
endif()

# Laid out: a copy of the page with tests/browser/layout_check.js added (and
# the policy that forbids scripts taken out of the copy) measures the bars,
# segments and charts as drawn and checks that every fill names a pattern.
file(READ "${page}" html)
string(REGEX REPLACE "<meta http-equiv=\"Content-Security-Policy\"[^>]*>" "" html "${html}")
file(READ "${CMAKE_CURRENT_LIST_DIR}/layout_check.js" check)
string(REPLACE "</body>" "<script>\n${check}</script>\n</body>" html "${html}")
file(WRITE "${OUT}/report-checked.html" "${html}")
open_in_chromium("${OUT}/report-checked.html" layout checked console --dump-dom)
fail_on_console(console "the layout check failed")
if(NOT checked MATCHES "data-layout-segments=\"([0-9]+)\" data-layout-check=\"ok\"")
  message(FATAL_ERROR "the layout check did not run or failed (see ${OUT}/layout.stderr.txt)")
endif()
set(segments ${CMAKE_MATCH_1})

# On A4: printed to PDF, every page is A4 (595 × 842 points).
set(pdf "${OUT}/report.pdf")
open_in_chromium("${page}" pdf ignored console --no-pdf-header-footer --print-to-pdf=${pdf})
fail_on_console(console "the page logged to the console while printed")
if(NOT EXISTS "${pdf}")
  message(FATAL_ERROR "chromium printed no PDF")
endif()
file(STRINGS "${pdf}" boxes REGEX "/MediaBox")
string(REGEX MATCHALL "/MediaBox \\[0 0 [0-9.]+ [0-9.]+\\]" boxes "${boxes}")
list(LENGTH boxes pages)
string(REGEX MATCHALL "/MediaBox \\[0 0 59[45]\\.[0-9]+ 84[12]\\.[0-9]+\\]" a4 "${boxes}")
list(LENGTH a4 a4_pages)
if(pages EQUAL 0 OR NOT a4_pages EQUAL pages)
  message(FATAL_ERROR "${a4_pages} of ${pages} printed pages are A4: ${boxes}")
endif()

set(png "${OUT}/report.png")
if(NOT WINDOW)
  set(WINDOW 1200,2400)
endif()
open_in_chromium("${page}" screenshot ignored console --screenshot=${png} --window-size=${WINDOW})
fail_on_console(console "the page logged to the console while drawn")
if(NOT EXISTS "${png}")
  message(FATAL_ERROR "chromium wrote no screenshot")
endif()
# a PNG as wide as the window: the signature, then IHDR with the width
string(REGEX REPLACE ",.*" "" width "${WINDOW}")
math(EXPR width_hex "${width}" OUTPUT_FORMAT HEXADECIMAL)
string(REGEX REPLACE "^0x" "" width_hex "${width_hex}")
string(LENGTH "${width_hex}" digits)
math(EXPR pad "8 - ${digits}")
string(REPEAT "0" ${pad} zeros)
string(TOLOWER "${zeros}${width_hex}" width_hex)
file(READ "${png}" head LIMIT 24 HEX)
if(NOT head MATCHES "^89504e470d0a1a0a0000000d49484452${width_hex}")
  message(FATAL_ERROR "${png} is not a PNG ${width} pixels wide (starts ${head})")
endif()
file(SIZE "${png}" png_size)
message(STATUS "${bar_count} status bars, ${row_count} observed rows, ${segments} segments laid out, "
               "no console message, ${pages} A4 pages printed; screenshot ${png} (${png_size} bytes)")
