import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-error';

/**
 * Writes bytes or text to a file, creating its folder; a failure (no permission, a folder in the
 * way) becomes `CliError('writeFailed')` naming the path and the system's reason.
 * Example: `writeOutputFile('out/report.json', '{}')` creates `out/` when missing (tested).
 */
export async function writeOutputFile(filePath: string, data: Uint8Array | string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(filePath)), { recursive: true });
    await writeFile(filePath, data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError('writeFailed', { path: filePath, reason });
  }
}
