/**
 * The subset of CloudWatch metric math that lbkit writes (`100 * FILL(errors, 0) / requests`):
 * numbers, metric ids, + - * /, parentheses, unary minus and FILL(id, number). Anything else is
 * refused when the expression is compiled, so an unsupported alarm fails at startup, not silently.
 */

/** A compiled expression: the metrics' datapoints by id (undefined: missing) → the value, or undefined (missing). */
export type MathExpression = (values: ReadonlyMap<string, number | undefined>) => number | undefined;

type Node =
  | { kind: 'number'; value: number }
  | { kind: 'id'; id: string }
  | { kind: 'fill'; id: string; value: number }
  | { kind: 'neg'; operand: Node }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Node; right: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/(),]))/y;

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expression);
    if (!m) throw new Error(`unexpected '${expression.slice(at).trim()[0]}' at position ${at + 1}`);
    tokens.push(m[1] ?? m[2] ?? m[3]);
    at = TOKEN.lastIndex;
  }
  return tokens;
}

/** Compiles an expression over the given metric ids; throws an Error saying what is not supported. */
export function compileMathExpression(expression: string, ids: readonly string[]): MathExpression {
  const tokens = tokenize(expression);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`expected '${t}'${tokens[i - 1] ? ` before '${tokens[i - 1]}'` : ' at the end'}`);
  };
  const knownId = (id: string) => {
    if (!ids.includes(id)) throw new Error(`unknown metric id ${id} (the alarm's metrics: ${ids.join(', ')})`);
    return id;
  };
  const number = (): number => {
    const negative = peek() === '-' ? (next(), true) : false;
    const t = next();
    if (t === undefined || !/^\d/.test(t)) throw new Error(`FILL takes a number as its second argument, received ${t ?? 'nothing'}`);
    return negative ? -Number(t) : Number(t);
  };
  const primary = (): Node => {
    const t = next();
    if (t === undefined) throw new Error('the expression ends too early');
    if (/^\d/.test(t)) return { kind: 'number', value: Number(t) };
    if (t === '(') {
      const inner = sum();
      expect(')');
      return inner;
    }
    if (t === '-') return { kind: 'neg', operand: primary() };
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() !== '(') return { kind: 'id', id: knownId(t) };
      if (t !== 'FILL') throw new Error(`function ${t} is not supported (only FILL(id, number))`);
      next();
      const id = next();
      if (id === undefined || !/^[A-Za-z_]/.test(id)) throw new Error('FILL takes a metric id as its first argument');
      knownId(id);
      expect(',');
      const value = number();
      expect(')');
      return { kind: 'fill', id, value };
    }
    throw new Error(`unexpected '${t}'`);
  };
  const product = (): Node => {
    let left = primary();
    while (peek() === '*' || peek() === '/') left = { kind: 'binary', op: next() as '*' | '/', left, right: primary() };
    return left;
  };
  const sum = (): Node => {
    let left = product();
    while (peek() === '+' || peek() === '-') left = { kind: 'binary', op: next() as '+' | '-', left, right: product() };
    return left;
  };
  const tree = sum();
  if (i < tokens.length) throw new Error(`unexpected '${tokens[i]}'`);
  return (values) => {
    const v = evaluate(tree, values);
    // CloudWatch drops non-finite results (a division by zero): no datapoint.
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  };
}

function evaluate(node: Node, values: ReadonlyMap<string, number | undefined>): number | undefined {
  switch (node.kind) {
    case 'number': return node.value;
    case 'id': return values.get(node.id);
    case 'fill': return values.get(node.id) ?? node.value;
    case 'neg': {
      const v = evaluate(node.operand, values);
      return v === undefined ? undefined : -v;
    }
    case 'binary': {
      const a = evaluate(node.left, values);
      const b = evaluate(node.right, values);
      if (a === undefined || b === undefined) return undefined;
      switch (node.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
      }
    }
  }
}
