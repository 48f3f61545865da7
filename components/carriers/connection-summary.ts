// One line saying what a connection is set to, for the connections table.
import type { ConnectionView } from "@/lib/delivery/manage-connections";

const percent = (value: unknown) => `${Math.round(Number(value) * 1000) / 10}%`;

export function connectionSummary({ kind, config }: Pick<ConnectionView, "kind" | "config">): string {
  switch (kind) {
    case "SIMULATOR":
      return `Delivers after ${Number(config.deliveryDelayMs) / 1000} s · ${percent(config.undeliveredRate)} undelivered · ${percent(config.failedRate)} failed`;
    case "SMPP":
      return `${String(config.host)}:${String(config.port)}${config.tls ? " (TLS)" : ""} as ${String(config.systemId)}`;
    case "TWILIO":
      return `Account ${String(config.accountSid).slice(0, 6)}…${String(config.accountSid).slice(-4)}`;
  }
}
