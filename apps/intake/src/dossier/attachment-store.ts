/** Where the dossier's attachment bytes live: local disk now, an S3-compatible store later (same interface). */
export interface AttachmentStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Removes the bytes (PIPL retention); nothing when they are already gone. */
  delete(key: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');
