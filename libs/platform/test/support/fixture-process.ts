import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (libs/platform/test/support → ../../../..). */
export const ROOT = resolve(__dirname, '../../../..');

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A fixture run as its own process, straight from TypeScript (`node -r @swc-node/register`), so a test can kill it
 * with SIGKILL like a crash. Output is kept in memory (to wait for lines) and in tmp/int-logs/<run>/<name>.log.
 */
export class FixtureProcess {
  private output = '';
  readonly exited: Promise<ExitStatus>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    const file = createWriteStream(logFile, { flags: 'a' });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
      file.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
    void this.exited.then(() => file.end());
  }

  /** Starts `script` (a path from the repository root) with exactly `env` (plus what swc-node needs). */
  static start(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string): FixtureProcess {
    mkdirSync(logDir, { recursive: true });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, script)], {
      cwd: ROOT,
      env: { ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new FixtureProcess(name, child, join(logDir, `${name}.log`));
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no pid`);
    return this.child.pid;
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits for a line of output matching `pattern`; fails early if the process exits first. */
  async waitFor(pattern: RegExp, timeoutMs = 90000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.output);
      if (match) return match;
      if (!this.running)
        throw new Error(`${this.name} exited before printing ${pattern}; log ${this.logFile}:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms; log ${this.logFile}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits for the process to end by itself (e.g. at a fail point). */
  async waitExit(timeoutMs = 90000): Promise<ExitStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${this.name} did not exit within ${timeoutMs} ms; log ${this.logFile}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal to this process only (SIGKILL = a crash) and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitStatus> {
    if (this.running) this.child.kill(signal);
    return this.waitExit(30000);
  }
}
