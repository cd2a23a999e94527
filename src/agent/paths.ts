/** Finds the package root (the folder with needle-agent's package.json) from this module's location. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

function isPackageRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'needle-agent';
  } catch {
    return false;
  }
}

/**
 * The package root: walk up from this module (src/agent or a bundled dist/), then from the working
 * directory; a single-file binary with neither falls back to the executable's folder.
 */
export function packageRoot(): string {
  if (cached) return cached;
  const starts: string[] = [];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // bundled as CommonJS: import.meta.url is unavailable
  }
  starts.push(process.cwd());
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      if (isPackageRoot(dir)) return (cached = dir);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return (cached = dirname(process.execPath));
}
