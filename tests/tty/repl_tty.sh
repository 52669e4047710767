#!/usr/bin/env bash
# Drives refpy's REPL in a real terminal (tmux) and checks what a person
# would see: line editing, history (in-session, across sessions, Ctrl-R),
# tab completion, auto-indentation, Ctrl-C and Ctrl-D, REFPYSTARTUP.
# Usage: tests/tty/repl_tty.sh REFPY     (exit 77 = skipped: no tmux)
set -u
refpy="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! command -v tmux >/dev/null 2>&1; then
  echo "SKIP: tmux is not installed (scripts/setup.sh installs it)"
  exit 77
fi

work="$(mktemp -d)"
export TMUX_TMPDIR="$work"
sock="refpy-tty-$$"
pass=0
fail=0
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT

nstart=0
start() {   # start [env assignments...]: a fresh REPL session named t
  # A fresh server each time: a new session on the socket of a server still
  # shutting down would die with it.
  tmux -L "$sock" kill-server 2>/dev/null
  nstart=$((nstart + 1))
  sock="refpy-tty-$$-$nstart"
  tmux -L "$sock" new-session -d -s t -x 120 -y 40 \
    "env HOME=$work/home $* $refpy -q; echo EXIT=\$?; sleep 30"
  wait_for '^>>> ' || true
}
keys() { tmux -L "$sock" send-keys -t t "$@"; sleep 0.15; }
screen() { tmux -L "$sock" capture-pane -t t -p; }
wait_for() {   # wait_for REGEX: up to 5 s for the screen to match
  for _ in $(seq 50); do
    screen | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
check() {   # check NAME REGEX
  if wait_for "$2"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: $1 (expected screen to match: $2)"
    screen | sed 's/^/    | /'
  fi
}

mkdir -p "$work/home"

# Line editing: Ctrl-A/E/K/U/W, Alt-B/F.
start
keys "print('world')" C-a "x1 = 5; " Enter
check "ctrl-a inserts at line start" '^world$'
keys 'print(12345)' C-a Right Right Right Right Right Right C-k '7)' Enter
check "ctrl-k kills to end of line" '^7$'
keys 'garbage' C-u "print('u-ok')" Enter
check "ctrl-u kills the whole line" '^u-ok$'
keys "print('w-ok') junk" C-w C-e Enter
check "ctrl-w deletes the previous word" '^w-ok$'
keys '1 + 2' M-b '10' Enter
check "alt-b moves back a word" '^103$'
keys '1 + 2' C-a M-f '0' Enter
check "alt-f moves forward a word" '^12$'
keys 'x1' C-e ' * 2' Enter
check "ctrl-e moves to end of line" '^10$'

# History within the session, and Ctrl-R search.
keys 'print(770 + 7)' Enter
check "a line runs" '^777$'
count_is() {   # count_is NAME REGEX N: the screen has N lines matching
  local n
  for _ in $(seq 30); do
    n=$(screen | grep -cE -- "$2")
    [ "$n" -ge "$3" ] && break
    sleep 0.1
  done
  if [ "$n" -ge "$3" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $1 ($n lines match $2, expected $3)"; screen | sed 's/^/    | /'; fi
}
keys '0' Enter Up Up Enter
count_is "up arrow recalls an earlier line" '^777$' 2
keys C-r '770 +' Enter
count_is "ctrl-r searches the history" '^777$' 3

# Completion of attributes, builtins and session names.
keys 'lst = [3]' Enter 'lst.ap' Tab '4)' Enter 'lst' Enter
check "attribute completion (append)" '^\[3, 4\]$'
keys 'pri' Tab "'p-ok')" Enter
check "builtin completion (print)" '^p-ok$'
keys 'my_long_name = 41' Enter 'my_lo' Tab ' + 1' Enter
check "global name completion" '^42$'

# Auto-indentation after ':' and none at a new statement.
# (one line per send: keys arriving in one burst look like a paste, which
# is deliberately not auto-indented)
keys 'def g():' Enter; keys 'return 6' Enter; keys Enter; keys 'g()' Enter
check "auto-indent inside def" '^6$'
keys 'if True:' Enter; keys 'z = 1' Enter; keys 'w = 2' Enter; keys Enter; keys 'z + w' Enter
check "auto-indent keeps the block level" '^3$'

# Ctrl-C at a prompt, and while running.
keys 'abc' C-c
check "ctrl-c at a prompt" '^KeyboardInterrupt$'
keys 'print(8)' Enter
check "session goes on after ctrl-c" '^8$'
keys 'while True: pass' Enter Enter
sleep 0.5
keys C-c
check "ctrl-c interrupts running code" 'KeyboardInterrupt'
keys 'print(9)' Enter
check "session goes on after an interrupted loop" '^9$'

# Ctrl-D at an empty prompt exits with status 0 and saves the history.
keys C-d
check "ctrl-d exits with status 0" 'EXIT=0'
if [ -s "$work/home/.refpy_history" ]; then pass=$((pass + 1)); else
  fail=$((fail + 1)); echo "FAIL: ~/.refpy_history was not written"; fi

# History across sessions.
start
keys Up
check "history from the previous session" '^>>> (z \+ w|print\(9\))'
keys C-u 'exit()' Enter
check "exit() leaves with status 0" 'EXIT=0'

# REFPYSTARTUP runs before the first prompt.
printf 'startup_var = 11\n' > "$work/startup.py"
start "REFPYSTARTUP=$work/startup.py"
keys 'startup_var * 2' Enter
check "REFPYSTARTUP file ran" '^22$'
keys C-d

# Piped input never creates a history file.
mkdir -p "$work/home2"
printf 'x = 1\n' | HOME="$work/home2" "$refpy" -q -i >/dev/null 2>&1
if [ -e "$work/home2/.refpy_history" ]; then fail=$((fail + 1)); echo "FAIL: history written for piped input"; else pass=$((pass + 1)); fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
