// bench-queries.js - the oxigraph side of scripts/bench-queries.sh: load
// N-Quads (each triple also into the default graph, the merge of the
// named graphs), then run each query; prints "load SECONDS QUADS" and per
// query "NAME ROWS MILLISECONDS" (the best of three runs).
//   node bench-queries.js DATA.nq QUERY.rq...
'use strict';
const fs = require('fs');
const path = require('path');
const ox = require('oxigraph');

const [data, ...queries] = process.argv.slice(2);
let t0 = process.hrtime.bigint();
const store = new ox.Store();
const text = fs.readFileSync(data, 'utf8');
store.load(text, { format: 'application/n-quads' });
// the default graph: the same lines without their graph (every line of
// newsgraph's N-Quads has one; a bulk load:
// adding quad by quad took minutes)
store.load(text.replace(/ <[^<>"]*> \.$/gm, ' .'), { format: 'application/n-triples' });
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log('load ' + secs.toFixed(2) + ' ' + store.size);
for (const f of queries) {
  const text = fs.readFileSync(f, 'utf8');
  let best = Infinity, rows = 0;
  for (let i = 0; i < 3; i++) {
    t0 = process.hrtime.bigint();
    const r = store.query(text);
    rows = Array.isArray(r) ? r.length : 1;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(path.basename(f, '.rq') + ' ' + rows + ' ' + best.toFixed(1));
}
