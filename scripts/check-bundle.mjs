// Fails `make build` when the browser bundle is not what a release build makes: a WASM file
// carries debug or name sections (wasm-opt did not run), the script is not minified, or the
// main WASM file has outgrown its budget (brotli, BUNDLE_BUDGET_KB). Prints the bundle's
// sizes: the main file every page loads, and each page group's files (app/routes.rs), which
// the browser loads the first time it shows a page of that group.
//   node scripts/check-bundle.mjs [site pkg dir, default target/site/pkg]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'target/site/pkg';
// Issue 20's target for the file every page loads.
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 250);
const kb = (bytes) => Math.round(bytes / 1024);
// The copy `--precompress` wrote, else one made here.
const brotli = (file) =>
  existsSync(`${dir}/${file}.br`)
    ? statSync(`${dir}/${file}.br`).size
    : brotliCompressSync(readFileSync(`${dir}/${file}`), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;

const problems = [];
const wasmFiles = readdirSync(dir).filter((file) => file.endsWith('.wasm'));
if (!wasmFiles.includes('v2mom.wasm')) problems.push(`no v2mom.wasm in ${dir}`);
for (const file of wasmFiles) {
  const module = new WebAssembly.Module(readFileSync(`${dir}/${file}`));
  for (const section of ['name', '.debug_info', '.debug_line']) {
    if (WebAssembly.Module.customSections(module, section).length > 0) {
      problems.push(`${file} has a '${section}' section: not optimised by wasm-opt`);
    }
  }
}
const js = readFileSync(`${dir}/v2mom.js`, 'utf8');
const lines = js.split('\n').length;
if (lines > 5) problems.push(`v2mom.js has ${lines} lines: not minified`);

const mainKb = kb(brotli('v2mom.wasm'));
if (mainKb > budgetKb) {
  problems.push(`v2mom.wasm is ${mainKb} KB brotli, over its budget of ${budgetKb} KB`);
}
console.log(
  `bundle: v2mom.wasm ${kb(statSync(`${dir}/v2mom.wasm`).size)} KB (${mainKb} KB brotli), ` +
    `v2mom.js ${kb(js.length)} KB (${kb(brotli('v2mom.js'))} KB brotli)`,
);

// The split build's manifest: each group's lazy function (`<group>_<hash>`) and its files.
const manifestFile = `${dir}/__wasm_split_manifest.json`;
if (existsSync(manifestFile)) {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const groups = Object.entries(manifest)
    .map(([name, files]) => {
      const missing = files.filter((file) => !existsSync(`${dir}/${file}.wasm`));
      if (missing.length > 0) problems.push(`${name} needs missing ${missing.join(', ')}`);
      const size = files
        .filter((file) => existsSync(`${dir}/${file}.wasm`))
        .reduce((sum, file) => sum + brotli(`${file}.wasm`), 0);
      return `${name.replace(/_[^_]*$/, '')} ${kb(size)} KB (${files.length} files)`;
    })
    .sort();
  console.log(`bundle: page groups, brotli: ${groups.join(', ')}`);
} else {
  problems.push(`no ${manifestFile}: the bundle is not split by page group (--split)`);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-bundle: ${problem}`);
  process.exit(1);
}
