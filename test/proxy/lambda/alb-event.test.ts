import { albEvent, AlbEventRequest } from '../../../src/proxy/lambda/alb-event';
import { isTextContentType } from '../../../src/proxy/lambda/text-content-type';

const ARN = 'arn:aws:elasticloadbalancing:local:000000000000:targetgroup/api/lbkit-local';

function request(over: Partial<AlbEventRequest> = {}): AlbEventRequest {
  return {
    method: 'GET',
    path: '/v1/items',
    query: '',
    targetGroupArn: ARN,
    multiValue: false,
    body: Buffer.alloc(0),
    headers: [['Host', 'api.example.com'], ['Accept', 'text/html'], ['x-forwarded-proto', 'https']],
    ...over,
  };
}

describe('the ALB → Lambda request event', () => {
  test('single-value: lower-cased header names, the target group ARN, an empty text body', () => {
    expect(albEvent(request())).toEqual({
      requestContext: { elb: { targetGroupArn: ARN } },
      httpMethod: 'GET',
      path: '/v1/items',
      queryStringParameters: {},
      headers: { 'host': 'api.example.com', 'accept': 'text/html', 'x-forwarded-proto': 'https' },
      body: '',
      isBase64Encoded: false,
    });
  });

  test('single-value: the last value of a repeated query parameter or header wins; nothing is URL-decoded', () => {
    const event = albEvent(request({
      query: 'a=1&q=%3FshowAll%3Dtrue&a=2&flag&plus=a+b',
      headers: [['Cookie', 'a=1'], ['cookie', 'b=2']],
    }));
    expect(event.queryStringParameters).toEqual({ a: '2', q: '%3FshowAll%3Dtrue', flag: '', plus: 'a+b' });
    expect(event.headers).toEqual({ cookie: 'b=2' });
    expect(event.multiValueHeaders).toBeUndefined();
    expect(event.multiValueQueryStringParameters).toBeUndefined();
  });

  test('multi-value: every value in order, and no single-value fields', () => {
    const event = albEvent(request({ multiValue: true, query: 'a=1&b=x&a=2', headers: [['Cookie', 'a=1'], ['cookie', 'b=2'], ['Host', 'h']] }));
    expect(event.multiValueQueryStringParameters).toEqual({ a: ['1', '2'], b: ['x'] });
    expect(event.multiValueHeaders).toEqual({ cookie: ['a=1', 'b=2'], host: ['h'] });
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.headers).toBeUndefined();
  });

  test('text bodies as they are, other bodies base64 (and a body without a content type)', () => {
    const json = albEvent(request({ method: 'POST', body: Buffer.from('{"a":1}'), headers: [['Content-Type', 'application/json; charset=utf-8']] }));
    expect(json).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    const bytes = Buffer.from([0, 1, 2, 255]);
    const png = albEvent(request({ method: 'POST', body: bytes, headers: [['content-type', 'image/png']] }));
    expect(png).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
    const untyped = albEvent(request({ method: 'POST', body: Buffer.from('hi'), headers: [] }));
    expect(untyped).toMatchObject({ body: Buffer.from('hi').toString('base64'), isBase64Encoded: true });
  });

  test('a client header named __proto__ is a header like any other', () => {
    const event = albEvent(request({ headers: [['__proto__', 'x']], query: '__proto__=1' }));
    expect(Object.getPrototypeOf(event.headers)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(event.headers, '__proto__')?.value).toBe('x');
    expect(Object.getOwnPropertyDescriptor(event.queryStringParameters, '__proto__')?.value).toBe('1');
  });
});

describe('the content types the ALB passes as text', () => {
  test.each([
    ['text/plain', true], ['text/html; charset=utf-8', true], ['TEXT/CSV', true], ['application/json', true],
    ['application/javascript', true], ['application/xml', true], ['application/octet-stream', false],
    ['application/x-www-form-urlencoded', false], ['image/png', false], [undefined, false],
  ])('%s → %s', (type, text) => {
    expect(isTextContentType(type)).toBe(text);
  });
});
