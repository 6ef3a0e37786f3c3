import type { Executor } from "../db/executor.js";
import { EventRepository } from "./eventRepository.js";
import { GraphRepository } from "./graphRepository.js";
import { IncidentRepository } from "./incidentRepository.js";
import { ListRepository } from "./listRepositories.js";
import { ResearchRepository } from "./researchRepository.js";
import { SearchRepository } from "./searchRepository.js";

/** Every repository, bound to one request's executor. */
export interface Repositories {
  graph: GraphRepository;
  events: EventRepository;
  lists: ListRepository;
  search: SearchRepository;
  research: ResearchRepository;
  incidents: IncidentRepository;
}

export function createRepositories(db: Executor): Repositories {
  return {
    graph: new GraphRepository(db),
    events: new EventRepository(db),
    lists: new ListRepository(db),
    search: new SearchRepository(db),
    research: new ResearchRepository(db),
    incidents: new IncidentRepository(db),
  };
}
