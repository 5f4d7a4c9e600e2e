import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../cli/main';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SAMPLE_CSV = path.join(REPO_ROOT, 'sample', 'salon-clients.csv');

export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Runs the CLI in this process with captured output; `cwd` defaults to a fresh temp folder. */
export async function runCaptured(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    cwd: options.cwd ?? tempDir(),
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
  });
  return { code, stdout, stderr };
}

const created: string[] = [];

/** A fresh temp folder, removed after the test file that asked for it. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientbase-cli-'));
  created.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});
