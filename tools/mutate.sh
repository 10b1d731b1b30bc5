#!/usr/bin/env bash
# tools/mutate.sh — mutation testing for govplan.
#
# Applies the small bugs listed in tools/mutants.txt (format: see the comments at
# the top of that file) one at a time, in place, rebuilds build/mutate, and runs
# the fast checks; a mutant the tests notice is "killed", one they miss
# "SURVIVED". Each source file is backed up before a mutant is applied and
# restored byte for byte afterwards, also on Ctrl-C, SIGTERM or an error.
#
#   tools/mutate.sh                     every mutant (slow: about a minute each on 2 cores)
#   tools/mutate.sh --only DEC01,ARC01  just these
#   tools/mutate.sh --list              list the mutants and whether each still applies
#   tools/mutate.sh --check             apply each, compile only its target, restore
#
# Run `tools/mutate.sh --help` for the options and exit statuses.
set -u -o pipefail

usage() {
    cat <<'EOF'
usage: tools/mutate.sh [OPTIONS]

  (no mode)          build build/mutate, run the suite unmutated (stop if it fails),
                     then for each mutant: apply, rebuild, run
                       build/mutate/tests/govplan_tests --abort-after=1, then
                       ctest --test-dir build/mutate -E '^consumer\.' --stop-on-failure -j2,
                     stop at the first failure, restore the file
  --list             print the mutants (ID, file, whether FIND occurs exactly once, why)
  --check            apply each mutant, compile only its target (govplan, or govplan_cli
                     for tools/cli/), restore; reports stale mutants and compile failures
  --only ID[,ID...]  only these mutants (may be repeated)
  --mutants FILE     the mutant list (default: tools/mutants.txt)
  --timeout SECONDS  limit for each test run (default 300); a timeout counts as killed
  --clean            build build/mutate with --clean-first before the unmutated run
  -h, --help         this help

Logs: build/mutate/mutants/ID.log (--check: ID.check.log), _baseline.log.
Exit status: 0 ran to the end (survivors or not); 1 the unmutated build or suite
fails; 2 usage error or malformed mutant list; 3 a file could not be restored (see
the message); 4 --check found a stale mutant or one that does not compile;
130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP (the file is restored first).
EOF
}

die_usage() {
    printf 'mutate.sh: %s\n' "$1" >&2
    printf "run 'tools/mutate.sh --help' for usage\n" >&2
    exit 2
}

# ---- options -----------------------------------------------------------------------
caller_dir=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P) || exit 2
mode=run
mutants_file=
only=()
test_timeout=300
build_timeout=3600
clean=0
while [ $# -gt 0 ]; do
    case $1 in
    --list) mode=list ;;
    --check) mode=check ;;
    --only)
        [ $# -ge 2 ] || die_usage "--only needs a comma-separated list of IDs"
        IFS=',' read -r -a ids <<<"$2"
        only+=("${ids[@]}")
        shift ;;
    --only=*) IFS=',' read -r -a ids <<<"${1#--only=}"; only+=("${ids[@]}") ;;
    --mutants)
        [ $# -ge 2 ] || die_usage "--mutants needs a file"
        mutants_file=$2
        shift ;;
    --mutants=*) mutants_file=${1#--mutants=} ;;
    --timeout)
        [ $# -ge 2 ] || die_usage "--timeout needs a number of seconds"
        test_timeout=$2
        shift ;;
    --timeout=*) test_timeout=${1#--timeout=} ;;
    --clean) clean=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die_usage "unknown argument '$1'" ;;
    esac
    shift
done
[[ $test_timeout =~ ^[1-9][0-9]*$ ]] || die_usage "--timeout must be a positive number of seconds"
if [ -z "$mutants_file" ]; then
    mutants_file=$root/tools/mutants.txt
elif [[ $mutants_file != /* ]]; then
    mutants_file=$caller_dir/$mutants_file
fi
[ -f "$mutants_file" ] && [ -r "$mutants_file" ] || die_usage "cannot read the mutant list $mutants_file"

cd "$root" || exit 2
build_dir=build/mutate
log_dir=$build_dir/mutants
state_dir=$log_dir/.state     # the mutant being applied: path, orig, mutated, id
backup_dir=$log_dir/.backup   # the last pre-mutant copy of every touched file

# ---- the mutant list ------------------------------------------------------------------
M_ID=() M_FILE=() M_FIND=() M_REPL=() M_WHY=()
sep=' | '
declare -A seen_id=()
lineno=0
list_errors=0
list_error() {
    printf '%s:%d: %s\n' "$mutants_file" "$lineno" "$1" >&2
    list_errors=$((list_errors + 1))
}
while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    fields=()
    rest=$line
    for _ in 1 2 3 4; do
        if [[ $rest != *"$sep"* ]]; then
            break
        fi
        fields+=("${rest%%"$sep"*}")
        rest=${rest#*"$sep"}
    done
    if [ ${#fields[@]} -ne 4 ]; then
        list_error "expected 'ID | FILE | FIND | REPLACE | WHY' (fields separated by \" | \")"
        continue
    fi
    id=${fields[0]} file=${fields[1]} find=${fields[2]} repl=${fields[3]} why=$rest
    if ! [[ $id =~ ^[A-Za-z0-9_.-]+$ ]] || [[ $id == _* ]]; then
        list_error "bad ID '$id' (letters, digits, '.', '-', '_'; not starting with '_')"
        continue
    fi
    if [ -n "${seen_id[$id]:-}" ]; then
        list_error "duplicate ID $id (first on line ${seen_id[$id]})"
        continue
    fi
    seen_id[$id]=$lineno
    if [[ $file == /* || /$file/ == */../* || -z $file ]]; then
        list_error "$id: FILE must be a path inside the repository, relative to its root"
        continue
    fi
    [ -n "$find" ] || { list_error "$id: empty FIND text"; continue; }
    [ "$find" != "$repl" ] || { list_error "$id: REPLACE is the same as FIND"; continue; }
    M_ID+=("$id") M_FILE+=("$file") M_FIND+=("$find") M_REPL+=("$repl") M_WHY+=("$why")
done <"$mutants_file"
[ "$list_errors" -eq 0 ] || die_usage "$list_errors malformed line(s) in $mutants_file"
[ ${#M_ID[@]} -gt 0 ] || die_usage "no mutants in $mutants_file"

# The selection, in list order.
selected=()
if [ ${#only[@]} -gt 0 ]; then
    declare -A wanted=()
    for id in "${only[@]}"; do
        [ -n "$id" ] || continue
        [ -n "${seen_id[$id]:-}" ] || die_usage "no mutant with ID '$id' in $mutants_file"
        wanted[$id]=1
    done
    for i in "${!M_ID[@]}"; do
        [ -n "${wanted[${M_ID[$i]}]:-}" ] && selected+=("$i")
    done
    [ ${#selected[@]} -gt 0 ] || die_usage "--only selects nothing"
else
    selected=("${!M_ID[@]}")
fi
idw=5
for i in "${selected[@]}"; do [ ${#M_ID[$i]} -le $idw ] || idw=${#M_ID[$i]}; done

# ---- applying -------------------------------------------------------------------------
# mutate SRC DST FIND REPL: writes SRC with FIND replaced by REPL to DST (when DST is
# not empty). Prints the number of occurrences of FIND; fails unless it is exactly 1.
mutate() {
    MUT_FIND=$3 MUT_REPL=$4 perl -e '
        my ($src, $dst) = @ARGV;
        open(my $in, "<:raw", $src) or do { print "missing"; exit 3 };
        my $text = do { local $/; <$in> };
        close $in;
        my ($find, $repl) = ($ENV{MUT_FIND}, $ENV{MUT_REPL});
        my ($n, $pos, $at) = (0, 0, -1);
        while (($pos = index($text, $find, $pos)) >= 0) { $at = $pos if $n++ == 0; $pos++; }
        print $n;
        exit 3 if $n != 1;
        exit 0 if $dst eq "";
        substr($text, $at, length $find) = $repl;
        open(my $out, ">:raw", $dst) or die "cannot write $dst: $!\n";
        print $out $text;
        close $out or die "cannot write $dst: $!\n";
    ' "$1" "$2"
}

cur_index= cur_id= cur_file=    # the mutant applied right now, if any
child=               # the running build or test (a `timeout` process)
declare -A touched=()

escape_path() { printf '%s' "${1//\//__}"; }

# Puts the pre-mutant copy back. If someone else edited the file while the mutant
# was in, their version is kept in the log directory and, when possible, the
# mutation is undone in it instead of overwriting it.
restore_current() {
    [ -n "$cur_file" ] || return 0
    local i=$cur_index
    if ! cmp -s "$cur_file" "$state_dir/mutated" && ! cmp -s "$cur_file" "$state_dir/orig"; then
        local saved="$log_dir/$cur_id.foreign-edit"
        cp -- "$cur_file" "$saved"
        if [ -n "${M_REPL[$i]}" ] && mutate "$cur_file" "$state_dir/unmutated" "${M_REPL[$i]}" "${M_FIND[$i]}" >/dev/null; then
            cp -- "$state_dir/unmutated" "$cur_file"
            cp -- "$state_dir/unmutated" "$state_dir/orig"
            printf 'mutate.sh: WARNING: %s changed while mutant %s was applied; kept those edits and undid only the mutation (their version: %s)\n' \
                "$cur_file" "$cur_id" "$saved" >&2
        else
            printf 'mutate.sh: WARNING: %s changed while mutant %s was applied; restored the pre-mutant copy, their version is in %s\n' \
                "$cur_file" "$cur_id" "$saved" >&2
        fi
    fi
    cp -- "$state_dir/orig" "$cur_file"
    if ! cmp -s "$state_dir/orig" "$cur_file"; then
        printf 'mutate.sh: FATAL: could not restore %s; the original is in %s/orig\n' "$cur_file" "$state_dir" >&2
        exit 3
    fi
    cp -- "$state_dir/orig" "$backup_dir/$(escape_path "$cur_file")"
    touched[$cur_file]=1
    rm -f -- "$state_dir/path" "$state_dir/id" "$state_dir/mutated" "$state_dir/unmutated"
    cur_id= cur_file=
}

# apply I: 0 when applied; 3 when stale (FIND missing or repeated; reason in $stale_why).
apply() {
    local i=$1 file=${M_FILE[$1]} n
    stale_why=
    if [ ! -f "$file" ]; then
        stale_why="no such file"
        return 3
    fi
    cp -- "$file" "$state_dir/orig" || exit 3
    if ! n=$(mutate "$state_dir/orig" "$state_dir/mutated" "${M_FIND[$i]}" "${M_REPL[$i]}"); then
        stale_why="FIND text occurs $n times"
        return 3
    fi
    printf '%s\n' "$file" >"$state_dir/path"
    printf '%s\n' "${M_ID[$i]}" >"$state_dir/id"
    cur_index=$i cur_id=${M_ID[$i]} cur_file=$file   # set before the file changes
    cp -- "$state_dir/mutated" "$file" || { restore_current; exit 3; }
    return 0
}

# A run interrupted hard (SIGKILL, power loss) leaves its state behind.
recover() {
    [ -f "$state_dir/path" ] || return 0
    local file id
    file=$(<"$state_dir/path")
    id=$(cat "$state_dir/id" 2>/dev/null)
    if cmp -s "$file" "$state_dir/orig"; then
        :
    elif cmp -s "$file" "$state_dir/mutated"; then
        cp -- "$state_dir/orig" "$file" && cmp -s "$state_dir/orig" "$file" || {
            printf 'mutate.sh: FATAL: cannot restore %s from %s/orig\n' "$file" "$state_dir" >&2
            exit 3
        }
        printf 'mutate.sh: restored %s, left mutated (%s) by an interrupted run\n' "$file" "$id" >&2
    else
        printf 'mutate.sh: an interrupted run left mutant %s in %s, and the file has changed since.\n' "$id" "$file" >&2
        printf 'Compare it with %s/orig and %s/mutated, fix it, then remove %s/path.\n' "$state_dir" "$state_dir" "$state_dir" >&2
        exit 3
    fi
    rm -f -- "$state_dir/path" "$state_dir/id" "$state_dir/mutated"
}

# run_step LOG SECONDS DIR COMMAND...: runs COMMAND in DIR under `timeout`, in the
# background so that a signal reaches our trap at once (and is passed on to it).
run_step() {
    local log=$1 secs=$2 dir=$3 rc=0
    shift 3
    printf '\n$ (in %s) %s\n' "$dir" "$*" >>"$log"
    (cd "$dir" && exec timeout --kill-after=15 "$secs" "$@") >>"$log" 2>&1 </dev/null 9>&- &
    child=$!
    wait "$child" || rc=$?
    child=
    printf '[exit status %d]\n' "$rc" >>"$log"
    return "$rc"
}

final_verify() {
    local f bad=0
    for f in "${!touched[@]}"; do
        if ! cmp -s "$f" "$backup_dir/$(escape_path "$f")"; then
            printf 'mutate.sh: WARNING: %s is not byte-identical to the copy mutate.sh restored (edited since by someone else?): compare with %s\n' \
                "$f" "$backup_dir/$(escape_path "$f")" >&2
            bad=1
        fi
    done
    [ ${#touched[@]} -eq 0 ] || [ $bad -ne 0 ] ||
        printf 'restored: %d file(s) byte-identical to their backups (%s)\n' "${#touched[@]}" "${!touched[*]}"
    return $bad
}

on_signal() {
    trap '' INT TERM HUP
    printf '\nmutate.sh: caught SIG%s; stopping\n' "$1" >&2
    if [ -n "$child" ]; then
        kill -TERM "$child" 2>/dev/null
        wait "$child" 2>/dev/null
        child=
    fi
    restore_current
    final_verify
    trap - EXIT
    case $1 in INT) exit 130 ;; TERM) exit 143 ;; *) exit 129 ;; esac
}

on_exit() {
    local rc=$?
    if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi
    restore_current
    exit "$rc"
}

# ---- --list -------------------------------------------------------------------------------
if [ "$mode" = list ]; then
    for i in "${selected[@]}"; do
        if [ ! -f "${M_FILE[$i]}" ]; then
            status="stale: no such file"
        elif n=$(mutate "${M_FILE[$i]}" "" "${M_FIND[$i]}" "${M_REPL[$i]}"); then
            status=ok
        else
            status="stale: $n matches"
        fi
        printf '%-*s  %-22s %-16s %s\n' "$idw" "${M_ID[$i]}" "${M_FILE[$i]}" "$status" "${M_WHY[$i]}"
    done
    printf '%d mutant(s) in %s\n' "${#selected[@]}" "${mutants_file#"$root"/}"
    exit 0
fi

# ---- shared setup for --check and runs ------------------------------------------------
mkdir -p "$log_dir" "$state_dir" "$backup_dir" || exit 3
exec 9>"$log_dir/.lock"
flock -n 9 || { printf 'mutate.sh: another mutate.sh is using %s\n' "$build_dir" >&2; exit 2; }
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP
trap on_exit EXIT
recover

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    echo "configuring $build_dir"
    if ! run_step "$log_dir/_configure.log" "$build_timeout" . cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug \
        -DGOVPLAN_BUILD_TESTS=ON -DGOVPLAN_BUILD_EXAMPLES=ON -DGOVPLAN_BUILD_TOOLS=ON \
        -DGOVPLAN_BUILD_BENCHMARKS=OFF -DGOVPLAN_FUZZ=OFF -DGOVPLAN_SANITIZE= -DGOVPLAN_WARNINGS_AS_ERRORS=OFF; then
        echo "mutate.sh: configuring $build_dir failed; see $log_dir/_configure.log" >&2
        exit 1
    fi
fi

fmt_secs() { printf '%ds' "$1"; }
line_for() {  # line_for STATUS I DETAIL
    printf '%-15s %-*s  %s: %s%s\n' "$1" "$idw" "${M_ID[$2]}" "${M_FILE[$2]}" "${M_WHY[$2]}" "${3:+ ($3)}"
}

# ---- --check: does every mutant apply once and compile? -------------------------------
if [ "$mode" = check ]; then
    echo "building the unmutated library and tool in $build_dir"
    if ! run_step "$log_dir/_baseline.log" "$build_timeout" . cmake --build "$build_dir" --target govplan govplan_cli -j2; then
        echo "mutate.sh: the unmutated tree does not build; see $log_dir/_baseline.log" >&2
        exit 1
    fi
    ok=0 stale=0 broken=0 problems=()
    for i in "${selected[@]}"; do
        log=$log_dir/${M_ID[$i]}.check.log
        printf '%s  %s\n' "${M_ID[$i]}" "${M_FILE[$i]}" >"$log"
        if ! apply "$i"; then
            stale=$((stale + 1)) problems+=("${M_ID[$i]}")
            line_for stale "$i" "$stale_why"
            continue
        fi
        case ${M_FILE[$i]} in
        src/*) target=govplan ;;
        tools/cli/*) target=govplan_cli ;;
        *) target=all ;;
        esac
        start=$SECONDS
        if run_step "$log" "$build_timeout" . cmake --build "$build_dir" --target "$target" -j2; then
            ok=$((ok + 1))
            line_for compiles "$i" "$target, $(fmt_secs $((SECONDS - start)))"
        else
            broken=$((broken + 1)) problems+=("${M_ID[$i]}")
            line_for "did not compile" "$i" "see $log"
        fi
        restore_current
    done
    printf 'check: %d compile, %d stale, %d did not compile, of %d\n' "$ok" "$stale" "$broken" "${#selected[@]}"
    final_verify
    [ ${#problems[@]} -eq 0 ] || { printf 'to fix: %s\n' "${problems[*]}"; exit 4; }
    exit 0
fi

# ---- the run ------------------------------------------------------------------------------
tests_dir=$build_dir/tests
doctest_bin=$tests_dir/govplan_tests

# run_suite LOG: 0 when everything passes; else 1 (and $failed_by says which step).
run_suite() {
    local log=$1 rc
    failed_by=
    if [ -x "$doctest_bin" ]; then
        run_step "$log" "$test_timeout" "$tests_dir" ./govplan_tests --abort-after=1 --no-colors=true
        rc=$?
        if [ $rc -ne 0 ]; then
            failed_by=doctest
            [ $rc -eq 124 ] || [ $rc -eq 137 ] && failed_by="doctest timed out"
            return 1
        fi
    else
        printf '(no %s: skipped)\n' "$doctest_bin" >>"$log"
    fi
    run_step "$log" "$test_timeout" . ctest --test-dir "$build_dir" -E '^consumer\.' --stop-on-failure -j2 \
        --output-on-failure --no-tests=error
    rc=$?
    if [ $rc -ne 0 ]; then
        failed_by=ctest
        [ $rc -eq 124 ] || [ $rc -eq 137 ] && failed_by="ctest timed out"
        return 1
    fi
    return 0
}

baseline_log=$log_dir/_baseline.log
: >"$baseline_log"
echo "building $build_dir$([ $clean -eq 1 ] && echo ' (clean)') and running the unmutated suite"
build_args=(cmake --build "$build_dir" -j2)
[ $clean -eq 1 ] && build_args+=(--clean-first)
start=$SECONDS
if ! run_step "$baseline_log" "$build_timeout" . "${build_args[@]}"; then
    echo "mutate.sh: the unmutated tree does not build; see $baseline_log" >&2
    exit 1
fi
if ! run_suite "$baseline_log"; then
    echo "mutate.sh: the unmutated suite fails ($failed_by); see $baseline_log" >&2
    exit 1
fi
echo "unmutated suite passes ($(fmt_secs $((SECONDS - start))))"

killed=0 survived=0 stale=0 broken=0 survivors=() count=0
for i in "${selected[@]}"; do
    count=$((count + 1))
    id=${M_ID[$i]}
    log=$log_dir/$id.log
    printf 'mutant %s: %s\nwhy: %s\nfind:    %s\nreplace: %s\n' "$id" "${M_FILE[$i]}" "${M_WHY[$i]}" \
        "${M_FIND[$i]}" "${M_REPL[$i]}" >"$log"
    if ! apply "$i"; then
        stale=$((stale + 1))
        printf 'stale: %s\n' "$stale_why" >>"$log"
        line_for stale "$i" "$stale_why"
        continue
    fi
    diff -u --label "a/${M_FILE[$i]}" --label "b/${M_FILE[$i]}" "$state_dir/orig" "${M_FILE[$i]}" >>"$log"
    start=$SECONDS
    if ! run_step "$log" "$build_timeout" . cmake --build "$build_dir" -j2; then
        broken=$((broken + 1))
        result="did not compile" detail="see $log"
    elif run_suite "$log"; then
        survived=$((survived + 1)) survivors+=("$i")
        result=SURVIVED detail=$(fmt_secs $((SECONDS - start)))
    else
        killed=$((killed + 1))
        result=killed detail="$failed_by, $(fmt_secs $((SECONDS - start)))"
    fi
    restore_current
    printf 'result: %s\n' "$result" >>"$log"
    line_for "$result" "$i" "$detail"
done

total=$((killed + survived))
if [ $total -gt 0 ]; then
    tenths=$(((killed * 1000 + total / 2) / total))
    score="$((tenths / 10)).$((tenths % 10))%"
else
    score="n/a"
fi
echo
printf 'mutation score: %d killed of %d (%s)\n' "$killed" "$total" "$score"
printf 'not counted: %d stale, %d did not compile\n' "$stale" "$broken"
if [ ${#survivors[@]} -gt 0 ]; then
    echo "survivors:"
    for i in "${survivors[@]}"; do printf '  %-*s  %s: %s\n' "$idw" "${M_ID[$i]}" "${M_FILE[$i]}" "${M_WHY[$i]}"; done
else
    echo "survivors: none"
fi
final_verify
exit 0
