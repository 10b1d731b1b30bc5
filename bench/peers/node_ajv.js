// Peer: Node's JSON.parse, then a compiled ajv validator of the published
// schema (schema/govplan.schema.json, JSON Schema 2020-12), on every plan.
//
//   node node_ajv.js SCHEMA DIR
//
// Prints one JSON line like python_json.py; `accepted` counts the plans the
// schema accepts. ajv comes from bench/peers/package.json (npm ci).
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');

const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const validate = new Ajv2020({allErrors: false, strict: false}).compile(schema);
const dir = process.argv[3];
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const start = process.hrtime.bigint();
const kept = [];
let accepted = 0;
for (const t of texts) {
  const doc = JSON.parse(t);
  if (validate(doc)) ++accepted;
  kept.push(doc);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({tool: 'node JSON.parse + ajv', files: texts.length,
  bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), seconds, accepted}));
