"""Peer: Python's json.loads on every plan file of a folder (checks nothing).

    python3 python_json.py DIR

Reads the files first, then times json.loads over all of them, keeping every
result alive (as a program holding the corpus would), and prints one JSON
line: tool, files, bytes, seconds (the timed part), accepted.
"""
import json
import sys
import time
from pathlib import Path


def main() -> None:
    texts = [p.read_bytes() for p in sorted(Path(sys.argv[1]).glob("*.json"))]
    start = time.perf_counter()
    kept = [json.loads(t) for t in texts]
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "python json.loads", "files": len(texts), "bytes": sum(map(len, texts)),
                      "seconds": seconds, "accepted": len(kept)}))


if __name__ == "__main__":
    main()
