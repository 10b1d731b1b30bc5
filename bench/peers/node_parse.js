// Peer: Node's JSON.parse on every plan file of a folder (checks nothing).
//
//   node node_parse.js DIR
//
// Reads the files first, then times JSON.parse over all of them, keeping
// every result alive, and prints one JSON line like python_json.py.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const start = process.hrtime.bigint();
const kept = texts.map((t) => JSON.parse(t));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({tool: 'node JSON.parse', files: texts.length,
  bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), seconds, accepted: kept.length}));
