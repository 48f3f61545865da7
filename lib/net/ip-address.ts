// Which IP addresses an outbound request (a webhook, a media URL we fetch) may reach: only public
// unicast ones. Everything a server can reach but the internet cannot (private networks, loopback,
// link-local and cloud metadata, CGNAT, multicast, reserved and documentation ranges) is refused, in
// IPv4 and IPv6 alike, including IPv6 forms that embed an IPv4 address (::ffff:127.0.0.1).
import { isIPv4, isIPv6 } from "node:net";

export type AddressKind =
  | "public"
  | "private"
  | "loopback"
  | "link-local"
  | "cgnat"
  | "multicast"
  | "unspecified"
  | "metadata"
  | "reserved"
  | "invalid";

type Range = [prefix: number[], bits: number, kind: Exclude<AddressKind, "public" | "invalid">];

// IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry).
const V4: Range[] = [
  [[0], 8, "unspecified"],
  [[10], 8, "private"],
  [[100, 64], 10, "cgnat"],
  [[127], 8, "loopback"],
  [[169, 254, 169, 254], 32, "metadata"],
  [[169, 254], 16, "link-local"],
  [[172, 16], 12, "private"],
  [[192, 0, 0], 24, "reserved"],
  [[192, 0, 2], 24, "reserved"],
  [[192, 88, 99], 24, "reserved"],
  [[192, 168], 16, "private"],
  [[198, 18], 15, "reserved"],
  [[198, 51, 100], 24, "reserved"],
  [[203, 0, 113], 24, "reserved"],
  [[224], 4, "multicast"],
  [[240], 4, "reserved"],
];

// IPv6 ranges (as bytes); the ones embedding an IPv4 address are handled before these.
const V6: Range[] = [
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, "metadata"], // AWS fd00:ec2::254
  [[0xfc], 7, "private"],
  [[0xfe, 0x80], 10, "link-local"],
  [[0xfe, 0xc0], 10, "private"], // deprecated site-local
  [[0xff], 8, "multicast"],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, "reserved"], // discard-only
  [[0x20, 0x01, 0x0d, 0xb8], 32, "reserved"], // documentation
  [[0x20, 0x01, 0, 0], 32, "reserved"], // Teredo: tunnels to an address we cannot see
  [[0x20, 0x01, 0x00, 0x10], 28, "reserved"], // ORCHID
];

function inRange(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(bytes: number[]): AddressKind {
  if (bytes.every((b) => b === 255)) return "reserved"; // broadcast
  return V4.find(([prefix, bits]) => inRange(bytes, prefix, bits))?.[2] ?? "public";
}

function parseV4(address: string): number[] {
  return address.split(".").map(Number);
}

/** The 16 bytes of an IPv6 address (any textual form Node accepts, with or without a dotted tail). */
function parseV6(address: string): number[] {
  let text = address.replace(/%.*$/, ""); // zone id (fe80::1%eth0)
  const tail: number[] = [];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    text = text.slice(0, -dotted[1]!.length) + `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const words = (s: string | undefined) => (s ? s.split(":").map((w) => parseInt(w, 16)) : []);
  const left = words(head);
  const right = words(rest);
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  for (const g of groups) tail.push(g >> 8, g & 0xff);
  return tail;
}

function classifyV6(bytes: number[]): AddressKind {
  const zeros = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zeros(16)) return "unspecified";
  if (zeros(15) && bytes[15] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): the IPv4 address decides.
  if (zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff) return classifyV4(bytes.slice(12));
  if (zeros(12)) return "reserved";
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
  if (inRange(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return classifyV4(bytes.slice(12));
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return classifyV4(bytes.slice(2, 6));
  return V6.find(([prefix, bits]) => inRange(bytes, prefix, bits))?.[2] ?? "public";
}

/** What kind of address `address` is (an IPv4 or IPv6 literal, IPv6 with or without brackets). */
export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  if (isIPv4(bare)) return classifyV4(parseV4(bare));
  if (isIPv6(bare)) return classifyV6(parseV6(bare));
  return "invalid";
}
