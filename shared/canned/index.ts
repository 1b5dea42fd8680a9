/** Canned responses: the model, permissions, variable rendering, ranking, suggestions and CSV. */
export * from './model';
export * from './permissions';
export * from './variables';
export * from './rank';
export * from './suggest';
export * from './csv';
export { intentsOf } from './intents';
