import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { loadDemoOrg } from '@sunshine/platform';

import { DEMO_STAFF, DEV_TOKEN_DEFAULTS, type DevSigningKey, registerDemoStaff, signDevToken } from './dev-staff';

/**
 * 开发环境登录 (development sign-in), until real identity lands: lists the demo city's staff (unit, roles) and signs a
 * token for the one chosen, with the local dev key. nginx serves it under /api/dev/ (deploy/local/nginx).
 *   GET  /staff              → [{ id, sub, title, unitId, unitName, division, roles }]
 *   POST /token { "id": … } → { token }
 * It refuses to exist when NODE_ENV=production: the process will not start, and the function throws.
 * Run as a script (`npm run up` does): port DEV_SIGN_IN_PORT (3009), the key .local/keys/private.pem; with
 * `--register-staff <routing url>` it first registers the demo staff in routing's directory (registerDemoStaff).
 */
export async function startDevSignIn(options: { port: number; host?: string; key: DevSigningKey }): Promise<Server> {
  refuseInProduction();
  const names = new Map((await loadDemoOrg()).units.map((u) => [u.id, u.name]));
  const staff = DEMO_STAFF.map((s) => ({
    id: s.id,
    sub: s.claims.sub,
    title: s.title,
    unitId: s.claims.unit,
    unitName: names.get(s.claims.unit) ?? s.claims.unit,
    division: s.claims.division,
    roles: s.claims.roles,
  }));
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { code: 'DEV_SIGN_IN_FAILED', message: { zh: '签发失败', en: 'could not sign' } }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').replace(/^\/api\/dev/, '').split('?')[0];
    if (req.method === 'GET' && path === '/staff') return send(res, 200, staff);
    if (req.method === 'POST' && path === '/token') {
      const id = parseId(await body(req));
      const who = DEMO_STAFF.find((s) => s.id === id);
      if (!who)
        return send(res, 400, { code: 'UNKNOWN_DEMO_STAFF', message: { zh: '没有这名示范工作人员', en: 'no such demo staff member' } });
      return send(res, 200, { token: await signDevToken(who.claims, options.key) });
    }
    send(res, 404, { code: 'NOT_FOUND', message: { zh: '不存在', en: 'not found' } });
  }
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  return server;
}

function refuseInProduction(): void {
  if (process.env['NODE_ENV'] === 'production') throw new Error('dev sign-in refuses to run with NODE_ENV=production');
}

function parseId(text: string): string | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined;
  } catch {
    return undefined;
  }
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      text += c;
      if (text.length > 4096) req.destroy();
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

if (require.main === module) {
  const port = Number(process.env['DEV_SIGN_IN_PORT'] ?? 3009);
  const key = {
    privateKeyPem: readFileSync(DEV_TOKEN_DEFAULTS.keyFile, 'utf8'),
    issuer: DEV_TOKEN_DEFAULTS.issuer,
    audience: DEV_TOKEN_DEFAULTS.audience,
  };
  const i = process.argv.indexOf('--register-staff');
  const routingUrl = i >= 0 ? process.argv[i + 1] : undefined;
  const staffRegistered = Promise.resolve()
    .then(refuseInProduction)
    .then(() => (routingUrl ? registerDemoStaff(routingUrl, key) : 0));
  staffRegistered
    .then((n) => startDevSignIn({ port, key }).then(() => n))
    .then(
      (n) => process.stdout.write(`dev sign-in on http://127.0.0.1:${port} (development only)${n ? `, ${n} demo staff registered` : ''}\n`),
      (error: unknown) => {
        process.stderr.write(`dev-sign-in: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
}
