// Public API of ecs-assistant: explicit named exports only (an export test lists them).

export type { AdapterOptions, AgentAssistant, AgentToolError } from "./adapters/agentCall.ts";
export { agentCall, isAgentToolError } from "./adapters/agentCall.ts";
export type { OpenAiFunctionCall, OpenAiToolCall } from "./adapters/runOpenAiToolCalls.ts";
export { runOpenAiFunctionCalls, runOpenAiToolCalls } from "./adapters/runOpenAiToolCalls.ts";
export type { AiSdkTool, StandardJsonInputSchema } from "./adapters/toAiSdkTools.ts";
export { toAiSdkTools } from "./adapters/toAiSdkTools.ts";
export type { LangChainToolConfig, LangChainToolFactory, LangChainToolFields } from "./adapters/toLangChainTools.ts";
export { toLangChainTools } from "./adapters/toLangChainTools.ts";
export type { OpenAiChatTool, OpenAiResponsesTool } from "./adapters/toOpenAiTools.ts";
export { toOpenAiResponsesTools, toOpenAiTools } from "./adapters/toOpenAiTools.ts";
export type { EcsAssistant, EcsAssistantCore, EcsAssistantOptions, InvokeOptions } from "./assistant.ts";
export { createEcsAssistant } from "./assistant.ts";
export type { AuditAwsCall, AuditEntry, AuditSink } from "./audit/auditEntry.ts";
export type { FileAuditSink } from "./audit/fileAuditSink.ts";
export { createFileAuditSink } from "./audit/fileAuditSink.ts";
export type {
  AwsCall,
  CallObserver,
  CallOptions,
  InputOf,
  OperationOf,
  OutputOf,
  RawAwsCall,
  RawCallOptions,
} from "./aws/call.ts";
export type { AwsOptions } from "./aws/clients.ts";
export type { ServiceModules, ServiceName } from "./aws/services.ts";
export { ENDPOINT_ENV_SUFFIX, SERVICE_NAMES } from "./aws/services.ts";
export { CAPABILITIES } from "./capabilities.ts";
export type { Capability, PromptArg, PromptDef } from "./capability.ts";
export type { Tool, ToolDefinition } from "./defineTool.ts";
export type {
  AwsSituation,
  DeploymentOutcome,
  EcsError,
  EcsErrorKind,
  PolicyGate,
  ValidationIssue,
} from "./errors.ts";
export { publicError } from "./errors.ts";
export type { EcrDeletion } from "./expressmode/delete/deleteEcrStack.ts";
export type { ServiceDeletion } from "./expressmode/delete/deleteExpressService.ts";
export type { ContainerOptions, ContainerRuntimeName, ExpressSettings, PollingOptions } from "./expressmode/options.ts";
export type { ImageCheck as PrerequisiteImageCheck } from "./expressmode/prereq/checkImage.ts";
export type { RoleCheck } from "./expressmode/prereq/checkRole.ts";
export type {
  BuildAndPushParams,
  ContainerizeAppParams,
  DeleteAppParams,
  DeployAppParams,
  ValidatePrerequisitesParams,
  WaitForServiceReadyParams,
} from "./expressmode/schemas.ts";
export type { StoppedTask } from "./expressmode/service/stoppedTasks.ts";
export type { IamLevel } from "./iamPolicy.ts";
export { iamPolicyFor } from "./iamPolicy.ts";
export type { Logger, LogLevel } from "./log.ts";
export { silentLogger } from "./log.ts";
export type { OperationEntry } from "./operations/catalogue.ts";
export { CATALOGUE } from "./operations/catalogue.ts";
export type { Pagination } from "./operations/operationEntry.ts";
export type { EcsResourceManagementParams } from "./operations/schemas.ts";
export type { Access, Policy, PolicyLimits } from "./policy.ts";
export { createPolicy, DEFAULT_POLICY, narrowPolicy } from "./policy.ts";
export type { AnyTool, CallResult, ToolFilter, ToolSpec } from "./registry.ts";
export { jsonSchemaOf, selectTools, toolSpecs } from "./registry.ts";
export type { HostedOptions, KnowledgeOptions } from "./remote/options.ts";
export { KNOWLEDGE_DEFAULT_URL } from "./remote/options.ts";
export type { RemoteRef } from "./remote/remoteErrors.ts";
export type { RemoteCallOptions, RemoteMcp, RemoteTool } from "./remote/remoteMcp.ts";
export type { RemoteContent, RemoteToolResult } from "./remote/remoteResult.ts";
export { isRemoteToolResult, remoteCallResult } from "./remote/remoteResult.ts";
export type { ReadDocumentationParams, RecommendParams, SearchDocumentationParams } from "./remote/schemas.ts";
export type { RedactionReport, RedactOptions } from "./security/redact.ts";
export { redact, redactText } from "./security/redact.ts";
export type {
  CallAccess,
  Caller,
  IamActions,
  PerCallAccess,
  Progress,
  ToolAnnotations,
  ToolContext,
  ToolDescriptor,
  ToolGate,
  WorkStatus,
} from "./tool.ts";
export type { ToolMethods } from "./toolMethods.ts";
export { ALL_TOOLS } from "./tools.ts";
export {
  detectImagePullFailures,
  diagnose,
  fetchCloudformationStatus,
  fetchNetworkConfiguration,
  fetchServiceEvents,
  fetchServiceMetrics,
  fetchTaskFailures,
  fetchTaskLogs,
  getEcsTroubleshootingGuidance,
} from "./troubleshoot/api.ts";
export type { CallStats } from "./troubleshoot/callCounter.ts";
export type { ImageCheck } from "./troubleshoot/checkImages.ts";
export type { ImagePullReport } from "./troubleshoot/detectImagePullFailures.ts";
export type { EventLine } from "./troubleshoot/detectors/dedupeEvents.ts";
export type { TaskSummary } from "./troubleshoot/detectors/taskFailures.ts";
export type { Diagnosis } from "./troubleshoot/diagnose.ts";
export type { CloudformationStatus } from "./troubleshoot/fetchCloudformationStatus.ts";
export type { NetworkConfiguration } from "./troubleshoot/fetchNetworkConfiguration.ts";
export type { ServiceEvents } from "./troubleshoot/fetchServiceEvents.ts";
export type { TaskFailures } from "./troubleshoot/fetchTaskFailures.ts";
export type { TaskLogs } from "./troubleshoot/fetchTaskLogs.ts";
export type { Evidence, EvidenceSource, Finding, FindingCategory } from "./troubleshoot/finding.ts";
export type { TroubleshootingGuidance } from "./troubleshoot/getEcsTroubleshootingGuidance.ts";
export type { ServiceMetricsReport } from "./troubleshoot/metrics/fetchServiceMetrics.ts";
export type { ContainerInsightsMode } from "./troubleshoot/metrics/metricSpecs.ts";
export type { MetricReading } from "./troubleshoot/metrics/summarizeSeries.ts";
export type { LogEntry, LogGroupRead } from "./troubleshoot/readLogs.ts";
export type {
  Action as TroubleshootingAction,
  ActionInput as TroubleshootingParams,
  EcsTroubleshootingParams,
} from "./troubleshoot/schemas.ts";
export type { CheckReport } from "./troubleshoot/settle.ts";
export { COMMIT, VERSION } from "./version.ts";
