// What each TWS message code means for this service. The policy is deliberate per code (see the TWS
// message-code list): farm notices are information, 1100 means IB's side is gone while our socket is
// fine (no reconnect), 1101 lost our subscriptions, 1102 kept them, 2152 is a depth-permission warning,
// 10197 a competing live session, 326 a client id clash, 502 an unreachable gateway.

export type CodeKind =
  /** 2104/2106/2158/2107/2108/2119 …: farm connection notices. */
  | 'info'
  /** 2103/2105/2157: a data farm disconnected (data degraded, TWS reconnects it). */
  | 'farm_down'
  /** 1100 / 2110: connectivity between TWS and IB lost; the socket stays. */
  | 'connectivity_lost'
  /** 1101: restored, market data subscriptions lost. */
  | 'restored_data_lost'
  /** 1102: restored, subscriptions kept. */
  | 'restored_data_kept'
  /** 1300: TWS dropped this socket (port reset). */
  | 'socket_dropped'
  /** 2152 / 309 / 10092: no depth for this request: fall back to level 1. */
  | 'depth_unavailable'
  /** 317: the depth book was reset by TWS; clear it. */
  | 'depth_reset'
  /** 10197: no market data while another live session competes; retry later. */
  | 'competing_session'
  /** 326: client id in use. */
  | 'client_id_in_use'
  /** 502: could not connect. */
  | 'connect_failed'
  /** 504: not connected. */
  | 'not_connected'
  /** 505 and decoding errors of the client library: a malformed message. */
  | 'malformed'
  /** 300: no such request id (benign after a cancel). */
  | 'unknown_request'
  /** A request of ours was refused (no security definition, not subscribed, bad parameters). */
  | 'request_failed'
  /** Other 2100–2999 warnings. */
  | 'warning'
  | 'error';

export interface CodePolicy {
  kind: CodeKind;
  level: 'debug' | 'info' | 'warn' | 'error';
}

const TABLE: Readonly<Record<number, CodePolicy>> = {
  2104: { kind: 'info', level: 'info' },
  2106: { kind: 'info', level: 'info' },
  2158: { kind: 'info', level: 'info' },
  2107: { kind: 'info', level: 'info' },
  2108: { kind: 'info', level: 'info' },
  2119: { kind: 'info', level: 'info' },
  2103: { kind: 'farm_down', level: 'warn' },
  2105: { kind: 'farm_down', level: 'warn' },
  2157: { kind: 'farm_down', level: 'warn' },
  1100: { kind: 'connectivity_lost', level: 'warn' },
  2110: { kind: 'connectivity_lost', level: 'warn' },
  1101: { kind: 'restored_data_lost', level: 'warn' },
  1102: { kind: 'restored_data_kept', level: 'info' },
  1300: { kind: 'socket_dropped', level: 'warn' },
  2152: { kind: 'depth_unavailable', level: 'warn' },
  309: { kind: 'depth_unavailable', level: 'warn' },
  10092: { kind: 'depth_unavailable', level: 'warn' },
  317: { kind: 'depth_reset', level: 'info' },
  10197: { kind: 'competing_session', level: 'warn' },
  326: { kind: 'client_id_in_use', level: 'warn' },
  502: { kind: 'connect_failed', level: 'warn' },
  504: { kind: 'not_connected', level: 'warn' },
  505: { kind: 'malformed', level: 'warn' },
  507: { kind: 'malformed', level: 'warn' },
  508: { kind: 'malformed', level: 'warn' },
  300: { kind: 'unknown_request', level: 'debug' },
  200: { kind: 'request_failed', level: 'error' },
  162: { kind: 'request_failed', level: 'warn' },
  321: { kind: 'request_failed', level: 'error' },
  322: { kind: 'request_failed', level: 'warn' },
  354: { kind: 'request_failed', level: 'error' },
  420: { kind: 'request_failed', level: 'error' },
  10089: { kind: 'request_failed', level: 'warn' },
  10090: { kind: 'warning', level: 'info' },
  10167: { kind: 'warning', level: 'warn' },
  10168: { kind: 'request_failed', level: 'error' },
};

export function codePolicy(code: number): CodePolicy {
  const known = TABLE[code];
  if (known !== undefined) return known;
  if (code >= 2100 && code < 3000) return { kind: 'warning', level: 'info' };
  return { kind: 'error', level: 'error' };
}
