/**
 * 签名切换点 For a deployment upgraded with unsigned history on its topics (docs/security.md §8): writes, per topic of
 * the event catalog and partition, the end offset now — the first offset the signing producers will write. Run it after
 * every unsigned producer (the old relays) stopped and before the signing ones start; hand the file to every service as
 * EVENT_UNSIGNED_BELOW_FILE, and unsigned messages below these offsets (the history) are accepted on a rebuild.
 *   npm run -s event-cutover -- --out /etc/sunshine/event-cutover.json
 * KAFKA_BROKERS (and KAFKA_TOPIC_PREFIX) as the services read them.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { createKafka, unsignedHistoryNow } from '@sunshine/platform';

import { runTool } from './generated-docs';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    process.stderr.write('usage: event-cutover --out <file>\n');
    process.exit(2);
  }
  const kafka = createKafka('sunshine-event-cutover', (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const history = await unsignedHistoryNow(admin, process.env['KAFKA_TOPIC_PREFIX'] ?? '');
    writeFileSync(values.out, `${JSON.stringify(history, null, 2)}\n`);
    process.stdout.write(`cut-over offsets of ${Object.keys(history).length} topics in ${values.out}\n`);
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) runTool(main);
