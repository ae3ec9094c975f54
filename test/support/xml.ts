// Writes plain JS objects as the XML the AWS query and EC2 protocols return (lists as <member>/<item> children).

/** How element names are chosen; query keeps SDK names, EC2 renames them to its wire names. */
export interface XmlNaming {
  /** The element wrapping each list entry: `member` (awsQuery) or `item` (ec2Query). */
  readonly listItem: "member" | "item";
  /** Element name for `key`; `parent` is the SDK name of the enclosing member ("" at the top). */
  readonly elementName: (key: string, parent: string) => string;
}

/** Escapes text and attribute values (the SDK parser decodes the five named entities and &#N;). */
export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&${ENTITIES[c]};`).replace(/\r/g, "&#13;");

const ENTITIES: Record<string, string> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" };

/** Serialises the members of `value` as sibling elements; null and undefined members are left out. */
export const xmlMembers = (value: Record<string, unknown>, naming: XmlNaming, parent = ""): string => {
  let out = "";
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === null) continue;
    out += xmlElement(naming.elementName(key, parent), member, naming, key);
  }
  return out;
};

/** One element; `key` is the SDK member name, passed down so nested names can depend on it. */
export const xmlElement = (name: string, value: unknown, naming: XmlNaming, key: string): string => {
  if (Array.isArray(value)) {
    const items = value
      .filter((item) => item !== undefined && item !== null)
      .map((item) => xmlElement(naming.listItem, item, naming, key))
      .join("");
    return items ? `<${name}>${items}</${name}>` : `<${name}/>`;
  }
  if (isRecord(value)) return `<${name}>${xmlMembers(value, naming, key)}</${name}>`;
  return `<${name}>${escapeXml(scalarText(value))}</${name}>`;
};

/**
 * Text of a scalar: timestamps as ISO 8601, which is what the query and EC2 deserializers expect
 * (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#xml-shape-serialization); blobs as base64.
 */
export const scalarText = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return String(value);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array);
