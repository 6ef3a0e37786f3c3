/**
 * The playground: GraphiQL with the research recipes (docs/recipes.md) as its opening tabs. Monaco's
 * workers and every font and style are bundled, so nothing is fetched from outside this server.
 */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./playground.css";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { recipeTabs } from "virtual:recipes";
import { createFetcher } from "./fetcher.js";
import { TabMenu } from "./tabMenu.js";
import { showQuestionsAsTabTitles } from "./tabTitles.js";

const container = document.getElementById("graphiql");
if (!container) throw new Error("the page has no #graphiql element");

const questions = new Map(recipeTabs.map((tab) => [tab.operationName, tab.title]));

const logo = createElement(
  GraphiQL.Logo,
  null,
  createElement(TabMenu, { questions }),
  createElement(
    "span",
    { className: "playground-brand" },
    createElement("span", { className: "playground-title" }, "conflict-graph"),
    createElement("a", { href: "/explore", className: "playground-explore-link" }, "Explorer"),
  ),
);

createRoot(container).render(
  createElement(
    GraphiQL,
    {
      fetcher: createFetcher("/graphql"),
      defaultTabs: recipeTabs.map(({ query }) => ({ query })),
      defaultHeaders: "{}",
      // The schema's documentation beside the editor, as the README says.
      visiblePlugin: "Documentation Explorer",
      // Open on the headers editor, where an editor key goes, when the window has room for it and the query.
      defaultEditorToolsVisibility: window.innerHeight >= 720 ? "headers" : false,
      // Keys stay in the page unless the user asks to keep them.
      shouldPersistHeaders: false,
    },
    logo,
  ),
);

showQuestionsAsTabTitles(container, questions);
