#!/usr/bin/env bash
# bench.sh - run the benchmark suite (benchmarks/*.py) under refpy, CPython
# and any other interpreter, side by side, and print a Markdown table.
#
# Usage:
#   scripts/bench.sh [-r ROUNDS] [-s SCALE] [-b NAME,...] [-o FILE] [--cpu] REFPY [OTHER...]
#   scripts/bench.sh --callgrind [-s SCALE] [-b NAME,...] [-o FILE] REFPY [REFPY2...]
#   scripts/bench.sh --perf      [-s SCALE] [-b NAME,...] [-o FILE] REFPY [REFPY2...]
#   scripts/bench.sh --record [-s SCALE] [-b NAME,...]
#
# Timing mode (the default).  python3 (CPython 3.11; $PYTHON overrides the
# name) is always measured; the pyenv-style shim, if any, is resolved to the
# real executable first.  Every round runs every program under every
# interpreter, interleaved (round, then program, then interpreter; the order
# of the interpreters alternates between rounds), so that slow drifts of the
# machine hit all of them alike.  A run records its wall time (bash's
# $EPOCHREALTIME around the process), its peak RSS (/usr/bin/time %M) and its
# exit status; stdout of the first round is compared with python3's.  An
# interpreter that crashes or times out on a program is not run on it again.
# Then `-c pass` is run 20 times per interpreter (interleaved) for the
# startup row (best and median), and 5 times under /usr/bin/time for the
# idle-RSS row (smallest peak RSS).
#
# The table has, per program: best and median wall time of each
# interpreter, the ratio best(X) / best(python3) for every X but python3,
# the peak RSS (largest over the rounds) of each interpreter, and whether
# X's output (stdout and exit status) equals python3's.  The last rows give
# the startup time, the idle RSS and the geometric mean of the per-program
# ratios (over the programs whose output equals python3's).  A list of
# failures (exit status, timeout, first differing line, end of stderr)
# follows the table.
#
# Options:
#   -r ROUNDS     rounds in timing mode (default 5)
#   -s SCALE      work scale passed to every program as argv[1] (default 1;
#                 0.1 with --callgrind/--perf, 0.01 with --record)
#   -b NAMES      comma-separated program names (default: every
#                 benchmarks/*.py), e.g. -b fib,nbody
#   -o FILE       also write the report to FILE
#   -t SECONDS    per-run timeout (default 120; $BENCH_TIMEOUT)
#   --cpu         report CPU time (user + sys, from bash's `time`, including
#                 the small cost of the timeout and /usr/bin/time wrappers)
#                 instead of wall time: far less noisy on a busy machine
#   --callgrind   instead of timing, count the instructions executed by each
#                 given interpreter (valgrind --tool=callgrind), for a
#                 noise-free comparison of two refpy builds; python3 is not
#                 added.  Columns: Ir per binary, ratio to the first binary.
#   --perf        as --callgrind, with `perf stat -e instructions:u`
#                 (needs hardware counters, often absent in VMs)
#   --record      write benchmarks/expected/NAME.SCALE.out from python3
#                 (used by tests/bench_smoke.sh); no interpreter argument
#
# Needs bash >= 5, coreutils, awk, /usr/bin/time (Debian package `time`),
# valgrind for --callgrind, perf for --perf.  The benchmarks run with the
# environment of the script tests: PYTHON* and LC_* removed,
# PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8, LC_ALL=C.UTF-8.

set -u
shopt -s nullglob

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
benchdir=$root/benchmarks

usage() {
    sed -n '/^# Usage:/,/^#$/p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
die() { echo "bench.sh: $*" >&2; exit 2; }

# --- options ---------------------------------------------------------------

rounds=5
scale=
only=
outfile=
mode="time"
tp=t        # t: wall time, c: CPU time (--cpu)
run_timeout=${BENCH_TIMEOUT:-120}
interps=()
while [ $# -gt 0 ]; do
    case $1 in
        -r) [ $# -ge 2 ] || usage; rounds=$2; shift 2 ;;
        -s) [ $# -ge 2 ] || usage; scale=$2; shift 2 ;;
        -b) [ $# -ge 2 ] || usage; only=$2; shift 2 ;;
        -o) [ $# -ge 2 ] || usage; outfile=$2; shift 2 ;;
        -t) [ $# -ge 2 ] || usage; run_timeout=$2; shift 2 ;;
        --callgrind) mode=callgrind; shift ;;
        --perf) mode=perf; shift ;;
        --cpu) tp=c; shift ;;
        --record) mode=record; shift ;;
        -h|--help) sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        --) shift; interps+=("$@"); break ;;
        -*) echo "bench.sh: unknown option $1" >&2; usage ;;
        *) interps+=("$1"); shift ;;
    esac
done
case $rounds in ''|*[!0-9]*|0) die "-r needs a positive integer" ;; esac
if [ -z "$scale" ]; then
    case $mode in
        time) scale=1 ;;
        record) scale=0.01 ;;
        *) scale=0.1 ;;
    esac
fi
case $scale in ''|*[!0-9.]*|*.*.*) die "-s needs a positive number" ;; esac
if [ "$mode" = record ]; then
    [ ${#interps[@]} -eq 0 ] || die "--record takes no interpreter"
else
    [ ${#interps[@]} -ge 1 ] || usage
fi
[ -n "${BASH_VERSINFO:-}" ] && [ "${BASH_VERSINFO[0]}" -ge 5 ] || die "needs bash >= 5"

# --- environment -------------------------------------------------------------

for v in $(env | sed -n 's/^\(PYTHON[A-Za-z0-9_]*\)=.*/\1/p; s/^\(LC_[A-Za-z0-9_]*\)=.*/\1/p'); do
    unset "$v"
done
unset LANG LANGUAGE
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8

TIME=/usr/bin/time
if [ "$mode" = time ] && ! [ -x "$TIME" ]; then
    echo "bench.sh: $TIME missing, installing the 'time' package" >&2
    sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y time >/dev/null 2>&1 ||
        { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y time >/dev/null 2>&1; } ||
        die "cannot install /usr/bin/time (apt-get install time)"
fi

# resolve NAME: absolute path of an executable (a script named python* or
# pypy*, such as a pyenv shim, is resolved to the interpreter it starts, so
# that the shim's own start-up is not measured).
resolve() {
    local p
    p=$(command -v -- "$1") || return 1
    case $p in /*) ;; *) p=$(cd "$(dirname "$p")" && pwd)/$(basename "$p") ;; esac
    case $(basename "$p") in *python*|*pypy*) ;; *) printf '%s\n' "$p"; return 0 ;; esac
    if head -c 2 "$p" 2>/dev/null | grep -q '#!' && "$p" -c 'import sys' >/dev/null 2>&1; then
        local real
        real=$("$p" -c 'import sys; print(sys.executable)' 2>/dev/null) &&
            [ -x "$real" ] && p=$real
    fi
    printf '%s\n' "$p"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# --- programs ----------------------------------------------------------------

progs=()
if [ -n "$only" ]; then
    IFS=, read -r -a names <<<"$only"
    for n in "${names[@]}"; do
        n=${n%.py}
        [ -f "$benchdir/$n.py" ] || die "no benchmark $benchdir/$n.py"
        progs+=("$n")
    done
else
    for f in "$benchdir"/*.py; do
        n=$(basename "$f" .py)
        progs+=("$n")
    done
fi
[ ${#progs[@]} -gt 0 ] || die "no programs in $benchdir"

# report LINE...: print to stdout and to the -o file.
: >"$tmp/report"
report() { printf '%s\n' "$@" | tee -a "$tmp/report"; }
finish_report() {
    if [ -n "$outfile" ]; then
        cp "$tmp/report" "$outfile" || die "cannot write $outfile"
    fi
}

# --- --record --------------------------------------------------------------

pyname=${PYTHON:-python3}
if [ "$mode" = record ]; then
    py=$(resolve "$pyname") || die "cannot run $pyname"
    ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    [ "$ver" = 3.11 ] || die "$py is Python $ver, expected 3.11"
    mkdir -p "$benchdir/expected"
    for p in "${progs[@]}"; do
        dest=$benchdir/expected/$p.$scale.out
        if ! (cd "$benchdir" && timeout "$run_timeout" "$py" "$p.py" "$scale") >"$tmp/out" 2>"$tmp/err"; then
            cat "$tmp/err" >&2
            die "python3 failed on $p.py $scale"
        fi
        cp "$tmp/out" "$dest"
        echo "recorded ${dest#"$root"/}"
    done
    exit 0
fi

# --- interpreters and labels -------------------------------------------------

exes=()
labels=()
add_interp() {  # add_interp PATH [LABEL]
    local exe lab i n dup
    exe=$(resolve "$1") || die "cannot find interpreter $1"
    [ -x "$exe" ] || die "$exe is not executable"
    if [ $# -ge 2 ]; then
        exes+=("$exe"); labels+=("$2"); return
    fi
    # a label is unique and never "python3" (the baseline's)
    taken() {
        [ "$1" = python3 ] && [ "$mode" = time ] && return 0
        for i in "${!labels[@]}"; do [ "${labels[$i]}" = "$1" ] && return 0; done
        return 1
    }
    lab=$(basename "$1")
    n=$(basename "$(dirname "$exe")")/$(basename "$exe")
    taken "$lab" && lab=$n
    dup=1
    while taken "$lab"; do dup=$((dup + 1)); lab="$n#$dup"; done
    exes+=("$exe")
    labels+=("$lab")
}

# runs CMD...: run in the benchmarks directory, stdout to $tmp/out, stderr to
# $tmp/err; sets $status (124 = timeout).
runs() {
    (cd "$benchdir" && exec timeout -k 5 "$run_timeout" "$@") >"$tmp/out" 2>"$tmp/err"
    status=$?
}

# --- --callgrind / --perf ------------------------------------------------------

if [ "$mode" != time ]; then
    for a in "${interps[@]}"; do add_interp "$a"; done
    if [ "$mode" = callgrind ]; then
        command -v valgrind >/dev/null || die "valgrind not found (apt-get install valgrind)"
        what="instructions executed (valgrind --tool=callgrind, Ir)"
    else
        command -v perf >/dev/null || die "perf not found"
        what="user-space instructions (perf stat -e instructions:u)"
        n=$(perf stat -x, -e instructions:u -o /dev/stdout true 2>/dev/null | awk -F, '/instructions/ { print $1 }')
        case $n in *[!0-9]*|'') die "perf cannot count instructions here (${n:-no output}); use --callgrind" ;; esac
    fi
    # count CMD...: print the instruction count of CMD, or "fail(STATUS)".
    count() {
        local n
        if [ "$mode" = callgrind ]; then
            rm -f "$tmp"/vg.*.log
            runs valgrind --tool=callgrind --callgrind-out-file=/dev/null \
                --trace-children=yes --log-file="$tmp/vg.%p.log" "$@"
            # summed over the processes (a wrapper script and what it starts)
            n=$(cat "$tmp"/vg.*.log | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' |
                awk '{ s += $1 } END { if (NR) printf "%.0f\n", s }')
        else
            runs perf stat -x, -e instructions:u -o "$tmp/vg.log" "$@"
            n=$(awk -F, '/instructions/ { print $1 }' "$tmp/vg.log" | tail -n 1)
            case $n in *[!0-9]*) n= ;; esac
        fi
        if [ "$status" -ne 0 ] || [ -z "$n" ]; then echo "fail($status)"; else echo "$n"; fi
    }
    hdr="| program |"; sep="|---|"
    for l in "${labels[@]}"; do hdr+=" $l |"; sep+="---:|"; done
    for l in "${labels[@]:1}"; do hdr+=" $l / ${labels[0]} |"; sep+="---:|"; done
    report "Instruction counts: $what, scale $scale, $(date -u '+%Y-%m-%d %H:%M UTC')." ""
    report "$hdr" "$sep"
    row() {  # row NAME COUNT...
        local line="| $1 |" first=$2 c
        shift
        for c in "$@"; do line+=" $c |"; done
        for c in "${@:2}"; do
            case "$first$c" in
                *[!0-9]*) line+=" - |" ;;
                *) line+=" $(awk -v a="$c" -v b="$first" 'BEGIN { printf "%.3f", a / b }') |" ;;
            esac
        done
        report "$line"
    }
    for p in "${progs[@]}"; do
        cs=()
        for e in "${exes[@]}"; do cs+=("$(count "$e" "$p.py" "$scale")"); done
        row "$p" "${cs[@]}"
    done
    cs=()
    for e in "${exes[@]}"; do cs+=("$(count "$e" -c pass)"); done
    row "startup (-c pass)" "${cs[@]}"
    finish_report
    exit 0
fi

# --- timing mode -----------------------------------------------------------------

add_interp "${interps[0]}"
py=$(resolve "$pyname") || die "cannot run $pyname"
add_interp "$py" python3
pyi=1
for a in "${interps[@]:1}"; do add_interp "$a"; done
ni=${#exes[@]}

# cpu_us: the "USER SYS" seconds that bash's `time` wrote to $tmp/cpu, as
# microseconds of CPU time.
cpu_us() {
    local u s
    read -r u s <"$tmp/cpu"
    u=${u/./}; s=${s/./}
    echo $(( (10#$u + 10#$s) * 1000 ))
}
TIMEFORMAT='%3U %3S'

# timed_run I PROG: run interpreter I on PROG once; appends the wall time
# (us) to $tmp/t.PROG.I, the CPU time (us) to $tmp/c.PROG.I and the peak RSS
# (KB) to $tmp/m.PROG.I; in round 1 keeps stdout, stderr and status.
timed_run() {
    local i=$1 p=$2 t0 t1 rss
    t0=$EPOCHREALTIME
    { time runs "$TIME" -f '%M' -o "$tmp/rss" "${exes[$i]}" "$p.py" "$scale"; } 2>"$tmp/cpu"
    t1=$EPOCHREALTIME
    rss=$(tail -n 1 "$tmp/rss" 2>/dev/null)
    case $rss in ''|*[!0-9]*) rss=0 ;; esac
    if [ ! -f "$tmp/s.$p.$i" ]; then
        cp "$tmp/out" "$tmp/o.$p.$i"
        cp "$tmp/err" "$tmp/e.$p.$i"
        echo "$status" >"$tmp/s.$p.$i"
    elif [ "$status" -ne 0 ]; then
        echo "$status" >"$tmp/s.$p.$i"
        cp "$tmp/err" "$tmp/e.$p.$i"
    fi
    if [ "$status" -eq 0 ]; then
        echo $(( 10#${t1/./} - 10#${t0/./} )) >>"$tmp/t.$p.$i"
        cpu_us >>"$tmp/c.$p.$i"
        echo "$rss" >>"$tmp/m.$p.$i"
    fi
}

# stats FILE: "best median" of the numbers in FILE ("- -" if none).
stats() {
    if [ -s "$1" ]; then
        sort -n "$1" | awk '{ v[NR] = $1 } END {
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.0f %.0f\n", v[1], m }'
    else
        echo "- -"
    fi
}
maxof() { if [ -s "$1" ]; then sort -n "$1" | tail -n 1; else echo -; fi; }
minof() { if [ -s "$1" ]; then sort -n "$1" | head -n 1; else echo -; fi; }
fmt() {  # fmt VALUE DIVISOR DECIMALS
    case $1 in -|'') echo - ;; *) awk -v v="$1" -v d="$2" -v n="$3" 'BEGIN { printf "%.*f", n, v / d }' ;; esac
}
ratio() {  # ratio A B
    case "$1$2" in *-*|'') echo - ;; *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;; esac
}

cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "bench.sh: ${#progs[@]} programs x $ni interpreters x $rounds rounds, scale $scale" >&2
for i in "${!exes[@]}"; do echo "  ${labels[$i]} = ${exes[$i]}" >&2; done

for ((r = 1; r <= rounds; r++)); do
    echo "round $r/$rounds" >&2
    order=()
    for ((i = 0; i < ni; i++)); do
        if ((r % 2)); then order+=("$i"); else order=("$i" "${order[@]}"); fi
    done
    for p in "${progs[@]}"; do
        for i in "${order[@]}"; do
            if [ -f "$tmp/s.$p.$i" ] && [ "$(cat "$tmp/s.$p.$i")" -ne 0 ]; then
                continue    # crashed or timed out before: not again
            fi
            timed_run "$i" "$p"
        done
    done
done

# Start-up: 20 interleaved runs of `-c pass` each, timed without wrappers,
# then the spawn floor (/bin/true) and the idle RSS (5 runs under time).
echo "startup" >&2
for ((k = 0; k < 20; k++)); do
    for i in "${!exes[@]}"; do
        t0=$EPOCHREALTIME
        { time "${exes[$i]}" -c pass >/dev/null 2>&1; } 2>"$tmp/cpu"
        st=$?
        t1=$EPOCHREALTIME
        if [ $st -eq 0 ]; then
            echo $(( 10#${t1/./} - 10#${t0/./} )) >>"$tmp/t.startup.$i"
            cpu_us >>"$tmp/c.startup.$i"
        fi
    done
    t0=$EPOCHREALTIME; /bin/true; t1=$EPOCHREALTIME
    echo $(( 10#${t1/./} - 10#${t0/./} )) >>"$tmp/t.floor"
done
for ((k = 0; k < 5; k++)); do
    for i in "${!exes[@]}"; do
        if "$TIME" -f '%M' -o "$tmp/rss" "${exes[$i]}" -c pass >/dev/null 2>&1; then
            tail -n 1 "$tmp/rss" >>"$tmp/m.idle.$i"
        fi
    done
done

# --- the table -------------------------------------------------------------------

others=()
for ((i = 0; i < ni; i++)); do [ $i -ne $pyi ] && others+=("$i"); done

hdr="| program |"; sep="|---|"
for ((i = 0; i < ni; i++)); do
    hdr+=" ${labels[$i]} best (s) | ${labels[$i]} median (s) |"; sep+="---:|---:|"
done
for i in "${others[@]}"; do hdr+=" ${labels[$i]} / python3 |"; sep+="---:|"; done
for ((i = 0; i < ni; i++)); do hdr+=" ${labels[$i]} RSS (MB) |"; sep+="---:|"; done
for i in "${others[@]}"; do hdr+=" ${labels[$i]} same output |"; sep+=":---:|"; done

if [ $tp = c ]; then unit="CPU time (user + sys)"; else unit="wall time"; fi
report "Benchmarks ($unit): $rounds rounds, scale $scale, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs${cpu:+ ($cpu)}." ""
for i in "${!exes[@]}"; do report "- ${labels[$i]}: \`${exes[$i]}\`"; done
report "" "$hdr" "$sep"

failures=()
declare -A logsum logn
for i in "${others[@]}"; do logsum[$i]=0; logn[$i]=0; done

for p in "${progs[@]}"; do
    line="| $p |"
    declare -A best=()
    for ((i = 0; i < ni; i++)); do
        read -r b m < <(stats "$tmp/$tp.$p.$i")
        best[$i]=$b
        line+=" $(fmt "$b" 1000000 3) | $(fmt "$m" 1000000 3) |"
    done
    same=()
    for i in "${others[@]}"; do
        s=$(cat "$tmp/s.$p.$i" 2>/dev/null || echo 127)
        ps=$(cat "$tmp/s.$p.$pyi" 2>/dev/null || echo 127)
        if [ "$s" = "$ps" ] && cmp -s "$tmp/o.$p.$i" "$tmp/o.$p.$pyi"; then
            same[$i]=yes
        else
            same[$i]=no
            why="exit status $s"
            [ "$s" = 124 ] && why="timeout after ${run_timeout}s"
            [ "$s" -gt 128 ] 2>/dev/null && [ "$s" != 124 ] && why="killed by signal $((s - 128))"
            if [ "$s" = "$ps" ]; then
                ln=$(cmp "$tmp/o.$p.$pyi" "$tmp/o.$p.$i" 2>&1 | sed -n 's/.* line \([0-9]*\).*/\1/p')
                if [ -n "$ln" ]; then
                    want=$(sed -n "${ln}p" "$tmp/o.$p.$pyi" | cut -c 1-120)
                    got=$(sed -n "${ln}p" "$tmp/o.$p.$i" | cut -c 1-120)
                    why="output differs at line $ln: expected \`$want\`, got \`$got\`"
                else
                    why="output differs (one output is a prefix of the other: $(wc -l <"$tmp/o.$p.$pyi") vs $(wc -l <"$tmp/o.$p.$i") lines)"
                fi
            fi
            err=$(tail -n 3 "$tmp/e.$p.$i" 2>/dev/null | tr '\n' ' ' | cut -c 1-300)
            failures+=("- $p [${labels[$i]}]: $why${err:+ -- stderr: \`$err\`}")
        fi
        r=$(ratio "${best[$i]}" "${best[$pyi]}")
        line+=" $r |"
        if [ "${same[$i]}" = yes ] && [ "$r" != - ]; then
            logsum[$i]=$(awk -v s="${logsum[$i]}" -v r="${best[$i]}" -v q="${best[$pyi]}" 'BEGIN { printf "%.12f", s + log(r / q) }')
            logn[$i]=$((logn[$i] + 1))
        fi
    done
    for ((i = 0; i < ni; i++)); do line+=" $(fmt "$(maxof "$tmp/m.$p.$i")" 1024 1) |"; done
    for i in "${others[@]}"; do line+=" ${same[$i]} |"; done
    report "$line"
    unset best
done

# startup row (ms), idle-RSS row (MB), geometric mean
line="| startup \`-c pass\` (ms) |"
for ((i = 0; i < ni; i++)); do
    read -r b m < <(stats "$tmp/$tp.startup.$i")
    sb[$i]=$b
    line+=" $(fmt "$b" 1000 2) | $(fmt "$m" 1000 2) |"
done
for i in "${others[@]}"; do line+=" $(ratio "${sb[$i]}" "${sb[$pyi]}") |"; done
for ((i = 0; i < ni; i++)); do line+=" |"; done
for i in "${others[@]}"; do line+=" |"; done
report "$line"

line="| idle RSS \`-c pass\` (MB) |"
for ((i = 0; i < ni; i++)); do line+=" | |"; done
for i in "${others[@]}"; do line+=" $(ratio "$(minof "$tmp/m.idle.$i")" "$(minof "$tmp/m.idle.$pyi")") |"; done
for ((i = 0; i < ni; i++)); do line+=" $(fmt "$(minof "$tmp/m.idle.$i")" 1024 2) |"; done
for i in "${others[@]}"; do line+=" |"; done
report "$line"

line="| **geometric mean** |"
for ((i = 0; i < ni; i++)); do line+=" | |"; done
for i in "${others[@]}"; do
    if [ "${logn[$i]}" -gt 0 ]; then
        line+=" **$(awk -v s="${logsum[$i]}" -v n="${logn[$i]}" 'BEGIN { printf "%.2f", exp(s / n) }')** |"
    else
        line+=" - |"
    fi
done
for ((i = 0; i < ni; i++)); do line+=" |"; done
for i in "${others[@]}"; do line+=" ${logn[$i]}/${#progs[@]} programs |"; done
report "$line"

report "" "Times are $unit in seconds (best and median of $rounds rounds); ratio = best / python3's best;" \
    "RSS = largest peak resident set over the rounds. Start-up: best and median of 20 runs," \
    "including the cost of spawning a process (/bin/true here: $(fmt "$(minof "$tmp/t.floor")" 1000 2) ms best)." \
    "The geometric mean covers the programs whose output equals python3's."
if [ ${#failures[@]} -gt 0 ]; then
    report "" "Failures:" "${failures[@]}"
fi
finish_report
exit 0
