// Public API of ecs-assistant: explicit named exports only (an export test lists them).

export type { EcsAssistant, EcsAssistantOptions, InvokeOptions } from "./assistant.ts";
export { createEcsAssistant } from "./assistant.ts";
export type { AuditAwsCall, AuditEntry, AuditSink } from "./audit/auditEntry.ts";
export type { FileAuditSink } from "./audit/fileAuditSink.ts";
export { createFileAuditSink } from "./audit/fileAuditSink.ts";
export type { AwsCall, CallObserver, InputOf, OperationOf, OutputOf } from "./aws/call.ts";
export type { AwsOptions } from "./aws/clients.ts";
export type { ServiceName } from "./aws/services.ts";
export { ENDPOINT_ENV_SUFFIX, SERVICE_NAMES } from "./aws/services.ts";
export type { EcsError, EcsErrorKind, PolicyGate, ValidationIssue } from "./errors.ts";
export { publicError } from "./errors.ts";
export type { Logger, LogLevel } from "./log.ts";
export { silentLogger } from "./log.ts";
export type { Access, FlagNaming, Policy } from "./policy.ts";
export { createPolicy, DEFAULT_POLICY } from "./policy.ts";
export type { AnyTool, CallResult, ToolFilter, ToolSpec } from "./registry.ts";
export { jsonSchemaOf, selectTools, toolSpecs } from "./registry.ts";
export type { OperationEntry } from "./resources/catalogue.ts";
export { CATALOGUE } from "./resources/catalogue.ts";
export type { EcsResourceManagementParams } from "./resources/schemas.ts";
export { redact, redactText } from "./security/redact.ts";
export type { Progress, ToolAnnotations, ToolContext, ToolDescriptor, ToolGate } from "./tool.ts";
export { ALL_TOOLS } from "./tools.ts";
export { COMMIT, VERSION } from "./version.ts";
