/**
 * The local SMS gateway (libs/testing sms-gateway) as a process (development, `npm run up`, end-to-end tests):
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/sms-gateway/main.ts
 *   SMS_GATEWAY_PORT (3090), SMS_ACCESS_KEY_ID / SMS_ACCESS_KEY_SECRET (the development pair notification uses by
 *   default), SMS_SIGN_NAME (阳光信访局), SMS_GATEWAY_TEMPLATES (JSON code → text; a generic one by default),
 *   SMS_GATEWAY_REPORT_URL (where delivery reports go; none when unset).
 */
import { startSmsGateway } from '@sunshine/testing';

const env = process.env;
const DEFAULT_TEMPLATES = { SMS_SUNSHINE_NOTICE: '${text}' };

async function main(): Promise<void> {
  const gateway = await startSmsGateway({
    port: Number(env['SMS_GATEWAY_PORT'] ?? 3090),
    host: env['SMS_GATEWAY_HOST'] ?? '127.0.0.1',
    accessKeyId: env['SMS_ACCESS_KEY_ID'] ?? 'sunshine-dev-key',
    accessKeySecret: env['SMS_ACCESS_KEY_SECRET'] ?? 'sunshine-dev-secret',
    signNames: [env['SMS_SIGN_NAME'] ?? '阳光信访局'],
    templates: env['SMS_GATEWAY_TEMPLATES'] ? (JSON.parse(env['SMS_GATEWAY_TEMPLATES']) as Record<string, string>) : DEFAULT_TEMPLATES,
    reportUrl: env['SMS_GATEWAY_REPORT_URL'] || undefined,
  });
  process.stdout.write(`sms gateway listening on ${gateway.url}\n`);
  const stop = (): void => void gateway.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
