import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import type { AttachmentStore } from './attachment-store';

/** Attachments on local disk, one folder per schema; keys are server-made (`<caseId>/<attachmentId>`), never file names. */
export class LocalDiskAttachmentStore implements AttachmentStore {
  private readonly root: string;

  constructor(dir: string, namespace: string) {
    this.root = resolve(dir, namespace);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, { mode: 0o600, flag: 'wx' });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  delete(key: string): Promise<void> {
    return rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid attachment key ${key}`);
    return join(this.root, key);
  }
}
