import type { Socket } from 'node:net';
import type { Server } from 'node:tls';
import { FAIR_USAGE_CONNECTION_LIMIT, FAIR_USAGE_SUB_STATUS } from '../core/catalogue';
import { forbidden, type ApiProblem } from './api/problems';

/**
 * Thredd's fair usage policy on the sandbox's API listeners: at most `limit` concurrent connections per client IP
 * address, both listeners together. A connection opened while `limit` older ones from its address are still
 * open is past the limit: its API calls get the 403 with sub-status 501. Once older ones close, it is within the
 * limit again. Counted on connections, as the policy words it, not on requests.
 */
export class FairUsage {
  /** Open connections by client address, oldest first (a Set keeps insertion order). */
  private readonly open = new Map<string, Set<Socket>>();

  constructor(readonly limit: number = FAIR_USAGE_CONNECTION_LIMIT) {}

  /** Counts the server's connections from the handshake until they close. */
  watch(server: Server): void {
    server.on('secureConnection', (socket: Socket) => {
      const address = clientAddress(socket);
      const sockets = this.open.get(address) ?? new Set();
      this.open.set(address, sockets.add(socket));
      socket.once('close', () => {
        sockets.delete(socket);
        if (sockets.size === 0) this.open.delete(address);
      });
    });
  }

  /** The 403 for a call on this connection, or undefined while it is within the limit. */
  refusal(socket: Socket): ApiProblem | undefined {
    const address = clientAddress(socket);
    const sockets = this.open.get(address);
    if (!sockets || sockets.size <= this.limit) return undefined;
    let older = 0;
    for (const other of sockets) {
      if (other === socket) break;
      older += 1;
    }
    if (older < this.limit) return undefined;
    // How Thredd shows "sub-status 501" is not published; the sandbox puts it in the body and says it.
    const detail =
      `Fair usage: ${address} has ${sockets.size} connections open to the API, more than the ${this.limit} allowed at once ` +
      `(403, sub-status ${FAIR_USAGE_SUB_STATUS}). Send calls over fewer connections.`;
    return forbidden(detail, {}, { subStatus: FAIR_USAGE_SUB_STATUS });
  }
}

/** The client's IP address, an IPv4-mapped IPv6 address read as the IPv4 one. */
function clientAddress(socket: Socket): string {
  return (socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}
