/**
 * Operation types the schema does not serve (a `subscription` without a Subscription type) are refused while
 * validating, with graphql-js's own message, as GRAPHQL_VALIDATION_FAILED (400). graphql-js 16 validates them as if
 * they were fine and fails only when executing, which Apollo answered 200 with INTERNAL_SERVER_ERROR. Subscriptions,
 * served over WebSocket, are refused over HTTP the same way, with a message that says where they are served.
 */
import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from "graphql";

export function servedOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`Schema is not configured to execute ${node.operation} operation.`, { nodes: node }));
        return;
      }
      // Served, but not over HTTP (this rule runs for HTTP requests only; http/liveUpdates.ts serves the WebSocket).
      if (node.operation === OperationTypeNode.SUBSCRIPTION) {
        context.reportError(
          new GraphQLError(
            "Subscription operations are not served over HTTP: open a WebSocket to /graphql with the graphql-ws protocol (graphql-transport-ws) and subscribe there.",
            { nodes: node },
          ),
        );
      }
    },
  };
}
