// The part of the `smpp` package's API (v0.5.1, no types of its own) that Textstack uses.
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer, Socket } from "node:net";

  /** A PDU's mandatory parameters and TLVs are properties named as in the SMPP specification. */
  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [parameter: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  export interface Session extends EventEmitter {
    socket: Socket;
    /** False (and nothing written) when the socket is not writable. */
    send(pdu: PDU, responseCallback?: (response: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  interface Smpp {
    connect(options: { host: string; port: number; tls?: boolean }): Session;
    createServer(listener: (session: Session) => void): Server;
    PDU: new (command: string, options?: Record<string, unknown>) => PDU;
    /** command_status names to values (ESME_ROK, ESME_RTHROTTLED, ...). */
    errors: Record<string, number>;
    encodings: Record<string, unknown>;
  }

  const smpp: Smpp;
  export default smpp;
}
