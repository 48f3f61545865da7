// One bind_transceiver to an SMSC, kept open: connect and bind, enquire_link every period (a link
// that stops answering is dropped), reconnect with exponential backoff whenever the link is lost or
// the bind refused, and answer what the SMSC sends (enquire_link, unbind, deliver_sm).
import type { PDU, Session } from "smpp";
import type { SmppConfig } from "@/lib/carriers/connection-config";
import { smpp, STATUS, statusName } from "@/lib/carriers/smpp/smpp-library";

export interface BindTimings {
  enquireLinkMs: number;
  /** How long a request (bind, submit_sm, enquire_link) waits for its response. */
  responseTimeoutMs: number;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
}

/** What became of a request: its response, or why there is none. */
export type RequestResult =
  | { kind: "response"; pdu: PDU }
  /** Not bound, or the socket would not take it: nothing was written. */
  | { kind: "not_sent" }
  /** Written, then the link dropped before the response: the SMSC may or may not have it. */
  | { kind: "lost" }
  | { kind: "timeout" };

/** Handles a deliver_sm; resolves with the command_status of its deliver_sm_resp. */
export type DeliverHandler = (pdu: PDU) => Promise<number>;

export interface BindProblem {
  code: string;
  message: string;
}

interface Link {
  session: Session;
  bound: boolean;
  pending: Map<number, (result: RequestResult) => void>;
  enquireTimer?: NodeJS.Timeout;
  /** Resolves when the socket has closed. */
  closed: Promise<void>;
  corked?: boolean;
}

export class SmppBind {
  private link: Link | null = null;
  private closed = false;
  private attempts = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private boundWaiters = new Set<() => void>();
  /** Why the last connection or bind failed (cleared once bound). */
  problem: BindProblem | null = null;
  onDeliver: DeliverHandler = async () => STATUS.OK;

  constructor(
    private readonly config: SmppConfig,
    private readonly timings: BindTimings,
    private readonly log: (message: string) => void,
  ) {
    this.connect();
  }

  get bound(): boolean {
    return this.link?.bound === true;
  }

  /** Resolves true once bound, false if not bound within `ms` (or the bind is closed). */
  waitBound(ms: number): Promise<boolean> {
    if (this.bound) return Promise.resolve(true);
    if (this.closed || ms <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.boundWaiters.delete(done);
        resolve(this.bound);
      };
      const timer = setTimeout(done, ms);
      this.boundWaiters.add(done);
    });
  }

  /** Sends a request on the bound link and waits for its response. */
  request(pdu: PDU): Promise<RequestResult> {
    const link = this.link;
    if (!link?.bound) return Promise.resolve({ kind: "not_sent" });
    return this.send(link, pdu);
  }

  /** Unbinds (waiting briefly for unbind_resp), closes the socket and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const link = this.link;
    // Nothing new goes out once closing; what is in flight still gets its response before unbind_resp.
    const wasBound = link?.bound === true;
    if (link) link.bound = false;
    for (const wake of [...this.boundWaiters]) wake();
    if (!link) return;
    if (wasBound) await this.send(link, new smpp.PDU("unbind"), Math.min(this.timings.responseTimeoutMs, 2_000));
    link.session.close();
    // A peer that never closes its side must not hold close() up.
    const timer = setTimeout(() => link.session.destroy(), 2_000);
    await link.closed;
    clearTimeout(timer);
  }

  private send(link: Link, pdu: PDU, timeoutMs = this.timings.responseTimeoutMs): Promise<RequestResult> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: RequestResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        link.pending.delete(pdu.sequence_number);
        resolve(result);
      };
      const timer = setTimeout(() => settle({ kind: "timeout" }), timeoutMs);
      this.cork(link);
      if (!link.session.send(pdu, (response) => settle({ kind: "response", pdu: response }))) {
        settle({ kind: "not_sent" });
        return;
      }
      link.pending.set(pdu.sequence_number, settle);
    });
  }

  /** PDUs written in the same tick go out in one write (a window's worth of submits is one syscall, not 50). */
  private cork(link: Link) {
    if (link.corked) return;
    link.corked = true;
    link.session.socket.cork();
    process.nextTick(() => {
      link.corked = false;
      link.session.socket.uncork();
    });
  }

  private connect() {
    if (this.closed) return;
    const { host, port, tls } = this.config;
    const session = smpp.connect({ host, port, tls });
    let markClosed!: () => void;
    const link: Link = { session, bound: false, pending: new Map(), closed: new Promise((resolve) => (markClosed = resolve)) };
    this.link = link;
    session.on("error", (error: Error) => {
      const message = `Connection to the SMSC at ${host}:${port} failed: ${error.message}`;
      if (message !== this.problem?.message) this.log(message);
      this.problem = { code: "connection_error", message };
    });
    session.on("close", () => {
      markClosed();
      this.onClose(link);
    });
    session.once(tls ? "secureConnect" : "connect", () => void this.bind(link));
    session.on("pdu", (pdu: PDU) => {
      if (!pdu.isResponse()) void this.onRequest(link, pdu);
    });
  }

  private async bind(link: Link) {
    const { systemId, password, systemType } = this.config;
    const result = await this.send(
      link,
      new smpp.PDU("bind_transceiver", { system_id: systemId, password, system_type: systemType, interface_version: 0x34 }),
    );
    if (result.kind === "response" && result.pdu.command_status === STATUS.OK) {
      link.bound = true;
      this.attempts = 0;
      this.problem = null;
      link.enquireTimer = setInterval(() => void this.enquireLink(link), this.timings.enquireLinkMs);
      for (const wake of [...this.boundWaiters]) wake();
      return;
    }
    if (result.kind === "lost") return;
    this.problem =
      result.kind === "response"
        ? { code: statusName(result.pdu.command_status), message: `The SMSC refused the bind of system_id "${systemId}": ${statusName(result.pdu.command_status)}` }
        : { code: "bind_timeout", message: `The SMSC did not answer the bind of system_id "${systemId}"` };
    this.log(this.problem.message);
    link.session.destroy();
  }

  private async enquireLink(link: Link) {
    const result = await this.send(link, new smpp.PDU("enquire_link"));
    if (result.kind === "timeout") {
      this.log("enquire_link unanswered: dropping the link to reconnect");
      link.session.destroy();
    }
  }

  private async onRequest(link: Link, pdu: PDU) {
    switch (pdu.command) {
      case "enquire_link":
        link.session.send(pdu.response());
        return;
      case "unbind":
        // The SMSC is going away (restart, maintenance): answer, then reconnect like after a drop.
        link.bound = false;
        link.session.send(pdu.response());
        link.session.close();
        return;
      case "deliver_sm": {
        const status = await this.onDeliver(pdu).catch(() => STATUS.TEMPORARY_APP_ERROR);
        link.session.send(pdu.response({ command_status: status }));
        return;
      }
      default:
        link.session.send(pdu.response({ command_status: STATUS.INVALID_COMMAND }));
    }
  }

  private onClose(link: Link) {
    if (link.bound && !this.closed) this.log("Link to the SMSC lost: reconnecting");
    link.bound = false;
    clearInterval(link.enquireTimer);
    for (const settle of [...link.pending.values()]) settle({ kind: "lost" });
    if (this.link !== link || this.closed) return;
    this.link = null;
    // 1 s, 2 s, 4 s ... up to the cap, with jitter so many binds do not come back in step.
    const delay = Math.min(this.timings.reconnectMaxMs, this.timings.reconnectBaseMs * 2 ** this.attempts) * (0.8 + Math.random() * 0.4);
    this.attempts++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }
}
