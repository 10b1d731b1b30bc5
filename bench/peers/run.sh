#!/usr/bin/env bash
# govplan against what a Python or Node user has, on the same files, in one
# command (docs/performance.md, "Peers"):
#
#   bench/peers/run.sh [PLANS] [ROUNDS] [JOBS]
#                      (defaults: 2850 plans, 5 rounds, JOBS one per core)
#
# Builds the bench preset (govplan_peer, govplan_corpus), writes the synthetic
# corpus (every plan valid) under build/bench/peers-corpus-PLANS, installs ajv
# from package-lock.json (npm ci) when missing, then runs compare.py: govplan
# load + validate, Python json.loads, a pydantic 2 model of the schema
# (model_validate_json), Node JSON.parse, and JSON.parse + ajv with the
# published schema, each in its own process, rounds interleaved, ratios
# printed; govplan also on JOBS threads when JOBS is above 1. Needs python3
# with pydantic 2 and node with npm.
set -euo pipefail
cd "$(dirname "$0")/../.."

plans=${1:-2850}
rounds=${2:-5}
jobs=${3:-$(nproc)}

python3 -c 'import pydantic, sys; sys.exit(0 if pydantic.VERSION.startswith("2") else "pydantic 2 is needed, found " + pydantic.VERSION)'
command -v node >/dev/null || { echo "run.sh: node is needed" >&2; exit 2; }

cmake --preset bench >/dev/null
cmake --build --preset bench --target govplan_peer govplan_corpus >/dev/null
corpus=build/bench/peers-corpus-$plans
if [[ ! -d $corpus ]]; then
  build/bench/bench/govplan_corpus write "$corpus.tmp" "$plans" >/dev/null
  mv "$corpus.tmp" "$corpus"
fi
if [[ ! -d bench/peers/node_modules/ajv ]]; then
  (cd bench/peers && npm ci --no-audit --no-fund >/dev/null)
fi
echo "python3 $(python3 -c 'import sys; print(sys.version.split()[0])'), pydantic $(python3 -c 'import pydantic; print(pydantic.VERSION)'), node $(node --version), ajv $(node -p 'require("./bench/peers/node_modules/ajv/package.json").version')"
python3 bench/peers/compare.py --corpus "$corpus" --schema schema/govplan.schema.json \
  --govplan-peer build/bench/bench/govplan_peer --rounds "$rounds" --jobs "$jobs"
