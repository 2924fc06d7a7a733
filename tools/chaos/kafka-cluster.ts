import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from '../bench/bench-support';

const run = promisify(execFile);
const SCRIPT = join(ROOT, 'deploy', 'local', 'kafka-cluster.sh');

export interface KafkaClusterOptions {
  /** KAFKA_CLUSTER_NAME: its home is .local/kafka-cluster/<name>. */
  readonly name: string;
  readonly nodes: number;
  /** Node n's broker listens on portBase + n - 1, its controller on portBase + 100 + n - 1. */
  readonly portBase: number;
}

/**
 * A local Kafka cluster of its own (deploy/local/kafka-cluster.sh: KRaft nodes beside infra.sh's single broker, never
 * touching it): start, kill -9 and restart single nodes, purge. The failure and MirrorMaker 2 tests drive it.
 */
export class KafkaCluster {
  constructor(readonly options: KafkaClusterOptions) {}

  /** KAFKA_BROKERS of the cluster: every node's broker. */
  get brokers(): string[] {
    return Array.from({ length: this.options.nodes }, (_, i) => `127.0.0.1:${this.options.portBase + i}`);
  }

  /** The broker's node id (1-based) listening at host:port, from the cluster's port scheme. */
  nodeOfPort(port: number): number {
    return port - this.options.portBase + 1;
  }

  private async script(...args: string[]): Promise<string> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KAFKA_CLUSTER_NAME: this.options.name,
      KAFKA_CLUSTER_NODES: String(this.options.nodes),
      KAFKA_CLUSTER_PORT_BASE: String(this.options.portBase),
    };
    const { stdout } = await run('bash', [SCRIPT, ...args], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 600000 });
    return stdout;
  }

  /** Starts every node that is not running and waits until each serves. */
  async up(): Promise<void> {
    await this.script('up');
  }

  /** kill -9 of one node's JVM; returns when it is gone. */
  async kill(node: number): Promise<void> {
    await this.script('kill', String(node));
  }

  /** Starts one node again and waits until it serves. */
  async start(node: number): Promise<void> {
    await this.script('start', String(node));
  }

  /** Stops every node and deletes the cluster's data (its next `up` formats a new cluster). */
  async purge(): Promise<void> {
    await this.script('purge');
  }
}

export interface KafkaMirrorOptions {
  /** MIRROR_NAME: its home is .local/kafka-mirror/<name>. */
  readonly name: string;
  /** Alias (the remote topics' prefix) → the city cluster. */
  readonly sources: Readonly<Record<string, KafkaCluster>>;
  readonly target: { readonly alias: string; readonly cluster: KafkaCluster };
  /** The topics mirrored: a regular expression matching whole topic names. */
  readonly topics: string;
}

/** MirrorMaker 2 from the cities' clusters to the province's (deploy/local/kafka-mirror.sh, dedicated mode). */
export class KafkaMirror {
  constructor(readonly options: KafkaMirrorOptions) {}

  private async script(command: string): Promise<string> {
    const { sources, target } = this.options;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MIRROR_NAME: this.options.name,
      MIRROR_SOURCES: Object.entries(sources)
        .map(([alias, c]) => `${alias}=${c.brokers.join(',')}`)
        .join(' '),
      MIRROR_TARGET: `${target.alias}=${target.cluster.brokers.join(',')}`,
      MIRROR_TOPICS: this.options.topics,
      MIRROR_TARGET_RF: String(Math.min(3, target.cluster.options.nodes)),
    };
    const script = join(ROOT, 'deploy', 'local', 'kafka-mirror.sh');
    const { stdout } = await run('bash', [script, command], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024, timeout: 600000 });
    return stdout;
  }

  async up(): Promise<void> {
    await this.script('up');
  }

  async down(): Promise<void> {
    await this.script('down');
  }
}
