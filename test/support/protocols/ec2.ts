// ec2Query wire format: query requests, XML answers without a Result wrapper, lowerCamel `locationName`s, <item> lists.
import type { FakeInput, WireCodec } from "../types.ts";
import { escapeXml, type XmlNaming, xmlMembers } from "../xml.ts";
import { EC2_ELEMENT_NAMES, EC2_INPUT_SINGULAR_LISTS, EC2_SCOPED_ELEMENT_NAMES } from "./ec2Names.ts";

const XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const CONTENT_TYPE = "text/xml;charset=UTF-8";

/**
 * SDK member name → EC2 wire name: the table for list and irregular names, else the name with a lower-case
 * first letter. Keys already in wire form (`vpcSet`, `instanceState`) pass through unchanged, so a handler
 * for an operation the table does not know can return wire names directly.
 */
export const ec2ElementName = (key: string, parent: string): string =>
  EC2_SCOPED_ELEMENT_NAMES[parent]?.[key] ?? EC2_ELEMENT_NAMES[key] ?? key.charAt(0).toLowerCase() + key.slice(1);

const EC2_NAMING: XmlNaming = { listItem: "item", elementName: ec2ElementName };

/**
 * `<OpResponse><requestId>…` with the output members directly inside; errors as
 * `<Response><Errors><Error>…</Errors><RequestID>` (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
export const ec2Codec: WireCodec = {
  unknownOperationCode: "InvalidAction",
  success: (operation, output, requestId) => ({
    status: 200,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId },
    body:
      `<${operation}Response xmlns="${XMLNS}"><requestId>${requestId}</requestId>` +
      `${xmlMembers(output, EC2_NAMING)}</${operation}Response>`,
  }),
  error: (_operation, error, requestId) => ({
    status: error.status,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId },
    body:
      `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`,
  }),
};

/**
 * The SDK sends EC2 lists under their singular query names (`Filter.1.Value.1`, `GroupId.1`); this renames
 * list-valued keys back to the SDK's plural member names (`Filters[].Values`, `GroupIds`) so handlers and
 * recorded calls read like the command input. Singular SDK list names are listed in ec2Names.ts.
 */
export const normalizeEc2Input = (operation: string, input: FakeInput): FakeInput =>
  pluralizeLists(input, EC2_INPUT_SINGULAR_LISTS[operation] ?? []) as FakeInput;

const pluralizeLists = (value: unknown, keep: readonly string[]): unknown => {
  if (Array.isArray(value)) return value.map((item) => pluralizeLists(item, keep));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const plural = Array.isArray(member) && !key.endsWith("s") && !keep.includes(key) ? `${key}s` : key;
    out[plural] = pluralizeLists(member, keep);
  }
  return out;
};
