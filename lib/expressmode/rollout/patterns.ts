// The service-event and reason texts the rollout judgement recognises, in one place.
// Shapes from https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_deployment_events.html
// ("ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/…") and the service event messages
// ("(service x) (deployment ecs-svc/…) deployment failed: tasks failed to start.", "(service x) rolling back to deployment ecs-svc/…").

/** A reason or event saying a rollback started or happened. */
export const ROLLBACK_TEXT = /rolling back|rolled back|roll(?:ed|ing)? ?back to|rollback/i;

/** An event saying a deployment failed (circuit breaker, alarms, tasks failing to start). */
export const FAILURE_TEXT = /deployment failed|circuit breaker|failed to start|alarm.*(?:in alarm|triggered)/i;

/** Classic deployment ids as they appear in events and reasons (`ecs-svc/5169280574093855189`). */
export const DEPLOYMENT_ID = /ecs-svc\/[0-9A-Za-z]+/g;

/** The deployment ids a text names, in order. */
export const idsIn = (text: string | undefined): string[] => [...(text ?? "").matchAll(DEPLOYMENT_ID)].map((m) => m[0]);

/** The id a rollback text rolls back *to* (`rolling back to deploymentId ecs-svc/1`), if it names one. */
export const rollbackTargetIn = (text: string | undefined): string | undefined =>
  /roll(?:ing|ed)? ?back to (?:deployment(?:Id)? )?(ecs-svc\/[0-9A-Za-z]+)/i.exec(text ?? "")?.[1];
