import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

import { stopTracing } from './start-tracing';

/** Sends the spans still buffered when the service stops (a no-op while tracing is off). */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
