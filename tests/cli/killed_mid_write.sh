#!/bin/sh
# killed_mid_write.sh DIR COMMAND ARGS…: runs COMMAND with a file-size limit of
# two 512-byte blocks and SIGXFSZ at its default action, so that the kernel
# kills it in the middle of writing its output; then fails if the command was
# not killed by a signal, or if DIR holds a temporary file left behind.
dir=$1
shift
# The shell reports the death on its own stderr: keep that quiet.
exec 3>&2 2>/dev/null
(ulimit -f 2 && exec "$@")
status=$?
exec 2>&3 3>&-
if [ "$status" -le 128 ]; then
  echo "expected the command to be killed by SIGXFSZ, it exited with $status" >&2
  exit 1
fi
left=$(ls -A "$dir" | grep '\.tmp-')
if [ -n "$left" ]; then
  echo "left behind in $dir: $left" >&2
  exit 1
fi
