import { STATUS_CODES } from 'http';

const REASONS: Record<number, string> = {
  408: 'Request Time-out',
  460: 'Client Closed Request',
  463: 'Bad Request',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
  561: 'Unauthorized',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? STATUS_CODES[status] ?? 'Error';
}

const cache = new Map<number, Buffer>();

/** The HTML body the ALB returns with its own errors (`<center><h1>502 Bad Gateway</h1></center>`). */
export function errorPage(status: number): Buffer {
  let page = cache.get(status);
  if (!page) {
    const title = `${status} ${reasonPhrase(status)}`;
    page = Buffer.from(`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`);
    cache.set(status, page);
  }
  return page;
}
