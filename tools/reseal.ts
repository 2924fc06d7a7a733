import {
  createFieldCipher,
  type CryptoProfile,
  parseKeyRing,
  resealSchema,
  SEAL_FORMATS,
  type ServiceName,
  verifySealed,
} from '@sunshine/platform';
import { Client } from 'pg';

/**
 * 密钥轮换 Re-seals a service's personal data after a key rotation or a change of crypto profile, resumably, then proves it:
 *   npm run reseal -- run    --service intake [--batch 500]
 *   npm run reseal -- verify --service intake
 * Reads DATABASE_URL, DB_SCHEMA_PREFIX, PII_KEYS (every key still in use, and the new one), PII_CURRENT_KEY (the new
 * one) and CRYPTO_PROFILE (standard | gm). `run` may be stopped and started again: it resumes from its recorded
 * progress (crypto_reseal_progress). `verify` exits 1 while any value is in an old key or format, or does not open:
 * only then may an old key leave PII_KEYS.
 */
export interface ResealSettings {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly keys: string;
  readonly currentKey: string;
  readonly profile: CryptoProfile;
}

function parts(s: ResealSettings) {
  const ring = parseKeyRing(s.keys, s.currentKey);
  return { cipher: createFieldCipher(s.profile, ring), target: { format: SEAL_FORMATS[s.profile], keyId: s.currentKey } };
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function runReseal(s: ResealSettings, options: { batch?: number; maxBatches?: number } = {}) {
  const { cipher, target } = parts(s);
  return withClient(s.databaseUrl, (c) => resealSchema(c, s.schema, cipher, target, options));
}

export function verifyReseal(s: ResealSettings) {
  const { cipher, target } = parts(s);
  return withClient(s.databaseUrl, (c) => verifySealed(c, s.schema, cipher, target));
}

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const service = (arg('service') ?? 'intake') as ServiceName;
  const env = process.env;
  if ((command !== 'run' && command !== 'verify') || !env['PII_KEYS'] || !env['PII_CURRENT_KEY']) {
    process.stderr.write(
      'usage: PII_KEYS=… PII_CURRENT_KEY=… [CRYPTO_PROFILE=gm] npm run reseal -- run|verify [--service intake] [--batch 500]\n',
    );
    return 2;
  }
  const prefix = env['DB_SCHEMA_PREFIX'] ?? '';
  const settings: ResealSettings = {
    databaseUrl: env['DATABASE_URL'] ?? 'postgres://sunshine:sunshine@127.0.0.1:5432/sunshine',
    schema: prefix ? `${prefix}_${service}` : service,
    keys: env['PII_KEYS'],
    currentKey: env['PII_CURRENT_KEY'],
    profile: env['CRYPTO_PROFILE'] === 'gm' ? 'gm' : 'standard',
  };
  if (command === 'run') {
    for (const p of await runReseal(settings, { batch: Number(arg('batch') ?? 500) })) {
      process.stdout.write(`${p.table}: ${p.resealed} 行已重新加密 rows re-sealed${p.done ? '' : '（未完成 not finished)'}\n`);
    }
    return 0;
  }
  const v = await verifyReseal(settings);
  process.stdout.write(
    `${v.checked} 个密文已核验 sealed values checked; ${v.stale.length} 个仍为旧密钥 stale; ${v.broken.length} 个无法解密 broken\n`,
  );
  for (const s of v.stale.slice(0, 20)) process.stdout.write(`  stale ${s.table}.${s.column} ${s.key}\n`);
  for (const b of v.broken.slice(0, 20)) process.stdout.write(`  broken ${b.table}.${b.column} ${b.key}: ${b.reason}\n`);
  return v.stale.length + v.broken.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`reseal: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
