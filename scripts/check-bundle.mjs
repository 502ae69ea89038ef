// Fails `make build` when the browser bundle is not what a release build makes: the WASM
// carries debug or name sections (wasm-opt did not run), the script is not minified, or the
// WASM has outgrown its budget (brotli, BUNDLE_BUDGET_KB). Prints the bundle's sizes.
//   node scripts/check-bundle.mjs [site pkg dir, default target/site/pkg]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
// Today's bundle and a little room (the two languages' messages and Fluent came to about
// 80 KB of it); issue 20 aims at 250 KB (Leptos islands).
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 1100);
const kb = (bytes) => Math.round(bytes / 1024);
// The copy `--precompress` wrote, else one made here.
const brotli = (file, bytes) =>
  existsSync(`${dir}/${file}.br`)
    ? statSync(`${dir}/${file}.br`).size
    : brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const problems = [];
const wasm = readFileSync(`${dir}/v2mom.wasm`);
const module = new WebAssembly.Module(wasm);
for (const section of ['name', '.debug_info', '.debug_line']) {
  if (WebAssembly.Module.customSections(module, section).length > 0) {
    problems.push(`v2mom.wasm has a '${section}' section: not optimised by wasm-opt`);
  }
}
const js = readFileSync(`${dir}/v2mom.js`, 'utf8');
const lines = js.split('\n').length;
if (lines > 5) problems.push(`v2mom.js has ${lines} lines: not minified`);
const wasmBrotli = brotli('v2mom.wasm', wasm);
if (kb(wasmBrotli) > budgetKb) {
  problems.push(`v2mom.wasm is ${kb(wasmBrotli)} KB brotli, over its budget of ${budgetKb} KB`);
}

console.log(
  `bundle: v2mom.wasm ${kb(wasm.length)} KB (${kb(wasmBrotli)} KB brotli), ` +
    `v2mom.js ${kb(js.length)} KB (${kb(brotli('v2mom.js', Buffer.from(js)))} KB brotli)`,
);
if (problems.length > 0) {
  for (const problem of problems) console.error(`check-bundle: ${problem}`);
  process.exit(1);
}
