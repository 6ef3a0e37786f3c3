/** Built from docs/recipes.md by web/build/viteConfig.ts. */
declare module "virtual:recipes" {
  export const recipeTabs: { title: string; operationName: string; query: string }[];
}
