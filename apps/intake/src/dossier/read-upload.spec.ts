import multipart from '@fastify/multipart';
import { DomainException } from '@sunshine/platform';
import Fastify, { type FastifyInstance } from 'fastify';

import { readUpload } from './read-upload';

const BOUNDARY = 'sunshineBoundary';
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  await app.register(multipart, { limits: { fileSize: 64, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
  app.post('/upload', async (req, reply) => {
    try {
      const upload = await readUpload(req, 64);
      return { fileName: upload.fileName, type: upload.declaredType, text: upload.data.toString('utf8'), fields: upload.fields };
    } catch (error) {
      if (error instanceof DomainException)
        return reply.status(error.kind === 'too-large' ? 413 : 400).send({ code: error.code, message: error.localized });
      return reply.status(500).send({ code: 'INTERNAL' });
    }
  });
  await app.ready();
});

afterAll(() => app.close());

function part(fileName: string, content: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`;
}

async function upload(payload: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`) {
  const res = await app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': contentType }, payload });
  return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
}

describe('readUpload', () => {
  it('reads one well-formed file with a Chinese name', async () => {
    expect(await upload(`${part('补充材料.txt', '欠薪证明')}--${BOUNDARY}--\r\n`)).toEqual({
      status: 200,
      body: { fileName: '补充材料.txt', type: 'text/plain', text: '欠薪证明', fields: {} },
    });
  });

  it("keeps the text fields sent before the file (a citizen's case number and query code)", async () => {
    const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    expect(
      await upload(
        `${field('caseNumber', '410726-2026-000001')}${field('queryCode', 'ABCD2345')}${part('照片.txt', '现场')}--${BOUNDARY}--\r\n`,
      ),
    ).toEqual({
      status: 200,
      body: {
        fileName: '照片.txt',
        type: 'text/plain',
        text: '现场',
        fields: { caseNumber: '410726-2026-000001', queryCode: 'ABCD2345' },
      },
    });
  });

  it('answers 400 ATTACHMENT_MALFORMED for a stream cut before its closing boundary', async () => {
    expect(
      await upload(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf`,
      ),
    ).toEqual({
      status: 400,
      body: {
        code: 'ATTACHMENT_MALFORMED',
        message: {
          zh: '上传内容不是合法的 multipart/form-data',
          en: 'malformed multipart upload: Error [ERR_STREAM_PREMATURE_CLOSE]: Premature close',
        },
      },
    });
  });

  it('answers 400 ATTACHMENT_MISSING for a body that is not multipart and for a form without a file', async () => {
    expect(await upload('{}', 'application/json')).toMatchObject({ status: 400, body: { code: 'ATTACHMENT_MISSING' } });
    expect(await upload(`--${BOUNDARY}--\r\n`)).toMatchObject({ status: 400, body: { code: 'ATTACHMENT_MISSING' } });
  });

  it('answers 413 ATTACHMENT_TOO_LARGE past the size limit', async () => {
    expect(await upload(`${part('big.txt', 'x'.repeat(100))}--${BOUNDARY}--\r\n`)).toMatchObject({
      status: 413,
      body: { code: 'ATTACHMENT_TOO_LARGE' },
    });
  });

  it('answers 400 INVALID_TEXT for a NUL in the file name', async () => {
    expect(await upload(`${part('a\u0000.txt', 'x')}--${BOUNDARY}--\r\n`)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_TEXT', message: { zh: '字段 fileName（multipart）含有不允许的字符：空字符（NUL）' } },
    });
  });
});
