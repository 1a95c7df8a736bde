/** The request fields of an access-log line: alike in the proxy's entry and the formatter's record. */
export interface AccessLogRequestFields {
  readonly receivedBytes: number;
  readonly sentBytes: number;
  readonly method: string;
  /** `protocol://host:port/path?query`, as AWS writes it in the request field. */
  readonly url: string;
  /** `HTTP/1.1`, `HTTP/2.0`. */
  readonly httpVersion: string;
  readonly userAgent?: string;
  /** OpenSSL cipher name, HTTPS listeners only. */
  readonly sslCipher?: string;
  /** `TLSv1.2`, `TLSv1.3`, HTTPS listeners only. */
  readonly sslProtocol?: string;
}
