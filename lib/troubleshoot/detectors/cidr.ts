// IPv4 CIDR arithmetic for security group rules (does a rule's range cover the load balancer's subnets?).

const toInt = (ip: string): number | undefined => {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
};

const parse = (cidr: string): { base: number; bits: number } | undefined => {
  const [ip, len = "32"] = cidr.split("/");
  const base = toInt(ip ?? "");
  const bits = Number(len);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  return { base, bits };
};

const mask = (bits: number) => (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);

/** Whether `outer` contains all of `inner` (both IPv4 CIDRs). */
export const cidrContains = (outer: string, inner: string): boolean => {
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i || i.bits < o.bits) return false;
  return (o.base & mask(o.bits)) >>> 0 === (i.base & mask(o.bits)) >>> 0;
};
