#!/bin/sh
# The bash completion script parses, completes command names and each
# command's options:  check_completion.sh GOVPLAN_TOOL COMPLETION_FILE
set -eu
bash -n "$2"
bash -c '
  . "$1"
  COMP_WORDS=(govplan ext); COMP_CWORD=1; _govplan; echo "commands: ${COMPREPLY[*]}"
  COMP_WORDS=(govplan targets --co); COMP_CWORD=2; _govplan; echo "options: ${COMPREPLY[*]}"
' completion "$2"
"$1" completion bash | cmp - "$2"
