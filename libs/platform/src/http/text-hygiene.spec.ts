import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import { answerFrameworkError } from '../errors/framework-errors';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { assertCleanText, findInvalidText, registerTextHygieneHook, textDefect } from './text-hygiene';

@Controller('notes')
class NotesController {
  @Post(':id')
  create(@Param('id') id: string, @Body() body: unknown) {
    return { id, body };
  }

  @Get()
  list(@Query('q') q?: string) {
    return { q: q ?? null };
  }
}

@Module({ controllers: [NotesController] })
class NotesModule {}

let app: NestFastifyApplication;

beforeAll(async () => {
  const adapter = new FastifyAdapter({ bodyLimit: 1024, frameworkErrors: answerFrameworkError });
  registerTextHygieneHook(adapter);
  app = await NestFactory.create<NestFastifyApplication>(NotesModule, adapter, { logger: false });
  app.useGlobalFilters(new HttpErrorFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(() => app.close());

async function send(method: 'GET' | 'POST', url: string, payload?: string, contentType = 'application/json') {
  const response = await app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload, headers: { 'content-type': contentType } }),
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

describe('textDefect', () => {
  it('finds a NUL, a lone high or low surrogate, and passes Chinese text with an emoji (a valid pair)', () => {
    expect(textDefect('a\u0000b')).toBe('nul');
    expect(textDefect('工资\uD83D')).toBe('lone-surrogate');
    expect(textDefect('\uDE00拖欠')).toBe('lone-surrogate');
    expect(textDefect('\uDE00\uD83D')).toBe('lone-surrogate');
    expect(textDefect('拖欠工资三个月 😀，请尽快处理')).toBeNull();
    expect(textDefect('')).toBeNull();
  });
});

describe('findInvalidText', () => {
  it('names the nested field, array indices included, and a bad key', () => {
    expect(findInvalidText({ petitioners: [{ name: '张三' }, { name: '李\u0000四' }] }, 'body')).toEqual({
      in: 'body',
      field: 'petitioners.1.name',
      reason: 'nul',
    });
    expect(findInvalidText({ notes: { 'k\u0000': 1 } }, 'body')).toEqual({ in: 'body', field: 'notes.k\\0', reason: 'nul' });
    expect(findInvalidText('\uD800', 'query')).toEqual({ in: 'query', field: '(root)', reason: 'lone-surrogate' });
    expect(findInvalidText({ n: 1, ok: true, none: null, text: '正常 🎉' }, 'body')).toBeNull();
  });

  it('walks a body nested 20 000 levels deep without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 20000; i++) deep = [deep];
    expect(findInvalidText(deep, 'body')).toMatchObject({ reason: 'nul' });
  });

  it('assertCleanText throws 400 INVALID_TEXT for multipart fields', () => {
    expect(() => assertCleanText({ fileName: 'a\u0000.pdf' }, 'multipart')).toThrow(
      'INVALID_TEXT: field fileName (multipart) contains a NUL character',
    );
  });
});

describe('the hygiene hook on every route', () => {
  it('answers 400 INVALID_TEXT with a zh-CN reason naming the field for a NUL in a nested body field', async () => {
    expect(await send('POST', '/notes/n1', JSON.stringify({ action: { note: '已签收\u0000' } }))).toEqual({
      status: 400,
      body: {
        code: 'INVALID_TEXT',
        message: { zh: '字段 action.note（body）含有不允许的字符：空字符（NUL）', en: 'field action.note (body) contains a NUL character' },
        details: { fields: [{ field: 'action.note', in: 'body', reason: 'nul' }] },
      },
    });
  });

  it('answers 400 INVALID_TEXT for a lone surrogate sent as a JSON escape', async () => {
    const res = await send('POST', '/notes/n1', '{"leaderRef":"\\ud800"}');
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'INVALID_TEXT', details: { fields: [{ field: 'leaderRef', in: 'body', reason: 'lone-surrogate' }] } },
    });
    expect((res.body['message'] as { zh: string }).zh).toBe('字段 leaderRef（body）含有不允许的字符：不成对的 UTF-16 代理项');
  });

  it('answers 400 INVALID_TEXT for a NUL in a query parameter and in a path parameter', async () => {
    expect(await send('GET', '/notes?q=%00')).toMatchObject({
      status: 400,
      body: { code: 'INVALID_TEXT', details: { fields: [{ field: 'q', in: 'query', reason: 'nul' }] } },
    });
    expect(await send('POST', '/notes/a%00b', '{}')).toMatchObject({
      status: 400,
      body: { code: 'INVALID_TEXT', details: { fields: [{ field: 'id', in: 'params', reason: 'nul' }] } },
    });
  });

  it('passes Chinese text with an emoji (a valid surrogate pair, also as JSON escapes) to the handler', async () => {
    expect(await send('POST', '/notes/n1', JSON.stringify({ content: '村里路灯坏了😀' }))).toEqual({
      status: 201,
      body: { id: 'n1', body: { content: '村里路灯坏了😀' } },
    });
    expect(await send('POST', '/notes/n1', '{"content":"\\ud83d\\ude00"}')).toEqual({
      status: 201,
      body: { id: 'n1', body: { content: '😀' } },
    });
    expect(await send('GET', `/notes?q=${encodeURIComponent('劳资纠纷 🎉')}`)).toEqual({ status: 200, body: { q: '劳资纠纷 🎉' } });
  });
});

describe('Fastify’s own refusals in the one error body', () => {
  it('answers 400 INVALID_JSON for a body that does not parse, and 400 EMPTY_JSON_BODY for an empty one', async () => {
    expect(await send('POST', '/notes/n1', '{"a":')).toEqual({
      status: 400,
      body: {
        code: 'INVALID_JSON',
        message: { zh: '请求体不是合法的 JSON', en: "Body is not valid JSON but content-type is set to 'application/json'" },
      },
    });
    expect(await send('POST', '/notes/n1', '')).toMatchObject({ status: 400, body: { code: 'EMPTY_JSON_BODY' } });
  });

  it('answers 413 BODY_TOO_LARGE past the body limit and 415 UNSUPPORTED_MEDIA_TYPE for a type no parser takes', async () => {
    expect(await send('POST', '/notes/n1', JSON.stringify({ content: 'x'.repeat(2000) }))).toEqual({
      status: 413,
      body: { code: 'BODY_TOO_LARGE', message: { zh: '请求体过大', en: 'Request body is too large' } },
    });
    expect(await send('POST', '/notes/n1', '<a/>', 'application/xml')).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: { zh: '不支持的请求内容类型（Content-Type），请使用 application/json' } },
    });
  });

  it('gives an unknown route 404 with a Chinese reason', async () => {
    expect(await send('GET', '/nowhere')).toMatchObject({ status: 404, body: { code: 'HTTP_404', message: { zh: '请求的资源不存在' } } });
  });
});

describe('odd URLs', () => {
  it('answers 400 BAD_URL for a path with a broken percent-encoding and 414 PARAM_TOO_LONG past maxParamLength', async () => {
    expect(await send('POST', '/notes/%E0%A4%A', '{}')).toEqual({
      status: 400,
      body: { code: 'BAD_URL', message: { zh: '请求地址含有无效的百分号编码', en: "'/notes/%E0%A4%A' is not a valid url component" } },
    });
    expect(await send('POST', `/notes/${'x'.repeat(101)}`, '{}')).toMatchObject({
      status: 414,
      body: { code: 'PARAM_TOO_LONG', message: { zh: '请求地址中的参数过长' } },
    });
  });

  it('keeps a broken percent-encoding in a query as the text it is', async () => {
    expect(await send('GET', '/notes?q=%E0%A4%A')).toEqual({ status: 200, body: { q: '%E0%A4%A' } });
  });
});
