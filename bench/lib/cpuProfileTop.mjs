// Top-N self time of a V8 CPU profile as Markdown tables (by function, then by package or file).
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof apps/server/bin/zhibu.mjs import members roster.xlsx --json
//   node bench/lib/cpuProfileTop.mjs /tmp/prof/CPU.….cpuprofile 25
//
// (The largest .cpuprofile is the main thread; the other one is tsx's loader thread.)
import { readFileSync } from 'node:fs';

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/lib/cpuProfileTop.mjs PROFILE.cpuprofile [N]');
  process.exit(2);
}
const count = Number(countArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

/** node_modules/<pkg>/… → <pkg>; our sources → their path in the repository. */
function where(url) {
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1];
  const ours = url.match(/\/((?:apps|packages|bench)\/.*)$/);
  if (ours) return ours[1];
  return url.startsWith('node:') ? url.split('/')[0] : url || '(native)';
}

const byFunction = new Map();
const byPlace = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const place = where(url);
  const file = url.startsWith('node:') ? url : place;
  const key = `${functionName || '(anonymous)'} — ${file}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPlace.set(place, (byPlace.get(place) ?? 0) + us);
});

const table = (title, map) => {
  console.log(`\n| self ms | % | ${title} |\n|--:|--:|---|`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`| ${Math.round(us / 1000)} | ${((100 * us) / total).toFixed(1)} | ${key} |`);
};
console.log(`Sampled ${(total / 1e6).toFixed(2)} s of the main thread.`);
table('function', byFunction);
table('package or file', byPlace);
