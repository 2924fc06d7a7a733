import { Logger } from '@nestjs/common';
import { Kafka, type LogEntry, logLevel, Partitioners, type Producer } from 'kafkajs';

import { kafkaClientSecurity, type KafkaSecurity } from './kafka-security';

const logger = new Logger('kafkajs');

function logCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    const line = `${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
  };
}

/**
 * One kafkajs client per process; kafkajs connects lazily, readiness is checked by the health indicator. With
 * `security` (PlatformConfig's kafka.security) it authenticates by SASL/SCRAM as the service's own user, over TLS when set.
 */
export function createKafka(clientId: string, brokers: string[], security?: KafkaSecurity): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ...kafkaClientSecurity(security),
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8 },
    connectionTimeout: 3000,
  });
}

/**
 * The platform's producer settings: idempotent, one request in flight (order per partition survives retries),
 * Java-compatible murmur2 partitioning (the key → partition mapping other clients compute too).
 */
export function createOrderedProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
