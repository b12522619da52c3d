// check.js - is newsgraph's JSON-LD the same graph as its N-Quads?
//
// Usage: node check.js JSONLD NQUADS [JSONLD NQUADS ...]
// A JSONLD file is one document, or JSON Lines (one document per line).
// Each is expanded to N-Quads by jsonld.js (remote contexts refused: the
// output must carry its context inline), then the N-Quads of both sides
// are canonicalised by rdf-canonize (RDFC-1.0) and compared.  Prints one
// line per pair, "ok PAIR quads=N" or "FAIL PAIR: why" with the first
// differing quads; exit status 1 when a pair differs.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');
const canonize = require('rdf-canonize');

const refuse = async (url) => {
  throw new Error('remote context requested: ' + url);
};

async function canon(nquads) {
  return canonize.canonize(nquads, {
    algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads'
  });
}

async function expandFile(path) {
  const text = fs.readFileSync(path, 'utf8');
  const t = text.trimStart();
  let docs;
  if (t.startsWith('{') && text.trimEnd().indexOf('\n') > 0 &&
      text.split('\n').filter((l) => l.trim() !== '').every(
          (l) => l.trim().startsWith('{') && l.trim().endsWith('}'))) {
    docs = text.split('\n').filter((l) => l.trim() !== '').map(JSON.parse);
  } else {
    docs = [JSON.parse(text)];
  }
  let out = '';
  for (const d of docs) {
    out += await jsonld.toRDF(d, {
      format: 'application/n-quads', documentLoader: refuse, safe: true
    });
  }
  return {nquads: out, docs: docs.length};
}

async function main() {
  const args = process.argv.slice(2);
  let bad = 0;
  for (let i = 0; i + 1 < args.length; i += 2) {
    const name = args[i] + ' ~ ' + args[i + 1];
    try {
      const got = await expandFile(args[i]);
      const a = await canon(got.nquads);
      const b = await canon(fs.readFileSync(args[i + 1], 'utf8'));
      if (a === b) {
        const n = a.split('\n').filter((l) => l !== '').length;
        console.log('ok ' + name + ' docs=' + got.docs + ' quads=' + n);
        continue;
      }
      const sa = new Set(a.split('\n')), sb = new Set(b.split('\n'));
      const only = (x, y) => [...x].filter((l) => !y.has(l)).slice(0, 3);
      console.log('FAIL ' + name + ': jsonld only: ' +
                  JSON.stringify(only(sa, sb)) + ' nquads only: ' +
                  JSON.stringify(only(sb, sa)));
      bad++;
    } catch (e) {
      console.log('FAIL ' + name + ': ' + String(e && e.message || e)
          .split('\n')[0].slice(0, 300));
      bad++;
    }
  }
  process.exit(bad > 0 ? 1 : 0);
}

main();
