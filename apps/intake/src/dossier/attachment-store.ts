/** Where the dossier's attachment bytes live: local disk now, an S3-compatible store later (same interface). */
export interface AttachmentStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');
