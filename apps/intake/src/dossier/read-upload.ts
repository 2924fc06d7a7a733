import type { MultipartFile } from '@fastify/multipart';
import { assertCleanText, DomainException } from '@sunshine/platform';
import type { FastifyRequest } from 'fastify';

export interface Upload {
  readonly fileName: string;
  readonly declaredType: string;
  readonly data: Buffer;
  /** The text fields sent before the file (a citizen's case number and query code), by name. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Reads the one file of a multipart request, with the text fields sent before it; the plugin's limits surface in the one
 * error shape (413 ATTACHMENT_TOO_LARGE past the size limit, 400 otherwise).
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  let file: MultipartFile | undefined;
  try {
    file = await req.file();
    if (!file) throw missing();
    const data = await file.toBuffer();
    // busboy may mark the stream truncated only after its last chunk was read: never keep a cut file.
    if (file.file.truncated) throw tooLarge(maxBytes);
    // The file's name and type are stored as text: the same hygiene as every JSON field (400 INVALID_TEXT).
    assertCleanText({ fileName: file.filename, declaredType: file.mimetype }, 'multipart');
    return { fileName: file.filename, declaredType: file.mimetype, data, fields: textFields(file) };
  } catch (error) {
    if (error instanceof DomainException) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw missing();
    // Anything else while reading the request's own stream is a malformed upload (busboy's "Unexpected end of form",
    // a bad part header, too many parts): the client's error, never a 500.
    throw malformed(error instanceof Error ? error.message : String(error));
  }
}

function textFields(file: MultipartFile): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, part] of Object.entries(file.fields)) {
    const one = Array.isArray(part) ? part[0] : part;
    if (one?.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
  }
  return fields;
}

function malformed(reason: string): DomainException {
  return new DomainException(
    'ATTACHMENT_MALFORMED',
    'invalid',
    { zh: '上传内容不是合法的 multipart/form-data', en: `malformed multipart upload: ${reason}` },
    { fields: [{ field: 'file', reason }] },
  );
}

function tooLarge(maxBytes: number): DomainException {
  const kib = Math.floor(maxBytes / 1024);
  return new DomainException(
    'ATTACHMENT_TOO_LARGE',
    'too-large',
    { zh: `附件不能超过${kib}KB`, en: `an attachment may have at most ${kib} KiB` },
    { fields: [{ field: 'file', reason: `at most ${maxBytes} bytes` }] },
  );
}

function missing(): DomainException {
  return new DomainException(
    'ATTACHMENT_MISSING',
    'invalid',
    { zh: '请以 multipart/form-data 上传一个文件（字段 file）', en: 'send one file as multipart/form-data (field "file")' },
    { fields: [{ field: 'file', reason: 'required' }] },
  );
}
