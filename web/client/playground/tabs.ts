/**
 * GraphiQL titles a tab after its operation's name, which cannot hold a question. It does keep the titles
 * it stores, though: on a first visit (nothing stored yet) the stored tab state is the recipes, each titled
 * with its question. Everything else goes to the browser's localStorage as GraphiQL would do by itself.
 */
import type { GraphiQLProps } from "graphiql";

type GraphiQLStorage = NonNullable<GraphiQLProps["storage"]>;

/** GraphiQL's key for its tabs (its storage namespace and STORAGE_KEY.tabs). */
const TAB_STATE_KEY = "graphiql:tabState";

export interface TitledTab {
  title: string;
  query: string;
}

export function storageWithRecipeTabs(tabs: readonly TitledTab[], storage: Storage = localStorage): GraphiQLStorage {
  const firstVisitState = JSON.stringify({
    activeTabIndex: 0,
    tabs: tabs.map((tab, index) => ({
      id: `recipe-${index + 1}`,
      hash: "",
      title: tab.title,
      query: tab.query,
      variables: null,
      headers: null,
      operationName: null,
      response: null,
    })),
  });
  return {
    getItem: (key) => storage.getItem(key) ?? (key === TAB_STATE_KEY ? firstVisitState : null),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    clear: () => storage.clear(),
    get length() {
      return storage.length;
    },
  };
}
