/**
 * Every tab by its title in one menu, beside the tab bar: the bar has room for a few recipes' questions, the menu
 * lists them all (and any tab the user added), and choosing one switches to it.
 */
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";
import { createElement, type ChangeEvent, type ReactElement } from "react";

export interface TabMenuProps {
  /** A recipe's question by its operation name, which is what GraphiQL titles a tab with. */
  questions: ReadonlyMap<string, string>;
}

export function TabMenu({ questions }: TabMenuProps): ReactElement {
  const tabs = useGraphiQL((state) => state.tabs);
  const active = useGraphiQL((state) => state.activeTabIndex);
  const actions = useGraphiQLActions();
  return createElement(
    "select",
    {
      className: "playground-tab-menu",
      "aria-label": `All tabs (${tabs.length})`,
      title: "All tabs",
      value: active,
      onChange: (event: ChangeEvent<HTMLSelectElement>) => actions.changeTab(Number(event.target.value)),
    },
    tabs.map((tab, index) =>
      createElement("option", { key: tab.id, value: index }, `${index + 1}. ${questions.get(tab.title) ?? (tab.title || "<untitled>")}`),
    ),
  );
}
