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
