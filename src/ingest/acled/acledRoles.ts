/**
 * The role each side of an ACLED row plays in its event, by event type and sub-event type, after ACLED's codebook
 * (2023): Actor 1 is the side that acts (the attacker, the demonstrators, the party that arrests), Actor 2 the side
 * acted upon; associated actors share their side's role. Demonstrators are never perpetrators: a protest or a riot is
 * something people take part in (PARTICIPANT), and only violence done to them or by a force against them has a
 * perpetrator. Non-violent strategic developments have participants, except arrests and looting, which are done to
 * someone.
 */
import type { ActorKind, EventCategory } from "../../model/enums.js";
import type { EventRole } from "../../model/enums.js";

/** What the role of a side depends on: its position (0 for actor1, 1 for actor2) and whom it stands for. */
export interface AcledSide {
  index: number;
  /** The kind of actor its inter code gives (CIVILIANS for inter 7). */
  kind: ActorKind | null;
  /** Its inter code as a number (6 protesters, 5 rioters), null when the row gives none. */
  inter: number | null;
}

/** The side acted upon suffers the event when it is civilians, else it was the event's target. */
const actedUpon = (side: AcledSide): EventRole => (side.kind === "CIVILIANS" ? "VICTIM" : "TARGET");

/** Protesters or rioters (inter 6 or 5): the people a demonstration event is about. */
const demonstrators = (side: AcledSide) => side.inter === 5 || side.inter === 6;

/**
 * The role of one side in an event of this category and ACLED sub-event type (as the row writes it, any case). Every
 * ACLED event type and sub-event type is covered; tests/unit/acledRoles.test.ts checks the table.
 */
export function acledRole(category: EventCategory, subEventType: string, side: AcledSide): EventRole {
  const sub = subEventType.trim().toLowerCase();
  switch (category) {
    case "BATTLES":
    case "EXPLOSIONS_REMOTE_VIOLENCE":
      // The attacking (or territory-taking) side, and the side attacked: combatants are targets, civilians victims.
      return side.index === 0 ? "PERPETRATOR" : actedUpon(side);
    case "VIOLENCE_AGAINST_CIVILIANS":
      // Actor 2 is the civilians targeted, whatever kind the row gives them.
      return side.index === 0 ? "PERPETRATOR" : "VICTIM";
    case "PROTESTS":
      // Excessive force: a force uses lethal violence against protesters, who suffer it (ACLED lists either first).
      if (sub === "excessive force against protesters") return demonstrators(side) ? "VICTIM" : "PERPETRATOR";
      // A peaceful protest, or one a force intervened in without lethal force: everyone named took part.
      return "PARTICIPANT";
    case "RIOTS":
      // The rioters take part. A mob's violence is done to Actor 2; in a violent demonstration Actor 2 (often a force
      // that intervened) took part too, unless it is civilians, who suffered it.
      if (side.index === 0 || demonstrators(side)) return "PARTICIPANT";
      if (sub === "mob violence") return actedUpon(side);
      return side.kind === "CIVILIANS" ? "VICTIM" : "PARTICIPANT";
    case "STRATEGIC_DEVELOPMENTS":
      // Arrests and looting are done by Actor 1 to Actor 2; agreements, bases, transfers and the rest have parties.
      if (sub === "arrests" || sub === "looting/property destruction") return side.index === 0 ? "PERPETRATOR" : actedUpon(side);
      return "PARTICIPANT";
    default:
      // Categories of other datasets never come from an ACLED row; a side of one would only have taken part.
      return "PARTICIPANT";
  }
}
