export { buildApp } from './app.js';
export { listen, serve, type ListenOptions, type Serving } from './listen.js';
export { configFromEnv, resolveConfig, DEFAULT_CONFIG, type ServerConfig } from './config.js';
export type { AppDeps, ArticleRequest, ReadArticle, ReadArticleResult } from './types.js';
