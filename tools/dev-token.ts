import { readFileSync } from 'node:fs';

import { type StaffRole, StaffRoles } from '@sunshine/platform';

import { DEV_TOKEN_DEFAULTS, signDevToken } from './dev-staff';

/**
 * Issues a staff token signed with the local dev key (.local/keys/private.pem), for local use only:
 *   npm run token -- --unit 410726000000:petition-bureau --division 410726000000 --roles clerk,dispatcher [--sub u1] [--ttl 8h]
 * Roles: clerk, handler, head, dispatcher, supervisor, leader, admin, sysadmin, ops, security-admin, audit-admin (see
 * StaffRoles); 三员 (sysadmin, security-admin, audit-admin) each alone, never combined (the services refuse such a token
 * with 401 TOKEN_ROLES_INCOMPATIBLE). --ttl at most the services' AUTH_MAX_TOKEN_LIFETIME_S (8h in development, 15m in
 * production, where this tool is not used). A directory change
 * request needs two city system administrators, e.g. --unit 410700000000:petition-bureau --roles sysadmin --sub sa-1,
 * then the same with --sub sa-2 to approve.
 */
function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const roles = arg('roles', 'clerk,handler,head,dispatcher,supervisor,ops').split(',');
  const bad = roles.filter((r) => !(StaffRoles as readonly string[]).includes(r));
  if (bad.length) throw new Error(`unknown roles: ${bad.join(', ')} (known: ${StaffRoles.join(', ')})`);
  const token = await signDevToken(
    {
      sub: arg('sub', 'dev-user'),
      unit: arg('unit', '410700000000:petition-bureau'),
      division: arg('division', '410700000000'),
      roles: roles as StaffRole[],
    },
    {
      privateKeyPem: readFileSync(arg('key', DEV_TOKEN_DEFAULTS.keyFile), 'utf8'),
      issuer: arg('issuer', DEV_TOKEN_DEFAULTS.issuer),
      audience: arg('audience', DEV_TOKEN_DEFAULTS.audience),
      ttl: arg('ttl', DEV_TOKEN_DEFAULTS.ttl),
    },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dev-token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
