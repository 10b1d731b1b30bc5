#!/bin/sh
# with_file_size_limit.sh BLOCKS COMMAND ARGS…: runs COMMAND with its file-size
# limit at BLOCKS (512-byte blocks), SIGXFSZ ignored, so a write past it fails
# with EFBIG as on a full disk instead of killing the process.
trap '' XFSZ
ulimit -f "$1"
shift
exec "$@"
