// agree.js - the second engine of tests/agree: loads the same N-Quads into
// oxigraph (npm), with every triple also in its default graph (the RDF
// merge of the named graphs, as a set), runs each query there and compares
// its answer with newsgraph's (the SPARQL JSON results in OURS/NAME.json):
// rows as multisets of canonical terms, in order when the query has ORDER
// BY; blank node labels are not compared.  Prints "ok NAME" or
// "FAIL NAME: why" per query.
//   node agree.js DATA.nq QUERIES_DIR OURS_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const ox = require('oxigraph');

const [data, qdir, ours] = process.argv.slice(2);
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

function lit(value, lang, dt) {
  let s = JSON.stringify(value);
  if (lang) return s + '@' + lang.toLowerCase();
  if (dt && dt !== XSD_STRING && dt !== RDF_LANG) s += '^^<' + dt + '>';
  return s;
}

// one term of oxigraph's answer
function oxTerm(t) {
  if (!t) return '-';
  if (t.termType === 'NamedNode') return '<' + t.value + '>';
  if (t.termType === 'BlankNode') return '_:';
  return lit(t.value, t.language, t.datatype && t.datatype.value);
}

// one term of a SPARQL JSON results binding
function jsonTerm(b) {
  if (!b || b.type === 'unbound') return '-';  // rasqal writes unbound ones
  if (b.type === 'uri') return '<' + b.value + '>';
  if (b.type === 'bnode') return '_:';
  return lit(b.value, b['xml:lang'], b.datatype);
}

const store = new ox.Store();
const text = fs.readFileSync(data, 'utf8');
store.load(text, { format: 'application/n-quads' });
// the default graph: the same lines without their graph (every line of
// newsgraph's N-Quads has one; a bulk load:
// adding quad by quad took minutes)
store.load(text.replace(/ <[^<>"]*> \.$/gm, ' .'), { format: 'application/n-triples' });

let failed = 0;
for (const f of fs.readdirSync(qdir).filter(n => n.endsWith('.rq')).sort()) {
  const name = f.replace(/\.rq$/, '');
  const text = fs.readFileSync(path.join(qdir, f), 'utf8');
  const ordered = /ORDER\s+BY/i.test(text);
  let mine, theirs;
  try {
    mine = JSON.parse(fs.readFileSync(path.join(ours, name + '.json'), 'utf8'));
  } catch (e) {
    console.log('FAIL ' + name + ': newsgraph gave no answer'); failed++; continue;
  }
  const t0 = Date.now();
  const res = store.query(text);
  const ms = Date.now() - t0;
  if (typeof res === 'boolean') {
    if (mine.boolean === res) console.log('ok ' + name + ' (' + res + ')');
    else { console.log('FAIL ' + name + ': ' + mine.boolean + ' vs ' + res); failed++; }
    continue;
  }
  const vars = mine.head.vars;
  theirs = res.map(row => vars.map(v => oxTerm(row.get(v))).join(' '));
  const rows = mine.results.bindings.map(b => vars.map(v => jsonTerm(b[v])).join(' '));
  if (!ordered) { theirs.sort(); rows.sort(); }
  let diff = -1;
  for (let i = 0; i < Math.max(rows.length, theirs.length); i++)
    if (rows[i] !== theirs[i]) { diff = i; break; }
  if (diff < 0) console.log('ok ' + name + ' (' + rows.length + ' rows; oxigraph ' + ms + ' ms)');
  else {
    failed++;
    console.log('FAIL ' + name + ': ' + rows.length + ' rows vs oxigraph ' + theirs.length +
                '; first difference at ' + diff + ': ' + rows[diff] + ' | ' + theirs[diff]);
  }
}
process.exit(failed ? 1 : 0);
