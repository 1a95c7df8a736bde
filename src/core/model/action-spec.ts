import type { RedirectStatus } from '../options/enums';

/** An action as the user stated it, before planning fills defaults and validates it. */
export type ActionSpec =
  | { readonly type: 'forward'; readonly targets: { route: string; weight: number }[]; readonly stickinessSeconds?: number }
  | {
    readonly type: 'redirect';
    readonly protocol?: string;
    readonly host?: string;
    readonly port?: string;
    readonly path?: string;
    readonly query?: string;
    readonly status?: RedirectStatus;
  }
  | { readonly type: 'fixed-response'; readonly statusCode: number; readonly contentType?: string; readonly body?: string };
