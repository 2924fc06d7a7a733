import { execFile } from 'node:child_process';
import { join } from 'node:path';

import { ROOT } from './fixture-process';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the ops CLI (tools/dlq.ts) as an operator would, against a running service. */
export function dlqCli(args: readonly string[], serviceUrl: string, token: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'tools/dlq.ts'), ...args, '--service-url', serviceUrl, '--token', token],
      { cwd: ROOT, env: { PATH: process.env['PATH'], SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') }, timeout: 60000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI with --json and parses what it printed. */
export async function dlqJson<T>(
  args: readonly string[],
  serviceUrl: string,
  token: string,
): Promise<{ code: number; body: T; stderr: string }> {
  const result = await dlqCli([...args, '--json'], serviceUrl, token);
  let body: T;
  try {
    body = JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`dlq ${args.join(' ')} printed no JSON (exit ${result.code}): ${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, body, stderr: result.stderr };
}
