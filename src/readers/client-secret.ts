import { ClientSecretModel, REFERENCE } from '../core/model/load-balancer-model';

/** What a client secret lbkit cannot trace to a Secrets Manager secret reads as. */
export const UNKNOWN_CLIENT_SECRET: ClientSecretModel = { secretId: REFERENCE };

const DYNAMIC_REFERENCE = /^\{\{resolve:secretsmanager:(.+)\}\}$/;
/** Segments of a secret ARN: arn:partition:secretsmanager:region:account:secret:name. */
const ARN_SEGMENTS = 7;

/**
 * A CloudFormation Secrets Manager dynamic reference
 * (`{{resolve:secretsmanager:<id>:SecretString:<json-key>:<stage>:<version>}}`, the parts after the
 * id optional), with references inside already read as REFERENCE. Anything else (a literal, an
 * SSM reference) reads as an unknown secret: lbkit never needs the value itself.
 */
export function parseDynamicReference(text: string): ClientSecretModel {
  const m = DYNAMIC_REFERENCE.exec(text);
  if (!m) return UNKNOWN_CLIENT_SECRET;
  const parts = m[1].split(':');
  const idLength = parts[0] === 'arn' ? ARN_SEGMENTS : 1;
  const secretId = parts.slice(0, idLength).join(':');
  const [kind, jsonField] = parts.slice(idLength);
  if (secretId === '' || (kind !== undefined && kind !== 'SecretString')) return UNKNOWN_CLIENT_SECRET;
  return { secretId, ...(jsonField ? { jsonField } : {}) };
}

/**
 * The expression a Terraform client secret is written as: the `secret_string` of an
 * `aws_secretsmanager_secret_version` data source, whole or one field of its JSON
 * (`jsondecode(...).field`, `jsondecode(...)["field"]` or `lookup(jsondecode(...), "field")`).
 * Returns the data source's name and the field, or undefined for any other expression.
 */
export function parseSecretExpression(text: string, dataType: string): { name: string; jsonField?: string } | undefined {
  const source = `data\\.${dataType}\\.([A-Za-z_][\\w-]*)\\.secret_string`;
  const whole = new RegExp(`^\\$\\{${source}\\}$`).exec(text);
  if (whole) return { name: whole[1] };
  const field = new RegExp(`^\\$\\{(?:jsondecode\\(${source}\\)(?:\\.([A-Za-z_][\\w-]*)|\\[("(?:[^"\\\\]|\\\\.)*")\\])|lookup\\(jsondecode\\(${source}\\),\\s*("(?:[^"\\\\]|\\\\.)*")\\))\\}$`).exec(text);
  if (!field) return undefined;
  const quoted = field[3] ?? field[5];
  return { name: field[1] ?? field[4], jsonField: field[2] ?? (JSON.parse(quoted) as string) };
}
