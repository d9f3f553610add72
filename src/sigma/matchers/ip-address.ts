/** IPv4 and IPv6 addresses and networks for the `cidr` modifier. */

// IPv4 addresses are plain numbers (BigInt arithmetic is far slower on the per-event path).
export type IpAddress = { readonly version: 4; readonly value: number } | { readonly version: 6; readonly value: bigint };

export type CidrNetwork =
  | { readonly version: 4; readonly base: number; readonly mask: number; readonly prefix: number }
  | { readonly version: 6; readonly base: bigint; readonly prefix: number };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function parseIpv4(text: string): number | undefined {
  const m = IPV4.exec(text);
  if (m === null) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = m[i] as string;
    // Leading zeros are ambiguous (octal in some parsers), so they are rejected as Python's ipaddress does.
    if (octet.length > 1 && octet.startsWith('0')) return undefined;
    const n = Number(octet);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function parseIpv6(input: string): bigint | undefined {
  const text = input.includes('%') ? input.slice(0, input.indexOf('%')) : input; // drop a zone id (fe80::1%eth0)
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0] as string);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  const all = [...head, ...tail];
  // An embedded IPv4 address (::ffff:10.0.0.1) fills the last two groups.
  const last = all[all.length - 1];
  let v4: number | undefined;
  if (last !== undefined && last.includes('.')) {
    v4 = parseIpv4(last);
    if (v4 === undefined) return undefined;
    (tail.length > 0 ? tail : head).pop();
  }
  const groupCount = head.length + tail.length + (v4 === undefined ? 0 : 2);
  if (halves.length === 1 ? groupCount !== 8 : groupCount > 7) return undefined;
  if (![...head, ...tail].every((g) => HEX_GROUP.test(g))) return undefined;
  const zeros = 8 - groupCount;
  let value = 0n;
  const push = (group: bigint, bits: bigint): void => {
    value = (value << bits) | group;
  };
  for (const g of head) push(BigInt(`0x${g}`), 16n);
  for (let i = 0; i < zeros; i++) push(0n, 16n);
  for (const g of tail) push(BigInt(`0x${g}`), 16n);
  if (v4 !== undefined) push(BigInt(v4), 32n);
  return value;
}

export function parseIpAddress(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { version: 4, value: v4 };
  if (!trimmed.includes(':')) return undefined;
  const v6 = parseIpv6(trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed);
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** Parses `address/prefix` (a bare address is a single host); returns the reason when invalid. */
export function parseCidr(text: string): CidrNetwork | string {
  const [addressText, prefixText, extra] = text.split('/');
  if (extra !== undefined || addressText === undefined) return 'expected address/prefix';
  const address = parseIpAddress(addressText);
  if (address === undefined || addressText.trim() !== addressText) return `'${addressText}' is not an IPv4 or IPv6 address`;
  const bits = address.version === 4 ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return `prefix length '${prefixText}' is not a number`;
    prefix = Number(prefixText);
    if (prefix > bits) return `prefix length ${prefix} exceeds ${bits} bits`;
  }
  const hostBits = 'has host bits set (write the network address, e.g. 10.0.0.0/8)';
  if (address.version === 4) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((address.value & ~mask) >>> 0 !== 0) return hostBits;
    return { version: 4, base: address.value, mask, prefix };
  }
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  if ((address.value & hostMask) !== 0n) return hostBits;
  return { version: 6, base: address.value, prefix };
}

/** Whether `address` lies in `network`; IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) count as their IPv4 address. */
export function networkContains(network: CidrNetwork, address: IpAddress): boolean {
  if (network.version === 4) {
    let v4: number;
    if (address.version === 4) v4 = address.value;
    else if (address.value >> 32n === 0xffffn) v4 = Number(address.value & 0xffffffffn);
    else return false;
    return ((v4 & network.mask) >>> 0) === network.base;
  }
  if (address.version !== 6) return false;
  const shift = BigInt(128 - network.prefix);
  return address.value >> shift === network.base >> shift;
}
