/**
 * Operation types the schema does not serve (`subscription { x }`: there is no Subscription type) are refused while
 * validating, with graphql-js's own message, as GRAPHQL_VALIDATION_FAILED (400). graphql-js 16 validates them as if
 * they were fine and fails only when executing, which Apollo answered 200 with INTERNAL_SERVER_ERROR.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";

export function servedOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (schema.getRootType(node.operation)) return;
      context.reportError(new GraphQLError(`Schema is not configured to execute ${node.operation} operation.`, { nodes: node }));
    },
  };
}
