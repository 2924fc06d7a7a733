import { randomBytes } from 'node:crypto';

/** Where the real infrastructure answers (deploy/local/infra.sh up, or the URLs given in the environment). */
export interface InfraEnv {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  readonly redisUrl: string;
}

export function infraEnv(source: NodeJS.ProcessEnv = process.env): InfraEnv {
  return {
    databaseUrl: source['DATABASE_URL'] ?? 'postgres://sunshine:sunshine@127.0.0.1:5432/sunshine',
    kafkaBrokers: (source['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    redisUrl: source['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
}

/** A per-run prefix for schemas, topics, consumer groups and queues, so runs never see each other. */
export function uniquePrefix(label = 't'): string {
  return `${label}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toLowerCase();
}
