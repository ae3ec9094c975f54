// awsQuery wire format (CloudFormation, IAM, ELBv2, STS): form-encoded Action/Version requests, XML answers.
import type { DecodedRequest, FakeService, UndecodableRequest, WireCodec, WireError } from "../types.ts";
import { escapeXml, type XmlNaming, xmlMembers } from "../xml.ts";
import { ec2Codec, normalizeEc2Input } from "./ec2.ts";
import { parseQueryParams } from "./queryParams.ts";

/** API `Version` parameter → service and the XML namespace its responses declare. */
const VERSIONS: Record<string, { service: FakeService; xmlns: string }> = {
  "2010-05-15": { service: "cloudformation", xmlns: "http://cloudformation.amazonaws.com/doc/2010-05-15/" },
  "2010-05-08": { service: "iam", xmlns: "https://iam.amazonaws.com/doc/2010-05-08/" },
  "2015-12-01": { service: "elbv2", xmlns: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/" },
  "2011-06-15": { service: "sts", xmlns: "https://sts.amazonaws.com/doc/2011-06-15/" },
  "2016-11-15": { service: "ec2", xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/" },
};

const CONTENT_TYPE = "text/xml";

/** awsQuery keeps SDK member names; list entries are `<member>`. */
const QUERY_NAMING: XmlNaming = { listItem: "member", elementName: (key) => key };

/**
 * `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…` on success; `<ErrorResponse><Error>` on failure
 * (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#response-serialization).
 */
export const queryCodec = (xmlns: string): WireCodec => ({
  unknownOperationCode: "InvalidAction",
  success: (operation, output, requestId) => ({
    status: 200,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId },
    body:
      `<${operation}Response xmlns="${xmlns}">` +
      `<${operation}Result>${xmlMembers(output, QUERY_NAMING)}</${operation}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
      `</${operation}Response>`,
  }),
  error: (_operation, error, requestId) => ({
    status: error.status,
    headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId },
    body: queryErrorXml(xmlns, error, requestId),
  }),
});

const queryErrorXml = (xmlns: string, error: WireError, requestId: string): string =>
  `<ErrorResponse xmlns="${xmlns}"><Error>` +
  `<Type>${error.status >= 500 ? "Receiver" : "Sender"}</Type>` +
  `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
  `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;

/** Routes a form-encoded body by its `Version` (query or EC2) and `Action`. */
export const decodeQueryRequest = (body: string): DecodedRequest | UndecodableRequest => {
  const params = new URLSearchParams(body);
  const operation = params.get("Action") ?? "";
  const version = params.get("Version") ?? "";
  const known = VERSIONS[version];
  if (!known || !operation) {
    return {
      codec: queryCodec("https://unknown.amazonaws.com/"),
      operation,
      error: {
        code: "InvalidAction",
        message: `fakeAws: cannot route Action=${operation} Version=${version}`,
        status: 400,
      },
    };
  }
  const input = parseQueryParams(params);
  if (known.service === "ec2") {
    return { service: "ec2", operation, input: normalizeEc2Input(operation, input), codec: ec2Codec };
  }
  return { service: known.service, operation, input, codec: queryCodec(known.xmlns) };
};
