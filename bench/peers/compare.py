"""Runs govplan and its peers on the same plan files, side by side.

    python3 compare.py --corpus DIR --schema SCHEMA --govplan-peer PROGRAM [--rounds N] [--jobs J]

Each tool runs in its own process, once per round; the order of the tools
turns by one each round (interleaved), so that a slow moment of the machine
falls on all of them. For each tool and round it records the whole-process
wall time, the in-process time the tool reports (only its parse / load and
check, after reading the files) and its peak resident memory. A peer's
ratio in a round is its time divided by govplan's in that round; the table
gives the median over rounds of those ratios, for both times. With --jobs J
above 1, govplan also runs on J threads (each taking the next file, as
`govplan validate --jobs` does), and the ratios to that run are added.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def tools(args):
    threaded = [("govplan threads", [args.govplan_peer, args.corpus, str(args.jobs)])] if args.jobs > 1 else []
    return [
        ("govplan", [args.govplan_peer, args.corpus]),
        *threaded,
        ("python json.loads", [sys.executable, str(HERE / "python_json.py"), args.corpus]),
        ("pydantic", [sys.executable, str(HERE / "pydantic_plan.py"), args.schema, args.corpus]),
        ("node JSON.parse", ["node", str(HERE / "node_parse.js"), args.corpus]),
        ("node JSON.parse + ajv", ["node", str(HERE / "node_ajv.js"), args.schema, args.corpus]),
    ]


def run(command):
    """Whole-process seconds and the tool's own report."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    return wall, json.loads(done.stdout.decode().strip().splitlines()[-1])


def peak_mib(command):
    """Peak resident memory of one run, from getrusage of the finished child."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"{command[0]} failed measuring memory")
    return usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--govplan-peer", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    listed = tools(args)
    wall = {name: [] for name, _ in listed}
    inner = {name: [] for name, _ in listed}
    reports = {}
    for r in range(args.rounds):
        order = listed[r % len(listed):] + listed[:r % len(listed)]
        for name, command in order:
            w, report = run(command)
            wall[name].append(w)
            inner[name].append(report["seconds"])
            reports[name] = report
        print(f"round {r + 1} of {args.rounds} done", file=sys.stderr)
    memory = {name: peak_mib(command) for name, command in listed}

    first = reports["govplan"]
    print(f"corpus: {first['files']} plans, {first['bytes'] / 2**20:.1f} MiB of JSON; "
          f"{args.rounds} rounds, interleaved; medians")
    print()
    threaded = "govplan threads" in wall
    head = "| tool | accepted | in process | whole process | peak memory | govplan faster by (in process) | (whole process) |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    if threaded:
        head += f" govplan on {args.jobs} threads faster by (in process) | (whole process) |"
        rule += "---:|---:|"
    print(head)
    print(rule)

    def ratios(name, base):
        return (statistics.median(i / g for i, g in zip(inner[name], inner[base])),
                statistics.median(w / g for w, g in zip(wall[name], wall[base])))

    for name, _ in listed:
        ratio_inner, ratio_wall = ratios(name, "govplan")
        row = (f"| {reports[name]['tool']} | {reports[name]['accepted']} | {statistics.median(inner[name]):.3f} s "
               f"| {statistics.median(wall[name]):.3f} s | {memory[name]:.0f} MiB "
               f"| {ratio_inner:.2f}× | {ratio_wall:.2f}× |")
        if threaded:
            threaded_inner, threaded_wall = ratios(name, "govplan threads")
            row += f" {threaded_inner:.2f}× | {threaded_wall:.2f}× |"
        print(row)

if __name__ == "__main__":
    main()
