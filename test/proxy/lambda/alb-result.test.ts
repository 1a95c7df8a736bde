import { LAMBDA_RESPONSE_MAX_BYTES } from '../../../src/core/limits';
import { albResponse } from '../../../src/proxy/lambda/alb-result';

const json = (value: unknown) => JSON.stringify(value);

describe("a Lambda function's result as the ALB's response", () => {
  test('status, description, single-value headers and a text body', () => {
    const r = albResponse(json({
      statusCode: 200,
      statusDescription: '200 OK',
      isBase64Encoded: false,
      headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'a=1', 'Content-Length': '999', 'Connection': 'close' },
      multiValueHeaders: { 'x-ignored': ['yes'] },
      body: '<h1>hi</h1>',
    }), false);
    expect(r).toEqual({ ok: true, statusCode: 200, statusMessage: 'OK', headers: [['content-type', 'text/html'], ['set-cookie', 'a=1']], body: Buffer.from('<h1>hi</h1>') });
  });

  test('multi-value on: multiValueHeaders are used, headers ignored', () => {
    const r = albResponse(json({ statusCode: 201, headers: { 'x-ignored': 'yes' }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'], 'x-n': [1] } }), true);
    expect(r).toEqual({ ok: true, statusCode: 201, headers: [['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['x-n', '1']], body: Buffer.alloc(0) });
  });

  test('a base64 body is decoded; a status given as a string of digits is taken', () => {
    const bytes = Buffer.from([137, 80, 78, 71]);
    const r = albResponse(json({ statusCode: '202', isBase64Encoded: true, body: bytes.toString('base64') }), false);
    expect(r).toMatchObject({ ok: true, statusCode: 202, body: bytes });
  });

  test.each([
    ['not JSON', '{'],
    ['null (a handler that returned nothing)', 'null'],
    ['a string', json('hello')],
    ['an array', json([200])],
    ['no statusCode', json({ body: 'x' })],
    ['a statusCode out of range', json({ statusCode: 99 })],
    ['a fractional statusCode', json({ statusCode: 200.5 })],
    ['a body that is not a string', json({ statusCode: 200, body: { a: 1 } })],
    ['isBase64Encoded not a boolean', json({ statusCode: 200, isBase64Encoded: 'true' })],
    ['a header value that is an object', json({ statusCode: 200, headers: { a: { b: 1 } } })],
    ['statusDescription not a string', json({ statusCode: 200, statusDescription: 200 })],
  ])('malformed: %s → LambdaInvalidResponse', (_what, payload) => {
    expect(albResponse(payload, false)).toEqual({ ok: false, errorReason: 'LambdaInvalidResponse' });
  });

  test('multi-value on: a multiValueHeaders entry that is not a list is malformed', () => {
    expect(albResponse(json({ statusCode: 200, multiValueHeaders: { a: 'b' } }), true)).toEqual({ ok: false, errorReason: 'LambdaInvalidResponse' });
  });

  test('a result over 1 MB → LambdaResponseTooLarge; just under is served', () => {
    const overhead = json({ statusCode: 200, body: '' }).length;
    const fits = json({ statusCode: 200, body: 'x'.repeat(LAMBDA_RESPONSE_MAX_BYTES - overhead) });
    expect(albResponse(fits, false)).toMatchObject({ ok: true });
    const over = json({ statusCode: 200, body: 'x'.repeat(LAMBDA_RESPONSE_MAX_BYTES - overhead + 1) });
    expect(albResponse(over, false)).toEqual({ ok: false, errorReason: 'LambdaResponseTooLarge' });
  });
});
