import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, SAMPLE_CSV, tempDir } from './cli-helpers';

// Each case starts a process or writes a whole report; allow for a slow, busy machine.
jest.setTimeout(180_000);

const BIN = path.join(REPO_ROOT, 'bin', 'clientbase.js');

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', CLIENTBASE_LOCALE: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the clientbase executable (bin/clientbase.js, the npm bin)', () => {
  it('prints help and exits 0', () => {
    const result = run(process.execPath, [BIN, '--help'], tempDir());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('clientbase <command> [options]');
  });

  it('analyses the sample from another folder and exits 0', () => {
    const result = run(process.execPath, [BIN, 'analyze', SAMPLE_CSV], tempDir());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1,500 clients');
  });

  it('exits 1 with one line on stderr and no stack trace for a missing file', () => {
    const result = run(process.execPath, [BIN, 'analyze', 'missing.xlsx'], tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Error: file not found: missing.xlsx\n');
  });

  it('runs as `npx clientbase` in the repository, without the network', () => {
    const result = run('npx', ['--offline', '--no-install', 'clientbase', '--help'], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('analyze');
  });
});
