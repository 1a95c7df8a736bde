/**
 * Whether the ALB passes a request body to a Lambda function as text: for these content types it sends
 * the body as is with isBase64Encoded false; for every other type (and none) it base64-encodes the body
 * (ELB user guide, "Lambda functions as targets", Receive events from the load balancer).
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type.startsWith('text/') || TEXT_TYPES.has(type);
}

const TEXT_TYPES = new Set(['application/json', 'application/javascript', 'application/xml']);
