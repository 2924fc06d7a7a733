import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/**
 * One LISTEN connection on a PostgreSQL channel, reconnecting after a loss: notifications arrive at commit, in commit
 * order, from whichever instance committed (the platform's way to wake a stream or a worker, as supervision's feed).
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client?: Client;
  private stopping = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onMessage: (payload: string) => void,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: `sunshine-listen ${this.channel}`.slice(0, 63) });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel) this.onMessage(msg.payload ?? '');
    });
    client.on('error', (error) => {
      this.logger.warn(`${this.channel}: connection lost: ${error.message}`);
      this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
  }

  private reconnect(lost: Client): void {
    if (this.stopping || this.client !== lost) return;
    this.client = undefined;
    void lost.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.stopping)
        this.start().catch((error: unknown) => {
          this.logger.warn(`${this.channel}: reconnect failed: ${String(error)}`);
          this.client = lost;
          this.reconnect(lost);
        });
    }, 1000);
  }
}
