import { deadLetterTopic } from '@sunshine/contracts';
import { createKafka, ensureTopics } from '@sunshine/platform';
import { ServiceNames } from '@sunshine/platform';

/** Creates every topic of the platform (the case log with its fixed 12 partitions) and each service's dead-letter topic. */
async function main(): Promise<void> {
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  const created = await ensureTopics(createKafka('sunshine-ensure-topics', brokers), prefix, ServiceNames.map(deadLetterTopic));
  process.stdout.write(created.length ? `created topics: ${created.join(', ')}\n` : 'all topics exist\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`ensure-topics failed: ${String(error)}\n`);
  process.exit(1);
});
