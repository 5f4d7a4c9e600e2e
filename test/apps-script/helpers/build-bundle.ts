import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

export interface BuiltAddOn {
  readonly dir: string;
  readonly code: string;
  readonly sidebarHtml: string;
  readonly manifest: Record<string, unknown>;
}

const root = path.resolve(__dirname, '..', '..', '..');

/** Hash of every source the build reads, so test files share one build per source state. */
function sourceHash(): string {
  const hash = createHash('sha1');
  const walk = (dir: string): void => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((x, y) => x.name.localeCompare(y.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js|json|html)$/.test(entry.name)) {
        hash.update(full);
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(root, 'apps-script'));
  walk(path.join(root, 'shared'));
  return hash.digest('hex').slice(0, 16);
}

function runWebpack(dir: string): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  execFileSync(
    process.execPath,
    [
      cli,
      '--config',
      path.join(root, 'apps-script', 'webpack.apps-script.js'),
      '--mode',
      'production',
      '--env',
      `appsScriptOutDir=${dir}`,
    ],
    { cwd: root, stdio: 'pipe' },
  );
}

/** Removes builds of earlier source states (older than an hour) from the temporary folder. */
function pruneOldBuilds(keep: string): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    const full = path.join(tmp, name);
    if (!name.startsWith('clientbase-apps-script-') || full === keep || name.endsWith('.lock'))
      continue;
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat !== undefined && Date.now() - stat.mtimeMs > 3_600_000) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the add-on for real (webpack, the configuration `npm run build` uses) into a temporary
 * folder named by the hash of its sources. Test files running in parallel share it: the first
 * takes a lock directory and builds, the others wait for its `done` marker.
 */
export function buildAddOn(): BuiltAddOn {
  const dir = path.join(os.tmpdir(), `clientbase-apps-script-${sourceHash()}`);
  const done = path.join(dir, '.done');
  const lock = `${dir}.lock`;
  for (let waited = 0; !fs.existsSync(done);) {
    let mine = false;
    try {
      fs.mkdirSync(lock);
      mine = true;
    } catch {
      // Another test file is building; a lock older than 5 minutes is from a killed run.
      const age =
        Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(lock, { recursive: true, force: true });
    }
    if (mine) {
      try {
        if (!fs.existsSync(done)) {
          fs.rmSync(dir, { recursive: true, force: true });
          pruneOldBuilds(dir);
          runWebpack(dir);
          fs.writeFileSync(done, new Date().toISOString());
        }
      } finally {
        fs.rmSync(lock, { recursive: true, force: true });
      }
    } else {
      sleep(250);
      waited += 250;
      if (waited > 300_000) throw new Error(`Timed out waiting for the build in ${dir}`);
    }
  }
  return {
    dir,
    code: fs.readFileSync(path.join(dir, 'Code.js'), 'utf8'),
    sidebarHtml: fs.readFileSync(path.join(dir, 'sidebar.html'), 'utf8'),
    manifest: JSON.parse(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8')) as Record<
      string,
      unknown
    >,
  };
}

/** Loads `Code.js` into a new vm context whose globals are `globals`, as Apps Script would. */
export function loadIntoVm(code: string, globals: Record<string, unknown>): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}
