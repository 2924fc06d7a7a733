import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type ServiceName, ServiceNames } from '@sunshine/platform';
import { freePort, ServiceHarness, TEST_AUDIENCE, TEST_ISSUER } from '@sunshine/testing';
import { type Browser, chromium } from 'playwright-core';

import { startDevSignIn } from '../tools/dev-sign-in';
import { registerDemoStaff } from '../tools/dev-staff';
import { seedDirectory } from './fixtures';

const ROOT = join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

function serviceUrl(h: ServiceHarness, name: ServiceName): string {
  try {
    return h.url(name);
  } catch {
    return 'http://127.0.0.1:9'; // not started (CONSOLE_TEST_SERVICES): nginx answers 502 there
  }
}

function nginx(command: 'start' | 'stop', dir: string, env: Record<string, string> = {}): void {
  execFileSync('bash', [join(ROOT, 'deploy/local/nginx/nginx.sh'), command], {
    env: { ...process.env, NGINX_DIR: dir, ...env },
    stdio: 'inherit',
  });
}

/**
 * The console as a user reaches it: the five services with the demo city (and its demo staff registered), the
 * development sign-in signing with this run's key, nginx in front (deploy/local/nginx, rendered for these ports and
 * serving dist/apps/console), and Debian's chromium.
 */
export class ConsoleWorld {
  private constructor(
    readonly h: ServiceHarness,
    readonly url: string,
    readonly browser: Browser,
    private readonly devSignIn: Server,
    private readonly nginxDir: string,
  ) {}

  static async start(): Promise<ConsoleWorld> {
    if (!existsSync(join(ROOT, 'dist/apps/console/index.html')))
      throw new Error('dist/apps/console is missing: run bash deploy/local/build.sh first');
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk (deploy/local/up.sh does)`);
    const h = await ServiceHarness.create();
    const started: Array<() => Promise<unknown>> = [() => h.stopAll()];
    try {
      // All five by default; CONSOLE_TEST_SERVICES=intake,routing,… narrows it while a service is broken in a working tree.
      const only = process.env['CONSOLE_TEST_SERVICES']
        ?.split(',')
        .filter((n): n is ServiceName => (ServiceNames as readonly string[]).includes(n));
      await h.startAll(only?.length ? only : undefined);
      await seedDirectory(h, 'demo');
      const key = { privateKeyPem: readFileSync(h.keys.privateKeyFile, 'utf8'), issuer: TEST_ISSUER, audience: TEST_AUDIENCE };
      await registerDemoStaff(h.url('routing'), key);
      const devPort = await freePort();
      const devSignIn = await startDevSignIn({ port: devPort, key });
      started.push(() => new Promise((resolve) => devSignIn.close(resolve)));
      const nginxDir = mkdtempSync(join(tmpdir(), 'sunshine-nginx-'));
      const listen = `127.0.0.1:${await freePort()}`;
      nginx('start', nginxDir, {
        NGINX_LISTEN: listen,
        INTAKE_URL: h.url('intake'),
        ROUTING_URL: h.url('routing'),
        SUPERVISION_URL: h.url('supervision'),
        NOTIFICATION_URL: serviceUrl(h, 'notification'),
        EVALUATION_URL: serviceUrl(h, 'evaluation'),
        DEV_SIGN_IN_URL: `http://127.0.0.1:${devPort}`,
      });
      started.push(async () => nginx('stop', nginxDir));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      return new ConsoleWorld(h, `http://${listen}`, browser, devSignIn, nginxDir);
    } catch (error) {
      // Nothing may outlive a failed start (the services are detached processes).
      for (const stop of started.reverse()) await stop().catch(() => undefined);
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    nginx('stop', this.nginxDir);
    await new Promise((resolve) => this.devSignIn.close(resolve));
    await this.h.stopAll();
  }
}
