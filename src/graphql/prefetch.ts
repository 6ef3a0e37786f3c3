/**
 * Which relationship fields a query selects below a list or a node, as a plan for fetching them ahead in the same
 * statement (see repositories/prefetch.ts). Only plain relationship fields are planned; connections, research
 * fields and anything deeper than `MAX_DEPTH` are left to the loaders.
 */
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLResolveInfo,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { RelationName } from "../repositories/graphRepository.js";
import type { PrefetchField } from "../repositories/prefetch.js";

const MAX_DEPTH = 4;

interface Planned {
  relation: RelationName;
  /** The loader arguments the field's resolver passes, from the field's GraphQL arguments. */
  args?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** A wrapper object between the field and the node (`participants { actor { … } }`). */
  through?: string;
}

/** Relationship fields by `Type.field`; each must resolve through `related`/`fetchedAhead` with the same arguments. */
const plannedFields: Record<string, Planned> = {
  "Actor.partOf": { relation: "actorPartOf" },
  "Actor.members": { relation: "actorMembers" },
  "Actor.allies": { relation: "actorAllies" },
  "Actor.agreements": { relation: "actorAgreements" },
  "Place.parent": { relation: "placeParent" },
  "Place.ancestors": { relation: "placeAncestors" },
  "Place.children": { relation: "placeChildren" },
  "Place.agreements": { relation: "placeAgreements" },
  "Event.places": { relation: "eventPlaces" },
  "Event.participants": { relation: "eventParticipants", args: (values) => ({ role: values.role ?? null }), through: "actor" },
  "Event.perpetrators": { relation: "eventPerpetrators" },
  "Event.claims": { relation: "eventClaims" },
  "Event.statements": { relation: "eventStatements", args: (values) => ({ stance: values.stance ?? null }) },
  "Event.violates": { relation: "eventViolates" },
  "Event.evidence": { relation: "evidence", through: "source" },
  "Claim.event": { relation: "claimEvent" },
  "Claim.actors": { relation: "claimActors" },
  "Claim.assertedBy": { relation: "claimAssertedBy" },
  "Claim.source": { relation: "claimSource" },
  "Claim.disputedBy": { relation: "claimDisputedBy" },
  "Claim.evidence": { relation: "evidence", through: "source" },
  "Agreement.parties": { relation: "agreementParties" },
  "Agreement.covers": { relation: "agreementCovers" },
  "Agreement.evidence": { relation: "evidence", through: "source" },
  "Statement.speaker": { relation: "statementSpeaker" },
  "Statement.onBehalfOf": { relation: "statementOnBehalfOf" },
  "Statement.about": { relation: "statementAbout" },
  "Statement.targets": { relation: "statementTargets" },
  "Statement.invokes": { relation: "statementInvokes" },
  "Statement.disputes": { relation: "statementDisputes" },
  "Statement.source": { relation: "statementSource" },
  "Statement.evidence": { relation: "evidence", through: "source" },
  "Source.publisher": { relation: "sourcePublisher" },
};

/** The plan for the node selected by the resolved field itself (`event(id) { … }`). */
export function planForField(info: GraphQLResolveInfo, typeName: string): PrefetchField[] {
  return plan(info, typeName, selectionSets(info.fieldNodes), 0);
}

/** The plan for the nodes of a connection (`events { edges { node { … } } }`). */
export function planForConnection(info: GraphQLResolveInfo, typeName: string): PrefetchField[] {
  const nodes = fieldsNamed(info, selectionSets(fieldsNamed(info, selectionSets(info.fieldNodes), "edges")), "node");
  return plan(info, typeName, selectionSets(nodes), 0);
}

function selectionSets(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
}

/** Fields selected in `sets` (through fragments), all of them or only those called `name`. */
function fieldsNamed(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], name?: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (name === undefined || selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

function plan(info: GraphQLResolveInfo, typeName: string, sets: readonly SelectionSetNode[], depth: number): PrefetchField[] {
  const type = info.schema.getType(typeName);
  if (depth >= MAX_DEPTH || !isObjectType(type)) return [];
  const byKey = new Map<string, { field: PrefetchField; sets: SelectionSetNode[]; childType: string }>();
  for (const node of fieldsNamed(info, sets)) {
    const planned = plannedFields[`${typeName}.${node.name.value}`];
    const definition = type.getFields()[node.name.value];
    if (!planned || !definition) continue;
    const args = planned.args ? planned.args(getArgumentValues(definition, node, info.variableValues)) : {};
    let childType = getNamedType(definition.type).name;
    let childSets = selectionSets([node]);
    if (planned.through) {
      const wrapper = info.schema.getType(childType);
      const inner = isObjectType(wrapper) ? wrapper.getFields()[planned.through] : undefined;
      if (!inner) continue;
      childType = getNamedType(inner.type).name;
      childSets = selectionSets(fieldsNamed(info, childSets, planned.through));
    }
    const key = `${planned.relation}:${JSON.stringify(args)}`;
    const entry = byKey.get(key) ?? { field: { relation: planned.relation, args, children: [] }, sets: [], childType };
    entry.sets.push(...childSets);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ field, sets: childSets, childType }) => ({
    ...field,
    children: plan(info, childType, childSets, depth + 1),
  }));
}
