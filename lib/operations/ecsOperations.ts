// The ECS operations of ecs_resource_management, classified by what each call does (not by its name prefix).
import { type OperationSpec, ecsOp as op } from "./operationEntry.ts";

const S = { sensitive: true } as const;
const P100 = { maxPageSize: 100 } as const;
const AGENT = { agentOnly: true } as const;

/** ECS operations: the reference server's 65 plus newer ones (daemons, gateways, deployment control). */
export const ECS_OPERATIONS: readonly OperationSpec[] = [
  // Clusters and capacity
  op("ListClusters", "read", "List cluster ARNs.", P100),
  op("DescribeClusters", "read", "Describe clusters (status, task and service counts, settings)."),
  op("CreateCluster", "write", "Create a cluster."),
  op("UpdateCluster", "write", "Update a cluster's settings, configuration or Service Connect defaults."),
  op("UpdateClusterSettings", "write", "Change cluster settings such as Container Insights."),
  op("PutClusterCapacityProviders", "write", "Set a cluster's capacity providers and default strategy."),
  op("DeleteCluster", "destructive", "Delete an empty cluster."),
  op("DescribeCapacityProviders", "read", "Describe capacity providers."),
  op("CreateCapacityProvider", "write", "Create a capacity provider."),
  op("UpdateCapacityProvider", "write", "Change a capacity provider's parameters."),
  op("DeleteCapacityProvider", "destructive", "Delete a capacity provider."),
  // Services
  op("ListServices", "read", "List service ARNs in a cluster.", P100),
  op("ListServicesByNamespace", "read", "List services in a Cloud Map namespace.", P100),
  op("DescribeServices", "read", "Describe services (deployments, events, counts, load balancers)."),
  op("CreateService", "write", "Create a service."),
  op("UpdateService", "write", "Change a service (task definition, desired count, deployment settings)."),
  op("DeleteService", "destructive", "Delete a service (scale it to zero first, or use force)."),
  op("ListServiceDeployments", "read", "List a service's deployments.", P100),
  op("DescribeServiceDeployments", "read", "Describe service deployments (state, rollback, circuit breaker)."),
  op("DescribeServiceRevisions", "read", "Describe service revisions (the configuration a deployment rolled out)."),
  op("StopServiceDeployment", "destructive", "Stop an ongoing service deployment (roll back or abort)."),
  op("ContinueServiceDeployment", "write", "Continue or roll back a deployment paused at a lifecycle hook."),
  // Express Mode
  op(
    "ListExpressGatewayServices",
    "read",
    "List Express Mode services (ECS-managed) in a cluster or in all clusters.",
    {
      ...S,
      virtual: true,
      composedOf: ["ecs:ListClusters", "ecs:ListServices", "ecs:DescribeServices", "ecs:DescribeExpressGatewayService"],
    },
  ),
  op("DescribeExpressGatewayService", "read", "Describe an Express Mode service (endpoint, revisions, resources).", S),
  op("CreateExpressGatewayService", "write", "Create an Express Mode service from a container image.", S),
  op("UpdateExpressGatewayService", "write", "Update an Express Mode service (image, size, scaling, environment).", S),
  op("DeleteExpressGatewayService", "destructive", "Delete an Express Mode service and its managed resources.", S),
  // Tasks and task definitions
  op("ListTasks", "read", "List task ARNs (by cluster, service, family, status).", P100),
  op("DescribeTasks", "read", "Describe tasks (status, stop reason, containers, overrides).", S),
  op("GetTaskProtection", "read", "Read the scale-in protection status of tasks."),
  op("RunTask", "write", "Start tasks from a task definition.", S),
  op("StartTask", "write", "Start tasks on specific container instances.", S),
  op("StopTask", "destructive", "Stop a running task.", S),
  op("UpdateTaskProtection", "write", "Set or clear scale-in protection of tasks."),
  op("ExecuteCommand", "write", "Run a command in a container (returns a session; needs ECS Exec).", S),
  op("ListTaskDefinitions", "read", "List task definition ARNs.", P100),
  op("ListTaskDefinitionFamilies", "read", "List task definition families.", P100),
  op("DescribeTaskDefinition", "read", "Describe a task definition (containers, environment, secrets).", S),
  op("RegisterTaskDefinition", "write", "Register a task definition revision.", S),
  op("DeregisterTaskDefinition", "destructive", "Deregister a task definition revision (INACTIVE).", S),
  op("DeleteTaskDefinitions", "destructive", "Delete INACTIVE task definition revisions.", S),
  // Task sets
  op("DescribeTaskSets", "read", "Describe task sets of a service with an EXTERNAL or CODE_DEPLOY controller."),
  op("CreateTaskSet", "write", "Create a task set in a service."),
  op("UpdateTaskSet", "write", "Change a task set's scale."),
  op("UpdateServicePrimaryTaskSet", "write", "Make a task set the service's primary one."),
  op("DeleteTaskSet", "destructive", "Delete a task set."),
  // Container instances
  op("ListContainerInstances", "read", "List container instances in a cluster.", P100),
  op("DescribeContainerInstances", "read", "Describe container instances (agent, resources, status)."),
  op("UpdateContainerInstancesState", "write", "Set container instances ACTIVE or DRAINING."),
  op("DeregisterContainerInstance", "destructive", "Deregister a container instance from a cluster."),
  // Account settings, attributes, tags
  op("ListAccountSettings", "read", "List account settings (e.g. awsvpcTrunking, containerInsights).", {
    maxPageSize: 10,
  }),
  op("PutAccountSetting", "write", "Change an account setting for a principal."),
  op("PutAccountSettingDefault", "write", "Change an account setting's default for the account."),
  op(
    "DeleteAccountSetting",
    "destructive",
    "Delete an account setting override for a principal (back to the default).",
  ),
  op("ListAttributes", "read", "List attributes of ECS resources.", P100),
  op("PutAttributes", "write", "Create or update attributes on ECS resources."),
  op("DeleteAttributes", "destructive", "Delete attributes from ECS resources."),
  op("ListTagsForResource", "read", "List the tags of an ECS resource."),
  op("TagResource", "write", "Add tags to an ECS resource."),
  op("UntagResource", "write", "Remove tags from an ECS resource."),
  // Daemons (ECS Managed Instances)
  op("ListDaemons", "read", "List daemons."),
  op("DescribeDaemon", "read", "Describe a daemon."),
  op("ListDaemonDeployments", "read", "List a daemon's deployments."),
  op("DescribeDaemonDeployments", "read", "Describe daemon deployments."),
  op("DescribeDaemonRevisions", "read", "Describe daemon revisions."),
  op("ListDaemonTaskDefinitions", "read", "List daemon task definitions."),
  op("DescribeDaemonTaskDefinition", "read", "Describe a daemon task definition (environment, secrets).", S),
  op("CreateDaemon", "write", "Create a daemon on Managed Instances capacity providers."),
  op("UpdateDaemon", "write", "Update a daemon (rolling deployment)."),
  op("RegisterDaemonTaskDefinition", "write", "Register a daemon task definition.", S),
  op("DeleteDaemon", "destructive", "Delete a daemon."),
  op("DeleteDaemonTaskDefinition", "destructive", "Delete a daemon task definition.", S),
  // Gateways
  op("ListGateways", "read", "List gateways."),
  op("DescribeGateway", "read", "Describe a gateway."),
  op("DescribeGatewayResources", "read", "List the infrastructure a gateway manages."),
  op("ListGatewayRoutes", "read", "List gateway routes."),
  op("DescribeGatewayRoute", "read", "Describe a gateway route."),
  op("ListGatewayClusterAssociations", "read", "List gateway–cluster associations."),
  op("CreateGateway", "write", "Create a gateway."),
  op("UpdateGateway", "write", "Change a gateway's configuration."),
  op("AssociateGatewayWithCluster", "write", "Associate a gateway with a cluster."),
  op("DisassociateGatewayFromCluster", "write", "Remove a gateway–cluster association."),
  op("DeleteGateway", "destructive", "Delete a gateway."),
  // Used only by the ECS container agent: refused unless the policy's allow list names them.
  op("DiscoverPollEndpoint", "read", "Agent only: the endpoint the ECS agent polls.", AGENT),
  op("RegisterContainerInstance", "write", "Agent only: register an EC2 instance into a cluster.", AGENT),
  op("SubmitTaskStateChange", "write", "Agent only: report a task state change.", AGENT),
  op("SubmitContainerStateChange", "write", "Agent only: report a container state change.", AGENT),
  op("SubmitAttachmentStateChanges", "write", "Agent only: report attachment state changes.", AGENT),
  op("UpdateContainerAgent", "write", "Agent only: update the ECS agent on a container instance.", AGENT),
];
