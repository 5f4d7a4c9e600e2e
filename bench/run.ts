/**
 * `npm run bench`: runs every benchmark script in `bench/` one after another, each in its own
 * process, and prints their figures. A benchmark script is `bench/<name>.ts` (other than this file
 * and the helper modules below) or `bench/<folder>/run.ts`; a new one is picked up without edits.
 * `npm run bench -- --list` lists them without running.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Modules in bench/ that other scripts import; not benchmarks themselves. */
const HELPERS = new Set(['run.ts', 'generate-transactions.ts']);

function benchScripts(): string[] {
  const scripts: string[] = [];
  for (const entry of readdirSync(__dirname).sort()) {
    const full = path.join(__dirname, entry);
    if (statSync(full).isDirectory()) {
      const run = path.join(full, 'run.ts');
      if (existsSync(run)) scripts.push(run);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !HELPERS.has(entry)) {
      scripts.push(full);
    }
  }
  // The core path first: it is the one the speed target is about.
  return scripts.sort(
    (a, b) => Number(!a.endsWith('segments.ts')) - Number(!b.endsWith('segments.ts')),
  );
}

function main(args: readonly string[]): number {
  const scripts = benchScripts();
  if (args.includes('--list')) {
    for (const script of scripts) console.log(path.relative(path.join(__dirname, '..'), script));
    return 0;
  }
  const tsxCli = require.resolve('tsx/cli');
  let failures = 0;
  for (const script of scripts) {
    console.log(`\n=== ${path.relative(path.join(__dirname, '..'), script)}`);
    const result = spawnSync(process.execPath, [tsxCli, script], { stdio: 'inherit' });
    if (result.status !== 0) {
      failures += 1;
      console.log(`(exited with ${result.status ?? result.signal})`);
    }
  }
  return failures === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
