/**
 * GraphiQL titles each tab with its operation's name (recomputed whenever the tab changes), and a GraphQL
 * name cannot hold a question. So the tab buttons show the recipe's question in place of a recipe's
 * operation name; a tab whose operation was renamed keeps GraphiQL's own title.
 */
export function showQuestionsAsTabTitles(root: HTMLElement, questions: ReadonlyMap<string, string>): void {
  const retitle = (): void => {
    for (const button of root.querySelectorAll<HTMLButtonElement>("button.graphiql-tab-button")) {
      const question = questions.get(button.textContent.trim());
      if (question === undefined) continue;
      // The text node React rendered is kept (only its text changes), so React's own updates still land.
      const text = Array.from(button.childNodes).find((node) => node.nodeType === Node.TEXT_NODE);
      if (text) text.textContent = question;
      button.title = question;
    }
  };
  new MutationObserver(retitle).observe(root, { subtree: true, childList: true, characterData: true });
  retitle();
}
